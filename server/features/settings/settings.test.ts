import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settings } from '../../db/schema/index.js';
import agency from '../../db/seed/data/agency.json' with { type: 'json' };
import { seedReferenceData } from '../../db/seed/index.js';
import { importSeedPlan } from '../index.js';
import { buildTestApp, type TestApp } from '../../test/harness.js';
import { getAgencySettings } from './index.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t?.close());

describe('agency settings', () => {
  it('are seeded from the data file', async () => {
    const value = await getAgencySettings(t.database.db);
    expect(value).toEqual(agency);
    expect(value.focalDepartment).toEqual({ name: 'Sở Nông nghiệp và Môi trường', abbreviation: 'SNNMT' });
    expect(value.departmentAbbreviations['VL-SGDDT']).toBe('SGDĐT');
    expect(value.consolidatedReport.copyTo.at(-1)).toBe('Lưu: VT, CCBVMT.');
  });

  it('keep a value changed in the database when the seed runs again', async () => {
    const changed = { ...agency, province: 'Cần Thơ' };
    await t.database.db.update(settings).set({ value: changed }).where(eq(settings.key, 'agency'));
    await seedReferenceData(t.database.db, importSeedPlan);
    expect((await getAgencySettings(t.database.db)).province).toBe('Cần Thơ');
    const [{ n }] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(settings);
    expect(n).toBe(1);
  });

  it('refuse a stored value of the wrong shape instead of printing it in a document', async () => {
    await t.database.db
      .update(settings)
      .set({ value: { province: '' } })
      .where(eq(settings.key, 'agency'));
    await expect(getAgencySettings(t.database.db)).rejects.toThrow(/province/);
    await t.database.db.update(settings).set({ value: agency }).where(eq(settings.key, 'agency'));
  });
});
