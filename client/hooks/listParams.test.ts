import { describe, expect, it } from 'vitest';
import { pageChanges, readInt, readOneOf, readPage, readSort, sortChanges, withChanges } from './listParams';

const SORTS = ['name', 'taxCode', 'updatedAt'] as const;

describe('the address of a list page', () => {
  it('a new filter sets its word, drops a cleared one and goes back to page 1', () => {
    const prev = new URLSearchParams('q=hoa&xa=123&trang=3');
    const next = withChanges(prev, { nam: '2025', xa: null });
    expect(next.toString()).toBe('q=hoa&nam=2025');
    expect(prev.toString()).toBe('q=hoa&xa=123&trang=3');
  });

  it('turning the page keeps the filters, and page 1 leaves the page word out', () => {
    const prev = new URLSearchParams('q=hoa&trang=3');
    expect(withChanges(prev, pageChanges(4), false).toString()).toBe('q=hoa&trang=4');
    expect(withChanges(prev, pageChanges(1), false).toString()).toBe('q=hoa');
  });

  it('reads the page, falling back to 1 for a missing or senseless one', () => {
    expect(readPage(new URLSearchParams('trang=5'))).toBe(5);
    expect(readPage(new URLSearchParams(''))).toBe(1);
    expect(readPage(new URLSearchParams('trang=abc'))).toBe(1);
    expect(readPage(new URLSearchParams('trang=-2'))).toBe(1);
  });

  it('reads a known sort key and order, and the defaults for unknown ones', () => {
    expect(readSort(new URLSearchParams('sap-xep=taxCode&chieu=desc'), SORTS, 'name', 'asc')).toEqual({
      sort: 'taxCode',
      dir: 'desc',
    });
    expect(readSort(new URLSearchParams('sap-xep=drop%20table&chieu=sideways'), SORTS, 'name', 'asc')).toEqual({
      sort: 'name',
      dir: 'asc',
    });
    // A list newest first (the registries of records) reads a missing order as descending.
    expect(readSort(new URLSearchParams(''), ['date', 'title'], 'date', 'desc')).toEqual({ sort: 'date', dir: 'desc' });
    expect(readSort(new URLSearchParams('chieu=asc'), ['date', 'title'], 'date', 'desc').dir).toBe('asc');
  });

  it('a click on the sorted column flips its order; on another column starts in the default order', () => {
    expect(sortChanges({ sort: 'name', dir: 'asc' }, 'name', 'asc')).toEqual({ 'sap-xep': 'name', chieu: 'desc' });
    expect(sortChanges({ sort: 'name', dir: 'desc' }, 'name', 'asc')).toEqual({ 'sap-xep': 'name', chieu: null });
    expect(sortChanges({ sort: 'name', dir: 'desc' }, 'taxCode', 'asc')).toEqual({ 'sap-xep': 'taxCode', chieu: null });
    expect(sortChanges({ sort: 'date', dir: 'desc' }, 'date', 'desc')).toEqual({ 'sap-xep': 'date', chieu: 'asc' });
  });

  it('reads a year within its bounds and one of a fixed set of values, nothing else', () => {
    expect(readInt(new URLSearchParams('nam=2025'), 'nam', 2000, 2100)).toBe(2025);
    expect(readInt(new URLSearchParams('nam=1999'), 'nam', 2000, 2100)).toBeUndefined();
    expect(readInt(new URLSearchParams('nam=2025.5'), 'nam', 2000, 2100)).toBeUndefined();
    expect(readOneOf(new URLSearchParams('trang-thai=done'), 'trang-thai', ['done', 'paused'])).toBe('done');
    expect(readOneOf(new URLSearchParams('trang-thai=gone'), 'trang-thai', ['done', 'paused'])).toBeUndefined();
  });
});
