/**
 * Vietnamese tax codes (mã số thuế): 10 digits for an enterprise, or 10 digits, a hyphen and a
 * 3-digit suffix 001–999 for a branch or dependent unit (Thông tư 105/2020/TT-BTC, Điều 5).
 * The tenth digit is a check digit over the first nine with weights 31, 29, 23, 19, 17, 13, 7,
 * 5, 3: d10 = 10 − (Σ wᵢ·dᵢ mod 11); a sum whose remainder is 0 would need "10" and is never issued.
 */
const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

/** Why a tax code is refused, or null when it is valid. */
export type TaxCodeProblem = 'format' | 'sequence' | 'branch' | 'checkDigit';

/** The check digit the first nine digits call for, or null when none can be issued (remainder 0). */
export function taxCodeCheckDigit(firstNine: string): number | null {
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += WEIGHTS[i] * Number(firstNine[i]);
  const digit = 10 - (sum % 11);
  return digit === 10 ? null : digit;
}

/** The code as stored: spaces removed; "0300588569-001" keeps its hyphen. */
export function normaliseTaxCode(input: string): string {
  return input.replace(/\s+/g, '');
}

/** What is wrong with a tax code (already normalised), or null. */
export function taxCodeProblem(code: string): TaxCodeProblem | null {
  const m = /^(\d{10})(?:-(\d{3}))?$/.exec(code);
  if (!m) return 'format';
  // Digits 3–9 are a sequence number from 0000001 to 9999999.
  if (m[1].slice(2, 9) === '0000000') return 'sequence';
  if (m[2] === '000') return 'branch';
  const check = taxCodeCheckDigit(m[1].slice(0, 9));
  if (check === null || check !== Number(m[1][9])) return 'checkDigit';
  return null;
}

const MESSAGES: Record<TaxCodeProblem, string> = {
  format: 'Mã số thuế phải gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số của chi nhánh (0300588569-001).',
  sequence: 'Mã số thuế không hợp lệ: 7 chữ số thứ 3 đến 9 không được đều là 0.',
  branch: 'Mã số thuế: mã chi nhánh (3 chữ số sau dấu gạch ngang) phải từ 001 đến 999.',
  checkDigit: 'Mã số thuế không hợp lệ: chữ số kiểm tra (chữ số thứ 10) không khớp.',
};

/** The Vietnamese sentence for a refused tax code, naming the field. */
export function taxCodeMessage(problem: TaxCodeProblem): string {
  return MESSAGES[problem];
}
