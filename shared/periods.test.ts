import { describe, expect, it } from 'vitest';
import {
  cycleName,
  periodDefaults,
  periodIssue,
  periodLabel,
  periodPhrase,
  proposePeriod,
  scheduleSentence,
  type ReportingSchedule,
} from './periods.js';

const schedule = (s: Partial<ReportingSchedule> & Pick<ReportingSchedule, 'kind' | 'day'>): ReportingSchedule => ({
  month: null,
  year: null,
  inLastMonth: false,
  window: null,
  text: '',
  ...s,
});
const monthly20 = schedule({ kind: 'monthly', day: 20, text: 'trước ngày 20 hằng tháng' });
const monthly31 = schedule({ kind: 'monthly', day: 31 });
const quarterly15 = schedule({ kind: 'quarterly', day: 15 });
const lastMonth25 = schedule({ kind: 'quarterly', day: 25, inLastMonth: true });
const yearly3011 = schedule({ kind: 'yearly', day: 30, month: 11 });
const yearlyWindow = schedule({
  kind: 'yearly',
  day: 17,
  month: 12,
  window: { start: { day: 15, month: 12 }, end: { day: 14, month: 12 } },
});

describe('a period’s window and default deadline', () => {
  it('a monthly plan: the month’s days, due on day 20 of the month after (December → January next year)', () => {
    expect(periodDefaults({ year: 2026, kind: 'month', number: 3 }, monthly20)).toEqual({
      windowStart: '2026-03-01',
      windowEnd: '2026-03-31',
      deadline: '2026-04-20',
    });
    expect(periodDefaults({ year: 2026, kind: 'month', number: 12 }, monthly20)).toEqual({
      windowStart: '2026-12-01',
      windowEnd: '2026-12-31',
      deadline: '2027-01-20',
    });
  });

  it('February ends on the 28th, or the 29th in a leap year; day 31 is clamped to the month’s end', () => {
    expect(periodDefaults({ year: 2026, kind: 'month', number: 2 }, monthly20).windowEnd).toBe('2026-02-28');
    expect(periodDefaults({ year: 2028, kind: 'month', number: 2 }, monthly20).windowEnd).toBe('2028-02-29');
    expect(periodDefaults({ year: 2027, kind: 'month', number: 1 }, monthly31).deadline).toBe('2027-02-28');
    expect(periodDefaults({ year: 2028, kind: 'month', number: 1 }, monthly31).deadline).toBe('2028-02-29');
    expect(periodDefaults({ year: 2026, kind: 'month', number: 3 }, monthly31).deadline).toBe('2026-04-30');
  });

  it('a quarter: its three months, due in the month after, or in its last month when the text says so', () => {
    expect(periodDefaults({ year: 2026, kind: 'quarter', number: 1 }, quarterly15)).toEqual({
      windowStart: '2026-01-01',
      windowEnd: '2026-03-31',
      deadline: '2026-04-15',
    });
    expect(periodDefaults({ year: 2026, kind: 'quarter', number: 4 }, quarterly15)).toEqual({
      windowStart: '2026-10-01',
      windowEnd: '2026-12-31',
      deadline: '2027-01-15',
    });
    expect(periodDefaults({ year: 2026, kind: 'quarter', number: 2 }, lastMonth25).deadline).toBe('2026-06-25');
    expect(periodDefaults({ year: 2026, kind: 'quarter', number: 3 }, quarterly15).windowEnd).toBe('2026-09-30');
  });

  it('a year: 1/1–31/12 due on the stated day, or the stated window across the new year', () => {
    expect(periodDefaults({ year: 2026, kind: 'year', number: null }, yearly3011)).toEqual({
      windowStart: '2026-01-01',
      windowEnd: '2026-12-31',
      deadline: '2026-11-30',
    });
    expect(periodDefaults({ year: 2026, kind: 'year', number: null }, yearlyWindow)).toEqual({
      windowStart: '2025-12-15',
      windowEnd: '2026-12-14',
      deadline: '2026-12-17',
    });
  });

  it('another kind: a month or quarter takes the monthly or quarterly day, else the 15th; a year 30/11', () => {
    expect(periodDefaults({ year: 2026, kind: 'year', number: null }, null).deadline).toBe('2026-11-30');
    expect(periodDefaults({ year: 2026, kind: 'year', number: null }, monthly20).deadline).toBe('2026-11-30');
    expect(periodDefaults({ year: 2026, kind: 'month', number: 12 }, yearly3011).deadline).toBe('2027-01-15');
    expect(periodDefaults({ year: 2026, kind: 'quarter', number: 2 }, monthly20).deadline).toBe('2026-07-20');
    const quarterly10 = schedule({ kind: 'quarterly', day: 10 });
    expect(periodDefaults({ year: 2026, kind: 'month', number: 5 }, quarterly10).deadline).toBe('2026-06-10');
    expect(periodDefaults({ year: 2026, kind: 'month', number: 5 }, lastMonth25).deadline).toBe('2026-06-15');
    expect(periodDefaults({ year: 2026, kind: 'quarter', number: 1 }, null).deadline).toBe('2026-04-15');
    const once = schedule({ kind: 'once', day: 15, month: 12, year: 2026 });
    expect(periodDefaults({ year: 2026, kind: 'year', number: null }, once).deadline).toBe('2026-12-15');
    expect(periodDefaults({ year: 2027, kind: 'year', number: null }, once).deadline).toBe('2027-11-30');
  });
});

