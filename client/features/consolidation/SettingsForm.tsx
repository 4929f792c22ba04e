import { NumberInput, Paper, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsolidationDto, DocumentSettings } from '../../../shared/contracts/consolidation';

/** The Word document's header, signer and recipients; each change is saved with the draft. */
export function SettingsForm({
  draft,
  onChange,
}: {
  draft: ConsolidationDto;
  onChange: (settings: Partial<DocumentSettings>) => void;
}) {
  const { t, i18n } = useTranslation();
  const [settings, setSettings] = useState(draft.settings);
  const set = <K extends keyof DocumentSettings>(key: K, value: DocumentSettings[K]) => {
    setSettings((cur) => ({ ...cur, [key]: value }));
    onChange({ [key]: value });
  };
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('consolidation.settingsTitle')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        <TextInput
          label={t('consolidation.parentAgency')}
          value={settings.parentAgency}
          onChange={(event) => set('parentAgency', event.currentTarget.value)}
          maxLength={500}
        />
        <TextInput
          label={t('consolidation.agency')}
          value={settings.agency}
          onChange={(event) => set('agency', event.currentTarget.value)}
          maxLength={500}
        />
        <TextInput
          label={t('consolidation.agencyAbbreviation')}
          value={settings.agencyAbbreviation}
          onChange={(event) => set('agencyAbbreviation', event.currentTarget.value.toUpperCase())}
          maxLength={20}
        />
        <NumberInput
          label={t('consolidation.documentNumber')}
          description={t('consolidation.documentNumberHint')}
          value={settings.documentNumber ?? ''}
          min={1}
          max={9999}
          allowDecimal={false}
          onChange={(value) => set('documentNumber', typeof value === 'number' ? value : null)}
        />
        <TextInput
          label={t('consolidation.place')}
          value={settings.place}
          onChange={(event) => set('place', event.currentTarget.value)}
          maxLength={500}
        />
        <DateInput
          label={t('consolidation.documentDate')}
          description={t('consolidation.documentDateHint')}
          value={settings.documentDate || null}
          onChange={(value) =>
            value ? set('documentDate', value) : setSettings((current) => ({ ...current, documentDate: '' }))
          }
          locale={i18n.language === 'en' ? 'en' : 'vi'}
          popoverProps={{ withinPortal: true }}
        />
        <TextInput
          label={t('consolidation.signerAuthority')}
          value={settings.signerAuthority}
          onChange={(event) => set('signerAuthority', event.currentTarget.value)}
          maxLength={500}
        />
        <TextInput
          label={t('consolidation.signerTitle')}
          value={settings.signerTitle}
          onChange={(event) => set('signerTitle', event.currentTarget.value)}
          maxLength={500}
        />
        <TextInput
          label={t('consolidation.signerName')}
          value={settings.signerName}
          onChange={(event) => set('signerName', event.currentTarget.value)}
          maxLength={120}
        />
      </SimpleGrid>
      <Stack gap="sm" mt="sm">
        <TextInput
          label={t('consolidation.docTitle')}
          value={settings.title}
          onChange={(event) => set('title', event.currentTarget.value)}
          maxLength={500}
        />
        <TextInput
          label={t('consolidation.recipient')}
          value={settings.recipient}
          onChange={(event) => set('recipient', event.currentTarget.value)}
          maxLength={500}
        />
        <Textarea
          label={t('consolidation.copyTo')}
          autosize
          minRows={3}
          value={settings.copyTo.join('\n')}
          onChange={(event) =>
            set(
              'copyTo',
              event.currentTarget.value
                .split('\n')
                .map((line) => line.trim())
                .filter(Boolean),
            )
          }
        />
      </Stack>
    </Paper>
  );
}
