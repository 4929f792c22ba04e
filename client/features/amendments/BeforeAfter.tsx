import { Box, List, Paper, SimpleGrid, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AmendmentChangeDto } from '../../../shared/contracts/amendments';
import { wordDiff, type DiffPart } from './wordDiff';

type Before = NonNullable<AmendmentChangeDto['before']>;
type Side = 'before' | 'after';

/** One side of a word diff: the current text with removed words struck, or the proposed one with added words marked. */
function DiffSide({ parts, side }: { parts: DiffPart[]; side: Side }) {
  const { t } = useTranslation();
  return (
    <>
      {parts.map((part, i) => {
        if (part.kind === 'same') return <span key={i}>{part.text}</span>;
        if (side === 'before' && part.kind === 'removed')
          return (
            <del key={i} className="diff-removed">
              <VisuallyHidden>[{t('versions.deleted')}: </VisuallyHidden>
              {part.text}
              <VisuallyHidden>]</VisuallyHidden>
            </del>
          );
        if (side === 'after' && part.kind === 'added')
          return (
            <ins key={i} className="diff-added">
              <VisuallyHidden>[{t('versions.inserted')}: </VisuallyHidden>
              {part.text}
              <VisuallyHidden>]</VisuallyHidden>
            </ins>
          );
        return null;
      })}
    </>
  );
}

function assignmentLines(
  t: (key: string) => string,
  list: Array<{ orgUnit: { id: string; fullName: string } | null; unitGroup?: string | null; role: string }>,
) {
  return list.map((a) => `${t(`amendments.${a.role}`)}: ${a.orgUnit?.fullName ?? t(`plan.groups.${a.unitGroup}`)}`);
}

/**
 * A changed or removed item as the leader decides it: the text in force beside the proposed
 * one (stacked on a phone), the words that go struck through on the left, the words that come
 * underlined on the right, and the units responsible before and after.
 */
export function BeforeAfter({
  change: c,
  before,
  version,
}: {
  change: AmendmentChangeDto;
  before: Before;
  version: number;
}) {
  const { t } = useTranslation();
  const removed = c.op === 'remove';
  const heading = (label: string | null, title: string | null) => [label, title].filter(Boolean).join(' ');
  const beforeHeading = heading(before.label, before.title);
  const afterHeading = removed ? '' : heading(c.label ?? before.label, c.title !== undefined ? c.title : before.title);
  const afterText = removed ? '' : c.text !== undefined ? (c.text ?? '') : (before.text ?? '');
  const headingParts = wordDiff(beforeHeading, afterHeading);
  const textParts = wordDiff(before.text ?? '', afterText);
  const beforeUnits = assignmentLines(t, before.assignments);
  // The named units are replaced; the groups of units the plan names stay.
  const afterUnits = removed
    ? []
    : c.assignments
      ? [
          ...assignmentLines(t, c.assignments),
          ...assignmentLines(
            t,
            before.assignments.filter((a) => a.unitGroup),
          ),
        ]
      : beforeUnits;
  const unitsChanged = beforeUnits.join('|') !== afterUnits.join('|');

  const column = (side: Side) => (
    <Paper withBorder p="sm" className={`before-after before-after-${side}`} data-testid={`change-${side}`}>
      <Text size="xs" fw={700} mb={4}>
        {side === 'before' ? t('decision.beforeSide', { n: version }) : t('decision.afterSide')}
      </Text>
      {side === 'after' && removed ? (
        <Text size="sm" fs="italic">
          {t('decision.removedItem')}
        </Text>
      ) : (
        <>
          {(side === 'before' ? beforeHeading : afterHeading) && (
            <Text size="sm" fw={700} style={{ lineHeight: 1.7 }}>
              <DiffSide parts={headingParts} side={side} />
            </Text>
          )}
          <Text size="sm" style={{ lineHeight: 1.7, whiteSpace: 'pre-wrap' }}>
            <DiffSide parts={textParts} side={side} />
          </Text>
          {unitsChanged && (
            <Box mt={6}>
              <Text size="xs" fw={700}>
                {t('amendments.assignments')}
              </Text>
              <List size="sm" spacing={2}>
                {(side === 'before' ? beforeUnits : afterUnits).map((line) => (
                  <List.Item key={line}>{line}</List.Item>
                ))}
              </List>
            </Box>
          )}
        </>
      )}
    </Paper>
  );

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" aria-label={t('decision.beforeAfter')}>
      {column('before')}
      {column('after')}
    </SimpleGrid>
  );
}
