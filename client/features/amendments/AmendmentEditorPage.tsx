import {
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  Group,
  MultiSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconMinus, IconPencil, IconPlus } from '@tabler/icons-react';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { AmendmentDto, ChangeOp, CreateAmendmentRequest } from '../../../shared/contracts/amendments';
import type { PlanDto, PlanItemDto } from '../../../shared/contracts/plans';
import { LIMITS } from '../../../shared/limits';
import { ApiError } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { firstUnsettled } from '../feedback/components/queries';
import { useFeedbackListQuery, useFeedbackQuery } from '../feedback/api';
import { PlanPicker, usePlanChoice } from '../plan/planChoice';
import { useAmendmentQuery, useCreateAmendmentMutation, useGuidanceQuery, useUpdateAmendmentMutation } from './api';
import { useTargetsQuery } from '../plan/api';
import { ChangeEditor, emptyChange, toRequestChange, uid, type DraftChange } from './ChangeEditor';
import {
  checkTarget,
  draftTargets,
  TargetChangesSection,
  toRequestTarget,
  type DraftTarget,
} from './TargetChangeEditor';

/** How a feedback item is named in the picker. */
function feedbackLabel(f: { trackingCode: string; subject: string }): string {
  return `${f.trackingCode} · ${f.subject}`;
}

/** /sua-doi/moi (optionally ?phan-anh=<feedback id>) and /sua-doi/:id/sua: the proposal editor. */
export function AmendmentEditorPage() {
  const { id } = useParams();
  const { plans, plan, id: planId, withPlan } = usePlanChoice();
  const existing = useAmendmentQuery(planId, id);
  const { t } = useTranslation();
  const ready = plan.data && (!id || existing.data);
  return (
    <Stack gap="lg" maw={1100}>
      <Breadcrumbs>
        <Anchor component={Link} to={withPlan('/sua-doi')}>
          {t('amendments.back')}
        </Anchor>
        <Text>{id ? t('amendments.editTitle') : t('amendments.newTitle')}</Text>
      </Breadcrumbs>
      {!id && <PlanPicker />}
      <QueryState query={id ? firstUnsettled(plans, plan, existing) : firstUnsettled(plans, plan)}>
        {() => (ready ? <Editor plan={plan.data} existing={existing.data ?? null} withPlan={withPlan} /> : null)}
      </QueryState>
    </Stack>
  );
}

/** Rebuilds the editable changes of a saved draft against the plan's current items (by key). */
function draftChanges(a: AmendmentDto, items: PlanItemDto[]): DraftChange[] {
  const byKey = new Map(items.map((i) => [i.key, i]));
  return a.changes
    .filter((c) => !c.target)
    .map((c) => {
      const item = c.itemKey ? byKey.get(c.itemKey) : undefined;
      return {
        uid: uid(),
        op: c.op,
        itemId: item?.id ?? null,
        parentId: c.parentKey ? (byKey.get(c.parentKey)?.id ?? null) : null,
        kind: c.kind,
        label: c.label ?? item?.label ?? '',
        title: c.title !== undefined ? (c.title ?? '') : (item?.title ?? ''),
        text: c.text !== undefined ? (c.text ?? '') : (item?.text ?? ''),
        changeAssignments: c.op === 'add' || Boolean(c.assignments),
        assignments: (c.assignments ?? []).map((x) => ({
          uid: uid(),
          orgUnitId: x.orgUnit.id,
          unit: x.orgUnit,
          role: x.role,
        })),
      };
    });
}

