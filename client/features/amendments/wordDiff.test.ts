import { describe, expect, it } from 'vitest';
import { wordDiff, type DiffPart } from './wordDiff';

const textOf = (parts: DiffPart[], kinds: Array<DiffPart['kind']>) =>
  parts
    .filter((part) => kinds.includes(part.kind))
    .map((part) => part.text)
    .join('');

describe('wordDiff', () => {
  it('marks replaced Vietnamese words as removed then added, word by word, keeping the rest the same', () => {
    const parts = wordDiff('Sở Tài nguyên và Môi trường chủ trì', 'Sở Nông nghiệp và Môi trường chủ trì');
    expect(parts).toEqual([
      { kind: 'same', text: 'Sở ' },
      { kind: 'removed', text: 'Tài' },
      { kind: 'added', text: 'Nông' },
      { kind: 'same', text: ' ' },
      { kind: 'removed', text: 'nguyên' },
      { kind: 'added', text: 'nghiệp' },
      { kind: 'same', text: ' và Môi trường chủ trì' },
    ]);
  });

  it('tells words apart by their diacritics ("hoá" is not "hóa", "sinh" is not "sình")', () => {
    const parts = wordDiff('công nghệ sinh học', 'công nghệ sình học');
    expect(textOf(parts, ['removed'])).toBe('sinh');
    expect(textOf(parts, ['added'])).toBe('sình');
    expect(wordDiff('hoá chất', 'hóa chất').filter((part) => part.kind !== 'same')).toHaveLength(2);
  });

  it('rebuilds both texts exactly, spaces and line breaks included', () => {
    const before = 'Năm 2025:\n  thu gom 1.234,5 tấn rác thải y tế';
    const after = 'Năm 2026:\n  thu gom và xử lý 2.000 tấn rác thải y tế nguy hại';
    const parts = wordDiff(before, after);
    expect(textOf(parts, ['same', 'removed'])).toBe(before);
    expect(textOf(parts, ['same', 'added'])).toBe(after);
  });

  it('merges neighbouring words of one kind into one part', () => {
    expect(wordDiff('a', 'a thêm hai từ')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'added', text: ' thêm hai từ' },
    ]);
  });

  it('gives one "same" part for equal texts and nothing for two empty ones', () => {
    expect(wordDiff('Điều 1. Phê duyệt', 'Điều 1. Phê duyệt')).toEqual([{ kind: 'same', text: 'Điều 1. Phê duyệt' }]);
    expect(wordDiff('', '')).toEqual([]);
  });

  it('shows very long texts whole as removed and added instead of diffing them', () => {
    const before = Array.from({ length: 1000 }, (_, index) => `từ${index}`).join(' ');
    const after = `${before} thêm`;
    expect(wordDiff(before, after)).toEqual([
      { kind: 'removed', text: before },
      { kind: 'added', text: after },
    ]);
  });
});
