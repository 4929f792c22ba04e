import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconMinus, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AmendmentChange, AmendmentChangeDto, ChangeOp } from '../../../shared/contracts/amendments';
import type { TargetDto } from '../../../shared/contracts/targets';
import {
  computeTargetValue,
  TARGET_DIRECTIONS,
  validateTarget,
  type TargetDirection,
  type TargetIssue,
} from '../../../shared/targets';
import { useIndicatorsQuery } from '../reporting/api';
import { figure } from '../plan/targetText';
import { TargetTable } from '../plan/TargetTable';
import { OP_COLOR, OP_MARK } from './ops';
import { uid } from './ChangeEditor';

type Mode = 'percent' | 'absolute' | 'value';
type Num = number | '';

/** A target change being edited; turned into the contract's change by `toRequestTarget`. */
export interface DraftTarget {
  uid: string;
  op: ChangeOp;
  indicatorCode: string | null;
  baselineYear: Num;
  baselineValue: Num;
  targetYear: Num;
  mode: Mode;
  changeAmount: Num;
  targetValue: Num;
  direction: TargetDirection | null;
  source: string;
}

export function emptyTarget(op: ChangeOp): DraftTarget {
  return {
    uid: uid(),
    op,
    indicatorCode: null,
    baselineYear: '',
    baselineValue: '',
    targetYear: '',
    mode: 'percent',
    changeAmount: '',
    targetValue: '',
    direction: op === 'add' ? 'increase' : null,
    source: '',
  };
}

const num = (value: number | null): Num => (value === null ? '' : value);
const orNull = (value: Num): number | null => (value === '' ? null : value);

/** The editable form of a target as it stands (or as proposed). */
export function draftFromTarget(op: ChangeOp, target: TargetDto, id = uid()): DraftTarget {
  return {
    uid: id,
    op,
    indicatorCode: target.indicatorCode,
    baselineYear: num(target.baseline.year),
    baselineValue: num(target.baseline.value),
    targetYear: target.target.year,
    mode: target.target.change?.kind ?? 'value',
    changeAmount: num(target.target.change?.amount ?? null),
    targetValue: num(target.target.value),
    direction: target.direction,
    source: target.source,
  };
}

/** The editable target changes of a saved draft. */
export function draftTargets(changes: AmendmentChangeDto[]): DraftTarget[] {
  return changes.flatMap((c) => {
    if (!c.target) return [];
    const shown = c.target.after ?? c.target.before;
    if (!shown) return [{ ...emptyTarget(c.op), indicatorCode: c.target.indicatorCode }];
    return [draftFromTarget(c.op, shown)];
  });
}

/** The stored fields of a draft, as the shared checks read them. */
function definitionOf(d: DraftTarget) {
  return {
    baselineYear: orNull(d.baselineYear),
    baselineValue: orNull(d.baselineValue),
    targetYear: orNull(d.targetYear),
    targetValue: d.mode === 'value' ? orNull(d.targetValue) : null,
    changeKind: d.mode === 'value' ? null : d.mode,
    changeAmount: d.mode === 'value' ? null : orNull(d.changeAmount),
    direction: d.direction,
    source: d.source.trim(),
  };
}

/** The request's form of a target change: the whole target for add and update, the indicator for remove. */
export function toRequestTarget(d: DraftTarget): AmendmentChange {
  const indicatorCode = d.indicatorCode ?? '';
  if (d.op === 'remove') return { op: 'remove', target: { indicatorCode } };
  const { targetYear, direction, ...rest } = definitionOf(d);
  return {
    op: d.op,
    target: { indicatorCode, ...rest, targetYear: targetYear ?? undefined, direction: direction ?? undefined },
  };
}

/** The checks the server makes, run in the browser before sending: each field's first issue. */
export function checkTarget(d: DraftTarget): TargetIssue[] {
  if (!d.indicatorCode) return [{ field: 'indicatorCode', vi: 'Cần chọn chỉ số', en: 'Choose an indicator' }];
  return d.op === 'remove' ? [] : validateTarget(definitionOf(d));
}

interface SectionProps {
  drafts: DraftTarget[];
  onChange: (drafts: DraftTarget[]) => void;
  /** The targets of the version the proposal builds on. */
  current: TargetDto[];
  /** Index of the first target change among the request's changes (errors are named `changes.N…`). */
  offset: number;
  fieldError: (path: string) => string | undefined;
  /** Show the browser's checks (after a first attempt to save). */
  showChecks: boolean;
}

