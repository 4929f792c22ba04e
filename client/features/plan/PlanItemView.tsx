import { Badge, Box, Group, Paper, Stack, Text, Title, type TitleOrder } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanItemDto } from '../../../shared/contracts/plans';
import { AssignmentList } from './AssignmentList';
import { anchorOf } from './tree';

interface Props {
  item: PlanItemDto;
  /** Heading level of a titled item (2 for the sections "I.", "II." …). */
  level: TitleOrder;
  /** Sub-items, already rendered. */
  children?: ReactNode;
  /** The path above the item, shown in search results. */
  context?: ReactNode;
  /** Whether to give the block its anchor id (only once per page). */
  withAnchor?: boolean;
}

/**
 * One item of the plan with its label exactly as issued, its full text and who carries it out.
 * Sections are plain headings; objectives, tasks, solutions and duties are cards, highlighted
 * when the signed-in unit holds them.
 */
export function PlanItemView({ item, level, children, context, withAnchor = true }: Props) {
  const { t } = useTranslation();
  const id = withAnchor ? anchorOf(item) : undefined;
  const mineBadge = item.isMine ? (
    <Badge size="sm" variant="filled" color="bio.8" style={{ flexShrink: 0 }}>
      {t('plan.mineBadge')}
    </Badge>
  ) : null;
  const heading = item.title ? (
    <Title order={level} size={level <= 2 ? 'h3' : 'h5'} style={{ scrollMarginTop: 72 }}>
      <span className="plan-label">{item.label}</span> {item.title}
    </Title>
  ) : null;

  if (item.kind === 'section' && !context) {
    return (
      <Stack gap="sm" id={id} component="section" style={{ scrollMarginTop: 72 }}>
        <Group gap="xs">
          {heading}
          {item.assignments.length === 0 && mineBadge}
        </Group>
        {item.text && <Text style={{ whiteSpace: 'pre-line' }}>{item.text}</Text>}
        {item.assignments.length > 0 && <AssignmentList assignments={item.assignments} />}
        {children && <Stack gap="sm">{children}</Stack>}
      </Stack>
    );
  }

  return (
    <Paper
      withBorder
      p="md"
      radius="sm"
      id={id}
      className={item.isMine ? 'mine-item' : undefined}
      style={{ scrollMarginTop: 72 }}
      component="article"
    >
      <Stack gap="xs">
        {context}
        {(heading || mineBadge) && (
          <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
            {heading ?? <span />}
            {mineBadge}
          </Group>
        )}
        {item.text && (
          <Group gap={6} wrap="nowrap" align="flex-start">
            {!item.title && (
              <Text fw={700} component="span" aria-hidden={item.label === '-'}>
                {item.label}
              </Text>
            )}
            <Text style={{ whiteSpace: 'pre-line' }}>{item.text}</Text>
          </Group>
        )}
        {item.assignments.length > 0 && (
          <Box pt={4}>
            <AssignmentList assignments={item.assignments} />
          </Box>
        )}
        {children && <Stack gap="sm">{children}</Stack>}
      </Stack>
    </Paper>
  );
}
