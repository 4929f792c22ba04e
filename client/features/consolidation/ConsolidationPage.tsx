import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconDownload, IconFileSpreadsheet, IconPlus, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ConsolidationDto, DocumentSettings, DraftOperation, ParagraphDto } from '../../../shared/contracts/consolidation';
import { formatDateTime, formatNumber } from '../../../shared/format';
import { unitOfMeasure } from '../../../shared/domain';
import { ApiError } from '../../api/client';
import { ConfirmModal } from '../../components/ConfirmModal';
import { QueryState } from '../../components/QueryState';
import { useConsolidationQuery, useGenerateMutation, useRenderMutation, useUpdateMutation } from './api';

type SaveState = 'saved' | 'saving' | 'unsaved';

/**
 * The focal officer's editor: generate or refresh the draft (a job with progress), edit, reorder,
 * remove and add paragraphs (each shows its source unit), saved as it is edited, then make and
 * download the Word file. Leaders see the same page read-only.
 */
export function ConsolidationPage() {
  const { cycleId = '' } = useParams();
  const query = useConsolidationQuery(cycleId);
  return (
    <Stack component="main" p="md" gap="md">
      <Anchor component={Link} to="/tong-hop" size="sm">
        ← <BackLabel />
      </Anchor>
      <QueryState query={query}>{(draft) => <Editor cycleId={cycleId} draft={draft} />}</QueryState>
    </Stack>
  );
}

function BackLabel() {
  const { t } = useTranslation();
  return <>{t('consolidation.back')}</>;
}

function Editor({ cycleId, draft }: { cycleId: string; draft: ConsolidationDto | null }) {
  const { t } = useTranslation();
  const generate = useGenerateMutation(cycleId);
  const render = useRenderMutation(cycleId);
  const [includeSubmitted, setIncludeSubmitted] = useState(draft?.includeSubmitted ?? false);
  const save = useAutosave(cycleId, draft);
  const canEdit = draft?.abilities.canEdit ?? true;
  const job = draft?.job;
  const running = job && (job.status === 'queued' || job.status === 'running');
  const year = draft?.year;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Title order={1} size="h2">
          {year ? t('consolidation.title', { year }) : t('consolidation.listTitle')}
        </Title>
        {draft && canEdit && <SaveBadge state={save.state} />}
      </Group>

      {canEdit && (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Checkbox label={t('consolidation.includeSubmitted')} checked={includeSubmitted} onChange={(e) => setIncludeSubmitted(e.currentTarget.checked)} />
            <Group gap="sm">
              <Button leftSection={<IconRefresh size={16} aria-hidden />} loading={generate.isPending} disabled={Boolean(running)} onClick={() => generate.mutate({ includeSubmitted })}>
                {draft ? t('consolidation.regenerate') : t('consolidation.generate')}
              </Button>
              {draft && draft.status === 'ready' && (
                <Button variant="light" leftSection={<IconDownload size={16} aria-hidden />} loading={render.isPending} disabled={Boolean(running) || save.state !== 'saved'} onClick={() => render.mutate()}>
                  {t('consolidation.renderDocx')}
                </Button>
              )}
              {draft && (
                <Button component="a" variant="default" href={`/api/v1/cycles/${cycleId}/export.xlsx`} leftSection={<IconFileSpreadsheet size={16} aria-hidden />}>
                  {t('consolidation.exportXlsx')}
                </Button>
              )}
            </Group>
            {generate.error && (
              <Alert color="red" role="alert">
                {generate.error.message}
              </Alert>
            )}
          </Stack>
        </Paper>
      )}

      {job && <JobProgress job={job} cycleId={cycleId} />}

      {!draft && <Text>{t('consolidation.notGenerated')}</Text>}

      {draft && (
        <>
          {save.error && (
            <Alert color="red" role="alert" title={t('consolidation.saveFailed', { message: save.error })}>
              <Button size="xs" variant="light" onClick={save.reload}>
                {t('consolidation.reload')}
              </Button>
            </Alert>
          )}
          <SinceLast draft={draft} />
          {canEdit && <SettingsForm draft={draft} onChange={save.setSettings} />}
          <Paragraphs draft={draft} canEdit={canEdit} save={save} />
          <IndicatorTable draft={draft} />
          <UnitsTable draft={draft} />
          {draft.documents.length > 0 && (
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="sm">
                {t('consolidation.documents')}
              </Title>
              <Stack gap={4}>
                {draft.documents.map((d) => (
                  <Group key={d.id} gap="sm">
                    <Anchor href={`/api/v1/cycles/${cycleId}/consolidation/documents/${d.id}`} download={d.fileName}>
                      {d.fileName}
                    </Anchor>
                    <Text size="sm" c="dimmed">
                      {formatDateTime(d.createdAt)} · SHA-256 {d.sha256.slice(0, 12)}… · {d.isCurrent ? t('consolidation.current') : t('consolidation.outdated', { version: d.sourceVersion })}
                    </Text>
                  </Group>
                ))}
              </Stack>
            </Paper>
          )}
        </>
      )}
    </Stack>
  );
}

