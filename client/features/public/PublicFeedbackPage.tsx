import { Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateFeedbackResponse } from '../../../shared/contracts/feedback';
import { useMeQuery } from '../auth/useAuth';
import { useCurrentPlanForPickers } from '../feedback/api';
import { FeedbackForm } from '../feedback/components/FeedbackForm';
import { SentPanel } from '../feedback/components/SentPanel';
import { PublicLayout, PublicTitle } from './PublicLayout';

/**
 * The public feedback page (/gop-y): anyone sends a difficulty, question or proposal and gets a
 * tracking code. The plan is read only with an account, so the plan item picker appears only for
 * a signed-in visitor; others name the item in their text.
 */
export function PublicFeedbackPage() {
  const { t } = useTranslation();
  // Reading the account also loads the CSRF token a signed-in visitor's POST must carry.
  const me = useMeQuery();
  const { plan } = useCurrentPlanForPickers(Boolean(me.data));
  const [sent, setSent] = useState<CreateFeedbackResponse | null>(null);
  const [formKey, setFormKey] = useState(0);

  return (
    <PublicLayout>
      <PublicTitle title={t('public.sendTitle')}>
        <Text>{t('public.sendIntro')}</Text>
        <Text size="sm" fw={600}>
          {t('public.noAccount')}
        </Text>
      </PublicTitle>
      {sent ? (
        <SentPanel
          trackingCode={sent.trackingCode}
          lookupTo={`/gop-y/tra-cuu?ma=${encodeURIComponent(sent.trackingCode)}`}
          onAnother={() => {
            setSent(null);
            setFormKey((k) => k + 1);
          }}
        />
      ) : (
        <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md">
          <Stack gap="md">
            <FeedbackForm key={formKey} mode="public" planItems={me.data ? plan.data?.items : undefined} onSent={setSent} />
            <Text size="sm">{t('public.privacy')}</Text>
          </Stack>
        </Paper>
      )}
    </PublicLayout>
  );
}
