import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ENTERPRISE_LIMITS, type EnterpriseDto } from '../../../shared/contracts/registries';
import { formatDate, formatDateTime, todayInVietnam } from '../../../shared/format';
import { ApiError } from '../../api/client';
import { Fact } from '../../components/Fact';
import { QueryState } from '../../components/QueryState';
import { TitledSection } from '../../components/TitledSection';
import { useAddObservationMutation, useEnterpriseQuery, useUpdateEnterpriseMutation } from './api';
import { EnterpriseForm } from './EnterpriseForm';
import { EnterpriseHistory } from './EnterpriseHistory';
import { Evidence } from './Evidence';

/** An enterprise's record (/doanh-nghiep/:id): fields, the units' observations, the history. */
export function EnterprisePage() {
  const { id } = useParams();
  const query = useEnterpriseQuery(id);
  return <QueryState query={query}>{(e) => <EnterpriseView key={e.id} enterprise={e} />}</QueryState>;
}

function EnterpriseView({ enterprise: e }: { enterprise: EnterpriseDto }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const update = useUpdateEnterpriseMutation(e.id);
  const none = t('registries.none_');
  return (
    <Stack gap="lg" maw={1000}>
      <Anchor component={Link} to="/doanh-nghiep" size="sm">
        ← {t('registries.back')}
      </Anchor>
      <div>
        <Title order={1} size="h2">
          {e.name}
        </Title>
        <Text ff="monospace" c="dimmed">
          {t('registries.field.taxCode')}: {e.taxCode}
        </Text>
      </div>
      {!e.abilities.canEdit && e.abilities.canObserve && (
        <Alert>{t('registries.readOnly', { unit: e.reportingUnit?.name ?? none })}</Alert>
      )}
      <Paper withBorder p="md">
        {editing ? (
          <EnterpriseForm
            initial={{
              name: e.name,
              communeId: e.commune?.id ?? null,
              sector: e.sector,
              industrialYears: e.industrialYears,
              products: e.products,
              planItemIds: e.planItems.map((p) => p.id),
            }}
            communeName={e.commune?.name}
            submitLabel={t('registries.save')}
            submitting={update.isPending}
            error={update.error}
            onCancel={() => setEditing(false)}
            onSubmit={(values) =>
              update.mutate({ version: e.version, ...values }, { onSuccess: () => setEditing(false) })
            }
          />
        ) : (
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }} component="dl" m={0}>
              <Fact label={t('registries.field.commune')}>{e.commune?.name ?? none}</Fact>
              <Fact label={t('registries.field.sector')}>{e.sector || none}</Fact>
              <Fact label={t('registries.col.years')}>{e.industrialYears.join(', ') || none}</Fact>
              <Fact label={t('registries.reportingUnit')}>{e.reportingUnit?.name ?? none}</Fact>
              <Fact label={t('registries.recordDate')}>{formatDate(e.recordDate)}</Fact>
              <Fact label={t('registries.col.updatedAt')}>{formatDateTime(e.updatedAt)}</Fact>
              <Fact label={t('registries.planItems')}>
                {e.planItems.length === 0
                  ? none
                  : e.planItems.map((p) => `${p.key} ${p.title ?? ''}`.trim()).join('; ')}
              </Fact>
            </SimpleGrid>
            <div>
              <Text size="sm" c="dimmed">
                {t('registries.field.products')}
              </Text>
              {e.products.length === 0 ? (
                <Text fw={500}>{none}</Text>
              ) : (
                e.products.map((p, i) => (
                  <Group gap={6} key={i} mt={4}>
                    <Text fw={500}>{p.name}</Text>
                    {p.wasteStreams.map((s) => (
                      <Badge key={s} variant="light" tt="none">
                        {t(`registries.stream.${s}`)}
                      </Badge>
                    ))}
                  </Group>
                ))
              )}
            </div>
            {e.abilities.canEdit && (
              <Group>
                <Button variant="light" onClick={() => setEditing(true)}>
                  {t('registries.edit')}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </Paper>
      <Observations enterprise={e} />
      <TitledSection title={t('registries.evidence.title')} id="minh-chung">
        <Evidence owner={{ type: 'enterprise', id: e.id }} files={e.attachments} canEdit={e.abilities.canEdit} />
      </TitledSection>
      <TitledSection title={t('registries.history')} id="lich-su">
        <EnterpriseHistory history={e.history} />
      </TitledSection>
    </Stack>
  );
}

function Observations({ enterprise: e }: { enterprise: EnterpriseDto }) {
  const { t } = useTranslation();
  const add = useAddObservationMutation(e.id);
  const [year, setYear] = useState<number>(Number(todayInVietnam().slice(0, 4)));
  const [note, setNote] = useState('');
  const fieldError = (path: string) => (add.error instanceof ApiError ? add.error.fieldError(path) : undefined);
  return (
    <TitledSection title={t('registries.observations')} id="ghi-nhan">
      <Stack gap="sm">
        {e.observations.length === 0 ? (
          <Text c="dimmed">{t('registries.noObservations')}</Text>
        ) : (
          e.observations.map((o) => (
            <Paper withBorder p="xs" key={o.id} data-testid="observation">
              <Text size="sm" fw={600}>
                {o.unit?.name ?? '—'} · {o.year}
              </Text>
              <Text size="sm">{o.note}</Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(o.createdAt)}
              </Text>
            </Paper>
          ))
        )}
        {e.abilities.canObserve && (
          <form
            onSubmit={(ev) => {
              ev.preventDefault();
              add.mutate({ year, note }, { onSuccess: () => setNote('') });
            }}
          >
            <Group align="flex-end" gap="sm" wrap="wrap">
              <NumberInput
                label={t('registries.year')}
                value={year}
                min={ENTERPRISE_LIMITS.firstYear}
                max={ENTERPRISE_LIMITS.lastYear}
                onChange={(v) => setYear(Number(v))}
                w={110}
                error={fieldError('year')}
              />
              <Textarea
                label={t('registries.note')}
                value={note}
                maxLength={ENTERPRISE_LIMITS.note}
                autosize
                minRows={1}
                onChange={(ev) => setNote(ev.currentTarget.value)}
                style={{ flex: '1 1 260px' }}
                error={fieldError('note')}
              />
              <Button type="submit" loading={add.isPending}>
                {t('registries.addObservation')}
              </Button>
            </Group>
          </form>
        )}
      </Stack>
    </TitledSection>
  );
}
