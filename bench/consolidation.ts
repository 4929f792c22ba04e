// `npx tsx bench/consolidation.ts` — consolidation of a cycle with BENCH_CONS_UNITS (150) units ×
// BENCH_CONS_INDICATORS (40) indicators × 6 waste streams, a narrative (results, difficulties,
// proposals) for every task of every unit, and last year's accepted figures. Prints the time to
// read that data from the database (the very queries the compilation runs, same driver, same
// run), to build the draft from nothing (read + compile + write every paragraph), to regenerate
// it (read + compile + merge with the stored draft + write the difference) and to render the
// .docx (read the draft + write the Word file + store it), and their ratio to the read (target
// ≤ 3×). Medians of three runs.
// On PGlite in memory by default; with DATABASE_URL, a throw-away database is created on that
// server and dropped at the end.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { and, eq, inArray } from 'drizzle-orm';
import pg from 'pg';
import { loadConfig } from '../server/config.js';
import { createDb, type Database } from '../server/db/client.js';
import {
  consolidationDrafts,
  consolidationParagraphs,
  cycleExpectedUnits,
  orgUnits,
  planItems,
  plans,
  planVersions,
  reportCycles,
  reports,
  reportSections,
  reportValues,
  type FrozenIndicator,
} from '../server/db/schema/index.js';
import { seedReferenceData } from '../server/db/seed/index.js';
import { importSeedPlan } from '../server/features/index.js';
import {
  listParagraphs,
  loadCompileInput,
  renderDraftDocument,
  runGeneration,
} from '../server/features/consolidation/index.js';

const UNITS = Number(process.env.BENCH_CONS_UNITS ?? 150);
const INDICATORS = Number(process.env.BENCH_CONS_INDICATORS ?? 40);
const STREAMS = ['agri', 'forestry', 'fishery', 'medical', 'industrial', 'domestic'];
const RUNS = 3;

const sentence = (unit: number, key: string, what: string) =>
  `Đơn vị ${unit} ${what} mục ${key}: triển khai ứng dụng chế phẩm sinh học xử lý chất thải chăn nuôi, phụ phẩm nông nghiệp và nước thải chế biến thủy sản tại ${(unit % 9) + 2} cơ sở, tổ chức ${(unit % 4) + 1} lớp tập huấn cho ${unit * 3 + 40} lượt người, phối hợp với doanh nghiệp chuyển giao công nghệ ủ phân hữu cơ vi sinh.`;

