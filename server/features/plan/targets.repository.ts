import { asc, eq } from 'drizzle-orm';
import type { TargetDefinition } from '../../../shared/targets.js';
import type { DbOrTx } from '../../db/client.js';
import { indicators, planTargets } from '../../db/schema/index.js';

/** A target of a version with its indicator's names and unit. */
export interface TargetRow extends TargetDefinition {
  indicatorCode: string;
  indicatorName: string;
  indicatorNameEn: string;
  indicatorUnit: string;
}

/** The targets of a version, in their order. */
export async function loadTargets(db: DbOrTx, versionId: string): Promise<TargetRow[]> {
  const rows = await db
    .select({ t: planTargets, name: indicators.name, nameEn: indicators.nameEn, unit: indicators.unit })
    .from(planTargets)
    .innerJoin(indicators, eq(indicators.code, planTargets.indicatorCode))
    .where(eq(planTargets.versionId, versionId))
    .orderBy(asc(planTargets.position), asc(planTargets.indicatorCode));
  return rows.map(({ t, name, nameEn, unit }) => ({
    indicatorCode: t.indicatorCode,
    indicatorName: name,
    indicatorNameEn: nameEn,
    indicatorUnit: unit,
    baselineYear: t.baselineYear,
    baselineValue: t.baselineValue,
    targetYear: t.targetYear,
    targetValue: t.targetValue,
    changeKind: t.changeKind,
    changeAmount: t.changeAmount,
    direction: t.direction,
    source: t.source,
  }));
}

/** Writes a version's targets (a new version's full copy). */
export async function insertTargets(
  db: DbOrTx,
  versionId: string,
  targets: Array<TargetDefinition & { indicatorCode: string }>,
): Promise<void> {
  if (targets.length === 0) return;
  await db.insert(planTargets).values(
    targets.map((t, i) => ({
      versionId,
      indicatorCode: t.indicatorCode,
      baselineYear: t.baselineYear,
      baselineValue: t.baselineValue,
      targetYear: t.targetYear,
      targetValue: t.targetValue,
      changeKind: t.changeKind,
      changeAmount: t.changeAmount,
      direction: t.direction,
      source: t.source,
      position: i + 1,
    })),
  );
}

/** Names and units of catalogue indicators by code (the ones that exist). */
export async function indicatorNames(db: DbOrTx): Promise<Map<string, { name: string; nameEn: string; unit: string }>> {
  const rows = await db
    .select({ code: indicators.code, name: indicators.name, nameEn: indicators.nameEn, unit: indicators.unit })
    .from(indicators);
  return new Map(rows.map((r) => [r.code, r]));
}
