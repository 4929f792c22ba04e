import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { IconChecks } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { NotificationDto } from '../../../shared/contracts/notifications';
import { formatDateTime, formatNumber } from '../../../shared/format';
import { ListPagination, PageSummary } from '../../components/ListControls';
import { QueryState } from '../../components/QueryState';
import { notify } from '../reporting/ui';
import { useMarkAllReadMutation, useMarkReadMutation, useNotificationsQuery } from './api';
import classes from './inbox.module.css';

const PAGE_SIZE = 20;

/** The inbox (/thong-bao): the account's notices, newest first, a page at a time; opening one marks it read. */
export function InboxPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useNotificationsQuery({ page, unreadOnly, pageSize: PAGE_SIZE });
  const markAll = useMarkAllReadMutation();
  const unread = list.data?.unread ?? 0;

  return (
    <Stack gap="lg" maw={900}>
      <div>
        <Title order={1} size="h2">
          {t('notifications.title')}
        </Title>
        <Text mt={4}>{t('notifications.intro')}</Text>
      </div>
      <Group justify="space-between" align="center">
        <Text fw={600} aria-live="polite" data-testid="inbox-unread">
          {unread > 0
            ? t('notifications.unreadCount', { count: unread, formatted: formatNumber(unread) })
            : t('notifications.allRead')}
        </Text>
        <Group gap="md">
          <Switch
            label={t('notifications.onlyUnread')}
            checked={unreadOnly}
            onChange={(event) => {
              setUnreadOnly(event.currentTarget.checked);
              setPage(1);
            }}
          />
          <Button
            variant="light"
            leftSection={<IconChecks size={16} aria-hidden />}
            disabled={unread === 0}
            loading={markAll.isPending}
            onClick={() =>
              markAll.mutate(undefined, {
                onSuccess: (result) => notify(t('notifications.markedAll', { count: result.updated })),
              })
            }
          >
            {t('notifications.markAllRead')}
          </Button>
        </Group>
      </Group>
      <QueryState query={list}>
        {(data) =>
          data.data.length === 0 ? (
            <Alert>{unreadOnly ? t('notifications.noneUnread') : t('notifications.none')}</Alert>
          ) : (
            <Stack gap="sm">
              <PageSummary
                page={data.page}
                count={data.data.length}
                text={(range) => t('notifications.showing', range)}
              />
              <Stack gap="xs" component="ul" className={classes.list} data-testid="inbox">
                {data.data.map((notice) => (
                  <NoticeItem key={notice.id} notice={notice} />
                ))}
              </Stack>
              <ListPagination page={data.page} value={page} onChange={setPage} />
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}

/** One notice: unread ones stand out; its title opens the linked page and marks it read. */
function NoticeItem({ notice }: { notice: NotificationDto }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const markRead = useMarkReadMutation();
  const isUnread = notice.readAt === null;
  const open = () => {
    if (isUnread) markRead.mutate(notice.id);
    if (notice.link) void navigate(notice.link);
  };
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      className={isUnread ? `${classes.item} ${classes.unread}` : classes.item}
      data-unread={isUnread}
    >
      {/* On a phone the "mark as read" button goes below the notice rather than being cut off. */}
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={2} style={{ flex: '1 1 260px', minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            {isUnread && (
              <Badge color="red.9" size="sm" tt="none">
                {t('notifications.unread')}
              </Badge>
            )}
            <Text size="xs" c="dimmed">
              {formatDateTime(notice.createdAt)}
            </Text>
          </Group>
          {notice.link ? (
            <Anchor
              component={Link}
              to={notice.link}
              fw={isUnread ? 700 : 500}
              onClick={(event) => {
                event.preventDefault();
                open();
              }}
            >
              {notice.title}
            </Anchor>
          ) : (
            <Text fw={isUnread ? 700 : 500}>{notice.title}</Text>
          )}
          <Text size="sm" className={classes.body}>
            {notice.body}
          </Text>
        </Stack>
        {isUnread && (
          <Button
            size="compact-sm"
            variant="subtle"
            loading={markRead.isPending}
            aria-label={t('notifications.markReadLabel', { title: notice.title })}
            onClick={() => markRead.mutate(notice.id)}
          >
            {t('notifications.markRead')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
