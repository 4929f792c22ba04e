import { Badge, Group, List, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AmendmentChangeDto } from '../../../shared/contracts/amendments';
import { itemRefText } from '../feedback/components/planItems';
import { BeforeAfter } from './BeforeAfter';
import { TargetChangeView } from './TargetChangeView';

import { OP_COLOR, OP_MARK } from './ops';

export { OP_COLOR, OP_MARK } from './ops';

/**
 * A change in words: what is added where, what is changed or removed (the text in force beside the
 * proposed one), and by whom it is carried out.
 */
export function ChangeView({ change: c, basedOnVersion }: { change: AmendmentChangeDto; basedOnVersion: number }) {
  const { t } = useTranslation();
  if (c.target) return <TargetChangeView change={c} basedOnVersion={basedOnVersion} />;
  const where =
    c.op === 'add'
      ? c.parentKey
        ? t('amendments.addUnder', { parent: c.parentKey })
        : t('amendments.addTop')
      : c.item
        ? itemRefText(c.item)
        : (c.itemKey ?? '');
  return (
    <Paper
      withBorder
      p="md"
      style={{ borderLeft: `5px solid var(--mantine-color-${OP_COLOR[c.op].replace('.', '-')})` }}
    >
      <Stack gap={6}>
        <Group gap="xs">
          <Badge color={OP_COLOR[c.op]} variant="filled" tt="none">
            {OP_MARK[c.op]} {t(`amendments.op.${c.op}`)}
          </Badge>
          <Text size="sm" fw={600}>
            {where}
          </Text>
          {c.newKey && (
            <Text size="xs" c="dimmed">
              ({t('amendments.newKey', { key: c.newKey })})
            </Text>
          )}
        </Group>
        {c.before && c.op !== 'add' ? (
          <BeforeAfter change={c} before={c.before} version={basedOnVersion} />
        ) : (
          c.op !== 'remove' &&
          (c.label || c.title || c.text) && (
            <Text size="sm">
              {(c.label || c.title) && (
                <Text span fw={700} size="sm">
                  {c.label} {c.title}{' '}
                </Text>
              )}
              {c.text}
            </Text>
          )
        )}
        {!c.before && c.assignments && c.assignments.length > 0 && (
          <div>
            <Text size="xs" fw={700} c="dimmed">
              {c.op === 'update' ? t('amendments.unitsReplaced') : t('amendments.assignments')}
            </Text>
            <List size="sm" spacing={2}>
              {c.assignments.map((x) => (
                <List.Item key={`${x.orgUnit.id}-${x.role}`}>
                  {t(`amendments.${x.role}`)}: {x.orgUnit.fullName}
                </List.Item>
              ))}
            </List>
          </div>
        )}
      </Stack>
    </Paper>
  );
}
