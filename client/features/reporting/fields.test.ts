import { describe, expect, it } from 'vitest';
import type { FormIndicatorDto } from '../../../shared/contracts/reporting';
import { formatNumber } from '../../../shared/format';
import { formatBytes } from '../../lib/bytes';
import { fieldId, fieldKey, fieldsOf, toApiValue, unreadableFields, valuesOf } from './fields';

function indicator(code: string, valueType: FormIndicatorDto['valueType'], byWasteStream = false): FormIndicatorDto {
  return {
    code,
    name: `Chỉ tiêu ${code}`,
    nameEn: code,
    unit: 'tấn/năm',
    valueType,
    byWasteStream,
    isRequired: false,
    min: null,
    max: null,
    position: 1,
  };
}

const amount = indicator('XL-01', 'number');
const count = indicator('DN-01', 'integer');
const hasPlan = indicator('KH-01', 'boolean');
const note = indicator('GC-01', 'text');
const waste = indicator('CT-01', 'number', true);

describe('toApiValue', () => {
  it('hands over the number the field read, and never guesses from text left in it', () => {
    expect(toApiValue(amount, 1234.5)).toBe(1234.5);
    expect(toApiValue(count, 42)).toBe(42);
    // Text stays in a number field only when it is not a number: "12." must not become 12, nor "1.5" 15.
    expect(toApiValue(amount, '12.')).toBeNull();
    expect(toApiValue(amount, '1.5')).toBeNull();
  });

  it('treats an empty or unreadable number as not entered', () => {
    expect(toApiValue(amount, '')).toBeNull();
    expect(toApiValue(amount, '   ')).toBeNull();
    expect(toApiValue(amount, '1.234,5')).toBeNull();
    expect(toApiValue(amount, null)).toBeNull();
    expect(toApiValue(amount, undefined)).toBeNull();
  });

  it('keeps yes/no only as a boolean and text as typed, diacritics included', () => {
    expect(toApiValue(hasPlan, true)).toBe(true);
    expect(toApiValue(hasPlan, false)).toBe(false);
    expect(toApiValue(hasPlan, 'có')).toBeNull();
    expect(toApiValue(note, 'Đã hoàn thành kế hoạch năm')).toBe('Đã hoàn thành kế hoạch năm');
  });

  it('gives back a number that the form shows in vi-VN as "1.234,5"', () => {
    expect(formatNumber(toApiValue(amount, 1234.5) as number)).toBe('1.234,5');
    expect(formatNumber(toApiValue(amount, 1234567.25) as number)).toBe('1.234.567,25');
  });
});

describe('valuesOf and fieldsOf', () => {
  it('sends only entered fields, one per waste stream for a by-stream indicator', () => {
    const values = valuesOf([amount, count, waste, hasPlan, note], {
      [fieldKey('XL-01')]: 1234.5,
      [fieldKey('DN-01')]: 'mười hai',
      [fieldKey('CT-01', 'medical')]: 3,
      [fieldKey('CT-01', 'industrial')]: '',
      [fieldKey('KH-01')]: false,
      [fieldKey('GC-01')]: '',
    });
    expect(values).toEqual([
      { indicatorCode: 'XL-01', value: 1234.5 },
      { indicatorCode: 'CT-01', wasteStream: 'medical', value: 3 },
      { indicatorCode: 'KH-01', value: false },
    ]);
  });

  it('round-trips the API values through the fields', () => {
    const values = [
      { indicatorCode: 'XL-01', value: 1234.5 },
      { indicatorCode: 'CT-01', wasteStream: 'medical' as const, value: 3 },
      { indicatorCode: 'GC-01', value: 'Ghi chú: xử lý bằng chế phẩm vi sinh' },
    ];
    const fields = fieldsOf(values);
    expect(fields).toEqual({ 'XL-01|': 1234.5, 'CT-01|medical': 3, 'GC-01|': 'Ghi chú: xử lý bằng chế phẩm vi sinh' });
    expect(valuesOf([amount, waste, note], fields)).toEqual(values);
  });
});

describe('fieldId', () => {
  it('turns an issue path into a DOM id of safe characters', () => {
    expect(fieldId('values.CT-01.medical')).toBe('field-values_CT-01_medical');
    expect(fieldId('sections.5b1f.kết quả')).toBe('field-sections_5b1f_k_t_qu_');
  });
});

describe('formatBytes', () => {
  it('words a file size with vi-VN decimals', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1,5 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5 MB');
    expect(formatBytes(2.25 * 1024 * 1024)).toBe('2,3 MB');
  });
});

describe('unreadableFields', () => {
  it('names the number fields holding text, so they are never saved as empty', () => {
    const fields = {
      [fieldKey('XL-01')]: 'abc',
      [fieldKey('DN-01')]: 3,
      [fieldKey('CT-01', 'medical')]: '1,2,3',
      [fieldKey('GC-01')]: 'ghi chú',
    };
    expect(unreadableFields([amount, count, hasPlan, note, waste], fields)).toEqual([
      'values.XL-01',
      'values.CT-01.medical',
    ]);
    expect(unreadableFields([amount], { [fieldKey('XL-01')]: '  ' })).toEqual([]);
  });
});