async function openDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (!process.env.DATABASE_URL) return { database: await createDb({ dataDir: null }), drop: async () => {} };
  const base = new URL(process.env.DATABASE_URL);
  const name = `bioplan_bench_cons_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  // Another session on template1 (tests creating their own databases) makes CREATE DATABASE
  // fail with 55006 for a moment; try again rather than abort the run.
  for (let attempt = 1; ; attempt += 1) {
    try {
      await admin.query(`create database ${name}`);
      break;
    } catch (err) {
      if ((err as { code?: string }).code !== '55006' || attempt >= 20) throw err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  await admin.end();
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  const database = await createDb({ databaseUrl: url.toString() });
  return {
    database,
    drop: async () => {
      const c = new pg.Client({ connectionString: base.toString() });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

async function insertBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>, size = 1000) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/**
 * Seeds the bench's cycle (and last year's) on a migrated database; answers the cycle, its
 * draft (header filled, not yet generated) and the number of tasks with narratives per unit.
 */
export async function seedConsolidationBench(
  db: Database['db'],
): Promise<{ cycleId: string; draftId: string; tasks: number }> {
  await seedReferenceData(db, importSeedPlan);
  const [plan] = await db.select().from(plans);
  const [version] = await db
    .select()
    .from(planVersions)
    .where(and(eq(planVersions.planId, plan.id), eq(planVersions.number, plan.currentVersion)));
  const versionId = version.id;
  const items = await db.select().from(planItems).where(eq(planItems.versionId, versionId));
  const tasks = items.filter(
    (i) => i.kind === 'task' || i.kind === 'solution' || (i.kind === 'duty' && i.key.startsWith('IV.1')),
  );
  const indicators: FrozenIndicator[] = Array.from({ length: INDICATORS }, (_, i) => ({
    code: `BC-${String(i + 1).padStart(2, '0')}`,
    name: `Chỉ tiêu thử nghiệm số ${i + 1} về xử lý chất thải bằng công nghệ sinh học`,
    nameEn: `Benchmark indicator ${i + 1}`,
    unit: 'tấn/năm',
    valueType: 'number',
    byWasteStream: true,
    isRequired: false,
    min: 0,
    max: null,
    position: i,
  }));

  // Units, two cycles (last year and this year), expected units, accepted reports.
  const units = Array.from({ length: UNITS }, (_, i) => ({
    id: randomUUID(),
    code: `BENCH-${String(i + 1).padStart(3, '0')}`,
    name: `Đơn vị thử nghiệm ${i + 1}`,
    fullName: `Đơn vị thử nghiệm ${i + 1}`,
    kind: 'commune' as const,
    searchText: `don vi thu nghiem ${i + 1}`,
  }));
  await insertBatches(units, (b) => db.insert(orgUnits).values(b));
  const cycles: Record<number, string> = {};
  for (const year of [2025, 2026]) {
    const [c] = await db
      .insert(reportCycles)
      .values({
        planId: plan.id,
        planVersionId: versionId,
        year,
        windowStart: `${year}-01-01`,
        windowEnd: `${year}-12-31`,
        deadline: `${year}-11-30`,
        status: 'open',
        form: { indicators },
      })
      .returning();
    cycles[year] = c.id;
    await insertBatches(
      units.map((u) => ({
        cycleId: c.id,
        orgUnitId: u.id,
        code: u.code,
        name: u.name,
        fullName: u.fullName,
        kind: u.kind,
        searchText: u.searchText,
        source: 'plan' as const,
        sections: tasks.map((t) => ({
          planItemId: t.id,
          key: t.key,
          label: t.label,
          title: t.title ?? '',
          role: 'lead' as const,
        })),
        deadline: `${year}-11-30`,
      })),
      (b) => db.insert(cycleExpectedUnits).values(b),
    );
    const reportRows = units.map((u, i) => ({
      id: randomUUID(),
      cycleId: c.id,
      orgUnitId: u.id,
      status: 'accepted' as const,
      firstSubmittedAt: new Date(`${year}-11-${String((i % 28) + 1).padStart(2, '0')}T03:00:00Z`),
      submittedAt: new Date(`${year}-11-20T03:00:00Z`),
      isLate: i % 10 === 0,
      daysLate: i % 10 === 0 ? 2 : 0,
      acceptedAt: new Date(`${year}-12-01T03:00:00Z`),
      otherResults: year === 2026 ? sentence(i + 1, 'khác', 'bổ sung kết quả') : '',
      proposalsToCommittee: year === 2026 ? `Đề nghị Ủy ban nhân dân tỉnh hỗ trợ kinh phí cho đơn vị ${i + 1}.` : '',
    }));
    await insertBatches(reportRows, (b) => db.insert(reports).values(b));
    const values = reportRows.flatMap((r, ui) =>
      indicators.flatMap((ind, ii) =>
        STREAMS.map((s, si) => ({
          reportId: r.id,
          indicatorCode: ind.code,
          stream: s,
          value: (ui + ii + si) * 1.5,
          num: (ui + ii + si) * 1.5,
        })),
      ),
    );
    await insertBatches(values, (b) => db.insert(reportValues).values(b as never));
    if (year === 2026) {
      const sections = reportRows.flatMap((r, ui) =>
        tasks.map((t) => ({
          reportId: r.id,
          planItemId: t.id,
          results: sentence(ui + 1, t.key, 'đã thực hiện'),
          difficulties: `Đơn vị ${ui + 1}: kinh phí cho mục ${t.key} còn hạn chế, thiếu cán bộ chuyên môn về công nghệ sinh học.`,
          proposals: `Đơn vị ${ui + 1}: đề nghị hướng dẫn áp dụng công nghệ cho mục ${t.key}.`,
        })),
      );
      await insertBatches(sections, (b) => db.insert(reportSections).values(b), 500);
    }
  }
  const cycleId = cycles[2026];
  const [draft] = await db
    .insert(consolidationDrafts)
    .values({
      cycleId,
      parentAgency: 'UBND TỈNH VĨNH LONG',
      agency: 'SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG',
      agencyAbbreviation: 'SNNMT',
      place: 'Vĩnh Long',
      documentDate: '2026-12-05',
      title: 'Kết quả thực hiện Kế hoạch số 1953/KH-UBND ngày 27/3/2025 của Ủy ban nhân dân tỉnh Bến Tre năm 2026',
      recipient: 'Ủy ban nhân dân tỉnh Vĩnh Long.',
      copyTo: ['Như trên;', 'Lưu: VT, CCBVMT.'],
      signerAuthority: 'KT. GIÁM ĐỐC',
      signerTitle: 'PHÓ GIÁM ĐỐC',
      signerName: 'Nguyễn Văn An',
    })
    .returning();
  return { cycleId, draftId: draft.id, tasks: tasks.length };
}

async function main() {
  const { database, drop } = await openDatabase();
  const db = database.db;
  const filesDir = mkdtempSync(path.join(tmpdir(), 'bioplan-bench-cons-'));
  const config = { ...loadConfig({ BIOPLAN_DATA_DIR: filesDir, LOG_LEVEL: 'silent' }), filesDir };
  try {
    const { cycleId, draftId, tasks } = await seedConsolidationBench(db);
    const draft = { id: draftId };
    const nValues = (
      await db
        .select({ id: reportValues.reportId })
        .from(reportValues)
        .innerJoin(reports, eq(reports.id, reportValues.reportId))
        .where(and(eq(reports.cycleId, cycleId), inArray(reports.status, ['accepted'])))
    ).length;

    const time = async (f: () => Promise<unknown>) => {
      const t0 = performance.now();
      await f();
      return performance.now() - t0;
    };
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    // Warm-up: one read, so every figure is measured on warm caches alike.
    await loadCompileInput(db, cycleId, false);
    const reads: number[] = [];
    const firsts: number[] = [];
    const regenerations: number[] = [];
    const renders: number[] = [];
    let size = 0;
    const generate = () => runGeneration(db, { draftId: draft.id, cycleId }, null, async () => {});
    for (let i = 0; i < RUNS; i += 1) {
      reads.push(await time(() => loadCompileInput(db, cycleId, false)));
      // A first generation (every paragraph inserted), then a regeneration over it (merged).
      await db.delete(consolidationParagraphs).where(eq(consolidationParagraphs.draftId, draft.id));
      await db.update(consolidationDrafts).set({ generation: 0 }).where(eq(consolidationDrafts.id, draft.id));
      firsts.push(await time(generate));
      regenerations.push(await time(generate));
      renders.push(
        await time(async () => {
          const { doc } = await renderDraftDocument(db, config, draft.id, { createdBy: null });
          size = doc.size;
        }),
      );
    }
    const paragraphs = (await listParagraphs(db, draft.id)).length;
    const read = median(reads);
    const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
    const line = (label: string, xs: number[], extra = '') =>
      console.log(
        `  ${label.padEnd(24)} ${fmt(median(xs))}  = ${(median(xs) / read).toFixed(2)}× the read  (${xs.map(fmt).join(', ')})${extra}`,
      );
    console.log(
      `consolidation bench on ${database.kind}: ${UNITS} units × ${INDICATORS} indicators × ${STREAMS.length} streams = ${nValues} values, ${tasks} tasks with narratives per unit, ${paragraphs} paragraphs`,
    );
    console.log(
      `  ${"read the cycle's data:".padEnd(24)} ${fmt(read)}  (median of ${RUNS}: ${reads.map(fmt).join(', ')})`,
    );
    line('build the draft:', firsts);
    line('regenerate it:', regenerations);
    line('render the .docx:', renders, `, ${(size / 1024).toFixed(0)} KB`);
    const verdict = (xs: number[]) => (median(xs) / read <= 3 ? 'met' : 'NOT met');
    console.log(
      `  target ≤ 3×: build ${verdict(firsts)}, regeneration ${verdict(regenerations)}, render ${verdict(renders)}`,
    );
  } finally {
    await database.close();
    await drop();
    rmSync(filesDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
