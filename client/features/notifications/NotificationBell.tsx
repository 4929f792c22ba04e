import { ActionIcon, Indicator, Tooltip } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../../shared/format';
import { PATHS } from '../../../shared/routes';
import { useUnreadCountQuery } from './api';

/** The bell of the signed-in header: the unread count, polled every minute and on focus; opens the inbox. */
export function NotificationBell() {
  const { t } = useTranslation();
  const unread = useUnreadCountQuery().data?.unread ?? 0;
  const label = unread > 0 ? t('notifications.bell', { count: unread }) : t('notifications.bellNone');
  return (
    <Tooltip label={label}>
      <Indicator
        label={unread > 99 ? '99+' : formatNumber(unread)}
        size={18}
        color="red.9"
        disabled={unread === 0}
        offset={4}
      >
        <ActionIcon
          component={Link}
          to={PATHS.inbox}
          variant="subtle"
          size="lg"
          aria-label={label}
          data-testid="bell"
          data-unread={unread}
        >
          <IconBell size={22} aria-hidden />
        </ActionIcon>
      </Indicator>
    </Tooltip>
  );
}
