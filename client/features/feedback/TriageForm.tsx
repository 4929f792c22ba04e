import { Alert, Button, Paper, Select, Stack, Switch, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FEEDBACK_CATEGORIES,
  FEEDBACK_LIMITS,
  FEEDBACK_STATUSES,
  type FeedbackCategory,
  type FeedbackDto,
  type FeedbackStatus,
  type TriageFeedbackRequest,
} from '../../../shared/contracts/feedback';
import { foldText } from '../../../shared/text';
import { ApiError } from '../../api/client';
import { usePlanChoice } from '../plan/planChoice';
import { useForwardTargetsQuery, useTriageFeedbackMutation } from './api';
import { PlanItemSelect } from './components/PlanItemSelect';
import { itemRefText } from './components/planItems';

/** Triage by the focal department; only the fields changed are sent, and the server's issues mark the fields. */
export function TriageForm({ item }: { item: FeedbackDto }) {
  const { t } = useTranslation();
  const triage = useTriageFeedbackMutation(item.id);
  const { plan } = usePlanChoice();
  const items = useMemo(() => plan.data?.items ?? [], [plan.data]);
  const initialItemId = useMemo(
    () => (item.planItem ? (items.find((i) => i.key === item.planItem!.key)?.id ?? null) : null),
    [items, item.planItem],
  );
  const [status, setStatus] = useState<FeedbackStatus>(item.status);
  const [category, setCategory] = useState<FeedbackCategory | null>(item.category);
  const [planItemId, setPlanItemId] = useState<string | null | undefined>(undefined);
  const [forwardedToUnitId, setForwardedToUnitId] = useState<string | null>(item.forwardedToUnit?.id ?? null);
  const targets = useForwardTargetsQuery();
  // Departments only; a unit the item was forwarded to earlier stays shown while it is chosen.
  const forwardOptions = useMemo(() => {
    const options = (targets.data?.data ?? []).map((unit) => ({ value: unit.id, label: unit.fullName }));
    const earlier = item.forwardedToUnit;
    return earlier && !options.some((option) => option.value === earlier.id)
      ? [{ value: earlier.id, label: earlier.fullName }, ...options]
      : options;
  }, [targets.data, item.forwardedToUnit]);
  const [answer, setAnswer] = useState(item.answer ?? '');
  const [published, setPublished] = useState(item.isPublished);
  const error = triage.error instanceof ApiError ? triage.error : null;
  const chosenItemId = planItemId === undefined ? initialItemId : planItemId;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: TriageFeedbackRequest = { status };
    if (category !== item.category) body.category = category;
    if (planItemId !== undefined && planItemId !== initialItemId) body.planItemId = planItemId;
    if (forwardedToUnitId !== (item.forwardedToUnit?.id ?? null)) body.forwardedToUnitId = forwardedToUnitId;
    if (answer.trim() !== (item.answer ?? '')) body.answer = answer.trim() || null;
    if (published !== item.isPublished) body.published = published;
    triage.mutate(body, {
      onSuccess: () => notifications.show({ color: 'bio', message: t('feedback.saved') }),
    });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="fb-triage" style={{ position: 'sticky', top: 76 }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <div>
            <Title order={2} size="h4" id="fb-triage">
              {t('feedback.triage')}
            </Title>
            <Text size="xs" c="dimmed">
              {t('feedback.triageIntro')}
            </Text>
          </div>
          {error && (
            <Alert color="red" role="alert" title={t('feedback.notSaved')}>
              {error.message}
            </Alert>
          )}
          <Select
            label={t('feedback.statusLabel')}
            value={status}
            onChange={(v) => v && setStatus(v)}
            data={FEEDBACK_STATUSES.map((s) => ({ value: s, label: t(`feedback.status.${s}`) }))}
            allowDeselect={false}
            error={error?.fieldError('status')}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('feedback.categoryLabel')}
            value={category}
            onChange={(v) => setCategory(v || null)}
            data={FEEDBACK_CATEGORIES.map((c) => ({ value: c, label: t(`feedback.category.${c}`) }))}
            clearable
            placeholder={t('feedback.uncategorised')}
            error={error?.fieldError('category')}
            comboboxProps={{ withinPortal: true }}
          />
          <PlanItemSelect
            label={t('feedback.planItem')}
            description={t('feedback.form.planItemHint')}
            items={items}
            value={chosenItemId}
            onChange={setPlanItemId}
            error={error?.fieldError('planItemId')}
            placeholder={item.planItem && !initialItemId ? itemRefText(item.planItem) : undefined}
          />
          <Select
            label={t('feedback.forwardTo')}
            description={t('feedback.forwardHint')}
            searchable
            clearable
            value={forwardedToUnitId}
            data={forwardOptions}
            onChange={(v) => setForwardedToUnitId(v)}
            error={error?.fieldError('forwardedToUnitId')}
            nothingFoundMessage={t('feedback.forwardNone')}
            filter={({ options, search }) => {
              const needle = foldText(search);
              return options.filter((option) => 'label' in option && foldText(option.label).includes(needle));
            }}
          />
          <Textarea
            label={t('feedback.answerLabel')}
            description={t('feedback.answerHint')}
            autosize
            minRows={5}
            maxRows={14}
            maxLength={FEEDBACK_LIMITS.answer}
            value={answer}
            onChange={(e) => setAnswer(e.currentTarget.value)}
            error={error?.fieldError('answer')}
          />
          <Switch
            label={t('feedback.publish')}
            description={t('feedback.publishHint')}
            checked={published}
            onChange={(e) => setPublished(e.currentTarget.checked)}
            error={error?.fieldError('published')}
          />
          <div>
            <Button type="submit" loading={triage.isPending}>
              {t('feedback.saveTriage')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
