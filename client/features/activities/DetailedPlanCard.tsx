import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  FileButton,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash, IconUpload } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnnualProgramme, DetailedPlanDto } from '../../../shared/contracts/activities';
import { formatDate, parseVietnameseDate } from '../../../shared/format';
import { ApiError } from '../../api/client';
import { Fact } from '../../components/Fact';
import { QueryState } from '../../components/QueryState';
import { TitledSection } from '../../components/TitledSection';
import { signedFileUrl, useMyDetailedPlanQuery, useSaveDetailedPlanMutation, useUploadSignedFileMutation } from './api';

/** The unit's detailed plan: shown, edited, and its signed file uploaded. */
export function DetailedPlanCard() {
  const { t } = useTranslation();
  const query = useMyDetailedPlanQuery();
  const [editing, setEditing] = useState(false);
  return (
    <TitledSection id="detailed-plan" title={t('activities.plan.title')}>
      <Paper withBorder p="md">
        <QueryState query={query}>
          {({ detailedPlan }) =>
            editing || !detailedPlan ? (
              editing ? (
                <DetailedPlanForm plan={detailedPlan} onDone={() => setEditing(false)} />
              ) : (
                <Stack gap="sm" align="flex-start">
                  <Alert color="yellow">{t('activities.plan.none')}</Alert>
                  <Button onClick={() => setEditing(true)}>{t('activities.plan.record')}</Button>
                </Stack>
              )
            ) : (
              <DetailedPlanView plan={detailedPlan} onEdit={() => setEditing(true)} />
            )
          }
        </QueryState>
      </Paper>
    </TitledSection>
  );
}

function DetailedPlanView({ plan, onEdit }: { plan: DetailedPlanDto; onEdit: () => void }) {
  const { t } = useTranslation();
  const upload = useUploadSignedFileMutation();
  return (
    <Stack gap="sm">
      {plan.kind === 'document' ? (
        <>
          <Text fw={600}>{t('activities.plan.kindDocument')}</Text>
          <SimpleGrid component="dl" m={0} cols={{ base: 1, sm: 3 }}>
            <Fact label={t('activities.plan.number')}>{plan.documentNumber}</Fact>
            <Fact label={t('activities.plan.date')}>{formatDate(plan.documentDate)}</Fact>
            <Fact label={t('activities.plan.titleField')}>{plan.title}</Fact>
          </SimpleGrid>
          <Group gap="sm">
            {plan.file ? (
              <Anchor href={signedFileUrl(plan.id)} size="sm">
                {plan.file.fileName}
              </Anchor>
            ) : (
              <Text size="sm" c="dimmed">
                {t('activities.plan.noFile')}
              </Text>
            )}
            <FileButton onChange={(f) => f && upload.mutate(f)} accept=".pdf,.docx">
              {(props) => (
                <Button
                  {...props}
                  variant="light"
                  size="xs"
                  loading={upload.isPending}
                  leftSection={<IconUpload size={14} aria-hidden />}
                >
                  {t('activities.plan.upload')}
                </Button>
              )}
            </FileButton>
          </Group>
          {upload.error && (
            <Text c="red" size="sm" role="alert">
              {upload.error.message}
            </Text>
          )}
        </>
      ) : (
        <>
          <Text fw={600}>{t('activities.plan.kindProgrammes')}</Text>
          {plan.programmes.map((p, i) => (
            <Text size="sm" key={i}>
              {p.name} — {p.documentNumber}, {formatDate(p.documentDate)}
            </Text>
          ))}
        </>
      )}
      <Group>
        <Button variant="default" size="xs" onClick={onEdit}>
          {t('activities.plan.edit')}
        </Button>
      </Group>
    </Stack>
  );
}

interface ProgrammeDraft {
  name: string;
  documentNumber: string;
  date: string;
}

