import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDto, PlanItemDto } from '../../../shared/contracts/plans.js';
import { seedReferenceData } from '../../db/seed/index.js';
import { importSeedPlan } from '../index.js';
import { buildTestApp, type TestApp } from '../../test/harness.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const seedText = readFileSync(path.join(here, '../../db/seed/data/ke-hoach-1953-KH-UBND-2025.txt'), 'utf8');

let t: TestApp;
let plan: PlanDto;
beforeAll(async () => {
  t = await buildTestApp();
  const c = await t.loginAs('leader');
  const list = (await c.get('/api/v1/plans')).json();
  plan = (await c.get(`/api/v1/plans/${list.data[0].id}`)).json();
});
afterAll(async () => t?.close());

const words = (s: string, n: number) => s.trim().split(/\s+/).slice(0, n).join(' ');

describe('the plan as data', () => {
  it('is the plan record with its legal bases, signer and recipients', () => {
    expect(plan).toMatchObject({ number: '1953/KH-UBND', date: '2025-03-27', version: 1 });
    expect(plan.scope).toMatch(/Bến Tre \(cũ\)/);
    expect(plan.legalBases).toHaveLength(4);
    expect(plan.legalBases[3]).toContain('1639/QĐ-TTg');
    expect(plan.signer).toEqual({
      authority: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
      name: 'Nguyễn Minh Cảnh',
    });
    expect(plan.recipients.at(-1)).toBe('Lưu: VT, NTH.');
  });

  it('keeps section "II." twice, as issued', () => {
    const top = plan.items.filter((i) => i.parentId === null).map((i) => `${i.label} ${i.title}`);
    expect(top).toEqual([
      'I. ĐỐI TƯỢNG, PHẠM VI',
      'II. MỤC TIÊU',
      'II. NHIỆM VỤ KẾ HOẠCH',
      'III. GIẢI PHÁP CHỦ YẾU',
      'IV. TỔ CHỨC THỰC HIỆN',
    ]);
  });

  it('matches the seed text item for item: every numbered heading and every dash line, in order', () => {
    const body = seedText.slice(seedText.indexOf('I. ĐỐI TƯỢNG'), seedText.indexOf('Trong quá trình thực hiện'));
    const lines = body
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    const expected = lines
      .map((l) => l.match(/^((?:I|II|III|IV)\.|\d\.|-)\s+(.*)$/))
      .filter((m): m is RegExpMatchArray => Boolean(m))
      .map((m) => ({ label: m[1], first: words(m[2], 4) }));
    const actual = plan.items.map((i) => ({ label: i.label, first: words(i.title ?? i.text ?? '', 4) }));
    expect(expected.length).toBe(29);
    expect(actual).toEqual(expected);
    // Every paragraph of the text is somewhere in the items.
    const all = plan.items.map((i) => `${i.title ?? ''}\n${i.text ?? ''}`).join('\n');
    for (const line of lines.filter((l) => !/^((?:I|II|III|IV)\.|\d\.|-)\s/.test(l))) expect(all).toContain(line);
  });

  it('names the responsible units, lead or coordinating, and the groups of IV.1 and IV.7', () => {
    const byKey = (k: string) => plan.items.find((i) => i.key === k) as PlanItemDto;
    const iv4 = byKey('IV.4');
    expect(iv4.assignments.find((a) => a.role === 'lead')?.orgUnit?.fullName).toBe('Sở Tài chính tỉnh Bến Tre');
    expect(iv4.assignments[0].currentUnits.map((u) => u.fullName)).toEqual(['Sở Tài chính tỉnh Vĩnh Long']);
    expect(byKey('IV.1.c').assignments).toEqual([
      expect.objectContaining({ unitGroup: 'departments_and_localities', role: 'lead' }),
    ]);
    expect(byKey('IV.7').assignments[0].unitGroup).toBe('enterprises_and_organisations');
    const iv5 = byKey('IV.5').assignments;
    expect(iv5.find((a) => a.role === 'lead')?.orgUnit?.code).toBe('BT-SGDDT');
    expect(iv5.some((a) => a.role === 'coordinate' && a.orgUnit?.code === 'BT-SNNMT')).toBe(true);
  });

  it('loads idempotently', async () => {
    await seedReferenceData(t.database.db, importSeedPlan);
    const c = await t.loginAs('leader');
    const again = (await c.get(`/api/v1/plans/${plan.id}`)).json<PlanDto>();
    expect(again.items).toHaveLength(plan.items.length);
    const units = (await c.get('/api/v1/org-units?asOf=2026-01-15&pageSize=200')).json();
    expect(units.data.filter((u: { kind: string }) => u.kind === 'commune' || u.kind === 'ward')).toHaveLength(48);
  });

  it('finds items without diacritics, by text and by responsible unit', async () => {
    const c = await t.loginAs('focal');
    const xl = (await c.get(`/api/v1/plans/${plan.id}/items?q=xu ly chat thai`)).json().data as PlanItemDto[];
    expect(xl.length).toBeGreaterThan(0);
    expect(xl.every((i) => /xử lý chất thải/i.test(`${i.title} ${i.text}`))).toBe(true);
    const stc = (await c.get(`/api/v1/plans/${plan.id}/items?q=so tai chinh`)).json().data as PlanItemDto[];
    expect(stc.map((i) => i.key)).toContain('IV.4');
  });

  it('marks a unit officer’s own tasks, through succession and groups', async () => {
    const stc = await t.loginAs('unit', { unitCode: 'VL-STC' });
    const mine = (await stc.get(`/api/v1/plans/${plan.id}/items?mine=true`)).json().data as PlanItemDto[];
    expect(mine.map((i) => i.key)).toEqual(expect.arrayContaining(['IV.4', 'III.2', 'IV.1.c']));
    expect(mine.map((i) => i.key)).not.toContain('IV.3.b');
    const xa = await t.loginAs('unit', { unitCode: '28807' });
    const xaMine = (await xa.get(`/api/v1/plans/${plan.id}/items?mine=true`)).json().data as PlanItemDto[];
    expect(xaMine.map((i) => i.key)).toEqual(expect.arrayContaining(['IV.1.a', 'IV.1.b', 'IV.1.c']));
    expect(xaMine.map((i) => i.key)).not.toContain('IV.5');
  });

  it('is readable by the public without an account, with no unit marked as "mine"', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/public/plan' });
    expect(res.statusCode).toBe(200);
    const pub = res.json<PlanDto>();
    expect(pub.number).toBe('1953/KH-UBND');
    expect(pub.items).toHaveLength(plan.items.length);
    expect(pub.items.some((i) => i.isMine)).toBe(false);
    // The signed-in routes still need an account.
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/plans/${plan.id}` })).statusCode).toBe(401);
  });

  it('answers 404 for an unknown plan or version, 400 for a bad id', async () => {
    const c = await t.loginAs('leader');
    expect((await c.get('/api/v1/plans/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await c.get(`/api/v1/plans/${plan.id}?version=9`)).statusCode).toBe(404);
    expect((await c.get('/api/v1/plans/abc')).statusCode).toBe(400);
  });
});
