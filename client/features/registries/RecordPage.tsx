import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { RecordDto } from '../../../shared/contracts/registry-records';
import { formatDateTime } from '../../../shared/format';
import { fieldLabel, fieldOf, registryKind, type FieldValue, type RegistryKind } from '../../../shared/registry-kinds';
import { pathTo } from '../../../shared/routes';
import { Fact } from '../../components/Fact';
import { QueryState } from '../../components/QueryState';
import { TitledSection } from '../../components/TitledSection';
import { EnterpriseHistory } from './EnterpriseHistory';
import { Evidence } from './Evidence';
import { showValue, useLang } from './RecordFields';
import { RecordForm } from './RecordForm';
import { datesOf } from './RecordsPage';
import { useRecordQuery, useUpdateRecordMutation } from './records-api';

/** A record of a generic registry (/so-theo-doi/:kind/:id): fields, plan items, evidence, history. */
export function RecordPage() {
  const { id } = useParams();
  const query = useRecordQuery(id);
  const { t } = useTranslation();
  return (
    <QueryState query={query}>
      {(rec) => {
        const def = registryKind(rec.kind);
        return def ? (
          <RecordView key={rec.id} def={def} rec={rec} />
        ) : (
          <Alert color="red">{t('registries.rec.unknown')}</Alert>
        );
      }}
    </QueryState>
  );
}

function RecordView({ def, rec }: { def: RegistryKind; rec: RecordDto }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [editing, setEditing] = useState(false);
  const update = useUpdateRecordMutation(rec.id);
  return (
    <Stack gap="lg" maw={1000}>
      <Anchor component={Link} to={pathTo('registryList', { kind: def.slug })} size="sm">
        ← {t('registries.rec.back', { title: def.title[lang].toLowerCase() })}
      </Anchor>
      <div>
        <Text c="dimmed" size="sm">
          {def.title[lang]}
        </Text>
        <Title order={1} size="h2">
          {rec.title}
        </Title>
      </div>
      {!rec.abilities.canEdit && <Alert>{t('registries.rec.readOnly', { unit: rec.unit?.name ?? '—' })}</Alert>}
      <Paper withBorder p="md">
        {editing ? (
          <RecordForm
            def={def}
            initial={{ data: rec.data, planItemKeys: rec.planItemKeys }}
            refs={rec.refs}
            submitLabel={t('registries.save')}
            submitting={update.isPending}
            error={update.error}
            onCancel={() => setEditing(false)}
            onSubmit={(values) =>
              update.mutate(
                { version: rec.version, data: values.data, planItemKeys: values.planItemKeys },
                { onSuccess: () => setEditing(false) },
              )
            }
          />
        ) : (
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }} component="dl" m={0}>
              {def.fields.map((f) => (
                <Fact key={f.key} label={fieldLabel(f, lang)}>
                  {showValue(f, rec.data[f.key], rec.refs, lang)}
                </Fact>
              ))}
              <Fact label={t('registries.rec.date')}>{datesOf(rec)}</Fact>
              <Fact label={t('registries.reportingUnit')}>{rec.unit?.name ?? '—'}</Fact>
              <Fact label={t('registries.rec.planItems')}>
                {rec.planItems.length === 0
                  ? '—'
                  : rec.planItems.map((p) => `${p.key} ${p.title ?? ''}`.trim()).join('; ')}
              </Fact>
              <Fact label={t('registries.rec.updatedAt')}>{formatDateTime(rec.updatedAt)}</Fact>
            </SimpleGrid>
            {rec.abilities.canEdit && (
              <Group>
                <Button variant="light" onClick={() => setEditing(true)}>
                  {t('registries.edit')}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </Paper>
      <TitledSection title={t('registries.evidence.title')} id="minh-chung">
        <Evidence owner={{ type: 'record', id: rec.id }} files={rec.attachments} canEdit={rec.abilities.canEdit} />
      </TitledSection>
      <TitledSection title={t('registries.history')} id="lich-su">
        <EnterpriseHistory
          history={rec.history}
          labelOf={(key) => {
            const f = fieldOf(def, key);
            return f ? fieldLabel(f, lang) : undefined;
          }}
          showField={(key, value) => {
            const f = fieldOf(def, key);
            return f ? showValue(f, value as FieldValue, rec.refs, lang) : undefined;
          }}
        />
      </TitledSection>
    </Stack>
  );
}
