import { and, asc, desc, eq, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { ListActivitiesQuery } from '../../../shared/contracts/activities.js';
import type { DbOrTx } from '../../db/client.js';
import {
  activities,
  activityFiles,
  activityNotes,
  detailedPlans,
  orgUnits,
  plans,
  users,
} from '../../db/schema/index.js';
import { countWhere, ordered, pageOffset, searchWhere } from '../../lib/paging.js';
import { auditHistory } from '../../lib/audit.js';

export type ActivityRow = typeof activities.$inferSelect;
export type ActivityInsert = typeof activities.$inferInsert;
export type DetailedPlanRow = typeof detailedPlans.$inferSelect;

/** The plan units implement: the first by date, as the client's plan page shows it. */
export async function mainPlanId(db: DbOrTx): Promise<string | undefined> {
  const [row] = await db.select({ id: plans.id }).from(plans).orderBy(asc(plans.date)).limit(1);
  return row?.id;
}

/** Overdue on `today` (a Vietnamese calendar day): period over, neither done nor cancelled. */
export function overdueOn(today: string): SQL {
  return sql`(${activities.periodEnd} < ${today} and ${activities.status} not in ('done', 'cancelled'))`;
}

export async function insertActivity(db: DbOrTx, values: ActivityInsert): Promise<ActivityRow> {
  const [row] = await db.insert(activities).values(values).returning();
  return row;
}

export async function getActivity(db: DbOrTx, id: string): Promise<ActivityRow | undefined> {
  const [row] = await db.select().from(activities).where(eq(activities.id, id));
  return row;
}

/** Updates the activity when its version is still `version`; undefined when it moved on. */
export async function updateActivity(db: DbOrTx, id: string, version: number, values: Partial<ActivityInsert>) {
  const [row] = await db
    .update(activities)
    .set({ ...values, version: version + 1 })
    .where(and(eq(activities.id, id), eq(activities.version, version)))
    .returning();
  return row;
}

/** Who may see which rows: every row (focal, leaders), or a unit's own and those it coordinates. */
export interface ListScope {
  unitId: string | null;
  /** With a unit: only the activities it is responsible for. */
  mine: boolean;
}

function listWhere(q: ListActivitiesQuery, scope: ListScope, today: string): SQL | undefined {
  const where: SQL[] = [];
  if (scope.unitId) {
    const own = eq(activities.orgUnitId, scope.unitId);
    where.push(scope.mine ? own : or(own, sql`${activities.coordinatingUnitIds} @> ARRAY[${scope.unitId}]::uuid[]`)!);
  }
  const search = searchWhere(activities.searchText, q.q);
  if (search) where.push(search);
  if (q.orgUnitId) where.push(eq(activities.orgUnitId, q.orgUnitId));
  if (q.status) where.push(eq(activities.status, q.status));
  if (q.planId) where.push(eq(activities.planId, q.planId));
  if (q.planItemKey) where.push(sql`${activities.planItemKeys} @> ARRAY[${q.planItemKey}]::text[]`);
  if (q.year !== undefined) where.push(eq(activities.periodYear, q.year));
  if (q.overdue === 'true') where.push(overdueOn(today));
  if (q.overdue === 'false') where.push(sql`not ${overdueOn(today)}`);
  return where.length ? and(...where) : undefined;
}

const STATUS_ORDER = sql`array_position(array['not_started','in_progress','paused','done','cancelled'], ${activities.status})`;

const SORT_COLUMNS: Record<ListActivitiesQuery['sort'], SQL.Aliased | SQL | AnyPgColumn> = {
  title: activities.title,
  unit: orgUnits.name,
  status: STATUS_ORDER,
  planItem: sql`${activities.planItemKeys}[1]`,
  updatedAt: activities.updatedAt,
  budget: activities.budget,
  period: activities.periodEnd,
};

function sortColumn(sort: ListActivitiesQuery['sort']) {
  return SORT_COLUMNS[sort];
}

const listColumns = (today: string) => ({
  row: activities,
  unitName: orgUnits.fullName,
  overdue: sql<boolean>`${overdueOn(today)}`,
  noteCount: sql<number>`(select count(*)::int from ${activityNotes} n where n.activity_id = ${activities.id})`,
});

/** One page of activities with the responsible unit's name, the overdue flag and the total. */
export async function listActivities(db: DbOrTx, q: ListActivitiesQuery, scope: ListScope, today: string) {
  const where = listWhere(q, scope, today);
  const column = sortColumn(q.sort);
  const rows = await db
    .select(listColumns(today))
    .from(activities)
    .innerJoin(orgUnits, eq(orgUnits.id, activities.orgUnitId))
    .where(where)
    .orderBy(ordered(column, q.dir), asc(activities.title), asc(activities.id))
    .limit(q.pageSize)
    .offset(pageOffset(q));
  const total = await countWhere(db, activities, where);
  return { rows, total };
}

/** Every activity matching the filters (the Excel export), in the list's order. */
export async function allActivities(db: DbOrTx, q: ListActivitiesQuery, scope: ListScope, today: string) {
  const column = sortColumn(q.sort);
  return db
    .select(listColumns(today))
    .from(activities)
    .innerJoin(orgUnits, eq(orgUnits.id, activities.orgUnitId))
    .where(listWhere(q, scope, today))
    .orderBy(q.dir === 'desc' ? desc(column) : asc(column), asc(activities.title), asc(activities.id));
}

export async function insertNote(db: DbOrTx, values: typeof activityNotes.$inferInsert) {
  const [row] = await db.insert(activityNotes).values(values).returning();
  return row;
}

export async function insertFile(db: DbOrTx, values: typeof activityFiles.$inferInsert) {
  const [row] = await db.insert(activityFiles).values(values).returning();
  return row;
}

export async function getFile(db: DbOrTx, activityId: string, fileId: string) {
  const [row] = await db
    .select()
    .from(activityFiles)
    .where(and(eq(activityFiles.id, fileId), eq(activityFiles.activityId, activityId)));
  return row;
}

/** An activity's progress notes, newest date first, with their files and author. */
export async function listNotes(db: DbOrTx, activityId: string) {
  const notes = await db
    .select({ note: activityNotes, author: users.name })
    .from(activityNotes)
    .leftJoin(users, eq(users.id, activityNotes.createdBy))
    .where(eq(activityNotes.activityId, activityId))
    .orderBy(desc(activityNotes.date), desc(activityNotes.createdAt));
  const files = await db
    .select()
    .from(activityFiles)
    .where(eq(activityFiles.activityId, activityId))
    .orderBy(asc(activityFiles.uploadedAt));
  return notes.map((n) => ({ ...n, files: files.filter((f) => f.noteId === n.note.id) }));
}

/** The audit-log lines of one activity, oldest first: its history. */
export const listHistory = (db: DbOrTx, activityId: string) => auditHistory(db, 'activity', activityId);

export { unitNames } from '../org-units/index.js';

/**
 * Marks the overdue activities not yet notified as notified, and answers them: the UPDATE claims
 * each row once, so a second run, or a second instance, finds nothing.
 */
export async function claimOverdue(db: DbOrTx, today: string, at: Date) {
  return db
    .update(activities)
    .set({ overdueNotifiedAt: at })
    .where(and(overdueOn(today), isNull(activities.overdueNotifiedAt)))
    .returning({
      id: activities.id,
      orgUnitId: activities.orgUnitId,
      title: activities.title,
      periodKind: activities.periodKind,
      periodYear: activities.periodYear,
      periodNumber: activities.periodNumber,
    });
}

/** The unit's activities planned in the window, or with a progress note dated in it. */
export async function activitiesInWindow(db: DbOrTx, unitId: string, from: string, to: string) {
  const rows = await db
    .select()
    .from(activities)
    .where(
      and(
        eq(activities.orgUnitId, unitId),
        or(
          and(lte(activities.periodStart, to), sql`${activities.periodEnd} >= ${from}`),
          sql`exists (select 1 from ${activityNotes} n where n.activity_id = ${activities.id} and n.date between ${from} and ${to})`,
        ),
      ),
    )
    .orderBy(asc(activities.periodStart), asc(activities.title));
  const ids = rows.map((r) => r.id);
  const notes = ids.length
    ? await db
        .select()
        .from(activityNotes)
        .where(and(inArray(activityNotes.activityId, ids), sql`${activityNotes.date} between ${from} and ${to}`))
        .orderBy(asc(activityNotes.date), asc(activityNotes.createdAt))
    : [];
  return rows.map((r) => ({ row: r, notes: notes.filter((n) => n.activityId === r.id) }));
}

// ---- Detailed plans ----

export async function getDetailedPlan(db: DbOrTx, orgUnitId: string, planId: string) {
  const [row] = await db
    .select()
    .from(detailedPlans)
    .where(and(eq(detailedPlans.orgUnitId, orgUnitId), eq(detailedPlans.planId, planId)));
  return row;
}

export async function getDetailedPlanById(db: DbOrTx, id: string) {
  const [row] = await db.select().from(detailedPlans).where(eq(detailedPlans.id, id));
  return row;
}

export async function listDetailedPlans(db: DbOrTx, planId: string) {
  return db
    .select({ row: detailedPlans, unitName: orgUnits.fullName })
    .from(detailedPlans)
    .innerJoin(orgUnits, eq(orgUnits.id, detailedPlans.orgUnitId))
    .where(eq(detailedPlans.planId, planId))
    .orderBy(asc(orgUnits.name));
}

/** Inserts the unit's record unless it exists (the unique index decides); undefined when it did. */
export async function insertDetailedPlan(db: DbOrTx, values: typeof detailedPlans.$inferInsert) {
  const [row] = await db
    .insert(detailedPlans)
    .values(values)
    .onConflictDoNothing({ target: [detailedPlans.orgUnitId, detailedPlans.planId] })
    .returning();
  return row;
}

export async function updateDetailedPlan(
  db: DbOrTx,
  id: string,
  version: number,
  values: Partial<typeof detailedPlans.$inferInsert>,
) {
  const [row] = await db
    .update(detailedPlans)
    .set({ ...values, version: version + 1 })
    .where(and(eq(detailedPlans.id, id), eq(detailedPlans.version, version)))
    .returning();
  return row;
}

/**
 * KH-00 per unit: 1 when the unit's detailed plan, or one of the programmes it folded the work
 * into, is dated on or before `to`; 0 for a unit whose record has no such date yet.
 */
export async function detailedPlanIssued(db: DbOrTx, to: string, unitIds?: string[]) {
  const issued = sql<boolean>`(
    (${detailedPlans.kind} = 'document' and ${detailedPlans.documentDate} <= ${to})
    or (${detailedPlans.kind} = 'programmes' and exists (
      select 1 from jsonb_array_elements(${detailedPlans.programmes}) p where (p->>'documentDate') <= ${to}
    ))
  )`;
  return db
    .select({ orgUnitId: detailedPlans.orgUnitId, issued: sql<boolean>`bool_or(${issued})` })
    .from(detailedPlans)
    .where(unitIds ? inArray(detailedPlans.orgUnitId, unitIds) : undefined)
    .groupBy(detailedPlans.orgUnitId);
}
