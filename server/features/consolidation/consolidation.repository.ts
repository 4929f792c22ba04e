import { WASTE_STREAMS } from '../../../shared/domain.js';
import { and, asc, desc, eq, inArray, gte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { derivationFor } from '../../lib/derivations.js';
import {
  consolidationDrafts,
  consolidationParagraphs,
  generatedDocuments,
  jobs,
  orgUnits,
  planItems,
  users,
} from '../../db/schema/index.js';
import {
  compilingAgencyUnits,
  cycleById,
  expectedUnitsOf,
  lastYearValues,
  listCompilableReports,
} from '../reporting/index.js';
import { getAgencySettings } from '../settings/index.js';
import type { CompileInput, ProvinceFigure } from './compile.js';
import type { DraftParagraph } from './merge.js';

export type DraftRow = typeof consolidationDrafts.$inferSelect;
export type ParagraphRow = typeof consolidationParagraphs.$inferSelect;
export type DocumentRow = typeof generatedDocuments.$inferSelect;

/* ───────────────────────────── reading the cycle's data ───────────────────────────── */

/**
 * Everything a compilation reads, with no transaction: the cycle with its frozen form, the plan
 * items, and through reporting's exports the expected units, the reports it may compile and last
 * year's totals.
 */
export async function loadCompileInput(
  db: DbOrTx,
  cycleId: string,
  includeSubmitted: boolean,
  compilingAgency?: string,
): Promise<CompileInput | null> {
  const cycle = await cycleById(db, cycleId);
  if (!cycle || !cycle.planVersionId) return null;
  const indicators = cycle.form?.indicators ?? [];
  const [items, units, compilable, previous, derived] = await Promise.all([
    listPlanItems(db, cycle.planVersionId),
    expectedUnitsOf(db, cycleId),
    listCompilableReports(db, cycleId, { includeSubmitted }),
    lastYearValues(db, { planId: cycle.planId, year: cycle.year }),
    provinceFigures(db, indicators, { from: cycle.windowStart, to: cycle.windowEnd }),
  ]);
  return {
    year: cycle.year,
    includeSubmitted,
    // The department that compiles (the header's agency) does not report to itself: reporting's rule.
    notExpected: compilingAgencyUnits(units, compilingAgency ?? (await getAgencySettings(db)).focalDepartment.name),
    items,
    indicators,
    // A department is named short ("Sở Y tế"); a commune by its full name ("Xã Giao Long").
    units: units.map(({ fullName, ...unit }) => ({ ...unit, name: unit.kind === 'department' ? unit.name : fullName })),
    reports: compilable.reports,
    sections: compilable.sections,
    values: compilable.values,
    previous,
    derived,
  };
}

/**
 * The province-wide figures of the form's derived indicators over the cycle's data window, each
 * de-duplicated by its derivation (server/lib/derivations.ts), all read at once.
 */
export async function provinceFigures(
  db: DbOrTx,
  indicators: Array<{ code: string; byWasteStream: boolean; valueType: string }>,
  window: { from: string; to: string },
): Promise<ProvinceFigure[]> {
  const list = indicators.flatMap((i) =>
    i.valueType === 'text'
      ? []
      : (i.byWasteStream ? WASTE_STREAMS : [null]).flatMap((stream) => {
          const d = derivationFor(i.code, stream);
          return d ? [d] : [];
        }),
  );
  const values = await Promise.all(list.map((d) => d.province(db, window)));
  return list.map((d, k) => ({
    indicatorCode: d.indicatorCode,
    stream: d.wasteStream ?? '',
    value: values[k],
    method: d.method.vi,
  }));
}

/** The items of a plan version, in order. */
export async function listPlanItems(db: DbOrTx, versionId: string) {
  return db
    .select({
      id: planItems.id,
      key: planItems.key,
      label: planItems.label,
      title: planItems.title,
      text: planItems.text,
      kind: planItems.kind,
      position: planItems.position,
    })
    .from(planItems)
    .where(eq(planItems.versionId, versionId))
    .orderBy(asc(planItems.position));
}

/**
 * The agency as written in a sentence: the unit whose name upper-cased is the header's agency
 * ("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG" → "Sở Nông nghiệp và Môi trường"), else the header text with
 * only its first letter capital.
 */
export async function agencyDisplayName(db: DbOrTx, agency: string): Promise<string> {
  // Compared in JS: upper() of the database follows its locale, which may be C.
  const rows = await db
    .selectDistinct({ name: orgUnits.name })
    .from(orgUnits)
    .where(inArray(orgUnits.kind, ['department', 'committee', 'institute', 'school', 'other']));
  const found = rows.find((r) => r.name.toLocaleUpperCase('vi') === agency.toLocaleUpperCase('vi'));
  if (found) return found.name;
  const lower = agency.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

export async function getOrgUnit(db: DbOrTx, id: string) {
  const [row] = await db.select().from(orgUnits).where(eq(orgUnits.id, id));
  return row;
}

export async function getUserActor(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, orgUnitId: users.orgUnitId })
    .from(users)
    .where(eq(users.id, id));
  return row;
}

