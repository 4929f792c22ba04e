import { Alert, Anchor, Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { registryKindBySlug, type RecordData } from '../../../shared/registry-kinds';
import { pathTo } from '../../../shared/routes';
import { useMeQuery } from '../auth/useAuth';
import { useLang } from './RecordFields';
import { RecordForm } from './RecordForm';
import { useCreateRecordMutation } from './records-api';

/** Adding a record to a generic registry (/so-theo-doi/:kind/moi). */
export function NewRecordPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const { kind } = useParams();
  const me = useMeQuery();
  const create = useCreateRecordMutation();
  const def = registryKindBySlug(kind ?? '');
  if (!def) return <Alert color="red">{t('registries.rec.unknown')}</Alert>;
  const empty: RecordData = Object.fromEntries(
    def.fields.map((f) => [
      f.key,
      f.type === 'multiEnum' || f.type === 'enterprises' || f.type === 'communes' ? [] : null,
    ]),
  );
  return (
    <Stack gap="lg" maw={960}>
      <Anchor component={Link} to={pathTo('registryList', { kind: def.slug })} size="sm">
        ← {t('registries.rec.back', { title: def.title[lang].toLowerCase() })}
      </Anchor>
      <Title order={1} size="h2">
        {t('registries.rec.add', { noun: def.noun[lang] })}
      </Title>
      <Paper withBorder p="md">
        <RecordForm
          def={def}
          initial={{ data: empty, planItemKeys: [] }}
          refs={{}}
          chooseUnit={me.data?.user.role === 'focal'}
          submitLabel={t('registries.create')}
          submitting={create.isPending}
          error={create.error}
          onSubmit={(values) =>
            create.mutate(
              { kind: def.kind, ...values },
              { onSuccess: (rec) => void navigate(pathTo('registryRecord', { kind: def.slug, id: rec.id })) },
            )
          }
        />
      </Paper>
    </Stack>
  );
}
