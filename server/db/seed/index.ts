import { readFileSync } from 'node:fs';
import path from 'node:path';
import { and, asc, eq, sql } from 'drizzle-orm';
import { foldText } from '../../../shared/text.js';
import type { Db, DbOrTx } from '../client.js';
import { indicators, orgUnits, orgUnitSuccessions, plans, planTargets, planVersions } from '../schema/index.js';
import { INDICATORS } from './indicators.js';
import { PATHS } from '../../paths.js';
import { seedOrgUnits } from './org-units.js';
import { PLAN_1953, PLAN_1953_REVIEW, PLAN_1953_SOURCE, PLAN_1953_TARGETS, type SeedReviewOp } from './plan-1953.js';
import { seedSettings } from './settings.js';

/**
 * Loads a plan from its issued text through the importer (server/features/plan-import's
 * importSeedPlan, passed in by the composition root or the test harness: the seed sits below the
 * feature modules and does not import them).
 */
export type SeedPlanLoader = (
  tx: DbOrTx,
  source: { text: string; fileName: string; issuerUnitCode: string; scope: string; review: SeedReviewOp[] },
) => Promise<unknown>;

/**
 * Loads the reference data — units, indicator catalogue, the plan, the agency's settings —
 * idempotently: running it again changes nothing, and it never overwrites a plan that has been
 * amended since nor a setting changed since.
 */
export async function seedReferenceData(db: Db, loadPlan: SeedPlanLoader): Promise<void> {
  await db.transaction(async (tx) => {
    // One seeder at a time even with several app instances starting together.
    await tx.execute(sql`select pg_advisory_xact_lock(1953001)`);
    await upsertUnits(tx);
    await upsertIndicators(tx);
    await insertPlanIfMissing(tx, loadPlan);
    await insertTargetsIfMissing(tx);
    await seedSettings(tx);
  });
}

async function upsertUnits(tx: DbOrTx): Promise<Map<string, string>> {
  const { units, successions } = seedOrgUnits();
  const ids = new Map<string, string>();
  for (const u of units) {
    const values = {
      code: u.code,
      name: u.name,
      fullName: u.fullName,
      kind: u.kind,
      validFrom: u.validFrom ?? null,
      validTo: u.validTo ?? null,
      postalCode: u.postalCode ?? null,
      searchText: foldText(`${u.fullName} ${u.code}`),
    };
    const [row] = await tx
      .insert(orgUnits)
      .values(values)
      .onConflictDoUpdate({ target: orgUnits.code, set: values })
      .returning({ id: orgUnits.id });
    ids.set(u.code, row.id);
  }
  for (const u of units) {
    if (u.parentCode) {
      await tx
        .update(orgUnits)
        .set({ parentId: ids.get(u.parentCode)! })
        .where(eq(orgUnits.code, u.code));
    }
  }
  for (const s of successions) {
    await tx
      .insert(orgUnitSuccessions)
      .values({
        predecessorId: ids.get(s.from)!,
        successorId: ids.get(s.to)!,
        date: s.date,
        kind: s.kind,
        note: s.note ?? null,
      })
      .onConflictDoNothing();
  }
  return ids;
}

async function upsertIndicators(tx: DbOrTx): Promise<void> {
  let position = 0;
  for (const i of INDICATORS) {
    position += 1;
    await tx
      .insert(indicators)
      .values({
        code: i.code,
        name: i.name,
        nameEn: i.nameEn,
        unit: i.unit,
        valueType: i.valueType,
        byWasteStream: i.byWasteStream ?? false,
        isRequired: i.isRequired ?? false,
        min: i.min ?? null,
        max: i.max ?? null,
        position,
        planItemKeys: i.planItemKeys,
      })
      .onConflictDoNothing();
  }
}

async function insertPlanIfMissing(tx: DbOrTx, loadPlan: SeedPlanLoader): Promise<void> {
  const existing = await tx.select({ id: plans.id }).from(plans).where(eq(plans.number, PLAN_1953.number));
  if (existing.length > 0) return;
  await loadPlan(tx, {
    text: readFileSync(path.join(PATHS.seedData, PLAN_1953_SOURCE), 'utf8'),
    fileName: PLAN_1953_SOURCE,
    issuerUnitCode: PLAN_1953.issuerUnitCode,
    scope: PLAN_1953.scope,
    review: PLAN_1953_REVIEW,
  });
}

/**
 * The targets the plan carries from national decisions (PLAN_1953_TARGETS), put on version 1.
 * A database made before targets existed gets them on every later version as well; once version 1
 * has a target, nothing is added again, so a target an amendment removed stays removed.
 */
async function insertTargetsIfMissing(tx: DbOrTx): Promise<void> {
  const [plan] = await tx.select({ id: plans.id }).from(plans).where(eq(plans.number, PLAN_1953.number));
  if (!plan) return;
  const versions = await tx
    .select({ id: planVersions.id, number: planVersions.number })
    .from(planVersions)
    .where(eq(planVersions.planId, plan.id))
    .orderBy(asc(planVersions.number));
  const first = versions.find((v) => v.number === 1);
  if (!first) return;
  for (const [i, target] of PLAN_1953_TARGETS.entries()) {
    const [present] = await tx
      .select({ id: planTargets.id })
      .from(planTargets)
      .where(and(eq(planTargets.versionId, first.id), eq(planTargets.indicatorCode, target.indicatorCode)));
    if (present) continue;
    for (const version of versions) {
      await tx
        .insert(planTargets)
        .values({ ...target, versionId: version.id, position: i + 1 })
        .onConflictDoNothing();
    }
  }
}

/** The id of a unit by its code, for tests and demo data. */
export async function unitIdByCode(db: DbOrTx, code: string): Promise<string> {
  const [row] = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.code, code)));
  if (!row) throw new Error(`unknown unit code ${code}`);
  return row.id;
}
