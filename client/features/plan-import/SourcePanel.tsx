import { Badge, Box, Button, Checkbox, Group, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanImportDto } from '../../../shared/contracts/plan-import';
import { labelPaths } from './labelPaths';

const ROLE_COLOR: Record<PlanImportDto['lines'][number]['role'], string> = {
  header: 'indigo.8',
  legal_basis: 'indigo.8',
  preamble: 'indigo.8',
  decision: 'indigo.8',
  item: 'bio.8',
  closing: 'indigo.8',
  recipients: 'indigo.8',
  signature: 'indigo.8',
  boilerplate: 'gray.7',
  unassigned: 'red.9',
};

/**
 * The source text line by line, each with where it went; lines not placed can be ticked and
 * marked as not to import. Hovering an item in the tree highlights its lines here.
 */
export function SourcePanel({
  draft,
  highlight,
  canEdit,
  onMarkBoilerplate,
  busy,
}: {
  draft: PlanImportDto;
  highlight: string | null;
  canEdit: boolean;
  onMarkBoilerplate: (lines: number[]) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const [ticked, setTicked] = useState<number[]>([]);
  const unassigned = draft.lines.filter((l) => l.role === 'unassigned');
  const paths = labelPaths(draft.items);
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('planImport.source')}
          </Title>
          {canEdit && unassigned.length > 0 && (
            <Button
              size="xs"
              variant="light"
              loading={busy}
              disabled={ticked.length === 0}
              onClick={() => {
                onMarkBoilerplate(ticked);
                setTicked([]);
              }}
            >
              {t('planImport.markBoilerplate')} ({ticked.length})
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('planImport.sourceHint')}
        </Text>
        <ScrollArea.Autosize
          mah={640}
          type="auto"
          viewportProps={{ tabIndex: 0, 'aria-label': t('planImport.source'), role: 'region' }}
        >
          <Stack gap={2}>
            {draft.lines.map((l) => (
              <Group
                key={l.n}
                gap={6}
                wrap="nowrap"
                align="flex-start"
                bg={highlight && l.itemKey === highlight ? 'yellow.1' : undefined}
                px={4}
              >
                <Text size="xs" c="dimmed" w={32} ta="right" style={{ flex: 'none' }}>
                  {l.n}
                </Text>
                {l.role === 'unassigned' && canEdit ? (
                  <Checkbox
                    size="xs"
                    mt={2}
                    aria-label={`${t('planImport.markBoilerplate')} — ${t('planImport.line', { n: l.n })}`}
                    checked={ticked.includes(l.n)}
                    onChange={(e) =>
                      setTicked((x) => (e.currentTarget.checked ? [...x, l.n] : x.filter((n) => n !== l.n)))
                    }
                  />
                ) : null}
                <Badge size="xs" variant="filled" color={ROLE_COLOR[l.role]} style={{ flex: 'none' }} mt={2}>
                  {l.role === 'item'
                    ? (paths.get(l.itemKey ?? '') ?? l.itemKey ?? '')
                    : t(`planImport.roles.${l.role}`)}
                </Badge>
                <Box style={{ minWidth: 0 }}>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {l.text}
                  </Text>
                </Box>
              </Group>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      </Stack>
    </Paper>
  );
}
