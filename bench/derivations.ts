// `npx tsx bench/derivations.ts` — deriving the report's indicators from the registries (issue 12)
// for every unit of a cycle, against the SQL that computes them, in the same run. The registry
// holds BENCH_DERIV_ENTERPRISES (20,000) enterprises and BENCH_DERIV_OBSERVATIONS (30,000)
// observations spread over BENCH_DERIV_UNITS (150) units and three years. Timed, medians of five
// runs after one warm-up:
//   - the SQL: one statement giving DN-01 for every unit (firms each recorded in the window or
//     observed for its year, distinct by tax code) and one giving the province-wide count;
//   - every registered derivation's byUnit for all the units at once, and its province figure
//     (what the consolidation and a review of the whole cycle read), all in parallel;
//   - every unit's report read as its form does (GET /reports/:id/derived: one unit at a time).
// Prints the medians and the ratios to the SQL (target ≤ 2×). On PGlite in memory by default;
// with DATABASE_URL, a throw-away database on that server, dropped at the end.
import { randomBytes } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import pg from 'pg';
import { createDb, type Database } from '../server/db/client.js';
import { enterpriseObservations, enterprises, orgUnits } from '../server/db/schema/index.js';
import { seedReferenceData } from '../server/db/seed/index.js';
import { importSeedPlan } from '../server/features/index.js';
import { registerAllDerivations } from '../server/features/index.js';
import { derivedValuesFor } from '../server/features/reporting/index.js';
import { derivations } from '../server/lib/derivations.js';
import { taxCodeCheckDigit } from '../shared/tax-code.js';

const ENTERPRISES = Number(process.env.BENCH_DERIV_ENTERPRISES ?? 20_000);
const OBSERVATIONS = Number(process.env.BENCH_DERIV_OBSERVATIONS ?? 30_000);
const UNITS = Number(process.env.BENCH_DERIV_UNITS ?? 150);
const RUNS = 5;
const WINDOW = { from: '2026-01-01', to: '2026-12-31' };
const YEAR = 2026;

