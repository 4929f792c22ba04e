import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readNumber, writeNumber, type NumberLanguage } from '../../../shared/numbers';

/**
 * A budget in million VND read the UI language's way, as the reporting form does: "1,5" is 1.5
 * in Vietnamese; what was understood is shown whenever the text was not written the language's way.
 */
export function BudgetInput({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: number | null;
  /** The number, null when empty, or undefined while the text is not a number. */
  onChange: (value: number | null | undefined) => void;
  error?: string;
}) {
  const { t, i18n } = useTranslation();
  const lang: NumberLanguage = i18n.language === 'en' ? 'en' : 'vi';
  const [raw, setRaw] = useState(value === null ? '' : writeNumber(value, lang));
  const reading = readNumber(raw, lang);
  const shown = reading.ok && reading.value !== null ? writeNumber(reading.value, lang) : '';
  const understood =
    reading.ok && reading.value !== null && (reading.ambiguous || shown !== raw.trim())
      ? t('activities.field.budgetUnderstood', { value: shown })
      : undefined;
  return (
    <TextInput
      label={label}
      inputMode="decimal"
      value={raw}
      description={understood ?? t('activities.field.budgetHint')}
      error={!reading.ok ? t('activities.field.notANumber') : error}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setRaw(next);
        const r = readNumber(next, lang);
        onChange(r.ok ? r.value : undefined);
      }}
    />
  );
}
