import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FeedbackStatus } from '../../../../shared/contracts/feedback';

// Dark shades only: white badge text stays above WCAG AA contrast on each of them.
const COLORS: Record<FeedbackStatus, string> = {
  new: 'blue.8',
  in_progress: 'violet.8',
  answered: 'bio.7',
  forwarded: 'cyan.9',
  closed: 'gray.7',
};

/** A feedback item's status in words (mới, đang xử lý…), coloured as a second cue only. */
export function FeedbackStatusBadge({ status, size = 'sm' }: { status: FeedbackStatus; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="filled" size={size} tt="none" style={{ flexShrink: 0 }}>
      {t(`feedback.status.${status}`)}
    </Badge>
  );
}
