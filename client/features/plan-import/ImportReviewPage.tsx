import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Paper,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PlanImportDto, PlanImportOp } from '../../../shared/contracts/plan-import';
import { UNIT_GROUPS, type UnitGroup } from '../../../shared/domain';
import { formatDate, formatNumber } from '../../../shared/format';
import { ApiError } from '../../api/client';
import { ConfirmModal } from '../../components/ConfirmModal';
import { Fact } from '../../components/Fact';
import { QueryState } from '../../components/QueryState';
import { UnitSelect } from '../../components/UnitSelect';
import { usePlanImportQuery, usePublishPlanImportMutation, useUpdatePlanImportMutation } from './api';
import { SourcePanel } from './SourcePanel';
import { TreePanel } from './TreePanel';

function errorText(err: Error | null): string | null {
  return err instanceof ApiError ? err.message : (err?.message ?? null);
}

/** One name the parser did not know: pick a unit or a group, remembered for later imports. */
function MapUnitRow({
  written,
  count,
  onMap,
  busy,
  asOf,
}: {
  asOf: string | undefined;
  written: string;
  count: number;
  onMap: (op: PlanImportOp) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [group, setGroup] = useState<UnitGroup | null>(null);
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <Text fw={600} w={200}>
        {written}{' '}
        <Text span c="dimmed" size="sm">
          ({t('planImport.uses', { count })})
        </Text>
      </Text>
      <UnitSelect
        asOf={asOf}
        label={t('planImport.unitFor', { name: written })}
        value={unitId}
        onChange={(id) => {
          setUnitId(id);
          if (id) setGroup(null);
        }}
      />
      <Select
        label={t('planImport.groupFor')}
        value={group}
        clearable
        onChange={(v) => {
          setGroup(UNIT_GROUPS.find((g) => g === v) ?? null);
          if (v) setUnitId(null);
        }}
        data={UNIT_GROUPS.map((g) => ({ value: g, label: t(`plan.groups.${g}`) }))}
        w={260}
      />
      <Button
        loading={busy}
        disabled={!unitId && !group}
        onClick={() => onMap({ op: 'mapUnit', written, unitId, group, remember: true })}
      >
        {t('planImport.map')}
      </Button>
    </Group>
  );
}

