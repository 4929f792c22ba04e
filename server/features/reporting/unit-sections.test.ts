// Duties fit the unit: a unit's form holds the plan items that concern it, and the focal
// department fits one unit's sections before opening, with a logged reason.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExpectedUnitsResponse, ReportDto } from '../../../shared/contracts/reporting.js';
import { auditLog } from '../../db/schema/index.js';
import { buildTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { buildCycle } from './reporting.fixtures.js';

let t: TestApp;
let focal: TestClient;
beforeAll(async () => {
  t = await buildTestApp();
  focal = await t.loginAs('focal');
});
afterAll(async () => t?.close());

const keysOf = (r: ReportDto) => r.form.sections.map((s) => s.key);

describe("a unit's sections are the items that concern it", () => {
  let cycleId: string;
  beforeAll(async () => {
    cycleId = (await buildCycle(t, focal, { year: 2026 })).id;
  });

  it("a commune writes on the duties addressed to the communes, never on Sở Tài chính's", async () => {
    const commune = await t.loginAs('unit', { unitCode: '28807' });
    const report = (await commune.get(`/api/v1/cycles/${cycleId}/my-report`)).json<ReportDto>();
    expect(keysOf(report)).toEqual(['IV.1.a', 'IV.1.b', 'IV.1.c']);
    expect(report.form.sections.every((s) => !s.title.includes('Sở Tài chính'))).toBe(true);
    expect(report.form.sections.every((s) => s.role === 'lead')).toBe(true);
  });

  it('a department has the items it leads or coordinates, by name or as one of the departments', async () => {
    const finance = await t.loginAs('unit', { unitCode: 'VL-STC' });
    const report = (await finance.get(`/api/v1/cycles/${cycleId}/my-report`)).json<ReportDto>();
    const sections = new Map(report.form.sections.map((s) => [s.key, s.role]));
    expect(sections.get('IV.4')).toBe('lead');
    expect(sections.get('III.2')).toBe('coordinate');
    expect(sections.get('IV.1.a')).toBe('lead');
    // "Các sở, ngành khác có liên quan" (IV.6) is addressed to every department.
    expect(sections.get('IV.6')).toBe('coordinate');
    const health = await t.loginAs('unit', { unitCode: 'VL-SYT' });
    const own = (await health.get(`/api/v1/cycles/${cycleId}/my-report`)).json<ReportDto>();
    expect(keysOf(own)).toEqual(expect.arrayContaining(['II-NV.1', 'IV.6']));
    expect(keysOf(own)).not.toContain('III.2');
  });

  it("the plan page's “my unit's tasks” follows the same rule", async () => {
    const commune = await t.loginAs('unit', { unitCode: '28807' });
    const planId = (await commune.get('/api/v1/plans')).json().data[0].id as string;
    const mine = (await commune.get(`/api/v1/plans/${planId}/items?mine=true`)).json<{
      data: Array<{ key: string }>;
    }>();
    expect(mine.data.map((i) => i.key)).toEqual(['IV.1.a', 'IV.1.b', 'IV.1.c']);
  });
});

describe('the focal department fits a unit’s sections before opening', () => {
  let cycleId: string;
  let communeId: string;
  const url = () => `/api/v1/cycles/${cycleId}/expected-units/${communeId}/sections`;
  beforeAll(async () => {
    cycleId = (await buildCycle(t, focal, { year: 2027, open: false })).id;
    communeId = await t.unitId('28807');
  });

  it('a reason is required: 400 naming the field, nothing changed', async () => {
    const missing = await focal.post(url(), { action: 'add', key: 'II-NV.2' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.issues[0].path).toBe('reason');
    expect(missing.json().error.issues[0].message).toMatch(/[àáảãạăâđèéêìíòóôơùúưỳý]/iu);
    const blank = await focal.post(url(), { action: 'add', key: 'II-NV.2', reason: '  ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.issues[0].path).toBe('reason');
    const unknown = await focal.post(url(), { action: 'add', key: 'IX.9', reason: 'Không có mục này' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.issues[0].path).toBe('key');
    const notThere = await focal.post(url(), { action: 'remove', key: 'IV.4', reason: 'Không phải việc của xã' });
    expect(notThere.statusCode).toBe(400);
    expect(notThere.json().error.issues[0].path).toBe('key');
    const health = await t.loginAs('unit', { unitCode: 'VL-SYT' });
    expect((await health.post(url(), { action: 'add', key: 'II-NV.2', reason: 'Thử' })).statusCode).toBe(403);
    const list = (await focal.get(`/api/v1/cycles/${cycleId}/expected-units`)).json<ExpectedUnitsResponse>();
    expect(list.data.find((u) => u.unit.id === communeId)?.sectionChanges).toEqual([]);
  });

  it('adds and removes items with a reason: audited, applied at opening, told in the report history', async () => {
    const add = await focal.post(url(), {
      action: 'add',
      key: 'II-NV.2',
      reason: 'Xã có mô hình truyền thông về chế phẩm sinh học',
    });
    expect(add.statusCode).toBe(200);
    const remove = await focal.post(url(), {
      action: 'remove',
      key: 'IV.1.b',
      reason: 'Đã báo cáo chung ở mục IV.1.a',
    });
    expect(remove.statusCode).toBe(200);
    const unit = remove.json<ExpectedUnitsResponse>().data.find((u) => u.unit.id === communeId)!;
    expect(unit.sections.map((s) => s.key)).toEqual(['II-NV.2', 'IV.1.a', 'IV.1.c']);
    expect(unit.sectionChanges.map((c) => [c.action, c.key, c.reason])).toEqual([
      ['add', 'II-NV.2', 'Xã có mô hình truyền thông về chế phẩm sinh học'],
      ['remove', 'IV.1.b', 'Đã báo cáo chung ở mục IV.1.a'],
    ]);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, cycleId), eq(auditLog.action, 'cycle.unit.section.add')));
    expect(audit).toHaveLength(1);
    expect(audit[0].data).toMatchObject({ orgUnitId: communeId, key: 'II-NV.2' });

    expect((await focal.post(`/api/v1/cycles/${cycleId}/open`)).statusCode).toBe(200);
    const commune = await t.loginAs('unit', { unitCode: '28807' });
    const report = (await commune.get(`/api/v1/cycles/${cycleId}/my-report`)).json<ReportDto>();
    expect(keysOf(report)).toEqual(['II-NV.2', 'IV.1.a', 'IV.1.c']);
    const history = (await commune.get(`/api/v1/reports/${report.id}/history`)).json<{
      data: Array<{ action: string; reason: string | null }>;
    }>();
    const created = history.data.find((h) => h.action === 'create')!;
    expect(created.reason).toContain('II-NV.2');
    expect(created.reason).toContain('Xã có mô hình truyền thông về chế phẩm sinh học');
    expect(created.reason).toContain('Đã báo cáo chung ở mục IV.1.a');
    // Once open, the sections are frozen.
    const late = await focal.post(url(), { action: 'add', key: 'IV.4', reason: 'Quá muộn' });
    expect(late.statusCode).toBe(409);
  });
});
