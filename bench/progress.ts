// `npx tsx bench/progress.ts` — the dashboards' figures at national scale: BENCH_PROGRESS_UNITS
// (8,000) units × 5 yearly cycles (2026–2030) of the seeded plan, generated straight into the
// tables (85 % of reports accepted, 5 % submitted, the rest never sent; 10 % late; 11 values and
// 3 narrative sections per report, a difficulty in one report in five, with its desk item).
// Times the figures as the dashboards compute them (the service calls behind GET
// /progress/overview, /items, /indicators, /timeliness: access check, plan and cycles lookup,
// the aggregate statements, shaping and method sentences) against the aggregate statements
// alone (the SQL that computes the same figures, run directly on the same driver), in the same
// run, interleaved; medians of BENCH_PROGRESS_RUNS (7) and their ratio (target ≤ 2×).
// On PGlite in memory by default; with DATABASE_URL, a throw-away database is created on that
// server and dropped at the end.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import { loadConfig } from '../server/config.js';
import { createDb, type Database } from '../server/db/client.js';
import { seedReferenceData } from '../server/db/seed/index.js';
import { importSeedPlan } from '../server/features/index.js';
import { fixedClock } from '../server/lib/clock.js';
import type { Ctx } from '../server/lib/context.js';
import { getIndicators, getItems, getOverview, getTimeliness } from '../server/features/progress/index.js';
import {
  itemProgressSql,
  latestNarrativesSql,
  localityValuesSql,
  planCyclesSql,
  raisedByItemSql,
  indicatorSeriesSql,
  timelinessSql,
  yearTotalsSql,
} from '../server/features/reporting/index.js';

const UNITS = Number(process.env.BENCH_PROGRESS_UNITS ?? 8000);
const RUNS = Number(process.env.BENCH_PROGRESS_RUNS ?? 7);
const YEARS = [2026, 2027, 2028, 2029, 2030];

