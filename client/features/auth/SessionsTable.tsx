import { Badge, Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionDto } from '../../../shared/contracts/auth';
import { formatDateTime } from '../../../shared/format';
import { ScrollTable } from '../../components/ScrollTable';

/** A short name of a browser and system from its user agent ("Chrome, Windows"). */
export function describeAgent(ua: string | null): string | null {
  if (!ua) return null;
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : null;
  const system = /Windows/.test(ua)
    ? 'Windows'
    : /Android/.test(ua)
      ? 'Android'
      : /iPhone|iPad/.test(ua)
        ? 'iOS'
        : /Mac OS X/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : null;
  return [browser, system].filter(Boolean).join(', ') || ua.slice(0, 60);
}

/** Open sessions with the time they began, were last used, their address and browser, and an end button. */
export function SessionsTable({
  sessions,
  onRevoke,
  revoking,
  label,
}: {
  sessions: SessionDto[];
  onRevoke: (s: SessionDto) => void;
  revoking?: string | null;
  label: string;
}) {
  const { t } = useTranslation();
  if (sessions.length === 0) return <Text c="dimmed">{t('account.noSessions')}</Text>;
  return (
    <ScrollTable minWidth={640} label={label}>
      <Table verticalSpacing="xs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('account.sessionDevice')}</Table.Th>
            <Table.Th>{t('account.sessionIp')}</Table.Th>
            <Table.Th>{t('account.sessionCreated')}</Table.Th>
            <Table.Th>{t('account.sessionLastSeen')}</Table.Th>
            {/* Relative, so the hidden label stays inside the scrolling box, not past the page's edge. */}
            <Table.Th style={{ position: 'relative' }}>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sessions.map((s) => (
            <Table.Tr key={s.id}>
              {/* Wide enough for the "this session" badge on a phone. */}
              <Table.Td miw={120}>
                <Text size="sm" title={s.userAgent ?? undefined}>
                  {describeAgent(s.userAgent) ?? t('account.unknownDevice')}
                </Text>
                {s.isCurrent && (
                  <Badge size="sm" variant="filled" color="bio.7" tt="none">
                    {t('account.thisSession')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{s.ip ?? '—'}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(s.createdAt)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(s.lastSeenAt)}</Table.Td>
              <Table.Td>
                {!s.isCurrent && (
                  <Button
                    size="xs"
                    variant="default"
                    color="red.9"
                    loading={revoking === s.id}
                    onClick={() => onRevoke(s)}
                    aria-label={t('account.revokeNamed', {
                      device: describeAgent(s.userAgent) ?? t('account.unknownDevice'),
                      ip: s.ip ?? '',
                    })}
                  >
                    {t('account.revoke')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
