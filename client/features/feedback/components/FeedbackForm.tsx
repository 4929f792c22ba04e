import { Alert, Box, Button, Fieldset, FileInput, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FEEDBACK_LIMITS, type CreateFeedbackResponse } from '../../../../shared/contracts/feedback';
import type { PlanItemDto } from '../../../../shared/contracts/plans';
import { formatNumber } from '../../../../shared/format';
import { LIMITS } from '../../../../shared/limits';
import { ApiError } from '../../../api/client';
import { useSendFeedbackMutation } from '../api';
import { PlanItemSelect } from './PlanItemSelect';

const ALLOWED_EXTENSIONS = ['pdf', 'docx', 'xlsx', 'jpg', 'jpeg', 'png'];
const ACCEPT = [
  '.pdf',
  '.docx',
  '.xlsx',
  '.jpg',
  '.jpeg',
  '.png',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'image/jpeg',
  'image/png',
].join(',');

interface Props {
  /** "public": organisation and contact are required; "unit": they default to the account's unit and e-mail. */
  mode: 'public' | 'unit';
  /** The plan's current items, when the visitor may read the plan (signed in); otherwise a note replaces the picker. */
  planItems?: PlanItemDto[];
  onSent: (result: CreateFeedbackResponse) => void;
  /** Shown above the fields (e.g. the unit the feedback is linked to). */
  intro?: ReactNode;
}

/**
 * The feedback form: sender, subject, text, optional plan item and attachments, plus the hidden
 * honeypot field. The server's answer decides; its issues are shown on the fields they name.
 * Files are checked here first so that a 30 MB file is never uploaded.
 */
export function FeedbackForm({ mode, planItems, onSent, intro }: Props) {
  const { t } = useTranslation();
  const send = useSendFeedbackMutation();
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [contact, setContact] = useState('');
  const [subject, setSubject] = useState('');
  const [text, setText] = useState('');
  const [planItemId, setPlanItemId] = useState<string | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [website, setWebsite] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const isPublic = mode === 'public';

  const error = send.error instanceof ApiError ? send.error : null;
  const fieldError = (path: string) => error?.fieldError(path);
  const attachmentError =
    fileError ??
    error?.issues
      .filter((i) => i.path === 'attachments' || i.path.startsWith('attachments.'))
      .map((i) => i.message)
      .join(' ') ??
    undefined;

  const checkFiles = (list: File[]): string | null => {
    if (list.length > FEEDBACK_LIMITS.attachments)
      return t('feedback.form.tooMany', { count: FEEDBACK_LIMITS.attachments });
    for (const f of list) {
      const ext = f.name.split('.').pop()?.toLowerCase() ?? '';
      if (!ALLOWED_EXTENSIONS.includes(ext)) return t('feedback.form.badType', { name: f.name });
      if (f.size > LIMITS.attachmentBytes) return t('feedback.form.tooBig', { name: f.name });
    }
    return null;
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problem = checkFiles(files);
    setFileError(problem);
    if (problem) return;
    send.mutate(
      { name, organisation, contact, subject, text, planItemId, website, files },
      {
        onSuccess: (result) => {
          onSent(result);
        },
      },
    );
  };

  const textTooLong = text.trim().length > FEEDBACK_LIMITS.text;

  return (
    <form onSubmit={submit} noValidate aria-describedby={error ? 'feedback-form-error' : undefined}>
      <Stack gap="lg">
        {intro}
        {error && (
          <Alert color="red" role="alert" title={t('feedback.form.failed')} id="feedback-form-error">
            <Text size="sm">{error.message}</Text>
            {error.issues.length > 0 && (
              <Text size="sm" mt={4}>
                {t('feedback.form.fixFields')}
              </Text>
            )}
          </Alert>
        )}
        <Fieldset legend={t('feedback.form.senderSection')}>
          <Stack gap="sm">
            {isPublic && (
              <TextInput
                label={t('feedback.form.name')}
                description={t('feedback.form.nameHint')}
                autoComplete="name"
                maxLength={LIMITS.name}
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                error={fieldError('name')}
              />
            )}
            <TextInput
              label={t('feedback.form.organisation')}
              description={isPublic ? t('feedback.form.organisationHint') : t('feedback.form.organisationUnitHint')}
              autoComplete="organization"
              required={isPublic}
              maxLength={FEEDBACK_LIMITS.organisation}
              value={organisation}
              onChange={(e) => setOrganisation(e.currentTarget.value)}
              error={fieldError('organisation')}
            />
            <TextInput
              label={t('feedback.form.contact')}
              description={isPublic ? t('feedback.form.contactHint') : t('feedback.form.contactUnitHint')}
              autoComplete="email"
              required={isPublic}
              maxLength={FEEDBACK_LIMITS.contact}
              value={contact}
              onChange={(e) => setContact(e.currentTarget.value)}
              error={fieldError('contact')}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('feedback.form.contentSection')}>
          <Stack gap="sm">
            <TextInput
              label={t('feedback.form.subject')}
              required
              maxLength={FEEDBACK_LIMITS.subject}
              value={subject}
              onChange={(e) => setSubject(e.currentTarget.value)}
              error={fieldError('subject')}
            />
            <div>
              <Textarea
                label={t('feedback.form.text')}
                description={t('feedback.form.textHint')}
                required
                autosize
                minRows={6}
                maxRows={18}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                error={
                  fieldError('text') ??
                  (textTooLong ? t('feedback.form.tooLong', { max: formatNumber(FEEDBACK_LIMITS.text) }) : undefined)
                }
              />
              <Text id="feedback-text-counter" size="xs" mt={4} c={textTooLong ? 'red.9' : 'dimmed'} ta="right">
                {t('feedback.form.counter', {
                  n: formatNumber(text.trim().length),
                  max: formatNumber(FEEDBACK_LIMITS.text),
                })}
              </Text>
            </div>
            {planItems ? (
              <PlanItemSelect
                label={t('feedback.form.planItem')}
                description={t('feedback.form.planItemHint')}
                items={planItems}
                value={planItemId}
                onChange={setPlanItemId}
                error={fieldError('planItemId')}
              />
            ) : (
              <Text size="sm">{t('feedback.form.planItemPublicNote')}</Text>
            )}
            <FileInput
              label={t('feedback.form.attachments')}
              description={t('feedback.form.attachmentsHint', { count: FEEDBACK_LIMITS.attachments })}
              placeholder={t('feedback.form.attachmentsPlaceholder')}
              multiple
              clearable
              accept={ACCEPT}
              value={files}
              onChange={(list) => {
                setFiles(list);
                setFileError(checkFiles(list));
              }}
              leftSection={<IconPaperclip size={16} aria-hidden />}
              error={attachmentError || undefined}
            />
          </Stack>
        </Fieldset>

        {/* Honeypot: people never see or reach this field; a bot that fills it is answered but nothing is stored. */}
        <Box
          aria-hidden="true"
          style={{ position: 'absolute', left: '-10000px', top: 'auto', width: 1, height: 1, overflow: 'hidden' }}
        >
          <label htmlFor="feedback-website">{t('feedback.form.honeypot')}</label>
          <input
            id="feedback-website"
            name="website"
            type="text"
            tabIndex={-1}
            autoComplete="off"
            value={website}
            onChange={(e) => setWebsite(e.currentTarget.value)}
          />
        </Box>

        <div>
          <Button type="submit" size="md" loading={send.isPending}>
            {t('feedback.form.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
