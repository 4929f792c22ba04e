// `npx tsx bench/phases.ts` — where a deadline-day report spends its time, one request at a time
// (no concurrency, so the machine's other load blurs it less): database round trips and time of
// PUT (save) and submit through the services, of the response they build, and of serialising it
// with the route's response schema. A profiling aid beside run.ts; figures printed, nothing asserted.
// BENCH_DATABASE_URL as in run.ts; PHASE_REPORTS (60) reports of BENCH_FIELDS (300) values.
import { randomBytes } from 'node:crypto';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { ReportDto } from '../shared/contracts/reporting.js';
import { WASTE_STREAMS } from '../shared/domain.js';
import { loadConfig } from '../server/config.js';
import type { Db } from '../server/db/client.js';
import * as schema from '../server/db/schema/index.js';
import { seedReferenceData } from '../server/db/seed/index.js';
import { importSeedPlan } from '../server/features/index.js';
import { getReport, saveReport, submitReport } from '../server/features/reporting/index.js';
import { systemClock } from '../server/lib/clock.js';
import type { Ctx } from '../server/lib/context.js';
import { generateCycle, generateForm, generateUnits } from './generate.js';

const BASE = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const N = Number(process.env.PHASE_REPORTS ?? 60);
const FIELDS = Number(process.env.BENCH_FIELDS ?? 300);

async function main() {
  const name = `bioplan_phase_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: BASE });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(BASE);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 4 });
  let queries = 0;
  const db = drizzle(pool, { schema, logger: { logQuery: () => void (queries += 1) } }) as unknown as Db;
  try {
    await migrate(db as never, { migrationsFolder: 'server/db/migrations' });
    await seedReferenceData(db, importSeedPlan);
    const units = await generateUnits(db, N, 'PH', { withUsers: true });
    const form = await generateForm(db, FIELDS, 'PHASE');
    const cycleId = await generateCycle(db, 2096, units, form);
    const created = await db
      .insert(schema.reports)
      .values(units.map((u) => ({ cycleId, orgUnitId: u.id })))
      .returning({ id: schema.reports.id, orgUnitId: schema.reports.orgUnitId });
    const config = loadConfig({ BIOPLAN_DATA_DIR: `/tmp/${name}`, LOG_LEVEL: 'silent' });
    const values = form
      .flatMap((f) => WASTE_STREAMS.map((s, j) => ({ indicatorCode: f.code, wasteStream: s, value: (j + 1) * 10 })))
      .slice(0, FIELDS);

    const phases: Record<string, { ms: number; q: number }> = {};
    const time = async <T>(label: string, f: () => Promise<T> | T): Promise<T> => {
      const q0 = queries;
      const t0 = performance.now();
      const out = await f();
      const p = (phases[label] ??= { ms: 0, q: 0 });
      p.ms += performance.now() - t0;
      p.q += queries - q0;
      return out;
    };
    for (const [i, r] of created.entries()) {
      const u = units.find((x) => x.id === r.orgUnitId)!;
      const ctx: Ctx = {
        actor: { id: u.userId, email: `${u.code}@bench.vn`, name: `Cán bộ ${u.code}`, role: 'unit', orgUnitId: u.id },
        db,
        requestId: `phase-${i}`,
        clock: systemClock,
        config,
        lang: 'vi',
        ip: '127.0.0.1',
      };
      const saved = await time('PUT (save + response)', () =>
        saveReport(ctx, r.id, { version: 1, values, sections: [] }),
      );
      await time('  serialise response', () => JSON.stringify(ReportDto.parse(saved)));
      const sub = await time('submit (+ response)', () => submitReport(ctx, r.id, { idempotencyKey: `k-${r.id}` }));
      await time('  serialise response', () => JSON.stringify(ReportDto.parse(sub)));
      await time('GET (the response alone)', () => getReport(ctx, r.id));
    }
    // The plain-SQL writes of run.ts's baseline, one report at a time, for scale.
    const sqlCycle = await generateCycle(db, 2095, units, form);
    const sqlReports = await db
      .insert(schema.reports)
      .values(units.map((u) => ({ cycleId: sqlCycle, orgUnitId: u.id })))
      .returning({ id: schema.reports.id });
    for (const { id } of sqlReports) await time('plain SQL (save + submit)', () => plainSql(pool, id, values));
    console.log(`phases over ${N} reports of ${FIELDS} values (sequential), per report:`);
    for (const [label, p] of Object.entries(phases)) {
      const n = label.includes('serialise') ? 2 * N : N;
      console.log(
        `${label.padEnd(28)} ${(p.ms / n).toFixed(2).padStart(8)} ms ${(p.q / n).toFixed(1).padStart(6)} queries`,
      );
    }
  } finally {
    await pool.end();
    if (process.env.PHASE_KEEP) {
      console.log(`kept database ${name}`);
    } else {
      const c = new pg.Client({ connectionString: BASE });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    }
  }
}

/** The same rows a save and a submission write, in plain SQL through pg (as run.ts's baseline). */
export async function plainSql(
  pool: pg.Pool,
  id: string,
  values: Array<{ indicatorCode: string; wasteStream: string; value: number }>,
): Promise<void> {
  const c = await pool.connect();
  try {
    await c.query('begin');
    await c.query('select * from report where id = $1 for update', [id]);
    await c.query('delete from report_value where report_id = $1', [id]);
    const params: unknown[] = [id];
    const tuples = values.map((x, i) => {
      params.push(x.indicatorCode, x.wasteStream, JSON.stringify(x.value), x.value);
      const b = i * 4;
      return `($1, $${b + 2}, $${b + 3}, $${b + 4}::jsonb, $${b + 5})`;
    });
    await c.query(
      `insert into report_value (report_id, indicator_code, stream, value, num) values ${tuples.join(',')}`,
      params,
    );
    await c.query('update report set version = version + 1, updated_at = now() where id = $1', [id]);
    await c.query(
      "insert into report_event (report_id, at, actor_name, action, version) values ($1, now(), 'bench', 'save', 2)",
      [id],
    );
    await c.query("insert into audit_log (action, entity_type, entity_id) values ('report.save', 'report', $1)", [id]);
    await c.query('commit');
    await c.query('begin');
    await c.query('select * from report where id = $1 for update', [id]);
    await c.query('insert into idempotency_key (key, scope, user_id) values ($1, $2, gen_random_uuid())', [
      `k-${id}`,
      `report.submit:${id}`,
    ]);
    await c.query('select indicator_code, stream, value from report_value where report_id = $1', [id]);
    await c.query(
      "update report set status = 'submitted', version = version + 1, submitted_at = now(), first_submitted_at = now() where id = $1",
      [id],
    );
    await c.query(
      "insert into report_event (report_id, at, actor_name, action, version, snapshot) values ($1, now(), 'bench', 'submit', 3, $2::jsonb)",
      [id, JSON.stringify({ values })],
    );
    await c.query("insert into audit_log (action, entity_type, entity_id) values ('report.submit', 'report', $1)", [
      id,
    ]);
    await c.query('commit');
  } finally {
    c.release();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
