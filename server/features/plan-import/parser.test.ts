import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlanImportOp } from '../../../shared/contracts/plan-import.js';
import { PLAN_1953, PLAN_1953_REVIEW } from '../../db/seed/plan-1953.js';
import { applyOps } from './edits.js';
import { extractText } from './extract.js';
import type { ParsedItem } from './parse-types.js';
import { PLAN_1953_EXPECTED, type SeedItem } from './plan-1953-expected.fixtures.js';
import { dutyCodes, fixture, flatten, parseWithSeed } from './plan-import.fixtures.js';

/** Items in document order with their parent's key. */
function flattenSeed(items: SeedItem[], parent: string | null = null): Array<SeedItem & { parent: string | null }> {
  return items.flatMap((i) => [{ ...i, parent }, ...flattenSeed(i.children ?? [], i.key)]);
}
function withParents(items: ParsedItem[], parent: string | null = null): Array<ParsedItem & { parent: string | null }> {
  return items.flatMap((i) => [{ ...i, parent }, ...withParents(i.children, i.key)]);
}
const seedDuties = (s: SeedItem) => (s.assignments ?? []).map((a) => `${a.role}:${a.unit ?? a.group}`).sort();

// The six items of sections II (Nhiệm vụ) and III (Giải pháp) whose text names no unit: the
// hand-made seed took their units from section IV; the seed's review decisions (PLAN_1953_REVIEW)
// record that choice, as an officer would make it on the review screen.
const DUTIES_NOT_IN_TEXT = ['II-NV.1', 'II-NV.2', 'III.1', 'III.2', 'III.3', 'III.4'];

describe('the seed plan 1953/KH-UBND, imported from its text', () => {
  const plan = parseWithSeed(fixture('ke-hoach-1953-KH-UBND-2025.txt'));
  const parsed = withParents(plan.items);
  const seed = flattenSeed(PLAN_1953_EXPECTED);

  it('reads the header, legal bases, parent decision, closing, recipients and signature as the seed has them', () => {
    expect(plan.header).toMatchObject({
      number: PLAN_1953.number,
      date: PLAN_1953.date,
      title: PLAN_1953.title,
      issuerParent: PLAN_1953.issuerParent,
      issuer: PLAN_1953.issuer,
      place: PLAN_1953.place,
      docType: 'ke_hoach',
    });
    expect(plan.legalBases).toEqual(PLAN_1953.legalBases);
    expect(plan.parentDecision).toMatchObject({ number: '1639/QĐ-TTg', date: '2024-12-24' });
    expect(plan.preamble).toBe(PLAN_1953.preamble);
    expect(plan.closing).toEqual(PLAN_1953.closing);
    expect(plan.recipients).toEqual(PLAN_1953.recipients);
    expect(plan.signerAuthority).toEqual(PLAN_1953.signerAuthority);
    expect(plan.signerName).toBe(PLAN_1953.signerName);
  });

  it('gives the same keys, parents, labels, kinds, titles and texts, item by item, with "II." kept twice', () => {
    expect(parsed.map((i) => i.key)).toEqual(seed.map((i) => i.key));
    parsed.forEach((item, k) => {
      const expected = seed[k];
      expect(
        { parent: item.parent, label: item.label, kind: item.kind, title: item.title, text: item.text },
        expected.key,
      ).toEqual({
        parent: expected.parent,
        label: expected.label,
        kind: expected.kind,
        title: expected.title,
        text: expected.text,
      });
    });
    expect(plan.warnings.filter((w) => w.code === 'LABEL_REPEATED').map((w) => w.line)).toEqual([42]);
  });

  it('gives the same lead and coordinating units wherever the text states them, and flags the six others', () => {
    const open = parsed.filter((i) => DUTIES_NOT_IN_TEXT.includes(i.key));
    expect(open.map((i) => i.duties)).toEqual(DUTIES_NOT_IN_TEXT.map(() => []));
    const flagged = plan.warnings.filter((w) => w.code === 'NO_UNIT').map((w) => w.itemKey);
    expect(flagged).toEqual(DUTIES_NOT_IN_TEXT);
    const stated = parsed.filter((i) => !DUTIES_NOT_IN_TEXT.includes(i.key));
    expect(stated.map((i) => [i.key, dutyCodes(i)])).toEqual(
      seed.filter((s) => !DUTIES_NOT_IN_TEXT.includes(s.key)).map((s) => [s.key, seedDuties(s)]),
    );
  });

  it('with the seed review applied (as the startup seed does), equals the hand-made seed everywhere, every line placed', () => {
    const ops: PlanImportOp[] = PLAN_1953_REVIEW.map((r) =>
      r.op === 'markBoilerplate'
        ? r
        : { op: 'setDuty', key: r.key, index: null, role: r.role, unitId: r.unit ?? null, group: r.group ?? null },
    );
    const reviewed = applyOps(plan, ops, (id) => ({ code: id })).plan;
    expect(withParents(reviewed.items).map((i) => [i.key, dutyCodes(i)])).toEqual(
      seed.map((s) => [s.key, seedDuties(s)]),
    );
    expect(reviewed.coverage).toMatchObject({ unassigned: 0, percent: 100 });
    expect(reviewed.warnings.filter((w) => w.code === 'NO_UNIT' || w.code === 'LINES_UNASSIGNED')).toEqual([]);
  });

  it('reads the yearly report of IV.1 and its chain: units → Sở NN&MT → UBND tỉnh', () => {
    const report = parsed.find((i) => i.text?.startsWith('Định kỳ trước 30 tháng 11'))!;
    expect(report.deadlines).toEqual([{ kind: 'yearly', day: 30, month: 11, text: 'trước 30 tháng 11 hàng năm' }]);
    expect(report.reporting.map((s) => s.ref)).toEqual([{ code: 'BT-SNNMT' }, { code: 'BT-UBND' }]);
    const vague = parsed.find((i) => i.text?.startsWith('Thường xuyên đánh giá'))!;
    expect(vague.deadlines).toEqual([{ kind: 'vague', text: 'Thường xuyên' }]);
  });

  it('places every line: the web page block above the header is left for the officer, the rest is covered', () => {
    expect(plan.coverage).toEqual({ total: 87, items: 45, parts: 29, boilerplate: 2, unassigned: 11, percent: 87.3 });
    expect(plan.lines.filter((l) => l.role === 'unassigned').every((l) => l.n < 20)).toBe(true);
  });
});

