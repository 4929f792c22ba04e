// Issue 10, "a provincial report the director can sign": the counts agree everywhere (the compiled
// set is one set: the sentence N/M, the totals, the annex), and the narrative reads like an officer
// wrote it (grouped per plan item with its units, cited by labels as issued, no repeated sentences).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsolidationDto } from '../../../shared/contracts/consolidation.js';
import type { ReportDto } from '../../../shared/contracts/reporting.js';
import { auditLog } from '../../db/schema/index.js';
import { buildTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { buildCycle } from '../reporting/reporting.fixtures.js';
import { openDocx, textOf, waitForJob } from './consolidation.fixtures.js';

let t: TestApp;
let focal: TestClient;
let cycleId: string;
const reportIds: Record<string, string> = {};

/** Fills every section of a unit's report with its own words and submits it. */
async function submitAs(unit: TestClient, name: string, medical: number, difficulty: string): Promise<ReportDto> {
  const r = (await unit.get(`/api/v1/cycles/${cycleId}/my-report`)).json<ReportDto>();
  const saved = await unit.put(`/api/v1/reports/${r.id}`, {
    version: r.version,
    values: [
      { indicatorCode: 'KH-00', value: true },
      { indicatorCode: 'DN-01', value: 2 },
      { indicatorCode: 'XL-01', wasteStream: 'medical', value: medical },
    ],
    sections: r.form.sections.map((s, i) => ({
      planItemId: s.planItemId,
      results: `${name} đã thực hiện nội dung được giao, kết quả số ${i + 1} trong năm.`,
      // The same sentence for every section, as units write it.
      difficulties: difficulty,
      proposals: '',
    })),
    otherResults: '',
    proposalsToCommittee: '',
  });
  if (saved.statusCode !== 200) throw new Error(`save: ${saved.statusCode} ${saved.body}`);
  const sub = await unit.post(`/api/v1/reports/${r.id}/submit`);
  if (sub.statusCode !== 200) throw new Error(`submit: ${sub.statusCode} ${sub.body}`);
  return sub.json();
}

async function generate(includeSubmitted?: boolean): Promise<ConsolidationDto> {
  const res = await focal.post(
    `/api/v1/cycles/${cycleId}/consolidation`,
    includeSubmitted === undefined ? {} : { includeSubmitted },
  );
  expect(res.statusCode, res.body).toBe(202);
  const draft = await waitForJob(focal, cycleId, res.json().job.id);
  expect(draft.job?.status).toBe('succeeded');
  return draft;
}

async function documentText(): Promise<string> {
  const res = await focal.get(`/api/v1/cycles/${cycleId}/consolidation.docx`);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return textOf((await openDocx(res.rawPayload)).document);
}

/** The rows of the annex's per-unit figures table (part II of the annex). */
function annexFigureRows(text: string): string[] {
  const annex = text.slice(text.indexOf('II. KẾT QUẢ CÁC CHỈ TIÊU THEO TỪNG ĐƠN VỊ'));
  return annex.split('\n').filter((line) => /^(Sở|Xã|Phường|Ủy ban)/.test(line));
}

beforeAll(async () => {
  t = await buildTestApp();
  focal = await t.loginAs('focal', { unitCode: 'VL-SNNMT', name: 'Trần Thị Đầu Mối' });
  cycleId = (await buildCycle(t, focal)).id;
  const yte = await t.loginAs('unit', { unitCode: 'VL-SYT' });
  const congThuong = await t.loginAs('unit', { unitCode: 'VL-SCT' });
  const taiChinh = await t.loginAs('unit', { unitCode: 'VL-STC' });
  reportIds.yte = (await submitAs(yte, 'Sở Y tế', 100, 'Kinh phí mua chế phẩm sinh học còn hạn chế.')).id;
  reportIds.congThuong = (
    await submitAs(congThuong, 'Sở Công Thương', 7, 'Kinh phí mua chế phẩm sinh học còn hạn chế.')
  ).id;
  reportIds.taiChinh = (await submitAs(taiChinh, 'Sở Tài chính', 5000, 'Thiếu nhân lực chuyên môn.')).id;
  expect((await focal.post(`/api/v1/reports/${reportIds.yte}/accept`)).statusCode).toBe(200);
  const returned = await focal.post(`/api/v1/reports/${reportIds.taiChinh}/return`, {
    reason: 'Số liệu chưa khớp với biểu mẫu.',
  });
  expect(returned.statusCode, returned.body).toBe(200);
});

afterAll(async () => {
  await t?.close();
});

describe('the compiled set is one set', () => {
  it('compiles accepted reports only by default: a returned or unaccepted report is never compiled', async () => {
    const draft = await generate();
    expect(draft.includeSubmitted).toBe(false);
    const sources = new Set(draft.paragraphs.map((p) => p.source?.unitName));
    expect(sources.has('Sở Y tế')).toBe(true);
    expect([...sources].some((s) => s?.includes('Sở Tài chính'))).toBe(false);
    expect([...sources].some((s) => s?.includes('Sở Công Thương'))).toBe(false);
    expect(draft.counts).toMatchObject({ compiled: 1, provisional: 0, expected: draft.units.length });
    expect(draft.units.filter((u) => u.included).map((u) => u.name)).toEqual(['Sở Y tế']);
    expect(draft.indicators.find((i) => i.code === 'XL-01')?.streams.find((s) => s.stream === 'medical')?.value).toBe(
      100,
    );
  });

  it('never lists the compiling department itself as a unit that has not sent', async () => {
    const draft = (await focal.get(`/api/v1/cycles/${cycleId}/consolidation`)).json<ConsolidationDto>();
    expect(draft.units.map((u) => u.name)).not.toContain('Sở Nông nghiệp và Môi trường');
    const text = await documentText();
    expect(text).not.toMatch(/Sở Nông nghiệp và Môi trường\s*\nChưa gửi/);
  });

  it('says N/M as compiled, and the annex figures list exactly the compiled units', async () => {
    const draft = (await focal.get(`/api/v1/cycles/${cycleId}/consolidation`)).json<ConsolidationDto>();
    const text = await documentText();
    expect(text).toContain(`trên cơ sở báo cáo của 1/${draft.units.length} cơ quan, đơn vị, địa phương`);
    expect(new Set(annexFigureRows(text))).toEqual(new Set(['Sở Y tế']));
    // The returned report is shown as returned and not compiled, never as compiled.
    expect(text).toMatch(/Sở Tài chính\s*\n[^\n]*Bị trả lại/);
  });

  it('compiles a submitted report only when the officer opts in: audited, marked in text and tables', async () => {
    const draft = await generate(true);
    expect(draft.includeSubmitted).toBe(true);
    expect(draft.counts).toMatchObject({ compiled: 2, provisional: 1 });
    const fromCongThuong = draft.paragraphs.filter((p) => p.source?.unitName.includes('Sở Công Thương'));
    expect(fromCongThuong.length).toBeGreaterThan(0);
    expect(fromCongThuong.every((p) => p.isProvisional && p.text.includes('(chưa tiếp nhận)'))).toBe(true);
    expect(draft.paragraphs.some((p) => p.source?.unitName.includes('Sở Tài chính'))).toBe(false);
    expect(draft.indicators.find((i) => i.code === 'XL-01')?.streams.find((s) => s.stream === 'medical')?.value).toBe(
      107,
    );
    const audits = await t.database.db
      .select({ data: auditLog.data })
      .from(auditLog)
      .where(eq(auditLog.action, 'consolidation.generate'));
    expect(
      audits
        .map((a) => (a.data as { includeSubmitted: boolean }).includeSubmitted)
        .sort((a, b) => Number(a) - Number(b)),
    ).toEqual([false, true]);
    const text = await documentText();
    expect(text).toContain(`trên cơ sở báo cáo của 2/${draft.units.length} cơ quan, đơn vị, địa phương`);
    expect(text).toContain('1 báo cáo chưa được tiếp nhận');
    expect(new Set(annexFigureRows(text))).toEqual(new Set(['Sở Công Thương (chưa tiếp nhận)', 'Sở Y tế']));
  });
});

describe('the narrative', () => {
  let text: string;
  beforeAll(async () => {
    text = await documentText();
  });

  it('cites plan items by their labels as issued, never by internal keys', () => {
    expect(text).not.toMatch(/\b(?:II-NV|II-MT)\b/);
    expect(text).toContain('mục II.1 phần Nhiệm vụ kế hoạch');
  });

  it('cuts no quotation short', () => {
    expect(text).not.toContain('…');
  });

  it('groups results per plan item, naming the units that reported them', () => {
    const heading = text.indexOf('1. Phát triển khoa học và công nghệ phục vụ công nghiệp sinh học');
    expect(heading).toBeGreaterThan(0);
    const lead = text.slice(heading).split('\n')[1];
    expect(lead).toMatch(/^Nội dung tại mục II\.1 phần Nhiệm vụ kế hoạch; 2 đơn vị báo cáo: /);
    expect(lead).toContain('Sở Công Thương (chưa tiếp nhận)');
    expect(lead).toContain('Sở Y tế');
    // Each unit's words follow, under the item, not a sentence repeated per unit.
    expect(text.slice(heading)).toMatch(
      /\nSở Công Thương \(chưa tiếp nhận\) đã thực hiện nội dung được giao, kết quả số 1/,
    );
  });

  it('writes a sentence several units (or one unit, item after item) gave once, naming them', () => {
    const sentence = 'Kinh phí mua chế phẩm sinh học còn hạn chế.';
    expect(text.split(sentence).length - 1).toBe(1);
    expect(text).toContain(`Sở Công Thương (chưa tiếp nhận), Sở Y tế: ${sentence}`);
  });
});

describe('a report returned after it was compiled', () => {
  it('leaves the compiled set; a paragraph the officer edited stays, flagged', async () => {
    const before = (await focal.get(`/api/v1/cycles/${cycleId}/consolidation`)).json<ConsolidationDto>();
    const own = before.paragraphs.find((p) => p.source?.unitName === 'Sở Công Thương (chưa tiếp nhận)')!;
    const edited = await focal.patch(`/api/v1/cycles/${cycleId}/consolidation`, {
      version: before.version,
      operations: [{ op: 'update', id: own.id, text: 'Sở Công Thương: đoạn do cán bộ đầu mối viết lại.' }],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const returned = await focal.post(`/api/v1/reports/${reportIds.congThuong}/return`, {
      reason: 'Thiếu số liệu chỉ tiêu DN-01.',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    const draft = await generate(true);
    expect(draft.counts).toMatchObject({ compiled: 1, provisional: 0, returned: 2 });
    const left = draft.paragraphs.filter((p) => p.source?.unitName.includes('Sở Công Thương'));
    expect(left.map((p) => [p.id, p.sourceChanged])).toEqual([[own.id, true]]);
    expect(draft.indicators.find((i) => i.code === 'XL-01')?.streams.find((s) => s.stream === 'medical')?.value).toBe(
      100,
    );
  });
});
