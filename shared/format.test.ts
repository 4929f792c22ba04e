import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  formatCitationDate,
  formatDate,
  formatDateTime,
  formatDocumentDate,
  formatNumber,
  parseVietnameseDate,
  todayInVietnam,
  vietnamDate,
} from './format.js';

describe('vi-VN formatting', () => {
  it('formats numbers with dot thousands and comma decimals', () => {
    expect(formatNumber(1234567.5)).toBe('1.234.567,5');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(null)).toBe('');
  });

  it('formats dates dd/mm/yyyy and times in Vietnam (UTC+7)', () => {
    expect(formatDate('2025-03-27')).toBe('27/03/2025');
    expect(formatDateTime('2026-11-30T16:59:00Z')).toBe('30/11/2026 23:59');
    expect(vietnamDate(new Date('2026-11-30T16:59:59Z'))).toBe('2026-11-30');
    expect(vietnamDate(new Date('2026-11-30T17:00:00Z'))).toBe('2026-12-01');
  });

  it('the Vietnamese day of an instant: early morning UTC is already the same day in Vietnam', () => {
    expect(vietnamDate(new Date('2026-11-29T18:00:00Z'))).toBe('2026-11-30');
    expect(vietnamDate(new Date('2026-11-30T16:59:59.999Z'))).toBe('2026-11-30');
    expect(vietnamDate(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
  });

  it('cites a document date without leading zeros, unlike a table date', () => {
    expect(formatCitationDate('2025-03-27')).toBe('27/3/2025');
    expect(formatCitationDate('2026-01-05')).toBe('5/1/2026');
    expect(formatDate('2026-01-05')).toBe('05/01/2026');
  });

  it('writes document dates as Nghị định 30 asks (leading zero for day < 10 and months 1–2)', () => {
    expect(formatDocumentDate('2026-01-05')).toBe('ngày 05 tháng 01 năm 2026');
    expect(formatDocumentDate('2025-03-27')).toBe('ngày 27 tháng 3 năm 2025');
    expect(formatDocumentDate('2026-11-30')).toBe('ngày 30 tháng 11 năm 2026');
  });
});

describe('dates typed by a Vietnamese user', () => {
  afterEach(() => vi.useRealTimers());

  it('reads d/m/yyyy with /, - or . and ISO dates', () => {
    expect(parseVietnameseDate('27/3/2025')).toBe('2025-03-27');
    expect(parseVietnameseDate(' 27/03/2025 ')).toBe('2025-03-27');
    expect(parseVietnameseDate('27-03-2025')).toBe('2025-03-27');
    expect(parseVietnameseDate('27.03.2025')).toBe('2025-03-27');
    expect(parseVietnameseDate('2025-03-27')).toBe('2025-03-27');
  });

  it('refuses what is not a real calendar date', () => {
    expect(parseVietnameseDate('31/02/2025')).toBeNull();
    expect(parseVietnameseDate('29/02/2025')).toBeNull();
    expect(parseVietnameseDate('29/02/2024')).toBe('2024-02-29');
    expect(parseVietnameseDate('2025-13-01')).toBeNull();
    expect(parseVietnameseDate('27/3/25')).toBeNull();
    expect(parseVietnameseDate('')).toBeNull();
    expect(parseVietnameseDate('hôm nay')).toBeNull();
  });

  it("gives today's date in Vietnam, not in the browser's zone", () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-30T17:00:00Z'));
    expect(todayInVietnam()).toBe('2026-12-01');
  });
});
