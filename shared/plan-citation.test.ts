import { describe, expect, it } from 'vitest';
import { itemCitation, sentenceCase } from './plan-citation.js';

const items = [
  { key: 'II-MT', label: 'II.', title: 'MỤC TIÊU' },
  { key: 'II-NV', label: 'II.', title: 'NHIỆM VỤ KẾ HOẠCH' },
  { key: 'II-NV.2', label: '2.', title: 'Truyền thông' },
  { key: 'IV', label: 'IV.', title: 'TỔ CHỨC THỰC HIỆN' },
  { key: 'IV.1', label: '1.', title: 'Trách nhiệm chung' },
  { key: 'IV.1.b', label: '-', title: null },
  { key: 'IV.3', label: '3.', title: 'Sở Khoa học và Công nghệ' },
  { key: 'IV.3.a', label: 'a)', title: null },
];
const cite = (key: string) =>
  itemCitation(
    items.find((i) => i.key === key)!,
    items,
  );

describe('itemCitation', () => {
  it('cites by the labels as issued, with the part, never by the internal key', () => {
    expect(cite('II-NV.2')).toBe('mục II.2 phần Nhiệm vụ kế hoạch');
    expect(cite('IV.3.a')).toBe('mục IV.3.a phần Tổ chức thực hiện');
    expect(cite('II-NV.2')).not.toContain('NV');
  });

  it('cites a bullet by the numbered item above it, and a part by its title', () => {
    expect(cite('IV.1.b')).toBe('mục IV.1 phần Tổ chức thực hiện');
    expect(cite('IV')).toBe('phần Tổ chức thực hiện');
  });

  it('writes a title in sentence case', () => {
    expect(sentenceCase('NHIỆM VỤ KẾ HOẠCH')).toBe('Nhiệm vụ kế hoạch');
  });
});
