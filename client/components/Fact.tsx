import { Text, type MantineSize } from '@mantine/core';
import type { ReactNode } from 'react';

/** One term and its value in a `<dl>` of facts about a record; `size` is the value's text size. */
export function Fact({ label, size, children }: { label: string; size?: MantineSize; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fw={500} size={size}>
        {children}
      </Text>
    </div>
  );
}