describe('names and checks', () => {
  it('names a period in Vietnamese and English', () => {
    expect(periodLabel({ year: 2026, kind: 'year', number: null })).toBe('Năm 2026');
    expect(periodLabel({ year: 2026, kind: 'quarter', number: 1 })).toBe('Quý I/2026');
    expect(periodLabel({ year: 2026, kind: 'quarter', number: 4 })).toBe('Quý IV/2026');
    expect(periodLabel({ year: 2026, kind: 'month', number: 3 })).toBe('Tháng 3/2026');
    expect(periodLabel({ year: 2026, kind: 'year', number: null }, 'en')).toBe('2026');
    expect(periodLabel({ year: 2026, kind: 'quarter', number: 1 }, 'en')).toBe('Q1 2026');
    expect(periodLabel({ year: 2026, kind: 'month', number: 3 }, 'en')).toBe('March 2026');
    expect(periodPhrase({ year: 2026, kind: 'month', number: 12 })).toBe('tháng 12/2026');
    expect(cycleName({ year: 2026, kind: 'year', number: null })).toBe('Kỳ báo cáo năm 2026');
    expect(cycleName({ year: 2026, kind: 'quarter', number: 2 }, 'en')).toBe('Q2 2026 reporting cycle');
  });

  it('refuses a number a kind does not take', () => {
    expect(periodIssue('year', null)).toBeNull();
    expect(periodIssue('year', 3)?.en).toMatch(/takes no/);
    expect(periodIssue('quarter', 0)?.vi).toMatch(/quý phải từ 1 đến 4/);
    expect(periodIssue('quarter', 5)?.vi).toMatch(/quý phải từ 1 đến 4/);
    expect(periodIssue('quarter', 4)).toBeNull();
    expect(periodIssue('month', 13)?.vi).toMatch(/tháng phải từ 1 đến 12/);
    expect(periodIssue('month', null)?.vi).toMatch(/cần chọn tháng/);
    expect(periodIssue('month', 12)).toBeNull();
  });

  it('proposes the current year, or the next month and quarter, skipping those taken (31 Dec rolls over)', () => {
    expect(proposePeriod('year', '2026-12-31', [])).toEqual({ year: 2026, kind: 'year', number: null });
    expect(proposePeriod('year', '2026-06-01', [{ year: 2026, kind: 'year', number: null }]).year).toBe(2027);
    expect(proposePeriod('month', '2026-12-31', [])).toEqual({ year: 2027, kind: 'month', number: 1 });
    expect(proposePeriod('month', '2026-03-10', [{ year: 2026, kind: 'month', number: 4 }])).toEqual({
      year: 2026,
      kind: 'month',
      number: 3,
    });
    expect(proposePeriod('quarter', '2026-12-31', [])).toEqual({ year: 2027, kind: 'quarter', number: 1 });
    expect(proposePeriod('quarter', '2026-02-28', [])).toEqual({ year: 2026, kind: 'quarter', number: 2 });
  });

  it('says the schedule as a sentence', () => {
    expect(scheduleSentence(monthly20)).toBe('trước ngày 20 hằng tháng');
    expect(scheduleSentence(yearly3011)).toBe('trước ngày 30/11 hằng năm');
    expect(scheduleSentence(yearlyWindow)).toBe('trước ngày 17/12 hằng năm (số liệu từ 15/12 năm trước đến 14/12)');
    expect(scheduleSentence(monthly20, 'en')).toBe('by day 20 of each month');
  });
});
