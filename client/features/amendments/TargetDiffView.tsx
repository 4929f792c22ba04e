import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DiffTargetDto } from '../../../shared/contracts/targets';
import { baselineText, targetText, targetValueText } from '../plan/targetText';

const COLOR = { added: 'bio.7', removed: 'red.9', changed: 'indigo.8' } as const;
const MARK = { added: '+', removed: '−', changed: '~' } as const;

/** The targets that differ between two versions: what was there, what is there now. */
export function TargetDiffView({ targets, from, to }: { targets: DiffTargetDto[]; from: number; to: number }) {
  const { t } = useTranslation();
  if (targets.length === 0) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="diff-targets" data-testid="diff-targets">
      <Title order={3} size="h5" id="diff-targets">
        {t('targets.diffTitle')}
      </Title>
      {targets.map((d) => {
        const side = d.after ?? d.before!;
        return (
          <Paper
            key={d.indicatorCode}
            withBorder
            p="md"
            style={{ borderLeft: '6px solid var(--mantine-color-gray-5)' }}
          >
            <Stack gap={6}>
              <Group gap="xs">
                <Badge color={COLOR[d.change]} variant="filled" tt="none">
                  [{MARK[d.change]}] {t(`targets.diffChange.${d.change}`)}
                </Badge>
                <Text size="sm" fw={600}>
                  {side.indicatorCode} {side.indicatorName}
                </Text>
              </Group>
              {d.fields.length > 0 && (
                <Text size="sm" fw={600}>
                  {t('versions.changedFields', {
                    fields: d.fields.map((f) => t(`targets.diffFields.${f}`)).join(', '),
                  })}
                </Text>
              )}
              {d.before && (
                <Text size="sm">
                  <Text span fw={700} size="sm">
                    {t('targets.inVersion', { n: from })}:{' '}
                  </Text>
                  {baselineText(d.before, t)} → {targetText(d.before, t)} ({targetValueText(d.before, t)})
                </Text>
              )}
              {d.after && (
                <Text size="sm">
                  <Text span fw={700} size="sm">
                    {t('targets.inVersion', { n: to })}:{' '}
                  </Text>
                  {baselineText(d.after, t)} → {targetText(d.after, t)} ({targetValueText(d.after, t)})
                </Text>
              )}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