describe('a plan starting at "II.", with "III." twice, lettered items, old names and deadline shapes', () => {
  const plan = parseWithSeed(fixture('ke-hoach-223-so-lap.txt'));
  const byKey = new Map(flatten(plan.items).map((i) => [i.key, i]));

  it('reads "223/KH- UBND" as 223/KH-UBND and cases the title from the preamble', () => {
    expect(plan.header.number).toBe('223/KH-UBND');
    expect(plan.header.date).toBe('2025-04-15');
    expect(plan.header.title).toBe(
      'Kế hoạch thu gom, xử lý chất thải rắn sinh hoạt trên địa bàn tỉnh Bến Tre năm 2025',
    );
  });

  it('keeps the numerals as issued and warns about the start, the repeat and the gap', () => {
    expect(plan.items.map((i) => i.label)).toEqual(['II.', 'III.', 'III.', 'V.']);
    expect(plan.warnings.filter((w) => w.code.startsWith('LABEL_')).map((w) => w.code)).toEqual([
      'LABEL_START',
      'LABEL_REPEATED',
      'LABEL_SKIPPED',
    ]);
    expect(flatten(plan.items).map((i) => i.label)).toEqual([
      'II.',
      '1.',
      'III.',
      '1.',
      'a)',
      '+',
      '+',
      'b)',
      '1.1.',
      'III.',
      '1.',
      'V.',
      '1.',
      '-',
      '-',
      '2.',
      '3.',
    ]);
  });

  it('resolves old names to successors, abbreviations, near spellings and groups; lists the unknown', () => {
    expect(dutyCodes(byKey.get('III-NV.1.a')!)).toEqual(['coordinate:localities', 'lead:BT-SNNMT']);
    expect(byKey.get('III-NV.1.a')!.duties[0].match).toBe('successor');
    expect(dutyCodes(byKey.get('III-NV.1.b')!)).toEqual(['coordinate:BT-SKHCN', 'lead:BT-SNNMT']);
    expect(byKey.get('III-NV.1.b')!.duties.find((d) => d.role === 'coordinate')!.match).toBe('fuzzy');
    expect(dutyCodes(byKey.get('III-NV.1.1.1')!)).toEqual(['lead:?Sở Ngoại vụ']);
    expect(dutyCodes(byKey.get('V.3')!)).toEqual(['coordinate:BT-SKHCN', 'lead:BT-SNNMT']);
    expect(dutyCodes(byKey.get('V.2')!)).toEqual(['lead:localities']);
    expect(plan.warnings.filter((w) => w.code.startsWith('UNIT_')).map((w) => w.code)).toEqual([
      'UNIT_SUCCESSOR',
      'UNIT_FUZZY',
      'UNIT_UNRESOLVED',
      'UNIT_SUCCESSOR',
    ]);
  });

  it('reads monthly, one-off, yearly with a window, vague deadlines and a two-step reporting chain', () => {
    expect(byKey.get('III-NV.1.a.b')!.deadlines).toEqual([
      { kind: 'monthly', day: 20, text: 'trước ngày 20 hằng tháng' },
    ]);
    expect(byKey.get('III-NV.1.1.1')!.deadlines).toEqual([
      { kind: 'once', date: '2026-12-15', text: 'trước ngày 15/12/2026' },
    ]);
    expect(byKey.get('III-GP.1')!.deadlines).toEqual([{ kind: 'vague', text: 'định kỳ' }]);
    const chain = byKey.get('V.1.b')!;
    expect(chain.deadlines[0]).toEqual({
      kind: 'yearly',
      day: 17,
      month: 12,
      window: { from: '15/12', to: '14/12' },
      text: 'chậm nhất ngày 17 tháng 12 hằng năm',
    });
    expect(chain.reporting.map((s) => [s.ref, s.deadline?.day, s.deadline?.month])).toEqual([
      [{ code: 'BT-UBND' }, 17, 12],
      [null, 31, 12],
    ]);
    expect(chain.reporting[1].written).toBe('Bộ Nông nghiệp và Môi trường');
    expect(byKey.get('V.2')!.deadlines).toEqual([
      { kind: 'yearly', day: 30, month: 11, text: 'trước ngày 30/11 hằng năm' },
    ]);
    expect(plan.coverage).toMatchObject({ unassigned: 0, percent: 100 });
  });
});

