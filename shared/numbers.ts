/**
 * Numbers as officers type or paste them. Vietnamese writes 1.234.567,5 (dot groups thousands,
 * comma marks decimals); English writes 1,234,567.5. A figure must never be changed without a
 * word: "1.5" typed in the Vietnamese form is not a Vietnamese number, so it is read as 1,5 and
 * flagged, never silently turned into 15.
 */
export type NumberLanguage = 'vi' | 'en';

export interface ReadNumber {
  /** The number understood, or null for an empty field. */
  value: number | null;
  /**
   * True when the text was not written in the language's own way (the other language's
   * separators, or a separator that could be read both ways): the field must show what it
   * understood.
   */
  ambiguous: boolean;
}

export type NumberReading = ({ ok: true } & ReadNumber) | { ok: false };

const SEPARATORS = { vi: { group: '.', decimal: ',' }, en: { group: ',', decimal: '.' } } as const;

/** Grouping is valid when every group after the first has exactly three digits. */
function isGrouped(intPart: string, group: string): boolean {
  const groups = intPart.split(group);
  return /^\d{1,3}$/.test(groups[0]) && groups.slice(1).every((g) => /^\d{3}$/.test(g));
}

/**
 * Reads a number typed or pasted in `lang`: "1,5" and "1.234,5" in Vietnamese, "1,234.5" in
 * English; spaces (also non-breaking, as Excel and Word paste them) may group thousands; a
 * leading minus sign (- or −) is kept. Returns `{ ok: false }` for text that is not a number.
 */
export function readNumber(raw: string, lang: NumberLanguage): NumberReading {
  let text = raw.replace(/[\s\u00a0\u202f\u2009]+/g, ' ').trim();
  if (text === '') return { ok: true, value: null, ambiguous: false };
  let sign = 1;
  if (/^[-−]/.test(text)) {
    sign = -1;
    text = text.slice(1).trim();
  } else if (text.startsWith('+')) {
    text = text.slice(1).trim();
  }
  // Spaces only between digit groups: "1 234 567,5".
  if (text.includes(' ')) {
    const [intPart, ...rest] = text.split(/(?=[.,])/);
    if (!/^\d{1,3}( \d{3})+$/.test(intPart) || rest.join('').includes(' ')) return { ok: false };
    text = intPart.replace(/ /g, '') + rest.join('');
  }
  if (!/^\d[\d.,]*$/.test(text) && !/^[.,]\d+$/.test(text)) return { ok: false };
  const own = SEPARATORS[lang];
  const other = SEPARATORS[lang === 'vi' ? 'en' : 'vi'];
  const dots = (text.match(/\./g) ?? []).length;
  const commas = (text.match(/,/g) ?? []).length;
  const toNumber = (intPart: string, fraction: string | null, group: string) => {
    const digits = intPart.split(group).join('') + (fraction !== null ? `.${fraction}` : '');
    return sign * Number(digits === '' || digits.startsWith('.') ? `0${digits}` : digits);
  };

  if (dots === 0 && commas === 0) return { ok: true, value: sign * Number(text), ambiguous: false };

  if (dots > 0 && commas > 0) {
    // Both separators: the last one marks the decimals, the other groups thousands.
    const decimal = text.lastIndexOf('.') > text.lastIndexOf(',') ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    const at = text.lastIndexOf(decimal);
    const intPart = text.slice(0, at);
    const fraction = text.slice(at + 1);
    if (fraction === '' || fraction.includes(group) || !isGrouped(intPart, group)) return { ok: false };
    return { ok: true, value: toNumber(intPart, fraction, group), ambiguous: decimal !== own.decimal };
  }

  const sep = dots > 0 ? '.' : ',';
  const count = dots || commas;
  if (count > 1) {
    // "1.234.567" groups thousands; several decimal marks make no number.
    if (!isGrouped(text, sep)) return { ok: false };
    return { ok: true, value: toNumber(text, null, sep), ambiguous: sep !== own.group };
  }
  const at = text.indexOf(sep);
  const intPart = text.slice(0, at);
  const fraction = text.slice(at + 1);
  if (fraction === '') return { ok: false };
  if (sep === own.decimal) {
    // "1,5" in Vietnamese. "1,234" could be an English thousand: say what was understood.
    return {
      ok: true,
      value: toNumber(intPart, fraction, other.decimal),
      ambiguous: fraction.length === 3 && isGrouped(text, sep),
    };
  }
  // The language's group separator, used once.
  if (fraction.length === 3 && intPart !== '' && isGrouped(text, sep)) {
    return { ok: true, value: toNumber(text, null, sep), ambiguous: false };
  }
  // "1.5" in Vietnamese is not a Vietnamese number: read as a decimal, and say so.
  return { ok: true, value: toNumber(intPart, fraction, own.group), ambiguous: true };
}

const FORMATS = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 6 }),
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 }),
};

/** A number written the language's way: 1234.5 → "1.234,5" (vi) or "1,234.5" (en). */
export function writeNumber(value: number | null | undefined, lang: NumberLanguage): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  return FORMATS[lang].format(value);
}
