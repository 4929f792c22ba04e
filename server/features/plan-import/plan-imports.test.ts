import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanImportDto } from '../../../shared/contracts/plan-import.js';
import type { PlanDto } from '../../../shared/contracts/plans.js';
import { PLAN_1953_ITEMS, type SeedItem } from '../../db/seed/plan-1953.js';
import { buildTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { multipartForm } from '../../test/multipart.js';
import { docxOf, pdfWithoutText, zipBomb } from './files.fixtures.js';
import { fixture } from './plan-import.fixtures.js';

let t: TestApp;
let focal: TestClient;
beforeAll(async () => {
  t = await buildTestApp();
  focal = await t.loginAs('focal');
});
afterAll(async () => t?.close());

const upload = (c: TestClient, name: string, body: Buffer) => {
  const form = multipartForm({}, [{ name, body }]);
  return c.inject({ method: 'POST', url: '/api/v1/plan-imports', payload: form.payload, headers: form.headers });
};
const importCount = async () => (await focal.get('/api/v1/plan-imports')).json<{ data: unknown[] }>().data.length;
const byKey = (d: PlanImportDto, key: string) => d.items.find((i) => i.key === key)!;

describe('who may import', () => {
  it('refuses a unit officer and a leader (403), and an anonymous caller (401)', async () => {
    const unit = await t.loginAs('unit', { unitCode: 'VL-SYT' });
    const leader = await t.loginAs('leader');
    for (const c of [unit, leader]) expect((await c.post('/api/v1/plan-imports', { text: 'x' })).statusCode).toBe(403);
    const anon = await t.app.inject({ method: 'POST', url: '/api/v1/plan-imports', payload: { text: 'x' } });
    expect(anon.statusCode).toBe(401);
  });
});

describe('hostile input: a clear Vietnamese message, nothing stored', () => {
  const cases: Array<[string, () => Buffer, number, RegExp]> = [
    ['a 50 MB file', () => Buffer.alloc(50 * 1024 * 1024, 0x41), 413, /vượt quá 20 MB/],
    ['a zip bomb dressed as .docx', () => zipBomb(70 * 1024 * 1024), 400, /nghi là tệp nén độc hại/],
    ['a zip bomb lying about its size', () => zipBomb(70 * 1024 * 1024, 2048), 400, /nghi là tệp nén độc hại/],
    ['a scanned PDF with no text', pdfWithoutText, 400, /không có lớp chữ/],
    ['binary junk', () => Buffer.from([0x00, 0xff, 0x13, 0x37, 0xfe, 0x00, 0x80, 0x81]), 400, /Không đọc được tệp/],
    [
      'UTF-8 text that is not a plan',
      () => Buffer.from('Xin chào, đây là thư mời họp.\n'),
      400,
      /Không nhận ra văn bản kế hoạch/,
    ],
  ];
  for (const [name, body, status, message] of cases) {
    it(`refuses ${name}`, async () => {
      const before = await importCount();
      const res = await upload(focal, 'ke-hoach.docx', body());
      expect(res.statusCode).toBe(status);
      expect(res.json().error.message).toMatch(message);
      expect(await importCount()).toBe(before);
    });
  }
});

describe('import, review, publish', () => {
  // One story: each step needs the one before, so they run as one test.
  it('reads pasted text, refuses to publish with an unmapped name, takes the corrections, publishes, remembers the mapping for a PDF of the same plan', async () => {
    let draft: PlanImportDto;

    // reads pasted text into a draft with its warnings, coverage and the text’s SHA-256
    {
      const text = fixture('ke-hoach-223-so-lap.txt');
      const res = await focal.post('/api/v1/plan-imports', { text });
      expect(res.statusCode).toBe(201);
      draft = res.json();
      expect(draft.sha256).toBe(createHash('sha256').update(text.trim()).digest('hex'));
      expect(draft.header).toMatchObject({ number: '223/KH-UBND', date: '2025-04-15' });
      expect(draft.items.filter((i) => i.parentKey === null).map((i) => i.label)).toEqual([
        'II.',
        'III.',
        'III.',
        'V.',
      ]);
      expect(draft.unresolved).toEqual([{ written: 'Sở Ngoại vụ', count: 1 }]);
      expect(draft.abilities).toEqual({ canEdit: true, canPublish: false });
      expect(draft.coverage.percent).toBe(100);
      expect(byKey(draft, 'III.1.a').duties.map((d) => [d.role, d.unit?.name])).toEqual([
        ['lead', 'Sở Nông nghiệp và Môi trường'],
        ['coordinate', 'UBND các xã, phường'],
      ]);
    }

    // will not publish while a name is unmapped (409 naming it)
    {
      const res = await focal.post(`/api/v1/plan-imports/${draft.id}/publish`, { version: draft.version });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toContain('Sở Ngoại vụ');
    }

    // maps the unknown unit (remembered), fixes a label, changes a role; a stale version answers 409
    {
      const sxd = await t.unitId('BT-SXD');
      const res = await focal.patch(`/api/v1/plan-imports/${draft.id}`, {
        version: draft.version,
        ops: [
          { op: 'mapUnit', written: 'Sở Ngoại vụ', unitId: sxd },
          { op: 'setLabel', key: 'V', label: 'IV.' },
          { op: 'setDuty', key: 'V.3', index: 1, role: 'lead', unitId: await t.unitId('BT-SKHCN') },
        ],
      });
      expect(res.statusCode).toBe(200);
      const next: PlanImportDto = res.json();
      expect(next.version).toBe(draft.version + 1);
      expect(next.unresolved).toEqual([]);
      expect(next.abilities.canPublish).toBe(true);
      expect(byKey(next, 'III.1.1.1').duties[0]).toMatchObject({ match: 'mapping', unit: { code: 'BT-SXD' } });
      expect(byKey(next, 'V').label).toBe('IV.');
      const stale = await focal.patch(`/api/v1/plan-imports/${draft.id}`, {
        version: draft.version,
        ops: [{ op: 'setLabel', key: 'V', label: 'V.' }],
      });
      expect(stale.statusCode).toBe(409);
      const unknownKey = await focal.patch(`/api/v1/plan-imports/${draft.id}`, {
        version: next.version,
        ops: [{ op: 'setLabel', key: 'Z.9', label: '9.' }],
      });
      expect(unknownKey.statusCode).toBe(400);
      expect(unknownKey.json().error.issues[0].path).toBe('ops.0.key');
      draft = next;
    }

    // publishes the plan as version 1 with its legal bases, labels as issued and duties; a cycle opens for it
    {
      const res = await focal.post(`/api/v1/plan-imports/${draft.id}/publish`, { version: draft.version });
      expect(res.statusCode).toBe(201);
      const { planId } = res.json();
      const plan: PlanDto = (await focal.get(`/api/v1/plans/${planId}`)).json();
      expect(plan).toMatchObject({ number: '223/KH-UBND', date: '2025-04-15', version: 1 });
      expect(plan.legalBases).toHaveLength(2);
      expect(plan.items.filter((i) => i.parentId === null).map((i) => i.label)).toEqual(['II.', 'III.', 'III.', 'IV.']);
      const v3 = plan.items.find((i) => i.key === 'V.3')!;
      expect(
        v3.assignments.map((a) => [a.role, a.orgUnit?.code]).sort((a, b) => String(a).localeCompare(String(b))),
      ).toEqual([
        ['lead', 'BT-SKHCN'],
        ['lead', 'BT-SNNMT'],
      ]);
      const cycle = await focal.post('/api/v1/cycles', { planId, year: 2026 });
      expect(cycle.statusCode).toBe(201);
      const opened = await focal.post(`/api/v1/cycles/${cycle.json().id}/open`, {});
      expect(opened.statusCode).toBe(200);
      expect(opened.json().status).toBe('open');
      const after: PlanImportDto = (await focal.get(`/api/v1/plan-imports/${draft.id}`)).json();
      expect(after).toMatchObject({ status: 'published', publishedPlanId: planId, abilities: { canEdit: false } });
      expect(
        (
          await focal.patch(`/api/v1/plan-imports/${draft.id}`, {
            version: after.version,
            ops: [{ op: 'setLabel', key: 'V', label: 'V.' }],
          })
        ).statusCode,
      ).toBe(409);
    }

    // remembers the mapping for the next import, here of the same plan as a text PDF
    {
      const res = await upload(
        focal,
        'ke-hoach-223.pdf',
        readFileSync(path.join(import.meta.dirname, 'fixtures', 'ke-hoach-223-so-lap.pdf')),
      );
      expect(res.statusCode).toBe(201);
      const again: PlanImportDto = res.json();
      expect(again.sourceKind).toBe('pdf');
      expect(again.fileName).toBe('ke-hoach-223.pdf');
      expect(again.unresolved).toEqual([]);
      expect(byKey(again, 'III.1.1.1').duties[0]).toMatchObject({ match: 'mapping', unit: { code: 'BT-SXD' } });
      expect(again.items.map((i) => i.label)).toEqual(draft.items.map((i) => (i.key === 'V' ? 'V.' : i.label)));
      const publish = await focal.post(`/api/v1/plan-imports/${again.id}/publish`, { version: again.version });
      expect(publish.statusCode).toBe(409);
      expect(publish.json().error.message).toMatch(/Đã có kế hoạch số 223\/KH-UBND/);
    }
  });

  it('reads a .docx with its appendix table', async () => {
    const lines = fixture('quyet-dinh-45-kem-ke-hoach.txt')
      .split('\n')
      .filter((l) => l && !l.includes('\t'));
    const rows = fixture('quyet-dinh-45-kem-ke-hoach.txt')
      .split('\n')
      .filter((l) => l.includes('\t'))
      .map((l) => l.split('\t'));
    const res = await upload(focal, 'qd-45.docx', await docxOf(lines, rows));
    expect(res.statusCode).toBe(201);
    const d: PlanImportDto = res.json();
    expect(d).toMatchObject({ sourceKind: 'docx', header: { number: '45/QĐ-UBND', docType: 'quyet_dinh' } });
    const rowsRead = d.items.filter((i) => i.kind === 'task' && i.key.startsWith('PL1'));
    expect(rowsRead.map((i) => i.label)).toEqual(['1', '2', '3']);
    expect(rowsRead[0].duties.map((x) => x.unit?.code ?? x.unit?.group)).toEqual([
      'VL-SKHCN',
      'VL-SNNMT',
      'localities',
    ]);
  });
});

function flattenSeed(items: SeedItem[]): SeedItem[] {
  return items.flatMap((i) => [i, ...flattenSeed(i.children ?? [])]);
}

describe('the seed plan through the importer', () => {
  it('gives, after the officer assigns the six items the text leaves open, the hand-made seed item by item', async () => {
    const res = await focal.post('/api/v1/plan-imports', { text: fixture('ke-hoach-1953-KH-UBND-2025.txt') });
    expect(res.statusCode).toBe(201);
    let d: PlanImportDto = res.json();
    const seed = flattenSeed(PLAN_1953_ITEMS);
    const ops: unknown[] = [
      { op: 'markBoilerplate', lines: d.lines.filter((l) => l.role === 'unassigned').map((l) => l.n) },
    ];
    for (const [k, item] of d.items.entries()) {
      if (item.duties.length > 0 || !seed[k].assignments) continue;
      for (const a of seed[k].assignments) {
        ops.push({
          op: 'setDuty',
          key: item.key,
          index: null,
          role: a.role,
          ...(a.unit ? { unitId: await t.unitId(a.unit) } : { group: a.group }),
        });
      }
    }
    d = (await focal.patch(`/api/v1/plan-imports/${d.id}`, { version: d.version, ops })).json();
    expect(d.coverage).toMatchObject({ unassigned: 0, percent: 100 });
    expect(d.warnings.filter((w) => w.code === 'NO_UNIT' || w.code === 'LINES_UNASSIGNED')).toEqual([]);
    const plans = (await focal.get('/api/v1/plans')).json().data as Array<{ id: string; number: string }>;
    const seedPlan: PlanDto = (
      await focal.get(`/api/v1/plans/${plans.find((p) => p.number === '1953/KH-UBND')!.id}`)
    ).json();
    const norm = (list: Array<{ role: string; code: string | null | undefined; group: string | null | undefined }>) =>
      list.map((a) => `${a.role}:${a.code ?? a.group}`).sort();
    expect(d.items).toHaveLength(seedPlan.items.length);
    d.items.forEach((item, k) => {
      const want = seedPlan.items[k];
      expect([item.label, item.kind, item.title, item.text], want.key).toEqual([
        want.label,
        want.kind,
        want.title,
        want.text,
      ]);
      expect(
        norm(item.duties.map((x) => ({ role: x.role, code: x.unit?.code, group: x.unit?.group }))),
        want.key,
      ).toEqual(norm(want.assignments.map((a) => ({ role: a.role, code: a.orgUnit?.code, group: a.unitGroup }))));
    });
  });
});
