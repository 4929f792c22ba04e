import { useTranslation } from 'react-i18next';
import {
  ACTIVITY_STATUS_LABELS,
  BUDGET_SOURCE_LABELS,
  periodLabel,
  type ActivityStatus,
  type BudgetSource,
} from '../../../shared/contracts/activities';

/** Labels of the shared contract in the UI's language. */
export function useActivityLabels() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  return {
    lang,
    status: (s: ActivityStatus) => ACTIVITY_STATUS_LABELS[s][lang],
    source: (s: BudgetSource | null) => (s ? BUDGET_SOURCE_LABELS[s][lang] : '—'),
    period: (p: { kind: string; year: number; number: number | null }) => periodLabel(p, lang),
  };
}

export const STATUS_COLORS: Record<ActivityStatus, string> = {
  not_started: 'gray',
  in_progress: 'blue',
  done: 'green',
  paused: 'yellow',
  cancelled: 'dark',
};
