import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AmendmentChange, ChangeOp } from '../../../shared/contracts/amendments';
import type { OrgUnitDto } from '../../../shared/contracts/org-units';
import type { PlanItemDto } from '../../../shared/contracts/plans';
import { PLAN_ITEM_KINDS, type AssignmentRole, type PlanItemKind } from '../../../shared/domain';
import { LIMITS } from '../../../shared/limits';
import { PlanItemSelect } from '../feedback/components/PlanItemSelect';
import { UnitSelect } from '../../components/UnitSelect';
import { OP_COLOR, OP_MARK } from './ChangeView';

/** A responsible unit being edited. */
export interface DraftAssignment {
  uid: string;
  orgUnitId: string | null;
  unit: OrgUnitDto | null;
  role: AssignmentRole;
}

/** A change being edited; turned into the contract's AmendmentChange by `toRequestChange`. */
export interface DraftChange {
  uid: string;
  op: ChangeOp;
  itemId: string | null;
  parentId: string | null;
  kind: PlanItemKind | null;
  label: string;
  title: string;
  text: string;
  changeAssignments: boolean;
  assignments: DraftAssignment[];
}

let counter = 0;
export const uid = () => `c${Date.now().toString(36)}${(counter++).toString(36)}`;

export function emptyChange(op: ChangeOp): DraftChange {
  return {
    uid: uid(),
    op,
    itemId: null,
    parentId: null,
    kind: op === 'add' ? 'duty' : null,
    label: '',
    title: '',
    text: '',
    changeAssignments: op === 'add',
    assignments: op === 'add' ? [{ uid: uid(), orgUnitId: null, unit: null, role: 'lead' }] : [],
  };
}

/** The units named on an item today, as editable rows (groups are kept by the server). */
function assignmentsOf(item: PlanItemDto): DraftAssignment[] {
  return item.assignments.flatMap((a) => {
    const unit = a.currentUnits[0] ?? a.orgUnit;
    return a.orgUnit && unit ? [{ uid: uid(), orgUnitId: unit.id, unit, role: a.role }] : [];
  });
}

/** The request's form of a change: an update carries only the fields that differ from the item. */
export function toRequestChange(c: DraftChange, byId: Map<string, PlanItemDto>): AmendmentChange {
  const assignments = c.assignments.filter((a) => a.orgUnitId).map((a) => ({ orgUnitId: a.orgUnitId!, role: a.role }));
  if (c.op === 'remove') return { op: 'remove', itemId: c.itemId ?? undefined };
  if (c.op === 'add') {
    return {
      op: 'add',
      parentId: c.parentId ?? undefined,
      kind: c.kind ?? undefined,
      label: c.label.trim() || undefined,
      title: c.title.trim() || undefined,
      text: c.text.trim() || undefined,
      assignments,
    };
  }
  const item = c.itemId ? byId.get(c.itemId) : undefined;
  const out: AmendmentChange = { op: 'update', itemId: c.itemId ?? undefined };
  if (c.label.trim() && c.label.trim() !== item?.label) out.label = c.label.trim();
  if (c.title.trim() !== (item?.title ?? '')) out.title = c.title.trim() || null;
  if (c.text.trim() !== (item?.text ?? '')) out.text = c.text.trim() || null;
  if (c.changeAssignments) out.assignments = assignments;
  return out;
}

/** The next label among an item's children: "8." after "7.", "-" among dashes. */
function suggestLabel(parentId: string | null, items: PlanItemDto[]): string {
  const siblings = items.filter((i) => i.parentId === parentId);
  const numbers = siblings
    .map((s) => /^(\d+)\.$/.exec(s.label)?.[1])
    .filter(Boolean)
    .map(Number);
  if (numbers.length > 0) return `${Math.max(...numbers) + 1}.`;
  if (siblings.some((s) => s.label === '-')) return '-';
  return '';
}

interface Props {
  index: number;
  change: DraftChange;
  items: PlanItemDto[];
  byId: Map<string, PlanItemDto>;
  onChange: (c: DraftChange) => void;
  onRemove: () => void;
  /** The server's message for a field of this change ("itemId", "text", "assignments.0.orgUnitId"…). */
  fieldError: (field: string) => string | undefined;
}