/* ───────────────────────────── the draft ───────────────────────────── */

export async function getDraftByCycle(
  db: DbOrTx,
  cycleId: string,
  opts: { forUpdate?: boolean } = {},
): Promise<DraftRow | undefined> {
  const q = db.select().from(consolidationDrafts).where(eq(consolidationDrafts.cycleId, cycleId));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

export async function getDraft(
  db: DbOrTx,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<DraftRow | undefined> {
  const q = db.select().from(consolidationDrafts).where(eq(consolidationDrafts.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

/** The few columns a generation needs, without the frozen tables (a large JSON value). */
export async function getDraftState(db: DbOrTx, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db
    .select({
      id: consolidationDrafts.id,
      generation: consolidationDrafts.generation,
      version: consolidationDrafts.version,
      includeSubmitted: consolidationDrafts.includeSubmitted,
      agency: consolidationDrafts.agency,
    })
    .from(consolidationDrafts)
    .where(eq(consolidationDrafts.id, id));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

/** Creates the draft of a cycle unless it exists; answers the row either way. */
export async function ensureDraft(
  db: DbOrTx,
  values: typeof consolidationDrafts.$inferInsert,
): Promise<{ row: DraftRow; created: boolean }> {
  const [created] = await db.insert(consolidationDrafts).values(values).onConflictDoNothing().returning();
  if (created) return { row: created, created: true };
  return { row: (await getDraftByCycle(db, values.cycleId, { forUpdate: true }))!, created: false };
}

export async function updateDraft(
  db: DbOrTx,
  id: string,
  set: Partial<typeof consolidationDrafts.$inferInsert>,
): Promise<DraftRow> {
  const [row] = await db.update(consolidationDrafts).set(set).where(eq(consolidationDrafts.id, id)).returning();
  return row;
}

/** Like `updateDraft`, answering nothing (the frozen tables need not travel back). */
export async function setDraft(
  db: DbOrTx,
  id: string,
  set: Partial<typeof consolidationDrafts.$inferInsert>,
): Promise<void> {
  await db.update(consolidationDrafts).set(set).where(eq(consolidationDrafts.id, id));
}

export async function listParagraphs(db: DbOrTx, draftId: string): Promise<ParagraphRow[]> {
  return db
    .select()
    .from(consolidationParagraphs)
    .where(eq(consolidationParagraphs.draftId, draftId))
    .orderBy(asc(consolidationParagraphs.position));
}

/** The paragraphs a document shows: not removed, in order, only what the page needs. */
export async function listDocumentParagraphs(
  db: DbOrTx,
  draftId: string,
): Promise<Array<Pick<ParagraphRow, 'part' | 'itemKey' | 'text' | 'sourceUnitName'>>> {
  return db
    .select({
      part: consolidationParagraphs.part,
      itemKey: consolidationParagraphs.itemKey,
      text: consolidationParagraphs.text,
      sourceUnitName: consolidationParagraphs.sourceUnitName,
    })
    .from(consolidationParagraphs)
    .where(and(eq(consolidationParagraphs.draftId, draftId), eq(consolidationParagraphs.isRemoved, false)))
    .orderBy(asc(consolidationParagraphs.position));
}

/** The columns of a paragraph row as written by `replaceParagraphs`, in SQL order. */
const PARAGRAPH_FIELDS = [
  ['id', 'id', 'uuid'],
  ['part', 'part', 'text'],
  ['itemKey', 'item_key', 'text'],
  ['position', 'position', 'integer'],
  ['text', 'text', 'text'],
  ['originKey', 'origin_key', 'text'],
  ['sourceText', 'source_text', 'text'],
  ['sourceUnitId', 'source_unit_id', 'uuid'],
  ['sourceUnitName', 'source_unit_name', 'text'],
  ['sourceReportId', 'source_report_id', 'uuid'],
  ['isProvisional', 'is_provisional', 'boolean'],
  ['isEdited', 'is_edited', 'boolean'],
  ['isRemoved', 'is_removed', 'boolean'],
  ['sourceChanged', 'source_changed', 'boolean'],
  ['addedGeneration', 'added_generation', 'integer'],
  ['changedGeneration', 'changed_generation', 'integer'],
] as const satisfies ReadonlyArray<readonly [keyof DraftParagraph, string, string]>;

const sameParagraph = (a: DraftParagraph, b: DraftParagraph) => PARAGRAPH_FIELDS.every(([key]) => a[key] === b[key]);

/**
 * Makes a draft's stored paragraphs exactly `paragraphs` (ids kept). Given the rows as they were
 * read in the same transaction (`before`), only the difference is written: rows no longer listed
 * are deleted, new and changed rows upserted. Rows travel column by column as one array parameter
 * each, unnested by the server: drizzle binding 17 parameters per row for thousands of rows cost
 * more than the read itself, and PostgreSQL parses arrays faster than the same rows as JSON.
 */
export async function replaceParagraphs(
  db: DbOrTx,
  draftId: string,
  paragraphs: DraftParagraph[],
  before?: DraftParagraph[],
): Promise<void> {
  let write = paragraphs;
  if (before) {
    const listed = new Set(paragraphs.map((p) => p.id));
    const gone = before.filter((p) => !listed.has(p.id)).map((p) => p.id);
    if (gone.length) {
      await db.execute(
        sql`delete from ${consolidationParagraphs} where ${consolidationParagraphs.draftId} = ${draftId} and ${consolidationParagraphs.id} = any(${sql.param(gone)}::uuid[])`,
      );
    }
    const old = new Map(before.map((p) => [p.id, p]));
    write = paragraphs.filter((p) => {
      const o = old.get(p.id);
      return !o || !sameParagraph(o, p);
    });
  } else {
    await db.delete(consolidationParagraphs).where(eq(consolidationParagraphs.draftId, draftId));
  }
  const columns = sql.raw(PARAGRAPH_FIELDS.map(([, column]) => column).join(', '));
  const updates = sql.raw(
    PARAGRAPH_FIELDS.filter(([key]) => key !== 'id')
      .map(([, column]) => `${column} = excluded.${column}`)
      .join(', '),
  );
  // A compiled paragraph's source text is its text until the officer edits it: sent once, with a
  // flag, it halves what travels and what the server parses.
  const select = sql.raw(
    PARAGRAPH_FIELDS.map(([, column]) =>
      column === 'source_text' ? 'case when x.source_is_text then x.text else x.source_text end' : `x.${column}`,
    ).join(', '),
  );
  const aliases = sql.raw([...PARAGRAPH_FIELDS.map(([, column]) => column), 'source_is_text'].join(', '));
  // Chunks of 5,000 rows keep each array parameter to a few megabytes.
  for (let i = 0; i < write.length; i += 5000) {
    const chunk = write.slice(i, i + 5000);
    const same = chunk.map((p) => p.sourceText !== null && p.sourceText === p.text);
    const arrays = sql.join(
      [
        ...PARAGRAPH_FIELDS.map(
          ([key, , type]) =>
            sql`${sql.param(key === 'sourceText' ? chunk.map((p, j) => (same[j] ? null : p.sourceText)) : chunk.map((p) => p[key]))}::${sql.raw(type)}[]`,
        ),
        sql`${sql.param(same)}::boolean[]`,
      ],
      sql`, `,
    );
    await db.execute(sql`
      insert into ${consolidationParagraphs} (draft_id, ${columns})
      select ${draftId}::uuid, ${select} from unnest(${arrays}) as x(${aliases})
      on conflict (id) do update set ${updates}
      where ${consolidationParagraphs.draftId} = excluded.draft_id`);
  }
}

export async function updateParagraph(
  db: DbOrTx,
  id: string,
  set: Partial<typeof consolidationParagraphs.$inferInsert>,
): Promise<void> {
  await db.update(consolidationParagraphs).set(set).where(eq(consolidationParagraphs.id, id));
}

export async function insertParagraph(db: DbOrTx, values: typeof consolidationParagraphs.$inferInsert): Promise<void> {
  await db.insert(consolidationParagraphs).values(values);
}

/** Shifts positions ≥ `from` by one, to open a slot. */
export async function shiftPositions(db: DbOrTx, draftId: string, from: number): Promise<void> {
  await db
    .update(consolidationParagraphs)
    .set({ position: sql`${consolidationParagraphs.position} + 1` })
    .where(and(eq(consolidationParagraphs.draftId, draftId), gte(consolidationParagraphs.position, from)));
}

export async function getJobRow(db: DbOrTx, id: string) {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
  return row;
}

/* ───────────────────────────── documents ───────────────────────────── */

export async function insertDocument(db: DbOrTx, values: typeof generatedDocuments.$inferInsert): Promise<DocumentRow> {
  const [row] = await db.insert(generatedDocuments).values(values).returning();
  return row;
}

export async function listCycleDocuments(db: DbOrTx, cycleId: string): Promise<DocumentRow[]> {
  return db
    .select()
    .from(generatedDocuments)
    .where(and(eq(generatedDocuments.cycleId, cycleId), eq(generatedDocuments.kind, 'consolidation_docx')))
    .orderBy(desc(generatedDocuments.createdAt))
    .limit(20);
}

export async function getDocument(db: DbOrTx, id: string): Promise<DocumentRow | undefined> {
  const [row] = await db.select().from(generatedDocuments).where(eq(generatedDocuments.id, id));
  return row;
}