describe('a Quyết định with the plan attached and an appendix table', () => {
  const plan = parseWithSeed(fixture('quyet-dinh-45-kem-ke-hoach.txt'));
  const items = flatten(plan.items);

  it("takes the decision's number and the attached plan's title; articles and signature apart", () => {
    expect(plan.header).toMatchObject({
      number: '45/QĐ-UBND',
      docType: 'quyet_dinh',
      date: '2025-09-10',
      place: 'Vĩnh Long',
    });
    expect(plan.header.title).toBe(
      'Kế hoạch phát triển công nghiệp sinh học trong lĩnh vực bảo vệ môi trường trên địa bàn tỉnh Vĩnh Long đến năm 2030',
    );
    expect(plan.decisionArticles.map((a) => a.slice(0, 7))).toEqual(['Điều 1.', 'Điều 2.', 'Điều 3.']);
    expect(plan.legalBases).toHaveLength(2);
    expect(plan.signerName).toBe('Lê Văn Hùng');
    expect(plan.recipients).toEqual(['Như Điều 3;', 'Lưu: VT.']);
  });

  it('resolves names as of the decision date (units of the new Vĩnh Long) and reads the appendix rows', () => {
    expect(dutyCodes(items.find((i) => i.key === 'III.2')!)).toEqual(['coordinate:VL-SNNMT', 'lead:VL-SYT']);
    const appendix = plan.items.at(-1)!;
    expect(appendix).toMatchObject({ label: 'PHỤ LỤC', title: 'DANH MỤC NHIỆM VỤ', kind: 'section' });
    expect(appendix.children.map((g) => [g.label, g.title, g.children.map((c) => c.label)])).toEqual([
      ['I', 'Nhóm nhiệm vụ về khoa học và công nghệ', ['1', '2']],
      ['II', 'Nhóm nhiệm vụ về truyền thông', ['3']],
    ]);
    const [first, second] = appendix.children[0].children;
    expect(dutyCodes(first)).toEqual(['coordinate:VL-SNNMT', 'coordinate:localities', 'lead:VL-SKHCN']);
    expect(first.deadlines).toEqual([{ kind: 'yearly', day: 30, month: 11, text: 'Trước ngày 30/11 hằng năm' }]);
    expect(first.product).toBe('Báo cáo kết quả nghiên cứu');
    expect(second.deadlines).toEqual([{ kind: 'vague', text: '2026 - 2027' }]);
    expect(dutyCodes(appendix.children[1].children[0])).toEqual([
      'coordinate:departments_and_localities',
      'lead:VL-SNNMT',
    ]);
    expect(plan.coverage).toMatchObject({ unassigned: 0, percent: 100 });
  });
});