async function openDatabase(): Promise<{ database: Database; drop: () => Promise<void>; kind: string }> {
  if (!process.env.DATABASE_URL)
    return { database: await createDb({ dataDir: null }), drop: async () => {}, kind: 'PGlite (in memory)' };
  const base = new URL(process.env.DATABASE_URL);
  const name = `bioplan_bench_progress_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
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
    kind: 'PostgreSQL',
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: base.toString() });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

const rowsOf = <T>(r: unknown): T[] => (r as { rows?: T[] }).rows ?? (r as T[]);

/** Generates the units, cycles, expected units, reports, values, sections and desk items. */
async function generate(db: Database['db']): Promise<string> {
  const [plan] = rowsOf<{ id: string; version_id: string }>(
    await db.execute(sql`select p.id, v.id as version_id from plan p
      join plan_version v on v.plan_id = p.id and v.number = p.current_version order by p.date limit 1`),
  );
  const started = performance.now();
  await db.execute(sql`
    insert into org_unit (code, name, full_name, kind, search_text)
    select 'BENCH-' || i, 'Đơn vị ' || i, 'Đơn vị thử ' || i,
      (array['commune','ward','commune','department','enterprise','commune','ward','other'])[1 + i % 8],
      'don vi thu ' || i
    from generate_series(1, ${UNITS}) i`);
  // Sections: three leaf items of the plan per unit, turning through the plan's items.
  await db.execute(sql`
    create temporary table bench_item as
    select row_number() over (order by position) - 1 as n, id, key, label, coalesce(title, '') as title
    from plan_item where version_id = ${plan.version_id}::uuid and kind in ('task', 'solution', 'duty')`);
  const [{ items }] = rowsOf<{ items: number }>(await db.execute(sql`select count(*)::int as items from bench_item`));
  for (const year of YEARS) {
    const status = year === 2030 ? 'open' : 'closed';
    await db.execute(sql`
      insert into report_cycle (plan_id, plan_version_id, year, window_start, window_end, deadline, grace_days, status, opened_at)
      values (${plan.id}::uuid, ${plan.version_id}::uuid, ${year}, ${`${year}-01-01`}, ${`${year}-10-31`}, ${`${year}-11-30`}, 5, ${status}, now())`);
  }
  await db.execute(sql`
    insert into cycle_expected_unit (cycle_id, org_unit_id, code, name, full_name, kind, search_text, source, sections, deadline)
    select c.id, u.id, u.code, u.name, u.full_name, u.kind, u.search_text, 'plan',
      (select jsonb_agg(jsonb_build_object('planItemId', b.id, 'key', b.key, 'label', b.label, 'title', b.title, 'role', 'lead'))
         from bench_item b where b.n in ((u.n) % ${items}, (u.n + 7) % ${items}, (u.n + 13) % ${items})),
      c.deadline
    from report_cycle c
    cross join (select id, code, name, full_name, kind, search_text, row_number() over (order by code) as n
                from org_unit where code like 'BENCH-%') u
    where c.plan_id = ${plan.id}::uuid`);
  // Reports: 85 % accepted, 5 % submitted, 10 % never sent; one in ten sent late.
  await db.execute(sql`
    insert into report (cycle_id, org_unit_id, status, version, first_submitted_at, submitted_at, is_late, days_late, accepted_at)
    select e.cycle_id, e.org_unit_id,
      case when h < 85 then 'accepted' when h < 90 then 'submitted' else 'draft' end,
      case when h < 90 then 4 else 1 end,
      case when h < 90 then c.deadline::timestamptz - interval '2 days' + (h % 10 = 0)::int * interval '5 days' end,
      case when h < 90 then c.deadline::timestamptz - interval '2 days' end,
      h < 90 and h % 10 = 0, case when h < 90 and h % 10 = 0 then 3 else 0 end,
      case when h < 85 then c.deadline::timestamptz + (h % 17) * interval '1 day' end
    from (select e.*, abs(hashtext(e.org_unit_id::text || e.cycle_id::text)) % 100 as h from cycle_expected_unit e) e
    join report_cycle c on c.id = e.cycle_id`);
  await db.execute(sql`
    insert into report_value (report_id, indicator_code, stream, value, num)
    select r.id, v.code, v.stream,
      case when v.code = 'KH-00' then to_jsonb((abs(hashtext(r.id::text)) % 3) > 0)
           else to_jsonb(round(((abs(hashtext(r.id::text || v.code || v.stream)) % 10000) / 10.0)::numeric, 1)) end,
      case when v.code = 'KH-00' then null
           else round(((abs(hashtext(r.id::text || v.code || v.stream)) % 10000) / 10.0)::numeric, 1) end
    from report r
    cross join (values ('KH-00', ''), ('DN-01', ''), ('TL-01', ''), ('NL-01', ''),
      ('XL-01', 'agri'), ('XL-01', 'medical'), ('XL-01', 'industrial'), ('XL-01', 'domestic'),
      ('SP-01', 'agri'), ('SP-01', 'domestic'), ('TC-01', 'agri')) v(code, stream)
    where r.status <> 'draft'`);
  await db.execute(sql`
    insert into report_section (report_id, plan_item_id, results, difficulties, proposals)
    select r.id, (s->>'planItemId')::uuid,
      'Đơn vị đã triển khai ứng dụng chế phẩm sinh học xử lý chất thải chăn nuôi tại ' || (abs(hashtext(r.id::text)) % 20 + 1) || ' cơ sở, tổ chức tập huấn cho nông dân.',
      case when abs(hashtext(r.id::text || (s->>'key'))) % 5 = 0 then 'Thiếu kinh phí mua chế phẩm sinh học.' else '' end,
      case when abs(hashtext(r.id::text || (s->>'key'))) % 7 = 0 then 'Đề nghị hỗ trợ kinh phí.' else '' end
    from report r
    join cycle_expected_unit e on e.cycle_id = r.cycle_id and e.org_unit_id = r.org_unit_id
    cross join lateral jsonb_array_elements(e.sections) s
    where r.status <> 'draft'`);
  await db.execute(sql`
    insert into feedback (tracking_code, source, subject, text, org_unit_id, report_id, report_slot, plan_id, status, search_text)
    select 'BENCH-' || r.id, 'report', 'Khó khăn, đề xuất trong báo cáo', 'Thiếu kinh phí mua chế phẩm sinh học.',
      r.org_unit_id, r.id, r.id::text, ${plan.id}::uuid,
      (array['new','in_progress','answered','closed'])[1 + abs(hashtext(r.id::text)) % 4], 'kho khan'
    from report r
    where exists (select 1 from report_section rs where rs.report_id = r.id and (rs.difficulties <> '' or rs.proposals <> ''))`);
  await db.execute(sql`analyze`);
  const counts = rowsOf<Record<string, number>>(
    await db.execute(sql`select
      (select count(*)::int from cycle_expected_unit) as expected,
      (select count(*)::int from report) as reports,
      (select count(*)::int from report_value) as "values",
      (select count(*)::int from report_section) as sections,
      (select count(*)::int from feedback) as "deskItems"`),
  )[0];
  console.log(
    `generated in ${((performance.now() - started) / 1000).toFixed(1)} s: ${Object.entries(counts)
      .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
      .join(', ')}`,
  );
  return plan.id;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main() {
  const { database, drop, kind } = await openDatabase();
  try {
    await seedReferenceData(database.db, importSeedPlan);
    const planId = await generate(database.db);
    const db = database.db;
    const ctx: Ctx = {
      actor: {
        id: '00000000-0000-0000-0000-000000000000',
        email: 'bench@bioplan',
        name: 'Bench',
        role: 'leader',
        orgUnitId: null,
      },
      db,
      requestId: 'bench',
      clock: fixedClock('2030-11-20T02:00:00Z'),
      config: loadConfig({ BIOPLAN_DATA_DIR: '/tmp/bioplan-bench-progress', LOG_LEVEL: 'silent' }),
      lang: 'vi',
      ip: '127.0.0.1',
    };
    const cycles = rowsOf<{ id: string; year: number }>(await db.execute(planCyclesSql(planId)));
    const open = cycles.at(-1)!;
    const run = (q: SQL) => db.execute(q);
    // The desk items of the reports raising something (the difficulties figure's desk counts).
    const deskSql = sql`select f.id, f.report_id, f.status from feedback f where f.report_id in (
      select r.id from report r where r.cycle_id = ${open.id}::uuid and r.status in ('submitted', 'accepted'))`;

    // Each figure page: the service call, and the statements that compute its figures.
    const cases: Array<{ name: string; service: () => Promise<unknown>; raw: () => Promise<unknown> }> = [
      {
        name: 'overview',
        service: () => getOverview(ctx, {}),
        raw: () =>
          Promise.all([
            run(timelinessSql(planId)),
            run(yearTotalsSql(planId, [open.year, open.year - 1])),
            run(itemProgressSql(open.id)),
            run(raisedByItemSql(open.id)),
            run(deskSql),
          ]),
      },
      {
        name: 'items',
        service: () => getItems(ctx, { year: open.year }),
        raw: () => Promise.all([run(itemProgressSql(open.id)), run(latestNarrativesSql(open.id, 3, 240))]),
      },
      {
        name: 'indicators',
        service: () => getIndicators(ctx, { year: open.year, indicator: 'XL-01' }),
        raw: () => Promise.all([run(indicatorSeriesSql(planId, 'XL-01')), run(localityValuesSql(open.id, 'XL-01'))]),
      },
      {
        name: 'timeliness',
        service: () => getTimeliness(ctx, { year: open.year }),
        raw: () =>
          Promise.all([run(timelinessSql(planId)), run(raisedByItemSql(open.id)), run(itemProgressSql(open.id))]),
      },
    ];
    // Warm both paths once (plans, caches), then alternate.
    for (const c of cases) {
      await c.service();
      await c.raw();
    }
    console.log(`${kind}, ${UNITS.toLocaleString('en')} units × ${YEARS.length} cycles, medians of ${RUNS} runs`);
    console.log('figure       service ms   raw SQL ms   ratio');
    const ratios: number[] = [];
    for (const c of cases) {
      const s: number[] = [];
      const r: number[] = [];
      for (let i = 0; i < RUNS; i += 1) {
        let t = performance.now();
        await c.raw();
        r.push(performance.now() - t);
        t = performance.now();
        await c.service();
        s.push(performance.now() - t);
      }
      const ratio = median(s) / median(r);
      ratios.push(ratio);
      console.log(
        `${c.name.padEnd(12)} ${median(s).toFixed(1).padStart(10)} ${median(r).toFixed(1).padStart(12)} ${ratio.toFixed(2).padStart(7)}×`,
      );
    }
    console.log(`worst ratio ${Math.max(...ratios).toFixed(2)}× (target ≤ 2×)`);
  } finally {
    await drop();
  }
}

await main();
process.exit(0);