async function openDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (!process.env.DATABASE_URL) return { database: await createDb({ dataDir: null }), drop: async () => {} };
  const base = new URL(process.env.DATABASE_URL);
  const name = `bioplan_bench_deriv_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`create database ${name}`);
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

/** The n-th made-up tax code with a valid check digit. */
function taxCode(n: number): string {
  for (let k = n * 3; ; k += 1) {
    const nine = `4${String(k).padStart(8, '0')}`;
    const check = taxCodeCheckDigit(nine);
    if (check !== null) return `${nine}${check}`;
  }
}

/** A small deterministic generator, so every run holds the same registry. */
function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

async function fill(db: Database['db'], unitIds: string[]): Promise<void> {
  const r = rng(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const ids: string[] = [];
  for (let start = 0; start < ENTERPRISES; start += 1000) {
    const rows = [];
    for (let i = start; i < Math.min(ENTERPRISES, start + 1000); i += 1) {
      const code = taxCode(i);
      const years = [2024, 2025, 2026].filter(() => r() < 0.5);
      rows.push({
        taxCode: code,
        name: `Doanh nghiệp ${i}`,
        searchText: `doanh nghiep ${i} ${code}`,
        industrialYears: years,
        recordDate: `${pick([2025, 2026])}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}`,
        reportingUnitId: pick(unitIds),
      });
    }
    const inserted = await db.insert(enterprises).values(rows).returning({ id: enterprises.id });
    ids.push(...inserted.map((x) => x.id));
  }
  for (let start = 0; start < OBSERVATIONS; start += 1000) {
    const rows = [];
    for (let i = start; i < Math.min(OBSERVATIONS, start + 1000); i += 1) {
      const year = pick([2025, 2026]);
      rows.push({
        enterpriseId: pick(ids),
        orgUnitId: pick(unitIds),
        year,
        note: '',
        createdAt: new Date(`${year}-${pad(1 + Math.floor(r() * 12))}-${pad(1 + Math.floor(r() * 28))}T03:00:00Z`),
      });
    }
    await db.insert(enterpriseObservations).values(rows);
  }
  await db.execute(sql`analyze`);
}

/** DN-01 for every unit and the province, as one hand-written statement each. */
async function bySql(db: Database['db'], unitIds: string[]): Promise<{ units: Map<string, number>; province: number }> {
  const start = new Date(`${WINDOW.from}T00:00:00+07:00`);
  const end = new Date(new Date(`${WINDOW.to}T00:00:00+07:00`).getTime() + 86_400_000);
  const units = sql.join(
    unitIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const [perUnit, [province]] = await Promise.all([
    db.execute(sql`
      select unit_id::text as unit_id, count(*)::int as n from (
        select e.reporting_unit_id as unit_id, e.tax_code from enterprise e
        where e.reporting_unit_id in (${units}) and e.record_date between ${WINDOW.from} and ${WINDOW.to}
          and e.industrial_years @> array[${YEAR}]::integer[]
        union
        select o.org_unit_id, e.tax_code from enterprise_observation o join enterprise e on e.id = o.enterprise_id
        where o.org_unit_id in (${units})
          and (o.year = ${YEAR} or (o.created_at >= ${start.toISOString()} and o.created_at < ${end.toISOString()}))
          and e.industrial_years @> array[${YEAR}]::integer[]
      ) x group by unit_id`),
    db
      .select({ n: sql<number>`count(distinct ${enterprises.taxCode})::int` })
      .from(enterprises)
      .where(sql`${enterprises.industrialYears} @> ARRAY[${YEAR}]::integer[]`),
  ]);
  const rows = (Array.isArray(perUnit) ? perUnit : (perUnit as { rows: unknown[] }).rows) as Array<{
    unit_id: string;
    n: number;
  }>;
  return { units: new Map(rows.map((x) => [x.unit_id, x.n])), province: province.n };
}

async function main() {
  const { database, drop } = await openDatabase();
  try {
    const db = database.db;
    await seedReferenceData(db, importSeedPlan);
    registerAllDerivations();
    const unitRows = await db
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .where(inArray(orgUnits.kind, ['department', 'commune', 'ward']))
      .limit(UNITS);
    const unitIds = unitRows.map((u) => u.id);
    const t0 = performance.now();
    await fill(db, unitIds);
    console.log(
      `bench/derivations: ${ENTERPRISES} enterprises, ${OBSERVATIONS} observations, ${unitIds.length} units, ${derivations().length} derivation(s) registered; filled in ${((performance.now() - t0) / 1000).toFixed(1)} s (${database.kind})`,
    );
    const form = derivations().map((d, i) => ({
      code: d.indicatorCode,
      name: d.indicatorCode,
      nameEn: d.indicatorCode,
      unit: '',
      valueType: 'integer' as const,
      byWasteStream: d.wasteStream !== null,
      isRequired: false,
      min: null,
      max: null,
      position: i,
    }));

    const allAtOnce = async () => {
      const list = derivations();
      return Promise.all([
        ...list.map((d) => d.byUnit(db, WINDOW, unitIds)),
        ...list.map((d) => d.province(db, WINDOW)),
      ]);
    };
    const unitByUnit = async () => {
      for (const id of unitIds) await derivedValuesFor(db, id, WINDOW, form, []);
    };

    // The answers agree before anything is timed.
    const reference = await bySql(db, unitIds);
    const dn01 = derivations().find((d) => d.indicatorCode === 'DN-01')!;
    const derived = await dn01.byUnit(db, WINDOW, unitIds);
    const province = await dn01.province(db, WINDOW);
    const same =
      province === reference.province &&
      unitIds.every((id) => (derived.get(id) ?? 0) === (reference.units.get(id) ?? 0));
    if (!same) throw new Error('the derivation and the SQL disagree');
    const unitSum = [...derived.values()].reduce((a, b) => a + b, 0);
    console.log(`  DN-01: province ${province} (each tax code once); the units' values sum to ${unitSum}`);

    const time = async (f: () => Promise<unknown>) => {
      const s = performance.now();
      await f();
      return performance.now() - s;
    };
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
    const runs: Record<'sql' | 'all' | 'perUnit', number[]> = { sql: [], all: [], perUnit: [] };
    await bySql(db, unitIds);
    await allAtOnce();
    await unitByUnit();
    for (let i = 0; i < RUNS; i += 1) {
      // Interleaved, so a slow moment of the machine falls on all three alike.
      runs.sql.push(await time(() => bySql(db, unitIds)));
      runs.all.push(await time(allAtOnce));
      runs.perUnit.push(await time(unitByUnit));
    }
    const base = median(runs.sql);
    const line = (label: string, xs: number[]) =>
      console.log(
        `  ${label.padEnd(46)} ${fmt(median(xs)).padStart(10)}  = ${(median(xs) / base).toFixed(2)}× the SQL  (${xs.map(fmt).join(', ')})`,
      );
    console.log(
      `  ${'the SQL (every unit, and the province):'.padEnd(46)} ${fmt(base).padStart(10)}  (${runs.sql.map(fmt).join(', ')})`,
    );
    line('every derivation, every unit at once + province:', runs.all);
    line(`every unit's form, one unit at a time (${unitIds.length}):`, runs.perUnit);
    console.log(
      `  target ≤ 2× the SQL for every unit of a cycle: ${median(runs.all) / base <= 2 ? 'met' : 'NOT met'} (at once)`,
    );
  } finally {
    await database.close();
    await drop();
  }
}

await main();
