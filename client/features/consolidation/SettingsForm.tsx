import { NumberInput, Paper, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsolidationDto, DocumentSettings } from '../../../shared/contracts/consolidation';

/** The Word document's header, signer and recipients; each change is saved with the draft. */
export function SettingsForm({ draft, onChange }: { draft: ConsolidationDto; onChange: (s: Partial<DocumentSettings>) => void }) {
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