function SaveBadge({ state }: { state: SaveState }) {
  const { t } = useTranslation();
  // Shade 9 keeps white text above 4.5:1 contrast (WCAG 2.1 AA).
  const color = state === 'saved' ? '#1f6f3a' : state === 'saving' ? 'blue.9' : 'orange.9';
  return (
    <Badge color={color} variant="filled" size="lg" role="status" aria-live="polite">
      {t(`consolidation.${state}`)}
    </Badge>
  );
}

function JobProgress({ job, cycleId }: { job: NonNullable<ConsolidationDto['job']>; cycleId: string }) {
  const { t } = useTranslation();
  const label = job.kind === 'consolidation.render' ? t('consolidation.jobRender') : t('consolidation.jobGenerate');
  const done = job.status === 'succeeded';
  const failed = job.status === 'failed';
  return (
    <Paper withBorder p="md" role="status" aria-live="polite">
      <Stack gap={6}>
        <Group justify="space-between">
          <Text fw={600}>{label}</Text>
          <Text size="sm">{failed ? t('consolidation.jobFailed', { error: job.error ?? '' }) : done ? t('consolidation.jobDone') : (job.progressNote ?? '')}</Text>
        </Group>
        <Progress value={job.progress} color={failed ? 'red' : done ? 'green' : 'blue'} aria-label={`${label}: ${job.progress}%`} animated={!done && !failed} />
        {done && job.kind === 'consolidation.render' && job.documentId && (
          <Button component="a" href={`/api/v1/cycles/${cycleId}/consolidation/documents/${job.documentId}`} download leftSection={<IconDownload size={16} aria-hidden />} w="fit-content">
            {t('consolidation.downloadDocx')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

function SinceLast({ draft }: { draft: ConsolidationDto }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" c="dimmed">
        {draft.generatedAt ? t('consolidation.generatedAt', { generation: draft.generation, at: formatDateTime(draft.generatedAt) }) : ''}
        {draft.removedCount > 0 ? ` · ${t('consolidation.removedCount', { count: draft.removedCount })}` : ''}
      </Text>
      {draft.generation > 1 && (
        <Alert color={draft.sinceLast.added + draft.sinceLast.updated > 0 ? 'blue' : 'gray'} title={t('consolidation.sinceLastTitle')}>
          {draft.sinceLast.added + draft.sinceLast.updated > 0
            ? t('consolidation.sinceLast', { added: draft.sinceLast.added, updated: draft.sinceLast.updated, units: draft.sinceLast.units.join(', ') })
            : t('consolidation.nothingNew')}
        </Alert>
      )}
    </Stack>
  );
}

/* ───────────────────────────── autosave ───────────────────────────── */

interface Autosave {
  state: SaveState;
  error: string | null;
  texts: Record<string, string>;
  setText(id: string, text: string): void;
  push(op: DraftOperation): void;
  setSettings(s: Partial<DocumentSettings>): void;
  reload(): void;
}

/**
 * Edits are queued and sent one request at a time with the last version seen: structural edits
 * (remove, move, add) at once, typing after a short pause. The badge reads "đã lưu" only when
 * nothing is waiting and the last request succeeded.
 */
function useAutosave(cycleId: string, draft: ConsolidationDto | null): Autosave {
  const update = useUpdateMutation(cycleId);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [state, setState] = useState<SaveState>('saved');
  const [error, setError] = useState<string | null>(null);
  const pending = useRef<{ ops: DraftOperation[]; texts: Record<string, string>; settings: Partial<DocumentSettings> }>({ ops: [], texts: {}, settings: {} });
  const inFlight = useRef(false);
  const version = useRef(draft?.version ?? 0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    if (draft && !inFlight.current && draft.version > version.current) version.current = draft.version;
  }, [draft]);

  const flush = useCallback(async () => {
    if (inFlight.current) return;
    const p = pending.current;
    const textOps: DraftOperation[] = Object.entries(p.texts)
      .filter(([, text]) => text.trim().length > 0)
      .map(([id, text]) => ({ op: 'update', id, text }));
    const settings = p.settings;
    const ops = [...p.ops, ...textOps];
    if (ops.length === 0 && Object.keys(settings).length === 0) {
      setState(Object.keys(p.texts).length ? 'unsaved' : 'saved');
      return;
    }
    pending.current = { ops: [], texts: Object.fromEntries(Object.entries(p.texts).filter(([, x]) => x.trim().length === 0)), settings: {} };
    inFlight.current = true;
    setState('saving');
    try {
      const next = await update.mutateAsync({ version: version.current, operations: ops, ...(Object.keys(settings).length ? { settings } : {}) });
      version.current = next.version;
      setError(null);
      setTexts((cur) => {
        const out = { ...cur };
        for (const o of textOps) if (o.op === 'update' && out[o.id] === o.text) delete out[o.id];
        return out;
      });
      inFlight.current = false;
      const rest = pending.current;
      if (rest.ops.length || Object.keys(rest.texts).length || Object.keys(rest.settings).length) void flush();
      else setState('saved');
    } catch (e) {
      inFlight.current = false;
      setState('unsaved');
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }, [update]);

  const schedule = (ms: number) => {
    if (timer.current) clearTimeout(timer.current);
    setState('unsaved');
    timer.current = setTimeout(() => void flush(), ms);
  };

  useEffect(() => () => timer.current && clearTimeout(timer.current), []);

  return {
    state,
    error,
    texts,
    setText(id, text) {
      setTexts((cur) => ({ ...cur, [id]: text }));
      pending.current.texts[id] = text;
      schedule(800);
    },
    push(op) {
      pending.current.ops.push(op);
      if (op.op === 'remove') delete pending.current.texts[op.id];
      schedule(0);
    },
    setSettings(s) {
      Object.assign(pending.current.settings, s);
      schedule(800);
    },
    reload() {
      pending.current = { ops: [], texts: {}, settings: {} };
      setTexts({});
      setError(null);
      setState('saved');
      version.current = 0;
      void update.reset();
      window.location.reload();
    },
  };
}

/* ───────────────────────────── paragraphs ───────────────────────────── */

function Paragraphs({ draft, canEdit, save }: { draft: ConsolidationDto; canEdit: boolean; save: Autosave }) {
  const { t } = useTranslation();
  const [removing, setRemoving] = useState<ParagraphDto | null>(null);
  const sourceOf = (p: ParagraphDto) => p.source?.unitName ?? t('consolidation.manual');
  const headingOf = (part: string) =>
    ({ implementation: 'I. TÌNH HÌNH TRIỂN KHAI THỰC HIỆN', results: 'II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ, GIẢI PHÁP', difficulties: 'IV. KHÓ KHĂN, VƯỚNG MẮC', proposals: 'V. ĐỀ XUẤT, KIẾN NGHỊ' })[part] ?? part;
  let lastPart = '';
  return (
    <Stack gap="md">
      {draft.groups.map((g) => {
        const list = draft.paragraphs.filter((p) => p.part === g.part && p.itemKey === g.itemKey);
        const partHeading = g.part !== lastPart ? headingOf(g.part) : null;
        lastPart = g.part;
        return (
          <Stack key={`${g.part}|${g.itemKey}`} gap="xs">
            {partHeading && (
              <Title order={2} size="h4" mt="sm">
                {partHeading}
              </Title>
            )}
            {g.part === 'results' && (
              <Title order={3} size="h5">
                {g.heading}
              </Title>
            )}
            {list.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('consolidation.emptyGroup')}
              </Text>
            )}
            {list.map((p, i) => (
              <Paper key={p.id} withBorder p="sm" data-testid="paragraph">
                <Stack gap={6}>
                  <Group justify="space-between" gap="xs">
                    <Group gap={6}>
                      <Badge variant="light" color={p.source ? 'gray' : 'grape'} c="dark">
                        {p.source ? t('consolidation.source', { unit: p.source.unitName }) : t('consolidation.manual')}
                      </Badge>
                      {p.isNew && <Badge color="blue.9">{t('consolidation.badgeNew')}</Badge>}
                      {p.isUpdated && <Badge color="cyan.9">{t('consolidation.badgeUpdated')}</Badge>}
                      {p.isEdited && <Badge color="yellow" c="dark">{t('consolidation.badgeEdited')}</Badge>}
                      {p.isProvisional && <Badge color="orange.9">{t('consolidation.badgeProvisional')}</Badge>}
                      {p.sourceChanged && <Badge color="red.9">{t('consolidation.badgeSourceChanged')}</Badge>}
                    </Group>
                    {canEdit && (
                      <Group gap={4}>
                        <ActionIcon variant="subtle" disabled={i === 0} aria-label={t('consolidation.moveUp', { source: sourceOf(p) })} onClick={() => save.push({ op: 'move', id: p.id, offset: -1 })}>
                          <IconArrowUp size={16} aria-hidden />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          disabled={i === list.length - 1}
                          aria-label={t('consolidation.moveDown', { source: sourceOf(p) })}
                          onClick={() => save.push({ op: 'move', id: p.id, offset: 1 })}
                        >
                          <IconArrowDown size={16} aria-hidden />
                        </ActionIcon>
                        <ActionIcon variant="subtle" color="red" aria-label={t('consolidation.remove', { source: sourceOf(p) })} onClick={() => setRemoving(p)}>
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Group>
                    )}
                  </Group>
                  {canEdit ? (
                    <Textarea
                      aria-label={t('consolidation.paragraphLabel', { source: sourceOf(p) })}
                      autosize
                      minRows={2}
                      maxLength={20000}
                      value={save.texts[p.id] ?? p.text}
                      onChange={(e) => save.setText(p.id, e.currentTarget.value)}
                    />
                  ) : (
                    <Text style={{ whiteSpace: 'pre-wrap' }}>{p.text}</Text>
                  )}
                </Stack>
              </Paper>
            ))}
            {canEdit && <AddParagraph heading={g.part === 'results' ? g.heading : headingOf(g.part)} onAdd={(text) => save.push({ op: 'add', part: g.part, itemKey: g.itemKey, text })} />}
          </Stack>
        );
      })}
      <ConfirmModal
        opened={Boolean(removing)}
        onClose={() => setRemoving(null)}
        title={t('consolidation.removeTitle')}
        size="md"
        color="red"
        confirmLabel={t('consolidation.removeOk')}
        onConfirm={() => {
          if (removing) save.push({ op: 'remove', id: removing.id });
          setRemoving(null);
        }}
      >
        <Text>{removing && t('consolidation.removeConfirm', { source: sourceOf(removing) })}</Text>
      </ConfirmModal>
    </Stack>
  );
}

function AddParagraph({ heading, onAdd }: { heading: string; onAdd: (text: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  if (!open) {
    return (
      <Button variant="subtle" size="xs" w="fit-content" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setOpen(true)} aria-label={`${t('consolidation.add')}: ${heading}`}>
        {t('consolidation.add')}
      </Button>
    );
  }
  return (
    <Stack gap={6}>
      <Textarea label={t('consolidation.addLabel', { heading })} autosize minRows={2} maxLength={20000} value={text} onChange={(e) => setText(e.currentTarget.value)} data-autofocus />
      <Group gap="xs">
        <Button
          size="xs"
          disabled={!text.trim()}
          onClick={() => {
            onAdd(text.trim());
            setText('');
            setOpen(false);
          }}
        >
          {t('consolidation.addOk')}
        </Button>
        <Button size="xs" variant="default" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

/* ───────────────────────────── settings and tables ───────────────────────────── */

function SettingsForm({ draft, onChange }: { draft: ConsolidationDto; onChange: (s: Partial<DocumentSettings>) => void }) {
  const { t } = useTranslation();
  const [s, setS] = useState(draft.settings);
  const set = <K extends keyof DocumentSettings>(k: K, v: DocumentSettings[K]) => {
    setS((cur) => ({ ...cur, [k]: v }));
    onChange({ [k]: v } as Partial<DocumentSettings>);
  };
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('consolidation.settingsTitle')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        <TextInput label={t('consolidation.parentAgency')} value={s.parentAgency} onChange={(e) => set('parentAgency', e.currentTarget.value)} maxLength={500} />
        <TextInput label={t('consolidation.agency')} value={s.agency} onChange={(e) => set('agency', e.currentTarget.value)} maxLength={500} />
        <TextInput label={t('consolidation.agencyAbbreviation')} value={s.agencyAbbreviation} onChange={(e) => set('agencyAbbreviation', e.currentTarget.value.toUpperCase())} maxLength={20} />
        <NumberInput
          label={t('consolidation.documentNumber')}
          description={t('consolidation.documentNumberHint')}
          value={s.documentNumber ?? ''}
          min={1}
          max={9999}
          allowDecimal={false}
          onChange={(v) => set('documentNumber', typeof v === 'number' ? v : null)}
        />
        <TextInput label={t('consolidation.place')} value={s.place} onChange={(e) => set('place', e.currentTarget.value)} maxLength={500} />
        <TextInput label={t('consolidation.documentDate')} value={s.documentDate} onChange={(e) => /^\d{4}-\d{2}-\d{2}$/.test(e.currentTarget.value) ? set('documentDate', e.currentTarget.value) : setS((c) => ({ ...c, documentDate: e.currentTarget.value }))} />
        <TextInput label={t('consolidation.signerAuthority')} value={s.signerAuthority} onChange={(e) => set('signerAuthority', e.currentTarget.value)} maxLength={500} />
        <TextInput label={t('consolidation.signerTitle')} value={s.signerTitle} onChange={(e) => set('signerTitle', e.currentTarget.value)} maxLength={500} />
        <TextInput label={t('consolidation.signerName')} value={s.signerName} onChange={(e) => set('signerName', e.currentTarget.value)} maxLength={120} />
      </SimpleGrid>
      <Stack gap="sm" mt="sm">
        <TextInput label={t('consolidation.docTitle')} value={s.title} onChange={(e) => set('title', e.currentTarget.value)} maxLength={500} />
        <TextInput label={t('consolidation.recipient')} value={s.recipient} onChange={(e) => set('recipient', e.currentTarget.value)} maxLength={500} />
        <Textarea
          label={t('consolidation.copyTo')}
          autosize
          minRows={3}
          value={s.copyTo.join('\n')}
          onChange={(e) => set('copyTo', e.currentTarget.value.split('\n').map((x) => x.trim()).filter(Boolean))}
        />
      </Stack>
    </Paper>
  );
}

function IndicatorTable({ draft }: { draft: ConsolidationDto }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('consolidation.indicatorsTitle')}
      </Title>
      <Table.ScrollContainer minWidth={600}>
        <Table withTableBorder withColumnBorders>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('consolidation.indicator')}</Table.Th>
              <Table.Th>{t('consolidation.unitOfMeasure')}</Table.Th>
              <Table.Th ta="right">{draft.previousYear ? t('consolidation.yearCol', { year: draft.previousYear }) : t('consolidation.previousCol')}</Table.Th>
              <Table.Th ta="right">{t('consolidation.yearCol', { year: draft.year })}</Table.Th>
              <Table.Th ta="right">{t('consolidation.reporting')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {draft.indicators.flatMap((i) => [
              <Table.Tr key={i.code} fw={600}>
                <Table.Td>
                  {i.name} ({i.code})
                </Table.Td>
                <Table.Td>{unitOfMeasure(i.unit, i18n.language)}</Table.Td>
                <Table.Td ta="right">{formatNumber(i.previousTotal)}</Table.Td>
                <Table.Td ta="right">{formatNumber(i.total)}</Table.Td>
                <Table.Td ta="right">{i.reporting}</Table.Td>
              </Table.Tr>,
              ...(i.byWasteStream
                ? i.streams
                    .filter((s) => s.value !== null || s.previous !== null)
                    .map((s) => (
                      <Table.Tr key={`${i.code}|${s.stream}`}>
                        <Table.Td pl="xl">– {s.stream === 'agri' ? 'Nông, lâm, thủy sản' : s.stream === 'medical' ? 'Y tế' : s.stream === 'industrial' ? 'Công nghiệp' : s.stream === 'domestic' ? 'Sinh hoạt' : s.stream}</Table.Td>
                        <Table.Td>{unitOfMeasure(i.unit, i18n.language)}</Table.Td>
                        <Table.Td ta="right">{formatNumber(s.previous)}</Table.Td>
                        <Table.Td ta="right">{formatNumber(s.value)}</Table.Td>
                        <Table.Td />
                      </Table.Tr>
                    ))
                : []),
            ])}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function UnitsTable({ draft }: { draft: ConsolidationDto }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('consolidation.unitsTitle')}
      </Title>
      <Table.ScrollContainer minWidth={500}>
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('consolidation.unit')}</Table.Th>
              <Table.Th>{t('consolidation.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {draft.units.map((u) => (
              <Table.Tr key={u.orgUnitId}>
                <Table.Td>{u.name}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={u.timing === 'on_time' ? 'green' : u.timing === 'late' ? 'orange' : 'gray'} c="dark">
                    {t(`consolidation.timing.${u.timing}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
