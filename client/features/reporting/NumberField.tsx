import { Text, TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormIndicatorDto } from '../../../shared/contracts/reporting';
import { readNumber, writeNumber, type NumberLanguage } from '../../../shared/numbers';
import { checkIndicatorValue } from '../../../shared/reporting-rules';
import type { FieldValue } from './fields';

interface Props {
  id: string;
  label: string;
  indicator: FormIndicatorDto;
  required: boolean;
  value: FieldValue | undefined;
  /** A number, null for an empty field, or the text when it is not a number. */
  onChange: (value: FieldValue) => void;
  /** The server's message for this field (submission). */
  error?: string;
}

const text = (value: FieldValue | undefined, lang: NumberLanguage) =>
  typeof value === 'number' ? writeNumber(value, lang) : typeof value === 'string' ? value : '';
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A number field read the UI language's way ("1.234,5" in Vietnamese, "1,234.5" in English).
 * What it understood is shown under it whenever the text was not written in that language's own
 * form ("1.5" in Vietnamese reads 1,5 — never 15), and the range rules shared with the server
 * and the Excel import are checked as the person leaves the field.
 */
export function NumberField({ id, label, indicator, required, value, onChange, error }: Props) {
  const { t, i18n } = useTranslation();
  const lang: NumberLanguage = i18n.language === 'en' ? 'en' : 'vi';
  const [raw, setRaw] = useState(() => text(value, lang));
  const [left, setLeft] = useState(false);
  // What this field last handed over, so a value changed from outside (a reload) replaces the text.
  const emitted = useRef<FieldValue | undefined>(value);
  const shownLang = useRef(lang);

  useEffect(() => {
    if (value !== emitted.current) {
      emitted.current = value;
      setRaw(text(value, lang));
    }
  }, [value, lang]);
  useEffect(() => {
    // The language changed: write the figure the new language's way.
    if (shownLang.current !== lang) {
      shownLang.current = lang;
      if (typeof emitted.current === 'number') setRaw(writeNumber(emitted.current, lang));
    }
  }, [lang]);

  const reading = readNumber(raw, lang);
  const own =
    reading.ok && reading.value !== null
      ? [
          writeNumber(reading.value, lang),
          writeNumber(reading.value, lang)
            .split(lang === 'vi' ? '.' : ',')
            .join(''),
        ]
      : [];
  const understood =
    reading.ok && reading.value !== null && (reading.ambiguous || !own.includes(raw.trim()))
      ? t('reporting.report.number.understood', { value: own[0] })
      : undefined;

  let local: string | undefined;
  if (left && !reading.ok) local = t('reporting.report.number.notANumber');
  else if (left && reading.ok && reading.value !== null) {
    const problems = checkIndicatorValue(indicator, reading.value);
    if (problems.length > 0) local = capital(problems.map((p) => (lang === 'en' ? p.en : p.vi)).join('; '));
  }

  const change = (next: string) => {
    setRaw(next);
    const read = readNumber(next, lang);
    const out: FieldValue = read.ok ? read.value : next;
    emitted.current = out;
    onChange(out);
  };

  return (
    <TextInput
      id={id}
      aria-label={label}
      required={required}
      value={raw}
      inputMode={indicator.valueType === 'integer' ? 'numeric' : 'decimal'}
      autoComplete="off"
      onChange={(e) => change(e.currentTarget.value)}
      onBlur={() => setLeft(true)}
      error={local ?? error}
      description={understood}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      descriptionProps={{ 'data-testid': `understood-${id}`, c: 'blue.9' }}
      rightSection={indicator.valueType === 'percent' ? <Text size="sm">%</Text> : undefined}
    />
  );
}
