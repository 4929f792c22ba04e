import { and, asc, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { AuditFilter } from '../../../shared/contracts/audit.js';
import { escapeLike, foldText } from '../../../shared/text.js';
import type { DbOrTx } from '../../db/client.js';
import { auditLog, users } from '../../db/schema/index.js';

const DAY_MS = 86_400_000;
/** The first instant of a Vietnamese calendar day (UTC+7). */
const startOfVietnamDay = (date: string) => new Date(`${date}T00:00:00+07:00`);

function conditions(filter: Omit<AuditFilter, 'order'>): SQL | undefined {
  const where: SQL[] = [];
  if (filter.user) {
    const pattern = `%${escapeLike(foldText(filter.user))}%`;
    where.push(sql`(lower(${auditLog.actorEmail}) like ${pattern} or ${users.searchText} like ${pattern})`);
  }
  if (filter.entityType) where.push(eq(auditLog.entityType, filter.entityType));
  if (filter.entityId) where.push(eq(auditLog.entityId, filter.entityId));
  if (filter.action) where.push(eq(auditLog.action, filter.action));
  if (filter.from) where.push(gte(auditLog.at, startOfVietnamDay(filter.from)));
  if (filter.to) where.push(lt(auditLog.at, new Date(startOfVietnamDay(filter.to).getTime() + DAY_MS)));
  return where.length ? and(...where) : undefined;
}

const columns = {
  id: auditLog.id,
  at: auditLog.at,
  actorId: auditLog.actorId,
  actorEmail: auditLog.actorEmail,
  actorName: users.name,
  action: auditLog.action,
  entityType: auditLog.entityType,
  entityId: auditLog.entityId,
  requestId: auditLog.requestId,
  data: auditLog.data,
};

export type AuditRow = {
  id: number;
  at: Date;
  actorId: string | null;
  actorEmail: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  requestId: string | null;
  data: unknown;
};

/** A page of the log, filtered, by date (id breaks ties in the same order). */
export async function listEntries(
  db: DbOrTx,
  filter: AuditFilter,
  page: { limit: number; offset: number },
): Promise<AuditRow[]> {
  const dir = filter.order === 'asc' ? asc : desc;
  return db
    .select(columns)
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(conditions(filter))
    .orderBy(dir(auditLog.at), dir(auditLog.id))
    .limit(page.limit)
    .offset(page.offset);
}

export async function countEntries(db: DbOrTx, filter: AuditFilter): Promise<number> {
  const [{ n }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(conditions(filter));
  return n;
}

/** The distinct actions and object types in the log. */
export async function facets(db: DbOrTx): Promise<{ actions: string[]; entityTypes: string[] }> {
  const [actions, types] = await Promise.all([
    db.selectDistinct({ v: auditLog.action }).from(auditLog).orderBy(auditLog.action),
    db.selectDistinct({ v: auditLog.entityType }).from(auditLog).orderBy(auditLog.entityType),
  ]);
  return { actions: actions.map((r) => r.v), entityTypes: types.map((r) => r.v) };
}