/** The proposal's target changes: add a target, change one (e.g. enter the baseline), remove one. */
export function TargetChangesSection({ drafts, onChange, current, offset, fieldError, showChecks }: SectionProps) {
  const { t } = useTranslation();
  const add = (op: ChangeOp) => onChange([...drafts, emptyTarget(op)]);
  return (
    <section aria-labelledby="am-targets">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id="am-targets">
            {t('targets.section')}
          </Title>
          <Text size="sm">{t('targets.sectionHint')}</Text>
        </div>
        {current.length > 0 && <TargetTable targets={current} caption={t('targets.currentTarget')} />}
        {drafts.map((d, i) => (
          <TargetChangeEditor
            key={d.uid}
            index={i}
            draft={d}
            current={current}
            onChange={(next) => onChange(drafts.map((x) => (x.uid === d.uid ? next : x)))}
            onRemove={() => onChange(drafts.filter((x) => x.uid !== d.uid))}
            fieldError={(field) => fieldError(`changes.${offset + i}.target${field ? `.${field}` : ''}`)}
            showChecks={showChecks}
          />
        ))}
        <Group gap="xs">
          <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => add('add')}>
            {t('targets.op.add')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconPencil size={16} aria-hidden />}
            onClick={() => add('update')}
            disabled={current.length === 0}
          >
            {t('targets.op.update')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconMinus size={16} aria-hidden />}
            onClick={() => add('remove')}
            disabled={current.length === 0}
          >
            {t('targets.op.remove')}
          </Button>
        </Group>
      </Stack>
    </section>
  );
}

interface EditorProps {
  index: number;
  draft: DraftTarget;
  current: TargetDto[];
  onChange: (d: DraftTarget) => void;
  onRemove: () => void;
  fieldError: (field: string) => string | undefined;
  showChecks: boolean;
}

