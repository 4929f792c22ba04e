// `npx tsx bench/registries.ts` — the generic registries at scale: BENCH_REG_RECORDS (100,000)
// generated records across the eight kinds, reported by BENCH_REG_UNITS (150) units over two years,
// one in five a second unit's report of the same thing (de-duplicated in province figures).
// Prints, in the same run, medians of BENCH_REG_RUNS (5):
//   - listing and filtering through the service (listRecords: page, total, names of the
//     enterprises and communes the page refers to) against the single SQL statement answering the
//     same question (the page with count(*) over ());
//   - deriving every indicator of the registries (registryDerivations: byUnit for every unit of the
//     cycle, and the province) against the SQL computing them (the same aggregates as plain
//     statements, one per indicator, no query builder).
// On PGlite in memory by default; with DATABASE_URL, a throw-away database on that server.
import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { WASTE_STREAMS } from '../shared/domain.js';
import { REGISTRY_KINDS, type RecordData } from '../shared/registry-kinds.js';
import { identityKey } from '../shared/registry-values.js';
import { foldText } from '../shared/text.js';
import { createDb, type Database } from '../server/db/client.js';
import { orgUnits, registryRecords } from '../server/db/schema/index.js';
import { seedReferenceData } from '../server/db/seed/index.js';
import { listRecords, registryDerivations } from '../server/features/registries/index.js';
import type { Actor } from '../server/lib/context.js';

const RECORDS = Number(process.env.BENCH_REG_RECORDS ?? 100_000);
const UNITS = Number(process.env.BENCH_REG_UNITS ?? 150);
const RUNS = Number(process.env.BENCH_REG_RUNS ?? 5);

async function openDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (!process.env.DATABASE_URL) return { database: await createDb({ dataDir: null }), drop: async () => {} };
  const base = new URL(process.env.DATABASE_URL);
  const name = `bioplan_bench_reg_${randomBytes(4).toString('hex')}`;
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

const WORDS = ['chế phẩm', 'vi sinh', 'ủ phân', 'rác thải', 'nước thải', 'tập huấn', 'chăn nuôi', 'thủy sản', 'biogas'];
const day = (n: number) => new Date(Date.UTC(2025, 0, 1) + (n % 730) * 86_400_000).toISOString().slice(0, 10);

/** Plausible data for the i-th record of a kind; every fifth repeats the previous one's identity. */
function dataFor(kind: string, i: number, communes: string[]): RecordData {
  const n = i % 5 === 4 ? i - 1 : i;
  const words = `${WORDS[n % WORDS.length]} ${WORDS[(n * 7) % WORDS.length]} ${n}`;
  const date = day(n * 13);
  switch (kind) {
    case 'bio_product':
      return {
        name: `Chế phẩm ${words}`,
        producer: null,
        wasteStreams: [WASTE_STREAMS[n % 4], WASTE_STREAMS[(n + 1) % 4]].sort(),
        registrationNumber: `TCCS ${n}`,
        appliedOn: date,
        communes: [communes[n % communes.length]],
        volume: (n % 50) + 0.5,
      };
    case 'st_task':
      return {
        code: `ĐT.${n}`,
        title: `Nhiệm vụ ${words}`,
        level: ['national', 'ministry', 'province', 'grassroots'][n % 4],
        host: 'Trường Đại học Cửu Long',
        investigator: 'TS. Nguyễn Văn A',
        startDate: date,
        endDate: day(n * 13 + 300),
        budget: (n % 40) * 25,
        status: 'ongoing',
        results: null,
        appliedBy: [],
      };
    case 'tech_transfer':
      return {
        technology: `Công nghệ ${words}`,
        fromParty: 'Viện Môi trường',
        toParty: `HTX ${n % 300}`,
        transferDate: date,
        value: n % 900,
      };
    case 'training':
      return {
        title: `Tập huấn ${words}`,
        startDate: date,
        endDate: n % 3 === 0 ? day(n * 13 + 2) : null,
        organiser: 'Sở Nông nghiệp và Môi trường',
        place: 'Hội trường',
        officials: n % 30,
        business: n % 12,
        residents: n % 80,
        material: null,
      };
    case 'communication':
      return {
        title: `Tin bài ${words}`,
        form: ['article', 'broadcast', 'conference', 'leaflet', 'social'][n % 5],
        date,
        channel: 'Báo Vĩnh Long',
        reach: (n % 100) * 120,
      };
    case 'policy':
      return {
        number: `${n}/QĐ-UBND`,
        date,
        issuer: 'UBND tỉnh',
        title: `Quy định ${words}`,
        action: n % 2 ? 'issued' : 'reviewed',
      };
    case 'funding':
      return {
        source: ['provincial', 'central', 'socialised', 'oda', 'other'][n % 5],
        amount: (n % 60) * 50,
        year: Number(date.slice(0, 4)),
        decisionNumber: n % 3 ? `${n}/QĐ-UBND` : null,
        decisionDate: n % 3 ? date : null,
        allocatedTo: `Hoạt động ${words}`,
      };
    default:
      return {
        name: `Dự án ${words}`,
        investor: null,
        capital: (n % 90) * 1_000,
        status: ['calling', 'approved', 'implementing', 'operating'][n % 4],
        approvedOn: n % 4 ? date : null,
        startedOn: null,
        operatingOn: null,
      };
  }
}

