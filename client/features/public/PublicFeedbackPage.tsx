import { Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateFeedbackResponse } from '../../../shared/contracts/feedback';
import { PlanDto } from '../../../shared/contracts/plans';
import { api } from '../../api/client';
import { useMeQuery } from '../auth/useAuth';
import { PlanPicker, usePlanChoice } from '../plan/planChoice';
import { FeedbackForm } from '../feedback/components/FeedbackForm';
import { SentPanel } from '../feedback/components/SentPanel';
import { PublicLayout, PublicTitle } from './PublicLayout';

/** The plan in force, read without an account (GET /public/plan). */
function usePublicPlanQuery() {
  return useQuery({
    queryKey: ['plans', 'public'],
    queryFn: () => api('/public/plan', { schema: PlanDto }),
    staleTime: 5 * 60_000,
  });
}

/**
 * The public feedback page (/gop-y): anyone sends a difficulty, question or proposal, optionally
 * about one item of the plan, and gets a tracking code.
 */
export function PublicFeedbackPage() {
  const { t } = useTranslation();
  // Reading the account also loads the CSRF token a signed-in visitor's POST must carry.
  const me = useMeQuery();
  const { plan } = usePlanChoice({ enabled: Boolean(me.data), inForceOnly: true });
  const publicPlan = usePublicPlanQuery();
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
            <PlanPicker enabled={Boolean(me.data)} inForceOnly />
            <FeedbackForm
              key={formKey}
              mode="public"
              planItems={(me.data ? plan.data?.items : undefined) ?? publicPlan.data?.items}
              onSent={setSent}
            />
            <Text size="sm">{t('public.privacy')}</Text>
          </Stack>
        </Paper>
      )}
    </PublicLayout>
  );
}