describe('PDF text (pdftotext -layout)', () => {
  it('splits the two header columns and joins wrapped lines', () => {
    const text = [
      'ỦY BAN NHÂN DÂN                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      '  TỈNH BẾN TRE                          Độc lập - Tự do - Hạnh phúc',
      'Số: 12/KH-UBND                      Bến Tre, ngày 2 tháng 6 năm 2025',
      'KẾ HOẠCH',
      'VỀ VIỆC THỬ NGHIỆM',
      'I. NHIỆM VỤ',
      '1. Sở Y tế chủ trì, phối hợp với Sở Tài chính triển khai thực hiện các nội dung của kế hoạch',
      'này trước ngày 15/12/2026.',
    ].join('\n');
    const plan = parseWithSeed(text, 'pdf');
    expect(plan.header).toMatchObject({ number: '12/KH-UBND', issuer: 'TỈNH BẾN TRE', date: '2025-06-02' });
    const [task] = plan.items[0].children;
    expect(task.text).toMatch(/kế hoạch này trước ngày 15\/12\/2026\.$/);
    expect(dutyCodes(task)).toEqual(['coordinate:BT-STC', 'lead:BT-SYT']);
    expect(task.lines).toEqual([7, 8]);
  });
});

describe('a PDF whose duties stand in an appendix table (LibreOffice → PDF, pdftotext -layout)', async () => {
  // fixtures/ke-hoach-310-phu-luc.pdf: `libreoffice --headless --convert-to pdf ke-hoach-310-phu-luc.html`.
  // Its table cells wrap over several lines, the row numbers sit on the middle line of their row,
  // and neighbouring columns are one space apart in places.
  const { text, kind } = await extractText(
    readFileSync(path.join(import.meta.dirname, 'fixtures/ke-hoach-310-phu-luc.pdf')),
  );
  const plan = parseWithSeed(text, kind);
  const appendix = plan.items.at(-1)!;
  const rows = flatten(appendix.children).filter((i) => i.kind === 'task');

  it('reads the header, the body and the appendix groups and rows', () => {
    expect(kind).toBe('pdf');
    expect(plan.header).toMatchObject({ number: '310/KH-UBND', date: '2025-08-05', issuer: 'TỈNH VĨNH LONG' });
    expect(plan.items.map((i) => i.label)).toEqual(['I.', 'II.', 'III.', 'PHỤ LỤC']);
    expect(appendix.title).toBe('DANH MỤC NHIỆM VỤ');
    expect(appendix.children.map((g) => [g.label, g.title, g.children.map((c) => c.label)])).toEqual([
      ['I', 'Nhóm nhiệm vụ về kỹ thuật', ['1', '2']],
      ['II', 'Nhóm nhiệm vụ về truyền thông', ['3', '4']],
    ]);
    expect(rows.map((r) => r.text)).toEqual([
      'Khảo sát hiện trạng sử dụng chế phẩm sinh học tại các trang trại chăn nuôi',
      'Xây dựng mô hình trình diễn xử lý chất thải chăn nuôi bằng chế phẩm sinh học',
      'Tuyên truyền, hướng dẫn người chăn nuôi sử dụng chế phẩm sinh học',
      'Báo cáo kết quả sử dụng chế phẩm sinh học của các cơ sở chăn nuôi',
    ]);
  });

  it("gives each row's lead and coordinating units as of the plan's date, the old name mapped to its successor", () => {
    expect(rows.map(dutyCodes)).toEqual([
      ['coordinate:localities', 'lead:VL-SNNMT'],
      ['coordinate:VL-SNNMT', 'coordinate:VL-STC', 'lead:VL-SKHCN'],
      ['coordinate:VL-SCT', 'coordinate:departments_and_localities', 'lead:VL-SNNMT'],
      ['coordinate:VL-SNNMT', 'lead:localities'],
    ]);
    expect(rows[2].duties.find((d) => d.role === 'lead')).toMatchObject({
      written: 'Sở Tài nguyên và Môi trường',
      match: 'successor',
    });
  });

  it("reads each row's deadline and product, and places every line", () => {
    expect(rows.map((r) => r.deadlines)).toEqual([
      [{ kind: 'once', date: '2025-12-15', text: 'Trước ngày 15/12/2025' }],
      [{ kind: 'yearly', day: 30, month: 11, text: 'Trước ngày 30/11 hằng năm' }],
      [{ kind: 'vague', text: 'Thường xuyên' }],
      [{ kind: 'monthly', day: 20, text: 'Trước ngày 20 hằng tháng' }],
    ]);
    expect(rows.map((r) => r.product)).toEqual([
      'Báo cáo khảo sát',
      'Mô hình trình diễn',
      'Tin, bài, tài liệu hướng dẫn',
      'Báo cáo tháng',
    ]);
    expect(plan.coverage).toMatchObject({ unassigned: 0, percent: 100 });
  });
});
