import { Badge, Box, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AmendmentChangeDto } from '../../../shared/contracts/amendments';
import type { TargetDto } from '../../../shared/contracts/targets';
import { baselineText, targetText, targetValueText } from '../plan/targetText';
import { OP_COLOR, OP_MARK } from './ops';

/** The lines of a target as the leader compares them. */
function lines(target: TargetDto, t: TFunction): Array<[string, string]> {
  return [
    [t('targets.col.baseline'), baselineText(target, t)],
    [t('targets.col.target'), targetText(target, t)],
    [t('targets.col.targetValue'), targetValueText(target, t)],
    [t('targets.col.direction'), t(`targets.direction.${target.direction}`)],
    [t('targets.col.source'), target.source],
  ];
}

function Side({ title, target, other }: { title: string; target: TargetDto | null; other: TargetDto | null }) {
  const { t } = useTranslation();
  const theirs = new Map(other ? lines(other, t) : []);
  return (
    <Box>
      <Text size="xs" fw={700} c="dimmed">
        {title}
      </Text>
      {target ? (
        <Box component="dl" m={0}>
          {lines(target, t).map(([label, value]) => {
            const changed = other !== null && theirs.get(label) !== value;
            return (
              <Group key={label} gap={6} wrap="nowrap" align="baseline">
                <Text component="dt" size="sm" c="dimmed" miw={130}>
                  {label}
                </Text>
                <Text component="dd" size="sm" m={0} fw={changed ? 700 : 400}>
                  {value}
                </Text>
              </Group>
            );
          })}
        </Box>
      ) : (
        <Text size="sm">—</Text>
      )}
    </Box>
  );
}

/** A target change of an amendment: the target in force beside the proposed one. */
export function TargetChangeView({
  change: c,
  basedOnVersion,
}: {
  change: AmendmentChangeDto;
  basedOnVersion: number;
}) {
  const { t, i18n } = useTranslation();
  const target = c.target!;
  const name = i18n.language.startsWith('en') ? (target.after ?? target.before)?.indicatorNameEn : target.indicatorName;
  return (
    <Paper
      withBorder
      p="md"
      style={{ borderLeft: `5px solid var(--mantine-color-${OP_COLOR[c.op].replace('.', '-')})` }}
      data-testid={`target-change-view-${target.indicatorCode}`}
    >
      <Stack gap={6}>
        <Group gap="xs">
          <Badge color={OP_COLOR[c.op]} variant="filled" tt="none">
            {OP_MARK[c.op]} {t(`targets.op.${c.op}`)}
          </Badge>
          <Text size="sm" fw={600}>
            {target.indicatorCode} {name ?? target.indicatorName}
          </Text>
        </Group>
        {c.op === 'remove' ? (
          <>
            <Side title={t('targets.before', { n: basedOnVersion })} target={target.before} other={null} />
            <Text size="sm" c="red.9">
              {t('targets.removed')}
            </Text>
          </>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: c.op === 'update' ? 2 : 1 }} spacing="md">
            {c.op === 'update' && (
              <Side title={t('targets.before', { n: basedOnVersion })} target={target.before} other={null} />
            )}
            <Side title={t('targets.after')} target={target.after} other={c.op === 'update' ? target.before : null} />
          </SimpleGrid>
        )}
      </Stack>
    </Paper>
  );
}
