import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A table that scrolls sideways on narrow screens. The scrolling box is focusable and named, so
 * keyboard users can scroll it too (axe: scrollable-region-focusable).
 */
export function ScrollTable({ minWidth, label, children }: { minWidth: number; label?: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer
      type="native"
      minWidth={minWidth}
      tabIndex={0}
      role="region"
      aria-label={label ?? t('common.scrollTable')}
    >
      {children}
    </Table.ScrollContainer>
  );
}
