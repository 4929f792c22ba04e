import { Alert, Anchor, Button, Group, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { IconExternalLink, IconWorldUpload, IconWorldOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PublicationStateDto } from '../../../shared/contracts/publishing';
import { formatDateTime, formatNumber } from '../../../shared/format';
import { routes } from '../../../shared/routes';
import { ConfirmModal } from '../../components/ConfirmModal';
import { QueryState } from '../../components/QueryState';
import { usePublicationQuery, usePublishMutation, useWithdrawMutation } from './api';

/**
 * "Công bố lên cổng": the focal officer publishes a year's progress on the public portal, from
 * the approved consolidated report's text per plan item (editable) and its figures, after a
 * confirmation; and can withdraw it. Leaders see the same page read-only.
 */
export function PublishingPage() {
  const { cycleId = '' } = useParams();
  const query = usePublicationQuery(cycleId);
  return (
    <Stack component="main" p="md" gap="md">
      <QueryState query={query}>{(state) => <Publishing cycleId={cycleId} state={state} />}</QueryState>
    </Stack>
  );
}

/** The text to edit: what is published for an item if anything, else the approved report's. */
function initialTexts(state: PublicationStateDto): Record<string, string> {
  const published = new Map((state.publication?.items ?? []).map((i) => [i.itemKey, i.text]));
  const live = state.publication?.isPublished ?? false;
  return Object.fromEntries(
    (state.prefill?.items ?? []).map((i) => [i.itemKey, live ? (published.get(i.itemKey) ?? '') : i.text]),
  );
}

function Publishing({ cycleId, state }: { cycleId: string; state: PublicationStateDto }) {
  const { t } = useTranslation();
  const publish = usePublishMutation(cycleId);
  const withdraw = useWithdrawMutation(cycleId);
  const [texts, setTexts] = useState(() => initialTexts(state));
  const [confirming, setConfirming] = useState<'publish' | 'withdraw' | null>(null);
  const { publication, prefill, approved, year } = state;
  const canPublish = state.abilities.canPublish;
  const filled = (prefill?.items ?? []).filter((i) => (texts[i.itemKey] ?? '').trim() !== '').length;
  const portalHref = `/cong-thong-tin/tien-do?nam=${year}`;

  return (
    <Stack gap="md">
      <Anchor component={Link} to={routes.consolidation(cycleId)} size="sm">
        ← {t('publishing.back', { year })}
      </Anchor>
      <Title order={1} size="h2">
        {t('publishing.title', { year })}
      </Title>

      <Paper withBorder p="md">
        <Stack gap="xs">
          <Text>
            {publication?.isPublished
              ? t('publishing.published', {
                  at: formatDateTime(publication.publishedAt),
                  by: publication.publishedBy ?? '',
                })
              : publication?.unpublishedAt
                ? t('publishing.withdrawn', {
                    at: formatDateTime(publication.unpublishedAt),
                    by: publication.unpublishedBy ?? '',
                  })
                : t('publishing.never')}
          </Text>
          {publication?.isPublished && approved && publication.consolidationVersion !== approved.version && (
            <Text size="sm" c="orange.9">
              {t('publishing.fromOlder', { version: publication.consolidationVersion, current: approved.version })}
            </Text>
          )}
          <Group gap="sm">
            {publication?.isPublished && (
              <Button
                component="a"
                href={portalHref}
                target="_blank"
                variant="default"
                leftSection={<IconExternalLink size={16} aria-hidden />}
              >
                {t('publishing.view')}
              </Button>
            )}
            {state.abilities.canWithdraw && (
              <Button
                color="red.8"
                variant="light"
                leftSection={<IconWorldOff size={16} aria-hidden />}
                onClick={() => setConfirming('withdraw')}
              >
                {t('publishing.withdraw')}
              </Button>
            )}
          </Group>
        </Stack>
      </Paper>

      {!approved && (
        <Alert color="yellow" role="status">
          {t('publishing.notApproved')}
        </Alert>
      )}

      {approved && prefill && (
        <>
          <Text>{t('publishing.intro')}</Text>
          {!canPublish && <Text c="dimmed">{t('publishing.readOnly')}</Text>}
          {canPublish && (
            <Group>
              <Button
                variant="subtle"
                onClick={() => setTexts(Object.fromEntries(prefill.items.map((i) => [i.itemKey, i.text])))}
              >
                {t('publishing.refill')}
              </Button>
            </Group>
          )}
          {prefill.items.map((item) => (
            <Textarea
              key={item.itemKey}
              label={item.heading}
              description={t('publishing.itemHint')}
              autosize
              minRows={2}
              maxRows={12}
              maxLength={20_000}
              readOnly={!canPublish}
              value={texts[item.itemKey] ?? ''}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setTexts((old) => ({ ...old, [item.itemKey]: value }));
              }}
            />
          ))}

          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              {t('publishing.figures')}
            </Title>
            <Table.ScrollContainer minWidth={420}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('publishing.indicator')}</Table.Th>
                    <Table.Th>{t('publishing.unit')}</Table.Th>
                    <Table.Th ta="right">{t('publishing.total')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {prefill.figures.map((f) => (
                    <Table.Tr key={f.code}>
                      <Table.Td>
                        {f.name} ({f.code})
                      </Table.Td>
                      <Table.Td>{f.unit}</Table.Td>
                      <Table.Td ta="right">{f.total === null ? '—' : formatNumber(f.total)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>

          {canPublish && (
            <Group>
              <Button
                color="green.8"
                leftSection={<IconWorldUpload size={16} aria-hidden />}
                onClick={() => setConfirming('publish')}
              >
                {publication?.isPublished ? t('publishing.republish') : t('publishing.publish')}
              </Button>
              {filled === 0 && (
                <Text size="sm" c="orange.9">
                  {t('publishing.emptyWarning')}
                </Text>
              )}
            </Group>
          )}
        </>
      )}

      {(publish.error || withdraw.error) && (
        <Alert color="red" role="alert">
          {(publish.error ?? withdraw.error)?.message}
        </Alert>
      )}
      {publish.isSuccess && !publish.isPending && (
        <Alert color="green" role="status">
          {t('publishing.done')}
        </Alert>
      )}

      <ConfirmModal
        opened={confirming === 'publish'}
        onClose={() => setConfirming(null)}
        title={t('publishing.confirmTitle', { year })}
        confirmLabel={t('publishing.publish')}
        confirmIcon={<IconWorldUpload size={16} aria-hidden />}
        color="green.8"
        loading={publish.isPending}
        onConfirm={() =>
          approved &&
          prefill &&
          publish.mutate(
            {
              consolidationVersion: approved.version,
              version: publication?.version ?? 0,
              items: prefill.items.map((i) => ({ itemKey: i.itemKey, text: (texts[i.itemKey] ?? '').trim() })),
            },
            { onSettled: () => setConfirming(null) },
          )
        }
      >
        <Text>{t('publishing.confirmBody', { count: filled })}</Text>
      </ConfirmModal>
      <ConfirmModal
        opened={confirming === 'withdraw'}
        onClose={() => setConfirming(null)}
        title={t('publishing.withdrawTitle', { year })}
        confirmLabel={t('publishing.withdraw')}
        confirmIcon={<IconWorldOff size={16} aria-hidden />}
        color="red.8"
        loading={withdraw.isPending}
        onConfirm={() =>
          publication && withdraw.mutate({ version: publication.version }, { onSettled: () => setConfirming(null) })
        }
      >
        <Text>{t('publishing.withdrawBody')}</Text>
      </ConfirmModal>
    </Stack>
  );
}
