import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { ListRecordsQuery } from '../../../shared/contracts/registry-records.js';
import type { DbOrTx } from '../../db/client.js';
import { enterprises, orgUnits, registryAttachments, registryRecords } from '../../db/schema/index.js';
import { validOn } from '../org-units/index.js';
import { countWhere, pageOffset, searchWhere } from '../../lib/paging.js';
import { auditHistory } from '../../lib/audit.js';

export type RecordRow = typeof registryRecords.$inferSelect;
export type RecordInsert = typeof registryRecords.$inferInsert;
export type ListFilters = Pick<ListRecordsQuery, 'kind' | 'q' | 'unitId' | 'year' | 'from' | 'to'>;

/** Records whose [occurred_on, ended_on] meets the window [from, to] (dates, both ends included). */
export function meetsWindow(from: string, to: string): SQL {
  return sql`${registryRecords.occurredOn} <= ${to}::date and coalesce(${registryRecords.endedOn}, ${registryRecords.occurredOn}) >= ${from}::date`;
}

export function listWhere(q: ListFilters): SQL {
  const where: SQL[] = [eq(registryRecords.kind, q.kind)];
  const search = searchWhere(registryRecords.searchText, q.q);
  if (search) where.push(search);
  if (q.unitId) where.push(eq(registryRecords.unitId, q.unitId));
  if (q.year !== undefined) where.push(meetsWindow(`${q.year}-01-01`, `${q.year}-12-31`));
  if (q.from || q.to) where.push(meetsWindow(q.from ?? '2000-01-01', q.to ?? '2100-12-31'));
  return and(...where)!;
}

const SORT = {
  date: registryRecords.occurredOn,
  title: registryRecords.title,
  unit: orgUnits.name,
  updatedAt: registryRecords.updatedAt,
} as const;

/**
 * One page of a registry with the reporting unit's name, and the total: one statement (the total
 * by `count(*) over ()`); only a page past the end asks the total separately.
 */
export async function listRecords(db: DbOrTx, q: ListRecordsQuery) {
  const where = listWhere(q);
  const column = SORT[q.sort];
  const order = q.dir === 'desc' ? sql`${column} desc nulls last` : sql`${column} asc nulls last`;
  const rows = await db
    .select({ row: registryRecords, unitName: orgUnits.fullName, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(registryRecords)
    .leftJoin(orgUnits, eq(orgUnits.id, registryRecords.unitId))
    .where(where)
    .orderBy(order, asc(registryRecords.id))
    .limit(q.pageSize)
    .offset(pageOffset(q));
  if (rows.length > 0 || q.page === 1) return { rows, total: rows[0]?.total ?? 0 };
  return { rows, total: await countWhere(db, registryRecords, where) };
}

/** Every record matching the filters (the export), oldest first. */
export async function allRecords(db: DbOrTx, q: ListFilters) {
  return db
    .select({ row: registryRecords, unitCode: orgUnits.code, unitName: orgUnits.fullName })
    .from(registryRecords)
    .leftJoin(orgUnits, eq(orgUnits.id, registryRecords.unitId))
    .where(listWhere(q))
    .orderBy(asc(registryRecords.occurredOn), asc(registryRecords.createdAt), asc(registryRecords.id));
}

export async function getRecord(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ row: registryRecords, unitName: orgUnits.fullName })
    .from(registryRecords)
    .leftJoin(orgUnits, eq(orgUnits.id, registryRecords.unitId))
    .where(eq(registryRecords.id, id));
  return row;
}

export async function getRecords(db: DbOrTx, ids: string[]): Promise<RecordRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(registryRecords).where(inArray(registryRecords.id, ids));
}

export async function insertRecord(db: DbOrTx, values: RecordInsert): Promise<RecordRow> {
  const [row] = await db.insert(registryRecords).values(values).returning();
  return row;
}

/** Updates the record when its version is still `version`; undefined when it moved on. */
export async function updateRecord(db: DbOrTx, id: string, version: number, values: Partial<RecordInsert>) {
  const [row] = await db
    .update(registryRecords)
    .set({ ...values, version: version + 1 })
    .where(and(eq(registryRecords.id, id), eq(registryRecords.version, version)))
    .returning();
  return row;
}

/** The audit-log lines of one record, oldest first. */
export const listHistory = auditHistory;

/** Enterprise names by tax code (those registered). */
export async function enterpriseNames(db: DbOrTx, taxCodes: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(taxCodes)];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ taxCode: enterprises.taxCode, name: enterprises.name })
    .from(enterprises)
    .where(inArray(enterprises.taxCode, wanted));
  return new Map(rows.map((r) => [r.taxCode, r.name]));
}

export { unitNames } from '../org-units/index.js';

/** A unit by id or code, valid or not (the reporting unit named by the focal department or a sheet). */
export async function unitsByCode(db: DbOrTx, codes: string[]) {
  if (codes.length === 0) return [];
  return db
    .select({ id: orgUnits.id, code: orgUnits.code, name: orgUnits.fullName })
    .from(orgUnits)
    .where(inArray(orgUnits.code, [...new Set(codes)]));
}

export async function unitExists(db: DbOrTx, id: string): Promise<boolean> {
  const [row] = await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.id, id));
  return Boolean(row);
}

// Evidence files ------------------------------------------------------------------------------

export type EvidenceRow = typeof registryAttachments.$inferSelect;

export async function listEvidence(db: DbOrTx, owner: { recordId?: string; enterpriseId?: string }) {
  return db
    .select()
    .from(registryAttachments)
    .where(
      owner.recordId
        ? eq(registryAttachments.recordId, owner.recordId)
        : eq(registryAttachments.enterpriseId, owner.enterpriseId!),
    )
    .orderBy(desc(registryAttachments.uploadedAt), asc(registryAttachments.id));
}

export async function insertEvidence(db: DbOrTx, values: typeof registryAttachments.$inferInsert) {
  const [row] = await db.insert(registryAttachments).values(values).returning();
  return row;
}

export async function getEvidence(db: DbOrTx, id: string) {
  const [row] = await db.select().from(registryAttachments).where(eq(registryAttachments.id, id));
  return row;
}

export async function deleteEvidence(db: DbOrTx, id: string) {
  await db.delete(registryAttachments).where(eq(registryAttachments.id, id));
}

/** The xã/phường among `ids` valid on `date`, with their names. */
export async function communesValidOn(db: DbOrTx, ids: string[], date: string): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: orgUnits.id, name: orgUnits.fullName })
    .from(orgUnits)
    .where(and(inArray(orgUnits.id, [...new Set(ids)]), inArray(orgUnits.kind, ['commune', 'ward']), validOn(date)));
  return new Map(rows.map((r) => [r.id, r.name]));
}
