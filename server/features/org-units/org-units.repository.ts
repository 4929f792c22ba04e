import { and, asc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { OrgUnitDto } from '../../../shared/contracts/org-units.js';
import type { OrgUnitKind } from '../../../shared/domain.js';
import type { DbOrTx } from '../../db/client.js';
import { orgUnits, orgUnitSuccessions } from '../../db/schema/index.js';
import { countWhere, pageOffset, searchWhere } from '../../lib/paging.js';

export type OrgUnitRow = typeof orgUnits.$inferSelect;

export function toOrgUnitDto(u: OrgUnitRow): OrgUnitDto {
  return {
    id: u.id,
    code: u.code,
    name: u.name,
    fullName: u.fullName,
    kind: u.kind,
    parentId: u.parentId,
    validFrom: u.validFrom,
    validTo: u.validTo,
    postalCode: u.postalCode,
  };
}

/** SQL condition: the unit is valid on `date` (YYYY-MM-DD). */
export function validOn(date: string): SQL {
  return and(
    or(isNull(orgUnits.validFrom), lte(orgUnits.validFrom, date)),
    or(isNull(orgUnits.validTo), gte(orgUnits.validTo, date)),
  )!;
}

/** SQL condition: the unit is valid at some point between two dates. */
export function validDuring(from: string, to: string): SQL {
  return and(
    or(isNull(orgUnits.validFrom), lte(orgUnits.validFrom, to)),
    or(isNull(orgUnits.validTo), gte(orgUnits.validTo, from)),
  )!;
}

export async function listUnits(
  db: DbOrTx,
  q: { asOf: string; q?: string; kind?: OrgUnitKind; kinds?: OrgUnitKind[]; page: number; pageSize: number },
) {
  const where: SQL[] = [validOn(q.asOf)];
  const search = searchWhere(orgUnits.searchText, q.q);
  if (search) where.push(search);
  if (q.kind) where.push(eq(orgUnits.kind, q.kind));
  if (q.kinds) where.push(inArray(orgUnits.kind, q.kinds));
  const cond = and(...where);
  const kindOrder = sql`case ${orgUnits.kind} when 'province' then 0 when 'committee' then 1 when 'department' then 2 when 'district' then 3 when 'ward' then 4 when 'commune' then 5 else 6 end`;
  const rows = await db
    .select()
    .from(orgUnits)
    .where(cond)
    .orderBy(kindOrder, asc(orgUnits.name), asc(orgUnits.code))
    .limit(q.pageSize)
    .offset(pageOffset(q));
  return { rows, total: await countWhere(db, orgUnits, cond) };
}

export async function getUnit(db: DbOrTx, id: string) {
  const [row] = await db.select().from(orgUnits).where(eq(orgUnits.id, id));
  return row;
}

export async function listSuccessions(db: DbOrTx, unitId: string) {
  const preds = await db
    .select({ s: orgUnitSuccessions, unit: orgUnits })
    .from(orgUnitSuccessions)
    .innerJoin(orgUnits, eq(orgUnits.id, orgUnitSuccessions.predecessorId))
    .where(eq(orgUnitSuccessions.successorId, unitId))
    .orderBy(asc(orgUnits.name));
  const succs = await db
    .select({ s: orgUnitSuccessions, unit: orgUnits })
    .from(orgUnitSuccessions)
    .innerJoin(orgUnits, eq(orgUnits.id, orgUnitSuccessions.successorId))
    .where(eq(orgUnitSuccessions.predecessorId, unitId))
    .orderBy(asc(orgUnits.name));
  return { preds, succs };
}

/** All succession links, small enough (hundreds) to walk in memory. */
export async function allSuccessions(db: DbOrTx) {
  return db
    .select({ from: orgUnitSuccessions.predecessorId, to: orgUnitSuccessions.successorId })
    .from(orgUnitSuccessions);
}

/**
 * A unit and every unit it succeeded, transitively. An agency named in the plan is read as
 * the agency that took over its function (Nghị quyết 190/2025/QH15), so a duty of "Sở Tài
 * chính tỉnh Bến Tre" is a duty of "Sở Tài chính tỉnh Vĩnh Long".
 */
export async function unitWithPredecessors(db: DbOrTx, unitId: string): Promise<Set<string>> {
  const links = await allSuccessions(db);
  const result = new Set([unitId]);
  let frontier = [unitId];
  while (frontier.length) {
    const next: string[] = [];
    for (const link of links) {
      if (frontier.includes(link.to) && !result.has(link.from)) {
        result.add(link.from);
        next.push(link.from);
      }
    }
    frontier = next;
  }
  return result;
}

/**
 * The units valid on `date` that hold the function of `unitIds`: themselves if still valid,
 * otherwise their successors, transitively. Splits of a district into communes are not
 * followed: a commune does not inherit a district's named duties.
 */
export async function currentHolders(db: DbOrTx, unitIds: string[], date: string): Promise<Map<string, OrgUnitRow[]>> {
  const links = await db
    .select({
      from: orgUnitSuccessions.predecessorId,
      to: orgUnitSuccessions.successorId,
      kind: orgUnitSuccessions.kind,
    })
    .from(orgUnitSuccessions);
  const units = await db.select().from(orgUnits);
  const byId = new Map(units.map((u) => [u.id, u]));
  const isValid = (unit: OrgUnitRow) =>
    (!unit.validFrom || unit.validFrom <= date) && (!unit.validTo || unit.validTo >= date);
  const result = new Map<string, OrgUnitRow[]>();
  for (const start of unitIds) {
    const found = new Map<string, OrgUnitRow>();
    const seen = new Set<string>();
    const walk = (id: string) => {
      if (seen.has(id)) return;
      seen.add(id);
      const unit = byId.get(id);
      if (!unit) return;
      if (isValid(unit)) {
        found.set(unit.id, unit);
        return;
      }
      for (const link of links) if (link.from === id && link.kind !== 'split') walk(link.to);
    };
    walk(start);
    result.set(start, [...found.values()]);
  }
  return result;
}

/** Org unit DTOs by id: a lookup answering null for an unknown or missing id. */
export async function unitDtos(db: DbOrTx, ids: Array<string | null | undefined>) {
  const unique = [...new Set(ids.filter((x): x is string => Boolean(x)))];
  const rows = unique.length ? await db.select().from(orgUnits).where(inArray(orgUnits.id, unique)) : [];
  const byId = new Map(rows.map((r) => [r.id, toOrgUnitDto(r)]));
  return (id: string | null | undefined) => (id ? (byId.get(id) ?? null) : null);
}

/** Which of these unit ids exist. */
export async function existingUnitIds(db: DbOrTx, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(inArray(orgUnits.id, [...new Set(ids)]));
  return new Set(rows.map((r) => r.id));
}

/** Names of units by id (those not null). */
export async function unitNames(db: DbOrTx, ids: ReadonlyArray<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => x !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: orgUnits.id, name: orgUnits.fullName })
    .from(orgUnits)
    .where(inArray(orgUnits.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}
