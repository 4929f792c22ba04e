import {
  ActionIcon,
  Badge,
  Box,
  Button,
  Group,
  Paper,
  ScrollArea,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ItemActions } from './ItemActions';
import type { ImportItemDto, PlanImportDto, PlanImportOp } from '../../../shared/contracts/plan-import';

function depths(items: ImportItemDto[]): Map<string, number> {
  const depth = new Map<string, number>();
  for (const i of items) depth.set(i.key, i.parentKey ? (depth.get(i.parentKey) ?? 0) + 1 : 0);
  return depth;
}

function deadlineText(d: ImportItemDto['deadlines'][number]): string {
  return d.window ? `${d.text} (${d.window.from} – ${d.window.to})` : d.text;
}

function LabelEditor({ item, onSave }: { item: ImportItemDto; onSave: (label: string) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState<string | null>(null);
  if (value === null) {
    return (
      <Group gap={2} wrap="nowrap">
        <Text fw={700} ff="monospace">
          {item.label}
        </Text>
        <Tooltip label={t('planImport.editLabel')}>
          <ActionIcon
            size="sm"
            variant="subtle"
            aria-label={`${t('planImport.editLabel')} ${item.label}`}
            onClick={() => setValue(item.label)}
          >
            <IconPencil size={14} aria-hidden />
          </ActionIcon>
        </Tooltip>
      </Group>
    );
  }
  return (
    <Group gap={4} wrap="nowrap">
      <TextInput
        size="xs"
        w={90}
        aria-label={t('planImport.editLabel')}
        value={value}
        onChange={(e) => setValue(e.currentTarget.value)}
      />
      <Button
        size="xs"
        disabled={!value.trim()}
        onClick={() => {
          onSave(value.trim());
          setValue(null);
        }}
      >
        {t('planImport.save')}
      </Button>
    </Group>
  );
}

/** The parsed items as a tree: labels as issued (editable), duties (click to change the role), deadlines, reporting chain. */
export function TreePanel({
  draft,
  canEdit,
  onOps,
  onHover,
  busy = false,
}: {
  draft: PlanImportDto;
  canEdit: boolean;
  busy?: boolean;
  onOps: (ops: PlanImportOp[]) => void;
  onHover: (key: string | null) => void;
}) {
  const { t } = useTranslation();
  const depth = depths(draft.items);
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('planImport.tree')}
        </Title>
        <ScrollArea.Autosize
          mah={680}
          type="auto"
          viewportProps={{ tabIndex: 0, 'aria-label': t('planImport.tree'), role: 'region' }}
        >
          <Stack gap={6}>
            {draft.items.map((item) => (
              <Box
                key={item.key}
                pl={(depth.get(item.key) ?? 0) * 18}
                onMouseEnter={() => onHover(item.key)}
                onMouseLeave={() => onHover(null)}
                style={{ borderLeft: '2px solid var(--mantine-color-gray-3)' }}
                px={6}
              >
                <Group gap={6} align="flex-start" wrap="nowrap">
                  {canEdit ? (
                    <LabelEditor item={item} onSave={(label) => onOps([{ op: 'setLabel', key: item.key, label }])} />
                  ) : (
                    <Text fw={700} ff="monospace">
                      {item.label}
                    </Text>
                  )}
                  <Box style={{ minWidth: 0, flex: 1 }}>
                    {item.title && (
                      <Text fw={600} size="sm">
                        {item.title}
                      </Text>
                    )}
                    {item.text && (
                      <Text size="sm" lineClamp={3}>
                        {item.text}
                      </Text>
                    )}
                  </Box>
                  {canEdit && <ItemActions draft={draft} item={item} busy={busy} onOps={onOps} />}
                </Group>
                <Group gap={4} mt={2} ml={8}>
                  {item.duties.map((d, index) => {
                    const name = d.unit?.name ?? d.written;
                    const label = `${t(`planImport.${d.role}`)}: ${name}`;
                    return canEdit && d.unit ? (
                      <Tooltip key={`${index}-${name}`} label={t('planImport.toggleRole')}>
                        <Badge
                          component="button"
                          type="button"
                          variant={d.role === 'lead' ? 'filled' : 'outline'}
                          color={d.match === 'fuzzy' || d.match === 'successor' ? 'grape.9' : 'bio.8'}
                          style={{ cursor: 'pointer', textTransform: 'none' }}
                          onClick={() =>
                            onOps([
                              {
                                op: 'setDuty',
                                key: item.key,
                                index,
                                role: d.role === 'lead' ? 'coordinate' : 'lead',
                                unitId: d.unit?.orgUnitId ?? null,
                                group: d.unit?.group ?? null,
                              },
                            ])
                          }
                        >
                          {label}
                        </Badge>
                      </Tooltip>
                    ) : (
                      <Badge
                        key={`${index}-${name}`}
                        color={d.unit ? 'bio.8' : 'red.9'}
                        variant="outline"
                        style={{ textTransform: 'none' }}
                      >
                        {label}
                      </Badge>
                    );
                  })}
                  {item.deadlines.map((d) => (
                    <Badge key={d.text} color="indigo.8" variant="outline" style={{ textTransform: 'none' }}>
                      {t('planImport.deadlines')}: {deadlineText(d)}
                    </Badge>
                  ))}
                  {item.reporting.length > 0 && (
                    <Badge color="gray.8" variant="outline" style={{ textTransform: 'none' }}>
                      {t('planImport.reporting')}: {item.reporting.map((s) => s.unit?.name ?? s.written).join(' → ')}
                    </Badge>
                  )}
                </Group>
              </Box>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      </Stack>
    </Paper>
  );
}
