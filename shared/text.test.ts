import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeLike, foldText, upperFirst } from './text.js';

describe('foldText', () => {
  it('removes diacritics and tone marks wherever they sit', () => {
    expect(foldText('Xử lý chất thải')).toBe('xu ly chat thai');
    expect(foldText('Sở Tài chính')).toBe('so tai chinh');
    expect(foldText('Hoà')).toBe(foldText('Hòa'));
    expect(foldText('Thuỷ')).toBe(foldText('Thủy'));
    expect(foldText('Đồng Khởi')).toBe('dong khoi');
  });

  it('treats composed and decomposed Unicode alike', () => {
    expect(foldText('Hòa'.normalize('NFD'))).toBe(foldText('Hòa'.normalize('NFC')));
  });

  it('is idempotent and never yields combining marks', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const once = foldText(s);
        expect(foldText(once)).toBe(once);
        expect(/[\u0300-\u036f]/.test(once)).toBe(false);
      }),
    );
  });
});

describe('escapeLike', () => {
  it('escapes LIKE wildcards', () => {
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
  });
});

describe('upperFirst', () => {
  it('capitalises only the first letter of a Vietnamese label', () => {
    expect(upperFirst('nội dung')).toBe('Nội dung');
    expect(upperFirst('đơn vị thực hiện')).toBe('Đơn vị thực hiện');
    expect(upperFirst('')).toBe('');
  });
});
