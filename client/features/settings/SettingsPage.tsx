import { Alert, Button, Group, Loader, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgencySettingsBody, AgencySettingsDto, UnitSignerDto } from '../../../shared/contracts/settings';
import { hasPermission } from '../../../shared/permissions';
import { ApiError } from '../../api/client';
import { useMeQuery } from '../auth/useAuth';
import {
  useAgencySettingsQuery,
  useSaveAgencySettingsMutation,
  useSaveUnitSignerMutation,
  useUnitSignerQuery,
} from './api';

const lines = (text: string) => text.split('\n').map((l) => l.trim());
const joined = (list: string[]) => list.join('\n');

/**
 * /cai-dat: the administrator and the focal department edit the agency's settings printed on
 * documents; a unit officer sets who signs its unit's report.
 */
export function SettingsPage() {
  const me = useMeQuery().data;
  if (!me) return null;
  if (hasPermission(me.user.role, 'settings.manage')) return <AgencySettingsForm />;
  return <UnitSignerForm />;
}

function AgencySettingsForm() {
  const query = useAgencySettingsQuery(true);
  if (query.isPending) return <Loader aria-label="…" />;
  if (query.isError) return <Alert color="red">{query.error.message}</Alert>;
  return <AgencyForm key={query.data.updatedAt} read={query.data} onReload={() => void query.refetch()} />;
}

