import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { like } from 'drizzle-orm';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanImportDto } from '../../../shared/contracts/plan-import.js';
import type { PlanDto } from '../../../shared/contracts/plans.js';
import { auditLog } from '../../db/schema/index.js';
import { seedReferenceData } from '../../db/seed/index.js';
import { buildTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { multipartForm } from '../../test/multipart.js';
import { docxOf, pdfWithoutText, zipBomb } from './files.fixtures.js';
import { importSeedPlan } from './index.js';
import { PLAN_1953_EXPECTED, type SeedItem } from './plan-1953-expected.fixtures.js';
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
/** Files in the data directory (where uploaded bodies are kept) and the import's audit lines. */
const storedFiles = () =>
  existsSync(t.config.dataDir) ? readdirSync(t.config.dataDir, { recursive: true }).length : 0;
const importAudits = async () =>
  (await t.database.db.select().from(auditLog).where(like(auditLog.action, 'plan_import.%'))).length;
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
    ['a megabyte of random bytes', () => randomBytes(1024 * 1024), 400, /Không đọc được tệp/],
    [
      'a damaged PDF',
      () => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(4096)]),
      400,
      /Tệp PDF bị hỏng hoặc không mở được/,
    ],
    [
      'UTF-8 text that is not a plan',
      () => Buffer.from('Xin chào, đây là thư mời họp.\n'),
      400,
      /Không nhận ra văn bản kế hoạch/,
    ],
  ];
  for (const [name, body, status, message] of cases) {
    it(`refuses ${name}`, async () => {
      const before = [await importCount(), storedFiles(), await importAudits()];
      const res = await upload(focal, 'ke-hoach.docx', body());
      expect(res.statusCode).toBe(status);
      expect(res.json().error.message).toMatch(message);
      expect([await importCount(), storedFiles(), await importAudits()]).toEqual(before);
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
      expect(byKey(draft, 'III-NV.1.a').duties.map((d) => [d.role, d.unit?.name])).toEqual([
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
      expect(byKey(next, 'III-NV.1.1.1').duties[0]).toMatchObject({ match: 'mapping', unit: { code: 'BT-SXD' } });
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
      expect(byKey(again, 'III-NV.1.1.1').duties[0]).toMatchObject({ match: 'mapping', unit: { code: 'BT-SXD' } });
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

describe('merging, splitting and moving items on the review screen', () => {
  it('applies the three on the version read, shows the new tree, and refuses a stale version (409) changing nothing', async () => {
    const created: PlanImportDto = (
      await focal.post('/api/v1/plan-imports', { text: fixture('ke-hoach-1953-KH-UBND-2025.txt') })
    ).json();
    const res = await focal.patch(`/api/v1/plan-imports/${created.id}`, {
      version: created.version,
      ops: [
        { op: 'mergeWithNext', key: 'IV.1.a' },
        { op: 'splitItem', key: 'II-NV.1', line: 45, label: '-' },
        { op: 'moveItem', key: 'IV.7', parentKey: 'IV.6', position: 0 },
      ],
    });
    expect(res.statusCode).toBe(200);
    const d: PlanImportDto = res.json();
    expect(d.version).toBe(created.version + 1);
    expect(d.items.filter((i) => i.parentKey === 'IV.1').map((i) => i.key)).toEqual(['IV.1.a', 'IV.1.c']);
    expect(d.items.filter((i) => i.parentKey === 'II-NV').map((i) => [i.key, i.label])).toEqual([
      ['II-NV.1', '1.'],
      ['II-NV.1@45', '-'],
      ['II-NV.2', '2.'],
    ]);
    expect(byKey(d, 'IV.7').parentKey).toBe('IV.6');
    expect(d.lines.find((l) => l.n === 45)!.itemKey).toBe('II-NV.1@45');

    const stale = await focal.patch(`/api/v1/plan-imports/${created.id}`, {
      version: created.version,
      ops: [{ op: 'mergeWithNext', key: 'III.1' }],
    });
    expect(stale.statusCode).toBe(409);
    const bad = await focal.patch(`/api/v1/plan-imports/${created.id}`, {
      version: d.version,
      ops: [{ op: 'moveItem', key: 'IV', parentKey: 'IV.2.a', position: 0 }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0]).toMatchObject({ path: 'ops.0.parentKey' });
    const after: PlanImportDto = (await focal.get(`/api/v1/plan-imports/${created.id}`)).json();
    expect(after.version).toBe(d.version);
    expect(after.items.filter((i) => i.parentKey === 'III').map((i) => i.key)).toEqual([
      'III.1',
      'III.2',
      'III.3',
      'III.4',
    ]);
  });
});

function flattenSeed(items: SeedItem[], parent: string | null = null): Array<SeedItem & { parent: string | null }> {
  return items.flatMap((i) => [{ ...i, parent }, ...flattenSeed(i.children ?? [], i.key)]);
}

describe('the seed plan, loaded at startup through the importer', () => {
  it('is in the database item by item as the hand-made seed had it: keys, parents, labels, texts, duties', async () => {
    const plans = (await focal.get('/api/v1/plans')).json().data as Array<{ id: string; number: string }>;
    const seedPlan: PlanDto = (
      await focal.get(`/api/v1/plans/${plans.find((p) => p.number === '1953/KH-UBND')!.id}`)
    ).json();
    const keyOf = new Map(seedPlan.items.map((i) => [i.id, i.key]));
    const want = flattenSeed(PLAN_1953_EXPECTED);
    expect(seedPlan.items.map((i) => i.key)).toEqual(want.map((w) => w.key));
    seedPlan.items.forEach((item, k) => {
      const w = want[k];
      expect(
        {
          parent: item.parentId ? keyOf.get(item.parentId) : null,
          label: item.label,
          kind: item.kind,
          title: item.title,
          text: item.text,
          duties: item.assignments.map((a) => `${a.role}:${a.orgUnit?.code ?? a.unitGroup}`).sort(),
        },
        w.key,
      ).toEqual({
        parent: w.parent,
        label: w.label,
        kind: w.kind,
        title: w.title ?? null,
        text: w.text ?? null,
        duties: (w.assignments ?? []).map((a) => `${a.role}:${a.unit ?? a.group}`).sort(),
      });
    });
    expect(seedPlan.scope).toMatch(/^Địa bàn tỉnh Bến Tre \(cũ\)/);
  });

  it('keeps its import, published and linked to the plan, with the SHA-256 of the issued text', async () => {
    const list = (await focal.get('/api/v1/plan-imports')).json<{ data: PlanImportDto[] }>().data;
    const seedImport = list.find((d) => d.status === 'published' && d.header.number === '1953/KH-UBND')!;
    const text = readFileSync(path.join(import.meta.dirname, '../../db/seed/data/ke-hoach-1953-KH-UBND-2025.txt'));
    expect(seedImport).toMatchObject({
      status: 'published',
      fileName: 'ke-hoach-1953-KH-UBND-2025.txt',
      sha256: createHash('sha256').update(text).digest('hex'),
      coverage: { unassigned: 0, percent: 100 },
    });
    expect(seedImport.publishedPlanId).toBeTruthy();
  });

  it('is loaded once: seeding again under the lock adds no plan and no import', async () => {
    const before = (await focal.get('/api/v1/plan-imports')).json<{ data: unknown[] }>().data.length;
    await seedReferenceData(t.database.db, importSeedPlan);
    const plans = (await focal.get('/api/v1/plans')).json().data as Array<{ number: string }>;
    expect(plans.filter((p) => p.number === '1953/KH-UBND')).toHaveLength(1);
    expect((await focal.get('/api/v1/plan-imports')).json<{ data: unknown[] }>().data).toHaveLength(before);
  });
});
