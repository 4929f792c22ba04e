/** Labels as plans write them, read exactly as issued and never renumbered. */

export type LabelType = 'roman' | 'arabic' | 'decimal2' | 'decimal3' | 'letter' | 'dash' | 'plus';

export interface Label {
  label: string;
  type: LabelType;
  rest: string;
  /** The numeral's value, for checking order (roman, arabic, letter). */
  value?: number;
}

/** Depth of each kind of label: a kind of lower rank closes the items of higher rank above it. */
export const RANK: Record<LabelType, number> = {
  roman: 0,
  arabic: 1,
  decimal2: 1.5,
  decimal3: 1.7,
  letter: 2,
  dash: 3,
  plus: 4,
};

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };
// The Vietnamese alphabet as lettered items run: a) b) c) d) đ) e) g) h) i) k)…
const LETTERS = 'abcdđeghiklmnopqrstuvxy';

function romanValue(s: string): number | null {
  if (!/^(L?X{0,3})(IX|IV|V?I{0,3})$/.test(s)) return null;
  let total = 0;
  for (let i = 0; i < s.length; i += 1) {
    const v = ROMAN[s[i]];
    total += v < (ROMAN[s[i + 1]] ?? 0) ? -v : v;
  }
  return total > 0 ? total : null;
}

/** The label a paragraph starts with, or null for running text. */
export function readLabel(text: string): Label | null {
  let m = /^([IVXL]{1,6})\s*\.\s*(\S.*)$/u.exec(text);
  if (m) {
    const value = romanValue(m[1]);
    if (value !== null) return { label: `${m[1]}.`, type: 'roman', rest: m[2], value };
  }
  m = /^(\d{1,2}(?:\.\d{1,2}){1,2})(\.?)\s+(\S.*)$/u.exec(text);
  if (m) {
    const depth = m[1].split('.').length;
    return { label: m[1] + m[2], type: depth === 2 ? 'decimal2' : 'decimal3', rest: m[3] };
  }
  m = /^(\d{1,2})([.)])\s*(\D.*)$/u.exec(text);
  if (m) return { label: m[1] + m[2], type: 'arabic', rest: m[3], value: Number(m[1]) };
  m = /^([a-zđ])\)\s*(\S.*)$/u.exec(text);
  if (m) return { label: `${m[1]})`, type: 'letter', rest: m[2], value: LETTERS.indexOf(m[1]) + 1 };
  m = /^([-–—•])\s*([^-–—\s].*)$/u.exec(text);
  if (m) return { label: m[1], type: 'dash', rest: m[2] };
  m = /^(\+)\s*(\S.*)$/u.exec(text);
  if (m) return { label: m[1], type: 'plus', rest: m[2] };
  return null;
}

/** The part of a label used in item keys: "II." → "II", "1.1." → "1.1", "a)" → "a". */
export function keyPart(label: string): string {
  return label.replace(/[.)]+$/, '');
}
