import { describe, expect, it } from 'vitest';
import { msg } from './errors.js';
import { localize, readMessage, storeMessage } from './messages.js';

describe('stored server messages', () => {
  it('are read back in the language of the request', () => {
    const stored = storeMessage(msg('Đang dựng bảng 3/5', 'Building table 3 of 5'));
    expect(localize(stored, 'vi')).toBe('Đang dựng bảng 3/5');
    expect(localize(stored, 'en')).toBe('Building table 3 of 5');
  });

  it('read plain text written before as the same text in both languages', () => {
    expect(localize('Đã tiếp nhận báo cáo', 'en')).toBe('Đã tiếp nhận báo cáo');
    expect(readMessage('{"vi": not json')).toEqual({ vi: '{"vi": not json', en: '{"vi": not json' });
    expect(localize(null, 'vi')).toBeNull();
  });

  it('keep quotes and line breaks intact', () => {
    const message = msg('Mục "IV.4"\nđã đổi', 'Item "IV.4"\nchanged');
    expect(readMessage(storeMessage(message))).toEqual(message);
  });
});
