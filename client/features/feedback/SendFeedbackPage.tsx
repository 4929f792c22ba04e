import { Anchor, Breadcrumbs, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CreateFeedbackResponse } from '../../../shared/contracts/feedback';
import { useMeQuery } from '../auth/useAuth';
import { PlanPicker, usePlanChoice } from '../plan/planChoice';
import { FeedbackForm } from './components/FeedbackForm';
import { SentPanel } from './components/SentPanel';

/** A unit sends feedback from its workspace (/phan-anh/gui): linked to its unit, optionally to a plan item. */
export function SendFeedbackPage() {
  const { t } = useTranslation();
  const me = useMeQuery().data;
  const { plan } = usePlanChoice({ inForceOnly: true });
  const [sent, setSent] = useState<CreateFeedbackResponse | null>(null);
  const [formKey, setFormKey] = useState(0);
  const unitName = me?.user.orgUnit?.name;

  return (
    <Stack gap="lg" maw={860}>
      <Breadcrumbs>
        <Anchor component={Link} to="/phan-anh">
          {t('feedback.back')}
        </Anchor>
        <Text>{t('feedback.sendTitle')}</Text>
      </Breadcrumbs>
      <div>
        <Title order={1} size="h2">
          {t('feedback.sendTitle')}
        </Title>
        {unitName && <Text mt={4}>{t('feedback.sendIntro', { unit: unitName })}</Text>}
      </div>
      {sent ? (
        <SentPanel
          trackingCode={sent.trackingCode}
          openTo={`/phan-anh/${sent.id}`}
          onAnother={() => {
            setSent(null);
            setFormKey((k) => k + 1);
          }}
        />
      ) : (
        <Paper withBorder p={{ base: 'md', sm: 'xl' }}>
          <PlanPicker inForceOnly />
          <FeedbackForm
            key={formKey}
            mode={unitName ? 'unit' : 'public'}
            planItems={plan.data?.items ?? []}
            onSent={setSent}
          />
        </Paper>
      )}
    </Stack>
  );
}