function DetailedPlanForm({ plan, onDone }: { plan: DetailedPlanDto | null; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveDetailedPlanMutation();
  const [kind, setKind] = useState<'document' | 'programmes'>(plan?.kind ?? 'document');
  const [number, setNumber] = useState(plan?.documentNumber ?? '');
  const [date, setDate] = useState(plan?.documentDate ? formatDate(plan.documentDate) : '');
  const [title, setTitle] = useState(plan?.title ?? '');
  const [programmes, setProgrammes] = useState<ProgrammeDraft[]>(
    plan?.programmes.length
      ? plan.programmes.map((p) => ({
          name: p.name,
          documentNumber: p.documentNumber,
          date: formatDate(p.documentDate),
        }))
      : [{ name: '', documentNumber: '', date: '' }],
  );
  const fieldError = (path: string) => (save.error instanceof ApiError ? save.error.fieldError(path) : undefined);
  const dateOf = (s: string) => (s.trim() ? (parseVietnameseDate(s) ?? s) : null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body =
      kind === 'document'
        ? { kind, documentNumber: number || null, documentDate: dateOf(date), title: title || null, programmes: [] }
        : {
            kind,
            documentNumber: null,
            documentDate: null,
            title: null,
            programmes: programmes
              .filter((p) => p.name || p.documentNumber || p.date)
              .map((p) => ({
                name: p.name,
                documentNumber: p.documentNumber,
                documentDate: dateOf(p.date) ?? '',
              })) as AnnualProgramme[],
          };
    save.mutate({ ...body, version: plan?.version }, { onSuccess: onDone });
  };
  const setProgramme = (i: number, p: Partial<ProgrammeDraft>) =>
    setProgrammes((list) => list.map((x, j) => (j === i ? { ...x, ...p } : x)));
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SegmentedControl
          aria-label={t('activities.plan.kind')}
          value={kind}
          onChange={setKind}
          data={[
            { value: 'document', label: t('activities.plan.kindDocument') },
            { value: 'programmes', label: t('activities.plan.kindProgrammes') },
          ]}
        />
        {kind === 'document' ? (
          <>
            <Group gap="sm" wrap="wrap" align="flex-start">
              <TextInput
                label={t('activities.plan.number')}
                required
                value={number}
                onChange={(e) => setNumber(e.currentTarget.value)}
                error={fieldError('documentNumber')}
              />
              <TextInput
                label={t('activities.plan.date')}
                description={t('activities.noteDateHint')}
                required
                value={date}
                onChange={(e) => setDate(e.currentTarget.value)}
                error={fieldError('documentDate')}
              />
            </Group>
            <TextInput
              label={t('activities.plan.titleField')}
              required
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={fieldError('title')}
            />
          </>
        ) : (
          <Stack gap="xs">
            {fieldError('programmes') && (
              <Text c="red" size="sm" role="alert">
                {fieldError('programmes')}
              </Text>
            )}
            {programmes.map((p, i) => (
              <Group key={i} gap="xs" align="flex-end" wrap="wrap">
                <TextInput
                  label={t('activities.plan.programmeName')}
                  value={p.name}
                  onChange={(e) => setProgramme(i, { name: e.currentTarget.value })}
                  error={fieldError(`programmes.${i}.name`)}
                  style={{ flex: '2 1 240px' }}
                />
                <TextInput
                  label={t('activities.plan.number')}
                  value={p.documentNumber}
                  onChange={(e) => setProgramme(i, { documentNumber: e.currentTarget.value })}
                  error={fieldError(`programmes.${i}.documentNumber`)}
                  style={{ flex: '1 1 140px' }}
                />
                <TextInput
                  label={t('activities.plan.date')}
                  value={p.date}
                  placeholder="dd/mm/yyyy"
                  onChange={(e) => setProgramme(i, { date: e.currentTarget.value })}
                  error={fieldError(`programmes.${i}.documentDate`)}
                  style={{ flex: '1 1 130px' }}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={t('activities.plan.removeProgramme', { n: i + 1 })}
                  onClick={() => setProgrammes((list) => list.filter((_, j) => j !== i))}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="light"
                size="xs"
                leftSection={<IconPlus size={14} aria-hidden />}
                onClick={() => setProgrammes((list) => [...list, { name: '', documentNumber: '', date: '' }])}
              >
                {t('activities.plan.addProgramme')}
              </Button>
            </Group>
          </Stack>
        )}
        {save.error && !(save.error instanceof ApiError && save.error.issues.length) && (
          <Text c="red" size="sm" role="alert">
            {save.error.message}
          </Text>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('activities.plan.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('activities.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
