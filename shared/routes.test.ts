import { describe, expect, it } from 'vitest';
import { matchRoute, pathTo, PATHS, routes } from './routes.js';

describe('the route table', () => {
  it('builds addresses with their parameters encoded and a query', () => {
    expect(routes.report('a1')).toBe('/bao-cao/a1');
    expect(pathTo('consolidation', { cycleId: 'c 1' })).toBe('/tong-hop/c%201');
    expect(pathTo('planVersions', {}, { tu: 1, den: 2, x: undefined })).toBe('/ke-hoach/phien-ban?tu=1&den=2');
  });

  it('tells which page a link opens, or that none does', () => {
    expect(matchRoute('/bao-cao/5f0e')).toBe('report');
    expect(matchRoute('/sua-doi/moi')).toBe('amendmentNew');
    expect(matchRoute('/sua-doi/abc')).toBe('amendment');
    expect(matchRoute('/bao-cao-cua-don-vi?cycleId=1')).toBe('myReports');
    expect(matchRoute('/')).toBe('home');
    expect(matchRoute('/reports/5f0e')).toBeNull();
    expect(matchRoute('/bao-cao')).toBeNull();
  });

  it('every path of the table matches itself', () => {
    for (const [name, path] of Object.entries(PATHS)) expect(matchRoute(path)).toBe(name);
  });
});
