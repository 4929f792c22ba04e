import { describe, expect, it } from 'vitest';
import { normaliseTaxCode, taxCodeCheckDigit, taxCodeMessage, taxCodeProblem } from './tax-code.js';

describe('tax code (mã số thuế)', () => {
  // Codes of well-known enterprises (Vinamilk, FPT, Viettel), and codes found online that
  // python-stdnum's tests (stdnum/vn/mst) list as valid.
  it.each([
    '0300588569',
    '0101248141',
    '0100109106',
    '0100233488',
    '0314409058',
    '0102641429-066',
    '1300440846-008',
    '3900260711',
    '3901166775',
    '5800199577-002',
    '8463763902',
  ])('accepts the real code %s', (code) => {
    expect(taxCodeProblem(code)).toBeNull();
  });

  it('refuses a sequence number of all zeros (digits 3–9)', () => {
    expect(taxCodeProblem('0100000008')).toBe('sequence');
  });

  it('accepts a branch suffix 001–999 and refuses 000', () => {
    expect(taxCodeProblem('0300588569-001')).toBeNull();
    expect(taxCodeProblem('0300588569-999')).toBeNull();
    expect(taxCodeProblem('0300588569-000')).toBe('branch');
  });

  it('refuses a wrong check digit', () => {
    expect(taxCodeProblem('0300588568')).toBe('checkDigit');
    expect(taxCodeProblem('0101248142')).toBe('checkDigit');
    expect(taxCodeProblem('0100233480')).toBe('checkDigit');
  });

  it('refuses a code whose weighted sum leaves remainder 0 (check digit would be 10)', () => {
    expect(taxCodeCheckDigit('000000000')).toBeNull();
    const nine = Array.from({ length: 100_000 }, (_, i) => `01${String(i + 1).padStart(7, '0')}`).find(
      (s) => taxCodeCheckDigit(s) === null,
    )!;
    for (let d = 0; d <= 9; d += 1) expect(taxCodeProblem(`${nine}${d}`)).toBe('checkDigit');
  });

  it('gives 0 when the remainder is 10', () => {
    // The first nine digits (counting up) whose weighted sum leaves remainder 10.
    const nine = Array.from({ length: 1000 }, (_, i) => `01${String(i + 1).padStart(7, '0')}`).find((s) => {
      const w = [31, 29, 23, 19, 17, 13, 7, 5, 3];
      return s.split('').reduce((a, c, i) => a + w[i] * Number(c), 0) % 11 === 10;
    })!;
    expect(taxCodeCheckDigit(nine)).toBe(0);
    expect(taxCodeProblem(`${nine}0`)).toBeNull();
  });

  it('refuses other shapes', () => {
    for (const bad of ['030058856', '03005885690', '0300588569-01', '0300588569-0011', 'abcdefghij', '']) {
      expect(taxCodeProblem(bad)).toBe('format');
    }
  });

  it('removes spaces before checking', () => {
    expect(normaliseTaxCode(' 0300 588 569 ')).toBe('0300588569');
  });

  it('names the field in Vietnamese', () => {
    expect(taxCodeMessage('checkDigit')).toMatch(/^Mã số thuế/);
    expect(taxCodeMessage('format')).toMatch(/^Mã số thuế/);
  });
});
