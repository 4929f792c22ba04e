import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ListEnterprisesQuery } from '../../../shared/contracts/registries.js';
import type { DbOrTx } from '../../db/client.js';
import { enterpriseObservations, enterprises, orgUnits } from '../../db/schema/index.js';
import { validOn } from '../org-units/index.js';
import { countWhere, ordered, pageOffset, searchWhere } from '../../lib/paging.js';
import { auditHistory } from '../../lib/audit.js';

export type EnterpriseRow = typeof enterprises.$inferSelect;
export type EnterpriseInsert = typeof enterprises.$inferInsert;

const commune = alias(orgUnits, 'commune');
const reporter = alias(orgUnits, 'reporter');

/** Inserts the enterprise unless its tax code exists (the unique index decides, also under a race). */
export async function insertIfNew(db: DbOrTx, values: EnterpriseInsert): Promise<EnterpriseRow | undefined> {
  const [row] = await db
    .insert(enterprises)
    .values(values)
    .onConflictDoNothing({ target: enterprises.taxCode })
    .returning();
  return row;
}

export async function getEnterprise(db: DbOrTx, id: string): Promise<EnterpriseRow | undefined> {
  const [row] = await db.select().from(enterprises).where(eq(enterprises.id, id));
  return row;
}

export async function getByTaxCode(db: DbOrTx, taxCode: string): Promise<EnterpriseRow | undefined> {
  const [row] = await db.select().from(enterprises).where(eq(enterprises.taxCode, taxCode));
  return row;
}

export async function getByTaxCodes(db: DbOrTx, taxCodes: string[]): Promise<EnterpriseRow[]> {
  if (taxCodes.length === 0) return [];
  return db.select().from(enterprises).where(inArray(enterprises.taxCode, taxCodes));
}

/** Updates the record when its version is still `version`; undefined when it moved on. */
export async function updateEnterprise(
  db: DbOrTx,
  id: string,
  version: number,
  values: Partial<EnterpriseInsert>,
): Promise<EnterpriseRow | undefined> {
  const [row] = await db
    .update(enterprises)
    .set({ ...values, version: version + 1 })
    .where(and(eq(enterprises.id, id), eq(enterprises.version, version)))
    .returning();
  return row;
}

type ListFilters = Pick<ListEnterprisesQuery, 'q' | 'communeId' | 'industrialYear'> & { reportedBy?: string };

function listWhere(q: ListFilters): SQL | undefined {
  const where: SQL[] = [];
  const search = searchWhere(enterprises.searchText, q.q);
  if (search) where.push(search);
  if (q.communeId) where.push(eq(enterprises.communeId, q.communeId));
  if (q.industrialYear !== undefined)
    where.push(sql`${enterprises.industrialYears} @> ARRAY[${q.industrialYear}]::integer[]`);
  if (q.reportedBy)
    where.push(
      sql`(${enterprises.reportingUnitId} = ${q.reportedBy} or exists (select 1 from ${enterpriseObservations} o where o.enterprise_id = ${enterprises.id} and o.org_unit_id = ${q.reportedBy}))`,
    );
  return where.length ? and(...where) : undefined;
}

const SORT_COLUMNS = {
  name: enterprises.name,
  taxCode: enterprises.taxCode,
  updatedAt: enterprises.updatedAt,
  commune: commune.name,
} as const;

/** One page of the registry with the names of the commune and the reporting unit, and the total. */
export async function listEnterprises(db: DbOrTx, q: ListEnterprisesQuery) {
  const where = listWhere(q);
  const column = SORT_COLUMNS[q.sort];
  const rows = await db
    .select({
      row: enterprises,
      communeName: commune.fullName,
      reporterName: reporter.name,
      observationCount: sql<number>`(select count(*)::int from ${enterpriseObservations} o where o.enterprise_id = ${enterprises.id})`,
    })
    .from(enterprises)
    .leftJoin(commune, eq(commune.id, enterprises.communeId))
    .leftJoin(reporter, eq(reporter.id, enterprises.reportingUnitId))
    .where(where)
    .orderBy(ordered(column, q.dir), asc(enterprises.taxCode))
    .limit(q.pageSize)
    .offset(pageOffset(q));
  const total = await countWhere(db, enterprises, where);
  return { rows, total };
}

/** Every record matching the filters, in tax-code order (the export). */
export async function allEnterprises(db: DbOrTx, q: ListFilters) {
  return db.select().from(enterprises).where(listWhere(q)).orderBy(asc(enterprises.taxCode));
}

/** DN-01: distinct tax codes of enterprises producing at industrial scale in `year`. */
export async function countIndustrial(db: DbOrTx, year: number): Promise<number> {
  const [{ n }] = await db
    .select({ n: sql<number>`count(distinct ${enterprises.taxCode})::int` })
    .from(enterprises)
    .where(sql`${enterprises.industrialYears} @> ARRAY[${year}]::integer[]`);
  return n;
}

export async function insertObservation(db: DbOrTx, values: typeof enterpriseObservations.$inferInsert) {
  const [row] = await db.insert(enterpriseObservations).values(values).returning();
  return row;
}

export async function listObservations(db: DbOrTx, enterpriseId: string) {
  return db
    .select({ row: enterpriseObservations, unitName: orgUnits.fullName })
    .from(enterpriseObservations)
    .leftJoin(orgUnits, eq(orgUnits.id, enterpriseObservations.orgUnitId))
    .where(eq(enterpriseObservations.enterpriseId, enterpriseId))
    .orderBy(asc(enterpriseObservations.createdAt), asc(enterpriseObservations.id));
}

/** The audit-log lines of one record, oldest first: its history. */
export const listHistory = (db: DbOrTx, enterpriseId: string) => auditHistory(db, 'enterprise', enterpriseId);

export { unitNames } from '../org-units/index.js';

/** The xã/phường valid on `date` with this id, or undefined. */
export async function communeOn(db: DbOrTx, id: string, date: string) {
  const [row] = await db
    .select({ id: orgUnits.id, code: orgUnits.code, name: orgUnits.fullName })
    .from(orgUnits)
    .where(and(eq(orgUnits.id, id), inArray(orgUnits.kind, ['commune', 'ward']), validOn(date)));
  return row;
}

/** Every xã/phường valid on `date`, for reading imported names and codes. */
export async function communesOn(db: DbOrTx, date: string) {
  return db
    .select({ id: orgUnits.id, code: orgUnits.code, name: orgUnits.fullName })
    .from(orgUnits)
    .where(and(inArray(orgUnits.kind, ['commune', 'ward']), validOn(date)));
}
