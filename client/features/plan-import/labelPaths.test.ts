import { describe, expect, it } from 'vitest';
import type { PlanImportDto } from '../../../shared/contracts/plan-import';
import { labelPaths } from './labelPaths';

const item = (key: string, parentKey: string | null, label: string) =>
  ({ key, parentKey, label }) as PlanImportDto['items'][number];

describe('labelPaths', () => {
  it('writes where an item stands with the labels as issued, not its internal key', () => {
    const paths = labelPaths([
      item('I', null, 'I.'),
      item('I.1', 'I', '1.'),
      item('I.1@10', 'I', '1a.'),
      item('I.1.a', 'I.1', 'a)'),
      item('II', null, 'II.'),
      item('II@2', null, 'II.'),
    ]);
    expect(Object.fromEntries(paths)).toEqual({
      I: 'I',
      'I.1': 'I.1',
      'I.1@10': 'I.1a',
      'I.1.a': 'I.1.a',
      II: 'II',
      'II@2': 'II',
    });
  });
});