function Review({ draft }: { draft: PlanImportDto }) {
  const { t } = useTranslation();
  const update = useUpdatePlanImportMutation(draft.id);
  const publish = usePublishPlanImportMutation(draft.id);
  const [hover, setHover] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const canEdit = draft.abilities.canEdit;
  const send = (ops: PlanImportOp[]) =>
    update.mutate(
      { version: draft.version, ops },
      { onSuccess: () => notifications.show({ color: 'bio', message: t('planImport.saved') }) },
    );
  const c = draft.coverage;
  const placed = c.total - c.unassigned;
  const error = errorText(update.error) ?? errorText(publish.error);
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">
            {draft.header.title || t('planImport.title')}
          </Title>
          <Group gap="xs" mt={6}>
            <Badge color={draft.status === 'published' ? 'bio.7' : 'gray.7'}>
              {t(`planImport.status.${draft.status}`)}
            </Badge>
            <Text size="sm" c="dimmed">
              {draft.fileName ?? ''} · SHA-256 {draft.sha256.slice(0, 12)}…
            </Text>
          </Group>
        </div>
        {draft.status === 'published' && draft.publishedPlanId ? (
          <Button component={Link} to="/ke-hoach">
            {t('planImport.openPlan')}
          </Button>
        ) : (
          <Button
            leftSection={<IconSend size={16} aria-hidden />}
            disabled={!draft.abilities.canPublish}
            onClick={() => setConfirming(true)}
          >
            {t('planImport.publish')}
          </Button>
        )}
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {canEdit && !draft.abilities.canPublish && <Alert color="yellow">{t('planImport.publishBlocked')}</Alert>}
      <Paper withBorder p="md">
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2, lg: 4 }} spacing="md" m={0}>
          <Fact label={t('planImport.header.number')}>{draft.header.number || '—'}</Fact>
          <Fact label={t('planImport.header.date')}>{draft.header.date ? formatDate(draft.header.date) : '—'}</Fact>
          <Fact label={t('planImport.header.type')}>{t(`planImport.docType.${draft.header.docType}`)}</Fact>
          <Fact label={t('planImport.header.issuer')}>
            {`${draft.header.issuerParent} ${draft.header.issuer}`.trim() || '—'}
          </Fact>
          <Fact label={t('planImport.header.legalBases')}>{String(draft.legalBases.length)}</Fact>
          <Fact label={t('planImport.header.parent')}>{draft.parentDecision?.number ?? '—'}</Fact>
          <Fact label={t('planImport.header.signer')}>
            {[...draft.signerAuthority.slice(-1), draft.signerName].filter(Boolean).join(' ') || '—'}
          </Fact>
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md">
        <Text fw={600} id="coverage-label">
          {t('planImport.coverage')}: {formatNumber(c.percent)} %
        </Text>
        <Progress.Root size="lg" mt="xs" aria-labelledby="coverage-label">
          <Progress.Section
            value={(c.items / Math.max(1, c.total)) * 100}
            aria-label={t('planImport.bar.items')}
            color="bio.7"
          />
          <Progress.Section
            value={(c.parts / Math.max(1, c.total)) * 100}
            aria-label={t('planImport.bar.parts')}
            color="indigo.6"
          />
          <Progress.Section
            value={(c.boilerplate / Math.max(1, c.total)) * 100}
            aria-label={t('planImport.bar.boilerplate')}
            color="gray.5"
          />
          <Progress.Section
            value={(c.unassigned / Math.max(1, c.total)) * 100}
            aria-label={t('planImport.bar.unassigned')}
            color="red.7"
          />
        </Progress.Root>
        <Text size="sm" mt="xs">
          {t('planImport.coverageText', {
            placed,
            total: c.total,
            percent: formatNumber(c.percent),
            items: c.items,
            parts: c.parts,
            boilerplate: c.boilerplate,
            unassigned: c.unassigned,
          })}
        </Text>
      </Paper>
      {draft.unresolved.length > 0 && canEdit && (
        <Paper withBorder p="md">
          <Title order={2} size="h4">
            {t('planImport.unresolved')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('planImport.unresolvedHint')}
          </Text>
          <Stack gap="sm">
            {draft.unresolved.map((u) => (
              <MapUnitRow
                key={u.written}
                written={u.written}
                count={u.count}
                busy={update.isPending}
                asOf={draft.header.date || undefined}
                onMap={(op) => send([op])}
              />
            ))}
          </Stack>
        </Paper>
      )}
      <Paper withBorder p="md">
        <Title order={2} size="h4">
          {t('planImport.warnings', { count: draft.warnings.length })}
        </Title>
        {draft.warnings.length === 0 ? (
          <Text c="dimmed">{t('planImport.noWarnings')}</Text>
        ) : (
          <List size="sm" mt="xs" spacing={2}>
            {draft.warnings.map((w, k) => (
              <List.Item key={`${w.code}-${k}`}>
                {w.line !== null && (
                  <Text span c="dimmed">
                    {t('planImport.line', { n: w.line })}:{' '}
                  </Text>
                )}
                {w.message}
              </List.Item>
            ))}
          </List>
        )}
      </Paper>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <SourcePanel
          draft={draft}
          highlight={hover}
          canEdit={canEdit}
          busy={update.isPending}
          onMarkBoilerplate={(lines) => send([{ op: 'markBoilerplate', lines }])}
        />
        <TreePanel draft={draft} canEdit={canEdit} busy={update.isPending} onOps={send} onHover={setHover} />
      </SimpleGrid>
      <ConfirmModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('planImport.publishTitle', { number: draft.header.number })}
        confirmLabel={t('planImport.publish')}
        loading={publish.isPending}
        onConfirm={() =>
          publish.mutate(draft.version, {
            onSuccess: () => {
              setConfirming(false);
              notifications.show({ color: 'bio', message: t('planImport.published') });
            },
          })
        }
      >
        <Text>{t('planImport.publishBody')}</Text>
      </ConfirmModal>
      <Anchor component={Link} to="/nhap-ke-hoach">
        ← {t('planImport.recent')}
      </Anchor>
    </Stack>
  );
}

/** /nhap-ke-hoach/:id — the review screen: source beside the parsed tree, coverage, warnings, unit mapping, publish. */
export function ImportReviewPage() {
  const { id } = useParams();
  const query = usePlanImportQuery(id);
  return <QueryState query={query}>{(draft) => <Review draft={draft} />}</QueryState>;
}