function TargetChangeEditor({ index, draft: d, current, onChange, onRemove, fieldError, showChecks }: EditorProps) {
  const { t, i18n } = useTranslation();
  const english = i18n.language.startsWith('en');
  const catalogue = useIndicatorsQuery(d.op === 'add');
  const set = (patch: Partial<DraftTarget>) => onChange({ ...d, ...patch });
  const n = index + 1;
  const headingId = `target-change-${d.uid}`;
  const issues = showChecks ? checkTarget(d) : [];
  const error = (field: TargetIssue['field']) => {
    const local = issues.find((issue) => issue.field === field);
    return (local ? (english ? local.en : local.vi) : undefined) ?? fieldError(field);
  };
  const separators = english
    ? { decimalSeparator: '.', thousandSeparator: ',' }
    : { decimalSeparator: ',', thousandSeparator: '.' };
  const existing = current.find((x) => x.indicatorCode === d.indicatorCode);

  const indicatorOptions =
    d.op === 'add'
      ? (catalogue.data?.data ?? [])
          .filter((x) => !current.some((target) => target.indicatorCode === x.code))
          .map((x) => ({ value: x.code, label: `${x.code} — ${english ? x.nameEn : x.name}` }))
      : current.map((x) => ({
          value: x.indicatorCode,
          label: `${x.indicatorCode} — ${english ? x.indicatorNameEn : x.indicatorName}`,
        }));
  const unit = existing?.indicatorUnit ?? catalogue.data?.data.find((x) => x.code === d.indicatorCode)?.unit ?? '';
  const pick = (code: string | null) => {
    const target = current.find((x) => x.indicatorCode === code);
    if (d.op === 'update' && target) onChange(draftFromTarget('update', target, d.uid));
    else set({ indicatorCode: code });
  };
  const preview =
    d.op !== 'remove'
      ? computeTargetValue({
          baselineValue: orNull(d.baselineValue),
          targetValue: d.mode === 'value' ? orNull(d.targetValue) : null,
          changeKind: d.mode === 'value' ? null : d.mode,
          changeAmount: d.mode === 'value' ? null : orNull(d.changeAmount),
        })
      : null;

  return (
    <Paper
      withBorder
      p="md"
      component="fieldset"
      aria-labelledby={headingId}
      style={{
        borderLeft: `5px solid var(--mantine-color-${OP_COLOR[d.op].replace('.', '-')})`,
        margin: 0,
        minWidth: 0,
      }}
      data-testid={`target-change-${index}`}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Badge color={OP_COLOR[d.op]} variant="filled" tt="none" aria-hidden>
              {OP_MARK[d.op]}
            </Badge>
            <Title order={3} size="h5" id={headingId}>
              {t('targets.changeN', { n, op: t(`targets.op.${d.op}`) })}
            </Title>
          </Group>
          <ActionIcon variant="subtle" color="red.9" onClick={onRemove} aria-label={t('targets.removeChange', { n })}>
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        </Group>
        <Select
          label={t('targets.indicator')}
          description={t('targets.indicatorHint')}
          required
          searchable
          value={d.indicatorCode}
          onChange={pick}
          data={indicatorOptions}
          error={error('indicatorCode') ?? fieldError('')}
          comboboxProps={{ withinPortal: true }}
        />
        {d.op === 'remove' && d.indicatorCode && (
          <Alert color="red" variant="outline" p="xs">
            <Text size="sm" c="red.9">
              {t('targets.removeWarning')}
            </Text>
          </Alert>
        )}
        {d.op !== 'remove' && (d.op === 'add' || existing) && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <NumberInput
                label={t('targets.baselineYear')}
                value={d.baselineYear}
                onChange={(v) => set({ baselineYear: typeof v === 'number' ? v : '' })}
                allowDecimal={false}
                allowNegative={false}
                hideControls
                error={error('baselineYear')}
              />
              <NumberInput
                label={`${t('targets.baselineValue')}${unit ? ` (${unit})` : ''}`}
                description={t('targets.baselineValueHint')}
                value={d.baselineValue}
                onChange={(v) => set({ baselineValue: typeof v === 'number' ? v : '' })}
                {...separators}
                hideControls
                error={error('baselineValue')}
              />
              <NumberInput
                label={t('targets.targetYear')}
                required
                value={d.targetYear}
                onChange={(v) => set({ targetYear: typeof v === 'number' ? v : '' })}
                allowDecimal={false}
                allowNegative={false}
                hideControls
                error={error('targetYear')}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <Select
                label={t('targets.mode')}
                required
                value={d.mode}
                onChange={(v) => v && set({ mode: v })}
                data={(['percent', 'absolute', 'value'] as const).map((m) => ({
                  value: m,
                  label: t(`targets.modes.${m}`),
                }))}
                allowDeselect={false}
                error={error('changeKind')}
                comboboxProps={{ withinPortal: true }}
              />
              {d.mode === 'value' ? (
                <NumberInput
                  label={`${t('targets.targetValue')}${unit ? ` (${unit})` : ''}`}
                  required
                  value={d.targetValue}
                  onChange={(v) => set({ targetValue: typeof v === 'number' ? v : '' })}
                  {...separators}
                  hideControls
                  error={error('targetValue')}
                />
              ) : (
                <NumberInput
                  label={`${t('targets.changeAmount')} (${d.mode === 'percent' ? '%' : unit})`}
                  description={t('targets.changeAmountHint')}
                  required
                  value={d.changeAmount}
                  onChange={(v) => set({ changeAmount: typeof v === 'number' ? v : '' })}
                  {...separators}
                  hideControls
                  error={error('changeAmount') ?? error('targetValue')}
                />
              )}
              <Select
                label={t('targets.directionLabel')}
                required
                value={d.direction}
                onChange={(v) => set({ direction: v ?? null })}
                data={TARGET_DIRECTIONS.map((x) => ({ value: x, label: t(`targets.direction.${x}`) }))}
                allowDeselect={false}
                error={error('direction')}
                comboboxProps={{ withinPortal: true }}
              />
            </SimpleGrid>
            <TextInput
              label={t('targets.sourceLabel')}
              description={t('targets.sourceHint')}
              required
              maxLength={200}
              value={d.source}
              onChange={(e) => set({ source: e.currentTarget.value })}
              error={error('source')}
            />
            {preview !== null && (
              <Text size="sm" fw={600} data-testid="target-preview">
                {t('targets.preview', { value: figure(preview, unit) })}
              </Text>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
