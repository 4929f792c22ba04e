import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readNumber, writeNumber } from './numbers.js';

const read = (text: string, lang: 'vi' | 'en' = 'vi') => readNumber(text, lang);

describe('readNumber', () => {
  it('reads Vietnamese numbers the Vietnamese way', () => {
    expect(read('1,5')).toEqual({ ok: true, value: 1.5, ambiguous: false });
    expect(read('1.234,5')).toEqual({ ok: true, value: 1234.5, ambiguous: false });
    expect(read('1.234.567')).toEqual({ ok: true, value: 1234567, ambiguous: false });
    expect(read('1.234')).toEqual({ ok: true, value: 1234, ambiguous: false });
    expect(read('0,25')).toEqual({ ok: true, value: 0.25, ambiguous: false });
    expect(read('42')).toEqual({ ok: true, value: 42, ambiguous: false });
    expect(read('-3,5')).toEqual({ ok: true, value: -3.5, ambiguous: false });
    expect(read('−3,5')).toEqual({ ok: true, value: -3.5, ambiguous: false });
  });

  it('never turns "1.5" into 15 in Vietnamese: it reads 1,5 and says it was ambiguous', () => {
    expect(read('1.5')).toEqual({ ok: true, value: 1.5, ambiguous: true });
    expect(read('12.25')).toEqual({ ok: true, value: 12.25, ambiguous: true });
    expect(read('1.2345')).toEqual({ ok: true, value: 1.2345, ambiguous: true });
  });

  it('flags a comma followed by three digits in Vietnamese (an English thousand?)', () => {
    expect(read('1,234')).toEqual({ ok: true, value: 1.234, ambiguous: true });
  });

  it('reads English figures pasted into the Vietnamese form when both separators show the meaning', () => {
    expect(read('1,234.5')).toEqual({ ok: true, value: 1234.5, ambiguous: true });
    expect(read('1,234,567')).toEqual({ ok: true, value: 1234567, ambiguous: true });
  });

  it('reads English numbers the English way', () => {
    expect(read('1,234.5', 'en')).toEqual({ ok: true, value: 1234.5, ambiguous: false });
    expect(read('1.5', 'en')).toEqual({ ok: true, value: 1.5, ambiguous: false });
    expect(read('1,234', 'en')).toEqual({ ok: true, value: 1234, ambiguous: false });
    expect(read('1,5', 'en')).toEqual({ ok: true, value: 1.5, ambiguous: true });
    expect(read('1.234,5', 'en')).toEqual({ ok: true, value: 1234.5, ambiguous: true });
  });

  it('takes what Excel and Word paste: spaces, non-breaking spaces, surrounding blanks', () => {
    expect(read(' 1\u00a0234,5\n')).toEqual({ ok: true, value: 1234.5, ambiguous: false });
    expect(read('1 234 567')).toEqual({ ok: true, value: 1234567, ambiguous: false });
    expect(read('\t17\t')).toEqual({ ok: true, value: 17, ambiguous: false });
  });

  it('treats an empty field as no value', () => {
    expect(read('')).toEqual({ ok: true, value: null, ambiguous: false });
    expect(read('   ')).toEqual({ ok: true, value: null, ambiguous: false });
  });

  it('refuses text that is not a number', () => {
    for (const text of ['abc', '1,2,3,4', '1.2.3', '1,,5', '1.', '12 34', '1e5', '-', '1,234.5.6', '1 2,5', '5 tấn']) {
      expect(read(text).ok, text).toBe(false);
    }
  });

  it('reads back what it writes, in both languages', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 0, max: 99 }),
        fc.constantFrom('vi' as const, 'en' as const),
        (whole, cents, lang) => {
          const value = whole + (Math.sign(whole || 1) * cents) / 100;
          const back = readNumber(writeNumber(value, lang), lang);
          expect(back.ok && back.value).toBeCloseTo(value, 6);
          expect(back.ok && back.ambiguous).toBe(false);
        },
      ),
    );
  });
});

describe('writeNumber', () => {
  it('writes vi-VN and en-US', () => {
    expect(writeNumber(1234567.5, 'vi')).toBe('1.234.567,5');
    expect(writeNumber(1234567.5, 'en')).toBe('1,234,567.5');
    expect(writeNumber(null, 'vi')).toBe('');
  });
});
