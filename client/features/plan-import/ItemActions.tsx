import { ActionIcon, Menu, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowsMove, IconDots, IconGitMerge, IconScissors } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportItemDto, PlanImportDto, PlanImportOp } from '../../../shared/contracts/plan-import';
import { ConfirmModal } from '../../components/ConfirmModal';

type Dialog = 'merge' | 'split' | 'move' | null;

/** The item and everything under it. */
function subtree(items: ImportItemDto[], key: string): Set<string> {
  const keys = new Set([key]);
  for (const i of items) if (i.parentKey !== null && keys.has(i.parentKey)) keys.add(i.key);
  return keys;
}

const short = (s: string, n = 70) => (s.length > n ? `${s.slice(0, n)}…` : s);

/**
 * An item's structural corrections: merge with the next item at its level, split at one of its
 * lines, move under another item. Each asks for confirmation (merge and split change the tree
 * in a way only another correction undoes).
 */
export function ItemActions({
  draft,
  item,
  busy,
  onOps,
}: {
  draft: PlanImportDto;
  item: ImportItemDto;
  busy: boolean;
  onOps: (ops: PlanImportOp[]) => void;
}) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [line, setLine] = useState<string | null>(null);
  const [label, setLabel] = useState(item.label);
  const [parent, setParent] = useState<string | null>(item.parentKey ?? '');
  const [position, setPosition] = useState<number>(1);
  const siblings = draft.items.filter((i) => i.parentKey === item.parentKey);
  const next = siblings[siblings.indexOf(item) + 1];
  const lineText = new Map(draft.lines.map((l) => [l.n, l.text]));
  const splitLines = [...item.lines].sort((a, b) => a - b).slice(1);
  const inside = subtree(draft.items, item.key);
  const name = `${item.label} ${item.title ?? item.text ?? ''}`.trim();
  const close = () => setDialog(null);
  const run = (ops: PlanImportOp[]) => {
    onOps(ops);
    close();
  };
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon size="sm" variant="subtle" aria-label={t('planImport.itemActions', { label: short(name, 40) })}>
            <IconDots size={14} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item
            leftSection={<IconGitMerge size={14} aria-hidden />}
            disabled={!next}
            onClick={() => setDialog('merge')}
          >
            {t('planImport.merge')}
          </Menu.Item>
          <Menu.Item
            leftSection={<IconScissors size={14} aria-hidden />}
            disabled={splitLines.length === 0}
            onClick={() => {
              setLine(null);
              setLabel(item.label);
              setDialog('split');
            }}
          >
            {t('planImport.split')}
          </Menu.Item>
          <Menu.Item
            leftSection={<IconArrowsMove size={14} aria-hidden />}
            onClick={() => {
              setParent(item.parentKey ?? '');
              setPosition(siblings.indexOf(item) + 1);
              setDialog('move');
            }}
          >
            {t('planImport.move')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ConfirmModal
        opened={dialog === 'merge'}
        onClose={close}
        title={t('planImport.mergeTitle')}
        confirmLabel={t('planImport.merge')}
        color="red"
        loading={busy}
        onConfirm={() => run([{ op: 'mergeWithNext', key: item.key }])}
      >
        <Text>
          {t('planImport.mergeBody', {
            first: short(name),
            second: next ? short(`${next.label} ${next.title ?? next.text ?? ''}`) : '',
          })}
        </Text>
      </ConfirmModal>
      <ConfirmModal
        opened={dialog === 'split'}
        onClose={close}
        title={t('planImport.splitTitle', { label: item.label })}
        confirmLabel={t('planImport.split')}
        loading={busy}
        confirmDisabled={!line || !label.trim()}
        onConfirm={() =>
          run([{ op: 'splitItem', key: item.key, line: Number(line), label: label.trim() || undefined }])
        }
      >
        <Stack gap="sm">
          <Text size="sm">{t('planImport.splitBody')}</Text>
          <Select
            label={t('planImport.splitAt')}
            value={line}
            onChange={setLine}
            data={splitLines.map((n) => ({
              value: String(n),
              label: `${t('planImport.line', { n })}: ${short(lineText.get(n) ?? '', 60)}`,
            }))}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label={t('planImport.newLabel')}
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            w={160}
          />
        </Stack>
      </ConfirmModal>
      <ConfirmModal
        opened={dialog === 'move'}
        onClose={close}
        title={t('planImport.moveTitle', { label: item.label })}
        confirmLabel={t('planImport.move')}
        loading={busy}
        onConfirm={() =>
          run([
            {
              op: 'moveItem',
              key: item.key,
              parentKey: parent ? parent : null,
              position: Math.max(0, position - 1),
            },
          ])
        }
      >
        <Stack gap="sm">
          <Select
            label={t('planImport.moveUnder')}
            value={parent}
            onChange={(v) => setParent(v ?? '')}
            searchable
            data={[
              { value: '', label: t('planImport.topLevel') },
              ...draft.items
                .filter((i) => !inside.has(i.key))
                .map((i) => ({ value: i.key, label: short(`${i.label} ${i.title ?? i.text ?? ''}`, 60) })),
            ]}
            comboboxProps={{ withinPortal: true }}
          />
          <NumberInput
            label={t('planImport.movePosition')}
            value={position}
            min={1}
            max={10_000}
            onChange={(v) => setPosition(typeof v === 'number' ? v : 1)}
            w={160}
          />
        </Stack>
      </ConfirmModal>
    </>
  );
}
