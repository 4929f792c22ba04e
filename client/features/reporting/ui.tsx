import { Badge, type BadgeProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { BoardStatus, CycleStatus } from '../../../shared/contracts/reporting';
import { formatDate, todayInVietnam } from '../../../shared/format';
import { daysBetween } from '../../../shared/deadlines';
import { periodOf, periodPhrase, type PeriodKind } from '../../../shared/periods';

/** A cycle's period inside a sentence, in the page's language: "quý I/2026", "Q1 2026" (shared/periods.ts). */
export function usePeriodPhrase(): (c: {
  year: number;
  periodKind?: PeriodKind;
  periodNumber?: number | null;
}) => string {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  return (c) => periodPhrase(periodOf(c), lang);
}

// Filled badges on dark shades: white text stays above 4.5:1 (WCAG AA) for every status.
const STATUS_COLORS: Record<BoardStatus | 'late' | 'onTime', string> = {
  missing: 'red.9',
  draft: 'gray.7',
  submitted: 'blue.9',
  returned: 'grape.9',
  accepted: 'bio.7',
  late: 'red.9',
  onTime: 'bio.7',
};

/** A report's (or a board row's) status as a badge. */
export function StatusBadge({ status, ...props }: { status: BoardStatus | 'late' | 'onTime' } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="filled" tt="none" {...props}>
      {t(`reporting.status.${status}`)}
    </Badge>
  );
}

const CYCLE_COLORS: Record<CycleStatus, string> = { draft: 'gray.7', open: 'bio.7', closed: 'blue.9' };

export function CycleStatusBadge({ status }: { status: CycleStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={CYCLE_COLORS[status]} variant="filled" tt="none">
      {t(`reporting.cycles.statuses.${status}`)}
    </Badge>
  );
}

/** "còn 3 ngày" / "hôm nay là hạn cuối" / "đã quá hạn 2 ngày", counted in Vietnamese calendar days. */
export function useDeadlineWords() {
  const { t } = useTranslation();
  return (deadline: string, today = todayInVietnam()) => {
    const left = daysBetween(today, deadline);
    if (left > 0) return t('reporting.deadline.left', { count: left });
    if (left === 0) return t('reporting.deadline.today');
    return t('reporting.deadline.over', { count: -left });
  };
}

/** "Hạn nộp: 30/11/2026 — còn 3 ngày". */
export function DeadlineLine({ deadline }: { deadline: string }) {
  const { t } = useTranslation();
  const words = useDeadlineWords();
  return (
    <>
      {t('reporting.deadline.line', { date: formatDate(deadline) })} — {words(deadline)}
    </>
  );
}

/** A toast that stays 5 s (its close button is named by the theme). */
export function notify(message: string, opts: { color?: string; title?: string; autoClose?: boolean } = {}) {
  notifications.show({
    color: opts.color ?? 'bio',
    title: opts.title,
    message,
    autoClose: opts.autoClose === false ? false : 5000,
  });
}
