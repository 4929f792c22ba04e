import { useTranslation } from 'react-i18next';
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