/** One change of a proposal: add under an item, change an item, or remove one. */
export function ChangeEditor({ index, change: c, items, byId, onChange, onRemove, fieldError }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<DraftChange>) => onChange({ ...c, ...patch });
  const item = c.itemId ? byId.get(c.itemId) : undefined;
  const n = index + 1;
  const headingId = `change-${c.uid}`;

  const pickItem = (id: string | null) => {
    const picked = id ? byId.get(id) : undefined;
    if (c.op === 'update' && picked) {
      set({
        itemId: id,
        label: picked.label,
        title: picked.title ?? '',
        text: picked.text ?? '',
        assignments: assignmentsOf(picked),
      });
    } else set({ itemId: id });
  };

  return (
    <Paper
      withBorder
      p="md"
      component="fieldset"
      aria-labelledby={headingId}
      style={{
        borderLeft: `5px solid var(--mantine-color-${OP_COLOR[c.op].replace('.', '-')})`,
        margin: 0,
        minWidth: 0,
      }}
      data-testid={`change-${index}`}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Badge color={OP_COLOR[c.op]} variant="filled" tt="none" aria-hidden>
              {OP_MARK[c.op]}
            </Badge>
            <Title order={3} size="h5" id={headingId}>
              {t('amendments.changeN', { n, op: t(`amendments.op.${c.op}`) })}
            </Title>
          </Group>
          <ActionIcon
            variant="subtle"
            color="red.9"
            onClick={onRemove}
            aria-label={t('amendments.removeChange', { n })}
          >
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        </Group>

        {c.op === 'add' ? (
          <>
            <PlanItemSelect
              label={t('amendments.parent')}
              description={t('amendments.parentHint')}
              items={items}
              value={c.parentId}
              onChange={(id) => set({ parentId: id, label: c.label || suggestLabel(id, items) })}
              error={fieldError('parentId')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select
                label={t('amendments.kind')}
                required
                value={c.kind}
                onChange={(v) => set({ kind: v ?? null })}
                data={PLAN_ITEM_KINDS.map((k) => ({ value: k, label: t(`amendments.kinds.${k}`) }))}
                allowDeselect={false}
                error={fieldError('kind')}
                comboboxProps={{ withinPortal: true }}
              />
              <TextInput
                label={t('amendments.label')}
                description={t('amendments.labelHint')}
                required
                maxLength={20}
                value={c.label}
                onChange={(e) => set({ label: e.currentTarget.value })}
                error={fieldError('label')}
              />
            </SimpleGrid>
          </>
        ) : (
          <PlanItemSelect
            label={t('amendments.item')}
            description={t('amendments.itemHint')}
            required
            items={items}
            value={c.itemId}
            onChange={pickItem}
            error={fieldError('itemId') ?? fieldError('')}
          />
        )}

        {c.op !== 'add' && item && (
          <Paper bg="gray.0" p="sm" withBorder>
            <Text size="xs" fw={700} c="dimmed">
              {t('amendments.current')}
            </Text>
            <Text size="sm">
              <Text span fw={700} size="sm">
                {item.label} {item.title}
              </Text>{' '}
              {item.text}
            </Text>
          </Paper>
        )}

        {c.op === 'remove' && item && (
          <Alert color="red" variant="outline" p="xs">
            <Text size="sm" c="red.9">
              {t('amendments.removeWarning')}
            </Text>
          </Alert>
        )}

        {c.op !== 'remove' && (c.op === 'add' || item) && (
          <>
            {c.op === 'update' && (
              <TextInput
                label={t('amendments.label')}
                description={t('amendments.labelHint')}
                maxLength={20}
                value={c.label}
                onChange={(e) => set({ label: e.currentTarget.value })}
                error={fieldError('label')}
              />
            )}
            <TextInput
              label={t('amendments.itemTitle')}
              maxLength={LIMITS.shortText}
              value={c.title}
              onChange={(e) => set({ title: e.currentTarget.value })}
              error={fieldError('title')}
            />
            <Textarea
              label={t('amendments.itemText')}
              autosize
              minRows={3}
              maxRows={12}
              maxLength={LIMITS.longText}
              value={c.text}
              onChange={(e) => set({ text: e.currentTarget.value })}
              error={fieldError('text')}
            />
            {c.op === 'update' && (
              <Checkbox
                label={t('amendments.changeUnits')}
                description={t('amendments.changeUnitsHint')}
                checked={c.changeAssignments}
                onChange={(e) => set({ changeAssignments: e.currentTarget.checked })}
              />
            )}
            {c.changeAssignments && (
              <AssignmentsEditor
                rows={c.assignments}
                onChange={(assignments) => set({ assignments })}
                fieldError={fieldError}
              />
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

function AssignmentsEditor({
  rows,
  onChange,
  fieldError,
}: {
  rows: DraftAssignment[];
  onChange: (rows: DraftAssignment[]) => void;
  fieldError: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const update = (i: number, patch: Partial<DraftAssignment>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        {t('amendments.assignments')}
      </Text>
      {rows.length === 0 && <Text size="sm">{t('amendments.noUnits')}</Text>}
      {rows.map((r, i) => (
        <Group key={r.uid} align="flex-end" gap="xs" wrap="wrap">
          <div style={{ flex: '1 1 260px' }}>
            <UnitSelect
              label={`${t('amendments.unit')} ${i + 1}`}
              value={r.orgUnitId}
              initial={r.unit}
              onChange={(id, unit) => update(i, { orgUnitId: id, unit })}
              error={fieldError(`assignments.${i}.orgUnitId`)}
            />
          </div>
          <Select
            label={`${t('amendments.role')} ${i + 1}`}
            value={r.role}
            onChange={(v) => v && update(i, { role: v })}
            data={[
              { value: 'lead', label: t('amendments.lead') },
              { value: 'coordinate', label: t('amendments.coordinate') },
            ]}
            allowDeselect={false}
            w={150}
            comboboxProps={{ withinPortal: true }}
          />
          <ActionIcon
            variant="subtle"
            color="red.9"
            size="lg"
            mb={2}
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
            aria-label={t('amendments.removeUnit', { n: i + 1 })}
          >
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      <div>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() =>
            onChange([
              ...rows,
              { uid: uid(), orgUnitId: null, unit: null, role: rows.length === 0 ? 'lead' : 'coordinate' },
            ])
          }
        >
          {t('amendments.addUnit')}
        </Button>
      </div>
    </Stack>
  );
}