function Editor({
  plan,
  existing,
  withPlan,
}: {
  plan: PlanDto;
  existing: AmendmentDto | null;
  /** Keeps the plan chosen (?keHoach=) on the links out of the editor. */
  withPlan: (path: string) => string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const byId = useMemo(() => new Map(plan.items.map((i) => [i.id, i])), [plan.items]);
  const create = useCreateAmendmentMutation(plan.id);
  const update = useUpdateAmendmentMutation(plan.id, existing?.id ?? '');
  const save = existing ? update : create;

  const [summary, setSummary] = useState(existing?.summary ?? '');
  const [reasoning, setReasoning] = useState(existing?.reasoning ?? '');
  const [feedbackIds, setFeedbackIds] = useState<string[]>(existing?.feedback.map((f) => f.id) ?? []);
  const [guidanceIds, setGuidanceIds] = useState<string[]>(existing?.guidanceDocuments.map((g) => g.id) ?? []);
  const [changes, setChanges] = useState<DraftChange[]>(() => (existing ? draftChanges(existing, plan.items) : []));
  const [targetDrafts, setTargetDrafts] = useState<DraftTarget[]>(() =>
    existing ? draftTargets(existing.changes) : [],
  );
  const [showChecks, setShowChecks] = useState(false);
  const currentTargets = useTargetsQuery(plan.id, plan.currentVersion);

  // Feedback items are searched on the server; the labels of those chosen are kept.
  const [feedbackSearch, setFeedbackSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(feedbackSearch.trim(), 250);
  const feedbackList = useFeedbackListQuery({ q: debouncedSearch || undefined, pageSize: 30 });
  const [feedbackLabels, setFeedbackLabels] = useState<Map<string, string>>(
    () => new Map((existing?.feedback ?? []).map((f) => [f.id, feedbackLabel(f)])),
  );
  const fromFeedback = params.get('phan-anh');
  const cited = useFeedbackQuery(!existing && fromFeedback ? fromFeedback : undefined);
  // The item the editor was opened from is chosen once it has loaded (adjusted while rendering).
  const [citedChosen, setCitedChosen] = useState<string | null>(null);
  if (cited.data && citedChosen !== cited.data.id) {
    const f = cited.data;
    setCitedChosen(f.id);
    setFeedbackLabels((m) => new Map(m).set(f.id, feedbackLabel(f)));
    setFeedbackIds((ids) => (ids.includes(f.id) ? ids : [...ids, f.id]));
  }
  // The labels known so far and those of the current search; a choice keeps them all.
  const labels = useMemo(() => {
    const next = new Map(feedbackLabels);
    for (const f of feedbackList.data?.data ?? []) next.set(f.id, feedbackLabel(f));
    return next;
  }, [feedbackLabels, feedbackList.data]);
  const chooseFeedback = (ids: string[]) => {
    setFeedbackLabels(labels);
    setFeedbackIds(ids);
  };
  const feedbackOptions = useMemo(() => {
    const ids = new Set([...feedbackIds, ...(feedbackList.data?.data.map((f) => f.id) ?? [])]);
    return [...ids].map((v) => ({ value: v, label: labels.get(v) ?? v }));
  }, [feedbackIds, feedbackList.data, labels]);

  const guidance = useGuidanceQuery();
  const guidanceOptions = (guidance.data?.data ?? []).map((g) => ({ value: g.id, label: `${g.number} — ${g.title}` }));

  const error = save.error instanceof ApiError ? save.error : null;
  const fieldError = (path: string) => error?.fieldError(path);
  const listError = (prefix: string) =>
    error?.issues
      .filter((i) => i.path === prefix || i.path.startsWith(`${prefix}.`))
      .map((i) => i.message)
      .join(' ') || undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setShowChecks(true);
    if (targetDrafts.some((d) => checkTarget(d).length > 0)) {
      notifications.show({ color: 'red', message: t('targets.invalid') });
      return;
    }
    const body: CreateAmendmentRequest = {
      summary,
      reasoning,
      feedbackIds,
      guidanceDocumentIds: guidanceIds,
      changes: [...changes.map((c) => toRequestChange(c, byId)), ...targetDrafts.map(toRequestTarget)],
    };
    save.mutate(body, {
      onSuccess: (a) => {
        notifications.show({ color: 'bio', message: t('amendments.saved') });
        void navigate(withPlan(`/sua-doi/${a.id}`));
      },
    });
  };

  const addChange = (op: ChangeOp) => setChanges((list) => [...list, emptyChange(op)]);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <div>
          <Title order={1} size="h2">
            {existing ? t('amendments.editTitle') : t('amendments.newTitle')}
          </Title>
          <Text mt={4}>{t('amendments.basedOnVersion', { n: plan.currentVersion, number: plan.number })}</Text>
        </div>

        {error && (
          <Alert color="red" role="alert" title={t('amendments.notSaved')}>
            {error.message}
            {error.issues.length > 0 && (
              <Text size="sm" mt={4}>
                {error.issues.map((i) => i.message).join(' · ')}
              </Text>
            )}
          </Alert>
        )}

        <Paper withBorder p="md">
          <Stack gap="sm">
            <TextInput
              label={t('amendments.summary')}
              description={t('amendments.summaryHint')}
              required
              maxLength={LIMITS.shortText}
              value={summary}
              onChange={(e) => setSummary(e.currentTarget.value)}
              error={fieldError('summary')}
            />
            <Textarea
              label={t('amendments.reasoning')}
              description={t('amendments.reasoningHint')}
              required
              autosize
              minRows={4}
              maxRows={14}
              maxLength={LIMITS.longText}
              value={reasoning}
              onChange={(e) => setReasoning(e.currentTarget.value)}
              error={fieldError('reasoning')}
            />
          </Stack>
        </Paper>

        <Paper withBorder p="md" component="section" aria-labelledby="am-grounds">
          <Stack gap="sm">
            <Title order={2} size="h4" id="am-grounds">
              {t('amendments.grounds')}
            </Title>
            <MultiSelect
              label={t('amendments.feedbackIds')}
              description={t('amendments.feedbackHint')}
              searchable
              clearable
              value={feedbackIds}
              onChange={chooseFeedback}
              data={feedbackOptions}
              searchValue={feedbackSearch}
              onSearchChange={setFeedbackSearch}
              filter={({ options }) => options}
              error={listError('feedbackIds')}
              comboboxProps={{ withinPortal: true }}
              data-testid="amendment-feedback"
            />
            <MultiSelect
              label={t('amendments.guidanceIds')}
              description={t('amendments.guidanceHint')}
              searchable
              clearable
              value={guidanceIds}
              onChange={setGuidanceIds}
              data={guidanceOptions}
              error={listError('guidanceDocumentIds')}
              comboboxProps={{ withinPortal: true }}
            />
          </Stack>
        </Paper>

        <section aria-labelledby="am-changes">
          <Stack gap="sm">
            <div>
              <Title order={2} size="h4" id="am-changes">
                {t('amendments.changes')}
              </Title>
              <Text size="sm">{t('amendments.changesHint')}</Text>
            </div>
            {fieldError('changes') && (
              <Alert color="red" p="xs">
                {fieldError('changes')}
              </Alert>
            )}
            {changes.length === 0 && targetDrafts.length === 0 && <Text size="sm">{t('amendments.noChanges')}</Text>}
            {changes.map((c, i) => (
              <ChangeEditor
                key={c.uid}
                index={i}
                change={c}
                items={plan.items}
                byId={byId}
                onChange={(next) => setChanges((list) => list.map((x) => (x.uid === c.uid ? next : x)))}
                onRemove={() => setChanges((list) => list.filter((x) => x.uid !== c.uid))}
                fieldError={(field) => fieldError(field ? `changes.${i}.${field}` : `changes.${i}`)}
              />
            ))}
            <Group gap="xs">
              <Button
                variant="default"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => addChange('add')}
              >
                {t('amendments.addOp.add')}
              </Button>
              <Button
                variant="default"
                leftSection={<IconPencil size={16} aria-hidden />}
                onClick={() => addChange('update')}
              >
                {t('amendments.addOp.update')}
              </Button>
              <Button
                variant="default"
                leftSection={<IconMinus size={16} aria-hidden />}
                onClick={() => addChange('remove')}
              >
                {t('amendments.addOp.remove')}
              </Button>
            </Group>
          </Stack>
        </section>

        <TargetChangesSection
          drafts={targetDrafts}
          onChange={setTargetDrafts}
          current={currentTargets.data?.data ?? []}
          offset={changes.length}
          fieldError={(path) => fieldError(path)}
          showChecks={showChecks}
        />

        <Group>
          <Button type="submit" size="md" loading={save.isPending}>
            {t('amendments.saveDraft')}
          </Button>
          <Button
            component={Link}
            to={withPlan(existing ? `/sua-doi/${existing.id}` : '/sua-doi')}
            variant="subtle"
            size="md"
          >
            {t('amendments.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