function AgencyForm({ read, onReload }: { read: AgencySettingsDto; onReload: () => void }) {
  const { t } = useTranslation();
  const save = useSaveAgencySettingsMutation();
  const [v, setV] = useState<AgencySettingsBody>(read.settings);
  const [copyTo, setCopyTo] = useState(joined(read.settings.consolidatedReport.copyTo));
  const [unitCopyTo, setUnitCopyTo] = useState(joined(read.settings.unitReport.copyTo));
  const err = (path: string) =>
    save.error instanceof ApiError ? save.error.fieldError(`settings.${path}`) : undefined;
  const listErr = (path: string) =>
    save.error instanceof ApiError
      ? save.error.issues.find((i) => i.path === `settings.${path}` || i.path.startsWith(`settings.${path}.`))?.message
      : undefined;
  const stale = save.error instanceof ApiError && save.error.status === 409;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const settings: AgencySettingsBody = {
      ...v,
      consolidatedReport: { ...v.consolidatedReport, copyTo: lines(copyTo).filter((l, i, a) => l || i < a.length - 1) },
      unitReport: { copyTo: lines(unitCopyTo).filter((l, i, a) => l || i < a.length - 1) },
    };
    save.mutate(
      { settings, updatedAt: read.updatedAt },
      {
        onSuccess: (data) =>
          notifications.show({
            color: 'bio',
            message: data.updatedAt === read.updatedAt ? t('settings.unchanged') : t('settings.saved'),
          }),
      },
    );
  };
  const cr = v.consolidatedReport;
  return (
    <Stack gap="lg" maw={860}>
      <div>
        <Title order={1} size="h2">
          {t('settings.title')}
        </Title>
        <Text c="dimmed" mt={4}>
          {t('settings.intro')}
        </Text>
      </div>
      {stale && (
        <Alert color="yellow" role="alert">
          <Group justify="space-between">
            {t('settings.stale')}
            <Button variant="light" onClick={onReload}>
              {t('settings.reload')}
            </Button>
          </Group>
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Stack gap="lg">
          <Paper withBorder p="md">
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t('settings.agency')}
              </Title>
              <TextInput
                label={t('settings.province')}
                required
                value={v.province}
                error={err('province')}
                onChange={(e) => setV({ ...v, province: e.currentTarget.value })}
              />
              <TextInput
                label={t('settings.issuingBody')}
                required
                value={v.issuingBody}
                error={err('issuingBody')}
                onChange={(e) => setV({ ...v, issuingBody: e.currentTarget.value })}
              />
              <Group grow align="flex-start">
                <TextInput
                  label={t('settings.focalName')}
                  required
                  value={v.focalDepartment.name}
                  error={err('focalDepartment.name')}
                  onChange={(e) =>
                    setV({ ...v, focalDepartment: { ...v.focalDepartment, name: e.currentTarget.value } })
                  }
                />
                <TextInput
                  label={t('settings.focalAbbreviation')}
                  required
                  maw={220}
                  value={v.focalDepartment.abbreviation}
                  error={err('focalDepartment.abbreviation')}
                  onChange={(e) =>
                    setV({ ...v, focalDepartment: { ...v.focalDepartment, abbreviation: e.currentTarget.value } })
                  }
                />
              </Group>
            </Stack>
          </Paper>
          <Paper withBorder p="md">
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t('settings.consolidated')}
              </Title>
              <Group grow align="flex-start">
                <TextInput
                  label={t('settings.signerAuthority')}
                  value={cr.signerAuthority}
                  error={err('consolidatedReport.signerAuthority')}
                  onChange={(e) =>
                    setV({ ...v, consolidatedReport: { ...cr, signerAuthority: e.currentTarget.value } })
                  }
                />
                <TextInput
                  label={t('settings.signerTitle')}
                  value={cr.signerTitle}
                  error={err('consolidatedReport.signerTitle')}
                  onChange={(e) => setV({ ...v, consolidatedReport: { ...cr, signerTitle: e.currentTarget.value } })}
                />
              </Group>
              <TextInput
                label={t('settings.signerName')}
                value={cr.signerName}
                error={err('consolidatedReport.signerName')}
                data-testid="signer-name"
                onChange={(e) => setV({ ...v, consolidatedReport: { ...cr, signerName: e.currentTarget.value } })}
              />
              <Textarea
                label={t('settings.copyTo')}
                autosize
                minRows={4}
                value={copyTo}
                error={listErr('consolidatedReport.copyTo')}
                onChange={(e) => setCopyTo(e.currentTarget.value)}
              />
            </Stack>
          </Paper>
          <Paper withBorder p="md">
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t('settings.unitReport')}
              </Title>
              <Textarea
                label={t('settings.copyTo')}
                autosize
                minRows={2}
                value={unitCopyTo}
                error={listErr('unitReport.copyTo')}
                onChange={(e) => setUnitCopyTo(e.currentTarget.value)}
              />
            </Stack>
          </Paper>
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('settings.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

function UnitSignerForm() {
  const query = useUnitSignerQuery(true);
  if (query.isPending) return <Loader aria-label="…" />;
  if (query.isError) return <Alert color="red">{query.error.message}</Alert>;
  return <SignerForm read={query.data} />;
}

function SignerForm({ read }: { read: UnitSignerDto }) {
  const { t } = useTranslation();
  const save = useSaveUnitSignerMutation();
  const [name, setName] = useState(read.name);
  const [authority, setAuthority] = useState(joined(read.authority));
  const err = (path: string) => (save.error instanceof ApiError ? save.error.fieldError(path) : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      { name, authority: lines(authority).filter(Boolean) },
      { onSuccess: () => notifications.show({ color: 'bio', message: t('settings.unitSaved') }) },
    );
  };
  return (
    <Stack gap="lg" maw={720}>
      <div>
        <Title order={1} size="h2">
          {t('settings.unitTitle')}
        </Title>
        <Text c="dimmed" mt={4}>
          {t('settings.unitIntro', { unit: read.unitName })}
        </Text>
      </div>
      <Paper withBorder p="md">
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <TextInput
              label={t('settings.signerName')}
              value={name}
              error={err('name')}
              data-testid="unit-signer-name"
              onChange={(e) => setName(e.currentTarget.value)}
            />
            <Textarea
              label={t('settings.authority')}
              autosize
              minRows={2}
              value={authority}
              error={
                save.error instanceof ApiError
                  ? save.error.issues.find((i) => i.path.startsWith('authority'))?.message
                  : undefined
              }
              onChange={(e) => setAuthority(e.currentTarget.value)}
            />
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t('settings.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
