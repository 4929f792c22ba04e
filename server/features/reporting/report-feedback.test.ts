import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDto } from '../../../shared/contracts/reporting.js';
import { buildTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { buildCycle, moveClock, validContent } from './reporting.fixtures.js';

let t: TestApp;
let focal: TestClient;
let unit: TestClient;

beforeAll(async () => {
  t = await buildTestApp();
  focal = await t.loginAs('focal');
  unit = await t.loginAs('unit', { unitCode: 'VL-SYT', name: 'Nguyễn Thị Y' });
  await moveClock(t, '2026-11-20T02:00:00Z');
});
afterAll(async () => t?.close());

interface DeskItem {
  id: string;
  source: string;
  reportId: string | null;
  planItem: { key: string } | null;
  orgUnit: { code: string } | null;
}
const desk = async (reportId: string) => {
  const res = await focal.get(`/api/v1/feedback?reportId=${reportId}&pageSize=50`);
  expect(res.statusCode).toBe(200);
  return res.json<{ data: DeskItem[]; page: { total: number } }>();
};

describe('difficulties raised in a yearly report', () => {
  it('reach the feedback desk on submission as one item per report, never duplicated', async () => {
    const { id: cycleId } = await buildCycle(t, focal, {
      year: 2061,
      windowStart: '2026-01-01',
      windowEnd: '2026-12-31',
      deadline: '2026-11-30',
    });
    const r = (await unit.get(`/api/v1/cycles/${cycleId}/my-report`)).json<ReportDto>();
    const [first, second] = r.form.sections;
    expect(first).toBeDefined();
    const content = validContent(r);
    content.sections = content.sections.map((s) =>
      s.planItemId === first.planItemId
        ? { ...s, difficulties: 'Thiếu kinh phí vận hành lò đốt chất thải y tế', proposals: '' }
        : s,
    );
    content.proposalsToCommittee = 'Đề nghị UBND tỉnh bổ sung kinh phí năm sau';
    expect((await unit.put(`/api/v1/reports/${r.id}`, content)).statusCode).toBe(200);

    // A draft puts nothing on the desk: only a submission does.
    expect((await desk(r.id)).page.total).toBe(0);
    const sub = await unit.post(`/api/v1/reports/${r.id}/submit`, undefined, { 'idempotency-key': 'fb-1' });
    expect(sub.statusCode).toBe(200);
    const after = await desk(r.id);
    // One desk item for the whole report, however many sections raise something.
    expect(after.page.total).toBe(1);
    const keyed = after.data[0];
    expect(keyed).toMatchObject({ source: 'report', reportId: r.id, orgUnit: { code: 'VL-SYT' } });
    const detail = (await focal.get(`/api/v1/feedback/${keyed.id}`)).json<{ text: string; subject: string }>();
    expect(detail.text).toContain(
      `(${first.key})\nKhó khăn, vướng mắc:\nThiếu kinh phí vận hành lò đốt chất thải y tế`,
    );
    expect(detail.text).toContain('Kiến nghị với Ủy ban nhân dân tỉnh:\nĐề nghị UBND tỉnh bổ sung kinh phí năm sau');
    expect(detail.subject).toContain(first.key);

    // The same Idempotency-Key again records nothing more.
    expect(
      (await unit.post(`/api/v1/reports/${r.id}/submit`, undefined, { 'idempotency-key': 'fb-1' })).statusCode,
    ).toBe(200);
    expect((await desk(r.id)).page.total).toBe(1);

    // Returned, edited and submitted again: the desk items are updated, not added.
    const ret = await focal.post(`/api/v1/reports/${r.id}/return`, { reason: 'Bổ sung số liệu' });
    expect(ret.statusCode).toBe(200);
    const edited = {
      ...content,
      version: ret.json<ReportDto>().version,
      sections: content.sections.map((s) =>
        s.planItemId === first.planItemId ? { ...s, difficulties: 'Thiếu kinh phí vận hành lò đốt (đã cập nhật)' } : s,
      ),
    };
    expect((await unit.put(`/api/v1/reports/${r.id}`, edited)).statusCode).toBe(200);
    expect((await unit.post(`/api/v1/reports/${r.id}/submit`)).statusCode).toBe(200);
    const again = await desk(r.id);
    expect(again.page.total).toBe(1);
    expect(again.data.map((d) => d.id).sort((x, y) => x.localeCompare(y))).toEqual(
      after.data.map((d) => d.id).sort((x, y) => x.localeCompare(y)),
    );
    expect((await focal.get(`/api/v1/feedback/${keyed.id}`)).json<{ text: string }>().text).toContain('(đã cập nhật)');

    // A section without difficulties or proposals is not told.
    const text = (await focal.get(`/api/v1/feedback/${keyed.id}`)).json<{ text: string }>().text;
    expect(second === undefined || !text.includes(`(${second.key})`)).toBe(true);
  });
});
