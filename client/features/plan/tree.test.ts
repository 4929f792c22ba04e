import { describe, expect, it } from 'vitest';
import type { PlanItemDto } from '../../../shared/contracts/plans';
import { planItemOptions } from '../feedback/components/planItems';
import { anchorOf, ancestorsOf, childrenByParent, headingOf } from './tree';

function item(
  id: string,
  parentId: string | null,
  position: number,
  label: string,
  title: string | null,
  text: string | null = null,
): PlanItemDto {
  return {
    id,
    key: id.toUpperCase(),
    parentId,
    kind: 'section',
    label,
    title,
    text,
    position,
    assignments: [],
    isMine: false,
  };
}

// Given out of order on purpose: the tree follows `position`, not the order of the list.
const items = [
  item('iv-4', 'iv', 7, '4.', 'Sở Tài chính'),
  item('iv', null, 5, 'IV.', 'TỔ CHỨC THỰC HIỆN'),
  item('i', null, 1, 'I.', 'MỤC ĐÍCH, YÊU CẦU'),
  item('iv-1', 'iv', 6, '1.', 'Sở Nông nghiệp và Môi trường'),
  item(
    'iv-1-a',
    'iv-1',
    8,
    '-',
    null,
    'Chủ trì, phối hợp với các sở, ngành và Ủy ban nhân dân cấp xã triển khai ứng dụng công nghệ sinh học trong xử lý chất thải rắn sinh hoạt và chất thải nông nghiệp',
  ),
];

describe('childrenByParent', () => {
  it('groups children under their parent in the order of the text', () => {
    const tree = childrenByParent(items);
    expect(tree.get(null)?.map((child) => child.id)).toEqual(['i', 'iv']);
    expect(tree.get('iv')?.map((child) => child.id)).toEqual(['iv-1', 'iv-4']);
    expect(tree.get('iv-1')?.map((child) => child.id)).toEqual(['iv-1-a']);
    expect(tree.has('i')).toBe(false);
  });
});

describe('ancestorsOf', () => {
  it('lists the ancestors outermost first', () => {
    const byId = new Map(items.map((entry) => [entry.id, entry]));
    expect(ancestorsOf(byId.get('iv-1-a')!, byId).map((entry) => entry.label)).toEqual(['IV.', '1.']);
    expect(ancestorsOf(byId.get('i')!, byId)).toEqual([]);
  });
});

describe('anchorOf and headingOf', () => {
  it('builds an HTML id from the key with only ASCII letters, digits and dashes', () => {
    expect(anchorOf({ key: 'IV.4/Sở' })).toBe('muc-IV-4-S-');
  });

  it('reads the label then the title, or the label alone for an unnamed duty', () => {
    expect(headingOf(items[1])).toBe('IV. TỔ CHỨC THỰC HIỆN');
    expect(headingOf(items[4])).toBe('-');
  });
});

describe('planItemOptions', () => {
  it('walks the tree depth first with each item’s depth and readable path', () => {
    const options = planItemOptions(items);
    expect(options.map((option) => [option.item.id, option.depth])).toEqual([
      ['i', 0],
      ['iv', 0],
      ['iv-1', 1],
      ['iv-1-a', 2],
      ['iv-4', 1],
    ]);
    expect(options[4].path).toBe('IV. › 4. Sở Tài chính');
  });

  it('shortens a long text to 110 characters with an ellipsis, keeping the diacritics', () => {
    const path = planItemOptions(items).find((option) => option.item.id === 'iv-1-a')!.path;
    expect(path.startsWith('IV. › 1. › - Chủ trì, phối hợp')).toBe(true);
    const shown = path.slice('IV. › 1. › - '.length);
    expect(shown).toHaveLength(110);
    expect(shown.endsWith('…')).toBe(true);
  });
});