async function generate(database: Database): Promise<string[]> {
  const db = database.db;
  const units = (await db.select({ id: orgUnits.id, kind: orgUnits.kind }).from(orgUnits)).map((u) => u);
  const reporting = units.slice(0, UNITS).map((u) => u.id);
  const communes = units.filter((u) => u.kind === 'commune' || u.kind === 'ward').map((u) => u.id);
  const perKind = Math.ceil(RECORDS / REGISTRY_KINDS.length);
  let batch: Array<typeof registryRecords.$inferInsert> = [];
  let made = 0;
  for (const def of REGISTRY_KINDS) {
    for (let i = 0; i < perKind && made < RECORDS; i += 1, made += 1) {
      const data = dataFor(def.kind, i, communes);
      const span = def.span(data);
      const id = randomUUID();
      batch.push({
        id,
        kind: def.kind,
        // A repeat (every fifth) comes from the next unit: a second unit reporting the same thing.
        unitId: reporting[(i % 5 === 4 ? i + 1 : i) % reporting.length],
        planItemKeys: [],
        occurredOn: span.from,
        endedOn: span.to && span.to !== span.from ? span.to : null,
        title: String(data[def.titleField] ?? def.title.vi),
        searchText: foldText(
          Object.values(data)
            .filter((v) => typeof v === 'string')
            .join(' '),
        ),
        identityKey: identityKey(def, data) ?? `id:${id}`,
        data,
      });
      if (batch.length === 2_000) {
        await db.insert(registryRecords).values(batch);
        batch = [];
      }
    }
  }
  if (batch.length) await db.insert(registryRecords).values(batch);
  await db.execute(sql`analyze registry_record`);
  return reporting;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** Runs each side RUNS times, alternating, and answers the medians. */
async function compare(a: () => Promise<unknown>, b: () => Promise<unknown>): Promise<[number, number]> {
  await a();
  await b();
  const ta: number[] = [];
  const tb: number[] = [];
  for (let r = 0; r < RUNS; r += 1) {
    ta.push(await timed(a));
    tb.push(await timed(b));
  }
  return [median(ta), median(tb)];
}

const fmt = (ms: number) => `${ms.toFixed(1).padStart(8)} ms`;

async function main() {
  const { database, drop } = await openDatabase();
  try {
    await seedReferenceData(database.db);
    const t0 = performance.now();
    const units = await generate(database);
    console.log(
      `registries bench (${database.kind}): ${RECORDS} records, ${units.length} units, generated in ${((performance.now() - t0) / 1000).toFixed(1)} s; medians of ${RUNS}`,
    );
    const db = database.db;
    const actor: Actor = { id: randomUUID(), email: 'bench@bioplan', name: 'Bench', role: 'focal', orgUnitId: null };
    const ctx = { db, actor };

    const lists: Array<{ name: string; q: Parameters<typeof listRecords>[1] }> = [
      { name: 'training, newest first', q: { kind: 'training', page: 1, pageSize: 25, sort: 'date', dir: 'desc' } },
      {
        name: 'training, search "u phan"',
        q: { kind: 'training', q: 'u phan', page: 1, pageSize: 25, sort: 'date', dir: 'desc' },
      },
      {
        name: 'communication, unit + year',
        q: { kind: 'communication', unitId: units[7], year: 2026, page: 1, pageSize: 25, sort: 'title', dir: 'asc' },
      },
      {
        name: 'bio_product, year, page 5',
        q: { kind: 'bio_product', year: 2025, page: 5, pageSize: 25, sort: 'date', dir: 'desc' },
      },
      {
        name: 'funding, window',
        q: {
          kind: 'funding',
          from: '2026-01-01',
          to: '2026-06-30',
          page: 1,
          pageSize: 25,
          sort: 'updatedAt',
          dir: 'desc',
        },
      },
    ];
    console.log('\nlisting and filtering: service (listRecords) vs the single SQL statement');
    const ratios: number[] = [];
    for (const { name, q } of lists) {
      const where = [sql`r.kind = ${q.kind}`];
      if (q.q) where.push(sql`r.search_text like ${`%${foldText(q.q)}%`}`);
      if (q.unitId) where.push(sql`r.unit_id = ${q.unitId}`);
      const from = q.year ? `${q.year}-01-01` : q.from;
      const to = q.year ? `${q.year}-12-31` : q.to;
      if (from && to)
        where.push(sql`r.occurred_on <= ${to}::date and coalesce(r.ended_on, r.occurred_on) >= ${from}::date`);
      const order = {
        date: sql.raw('r.occurred_on'),
        title: sql.raw('r.title'),
        unit: sql.raw('u.name'),
        updatedAt: sql.raw('r.updated_at'),
      }[q.sort];
      const plain = () =>
        db.execute(sql`select r.*, u.full_name as unit_name, count(*) over () as total
          from registry_record r left join org_unit u on u.id = r.unit_id
          where ${sql.join(where, sql` and `)}
          order by ${order} ${sql.raw(q.dir)} nulls last, r.id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`);
      const [service, single] = await compare(() => listRecords(ctx, q), plain);
      ratios.push(service / single);
      console.log(
        `  ${name.padEnd(30)} service ${fmt(service)}   SQL ${fmt(single)}   ratio ${(service / single).toFixed(2)}`,
      );
    }

    console.log(
      '\nderiving every indicator (14, with SP-01 by waste stream) for every unit of the cycle and the province',
    );
    const window = { from: '2026-01-01', to: '2026-12-31' };
    const viaModule = async () => {
      for (const d of registryDerivations) {
        await d.byUnit(db, window, units);
        await d.province(db, window);
      }
    };
    const measure: Record<string, string> = {
      'DT-03':
        "coalesce((data->>'officials')::numeric,0)+coalesce((data->>'business')::numeric,0)+coalesce((data->>'residents')::numeric,0)",
      'TT-02': "coalesce((data->>'reach')::numeric,0)",
      'KP-01': "coalesce((data->>'amount')::numeric,0)",
      'DT-02': "coalesce((data->>'capital')::numeric,0)",
    };
    const kindOf: Record<string, string> = {
      'KH-01': 'st_task',
      'KH-02': 'tech_transfer',
      'DT-01': 'training',
      'DT-03': 'training',
      'TT-01': 'communication',
      'TT-02': 'communication',
      'CS-01': 'policy',
      'KP-01': 'funding',
      'DT-02': 'investment',
      'SP-01': 'bio_product',
    };
    const unitList = sql.join(
      units.map((u) => sql`${u}::uuid`),
      sql`, `,
    );
    const plainSql = async () => {
      for (const d of registryDerivations) {
        const v = sql.raw(measure[d.indicatorCode] ? `max(${measure[d.indicatorCode]})` : '1');
        const extra =
          d.indicatorCode === 'DT-02'
            ? sql` and data->>'status' in ('approved','implementing','operating')`
            : d.wasteStream
              ? sql` and data->'wasteStreams' @> ${JSON.stringify([d.wasteStream])}::jsonb`
              : sql``;
        const w = sql`kind = ${kindOf[d.indicatorCode]} and occurred_on <= ${window.to}::date and coalesce(ended_on, occurred_on) >= ${window.from}::date${extra}`;
        await db.execute(
          sql`select unit_id, sum(v) from (select unit_id, ${v} as v from registry_record where ${w} and unit_id in (${unitList}) group by unit_id, identity_key) g group by unit_id`,
        );
        await db.execute(
          sql`select sum(v) from (select ${v} as v from registry_record where ${w} group by identity_key) g`,
        );
      }
    };
    const [mod, plain] = await compare(viaModule, plainSql);
    console.log(`  registryDerivations ${fmt(mod)}   SQL ${fmt(plain)}   ratio ${(mod / plain).toFixed(2)}`);
    console.log(
      `\nlisting ratios ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}, derivations ${(mod / plain).toFixed(2)} (target < 2)`,
    );
  } finally {
    await database.close();
    await drop();
  }
}

await main();
