import { Title, type MantineSpacing, type TitleOrder } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A part of a page named by its heading: the section is labelled by the title, so assistive
 * technology lists it as a region with that name.
 */
export function TitledSection({
  id,
  title,
  order = 2,
  size = 'h4',
  mb = 'xs',
  children,
}: {
  id: string;
  title: ReactNode;
  order?: TitleOrder;
  size?: 'h3' | 'h4';
  mb?: MantineSpacing;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <Title order={order} size={size} id={id} mb={mb}>
        {title}
      </Title>
      {children}
    </section>
  );
}
