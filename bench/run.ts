// `npm run bench` — the reporting benchmarks of issue 3, on PostgreSQL, figures printed:
//  1. Deadline day: BENCH_UNITS (500) units save a BENCH_FIELDS (300)-value report and submit it,
//     BENCH_CONCURRENCY (50) clients at once, against a real server process; p50/p99, throughput,
//     and the ratio to writing the same rows with plain SQL through the same driver (pg) in the
//     same run; checks nothing was lost or duplicated and no 5xx; peak server memory (RSS).
//  2. The board of a cycle of BENCH_BOARD_UNITS (5,000) units vs the single SQL query of its counts.
// BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) names a server where a
// throw-away database is created and dropped.
//  3. Deadline day again with two server instances on the same database (clients split), printed
//     beside the one-instance figures.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { WASTE_STREAMS } from '../shared/domain.js';
import { createDb } from '../server/db/client.js';
import { reports } from '../server/db/schema/index.js';
import { seedReferenceData } from '../server/db/seed/index.js';
import { importSeedPlan } from '../server/features/index.js';
import { completenessBoard, countsSql } from '../server/features/reporting/index.js';
import { CompletenessQuery } from '../shared/contracts/reporting.js';
import { generateAccount, generateCycle, generateForm, generateReportStates, generateUnits } from './generate.js';

const BASE = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const UNITS = Number(process.env.BENCH_UNITS ?? 500);
const FIELDS = Number(process.env.BENCH_FIELDS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const BOARD_UNITS = Number(process.env.BENCH_BOARD_UNITS ?? 5000);
const BOARD_RUNS = Number(process.env.BENCH_BOARD_RUNS ?? 40);
/** Extra node flags of the server process, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it. */
const SERVER_NODE_ARGS = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Runs `work` for each item with `n` workers at once. */
async function pool<T>(items: T[], n: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

function rssMb(pid: number): number {
  try {
    const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/);
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** CPU seconds (user + system) of a process, and of its waited-for children. */
function cpuOf(stat: string): number {
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14–17 of /proc/<pid>/stat (here from field 3): utime, stime, cutime, cstime, in clock ticks.
  return (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / 100;
}

/**
 * CPU seconds used so far by the server process, by the PostgreSQL server (every backend and
 * the postmaster, whose children's time includes backends that have exited) and by this process
 * (the clients): the split of the machine's work between them in a phase.
 */
function cpuNow(serverPids: number[]): {
  server: number;
  serverSystem: number;
  database: number;
  connections: number;
  clients: number;
} {
  let database = 0;
  let connections = 0;
  let server = 0;
  let serverSystem = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (stat.includes('(postgres)')) {
        database += cpuOf(stat);
        // A connection's backend is titled "postgres: <user> <database> <address> …"; the rest is the server's own work.
        if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(' 127.0.0.1(')) connections += cpuOf(stat);
      } else if (serverPids.includes(Number(pid))) {
        server += cpuOf(stat);
        serverSystem += Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[12]) / 100;
      }
    } catch {
      /* gone */
    }
  }
  const self = process.cpuUsage();
  return { server, serverSystem, database, connections, clients: (self.user + self.system) / 1e6 };
}

const cpuSince = (a: ReturnType<typeof cpuNow>, b: ReturnType<typeof cpuNow>) =>
  `server ${(b.server - a.server).toFixed(1)} s (kernel ${(b.serverSystem - a.serverSystem).toFixed(1)} s), PostgreSQL ${(b.database - a.database).toFixed(1)} s (connections ${(b.connections - a.connections).toFixed(1)} s), clients (this process) ${(b.clients - a.clients).toFixed(1)} s`;

async function main() {
  const name = `bioplan_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: BASE });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(BASE);
  url.pathname = `/${name}`;
  const dbUrl = url.toString();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bioplan-bench-'));
  let server: ChildProcess | undefined;
  let secondServer: { child: ChildProcess; origin: string } | undefined;
  const secondDir = mkdtempSync(path.join(tmpdir(), 'bioplan-bench-b-'));
  const database = await createDb({ databaseUrl: dbUrl });
  try {
    const db = database.db;
    console.log(
      `bench: PostgreSQL database ${name}; ${UNITS} units × ${FIELDS} values, ${CONCURRENCY} clients; board of ${BOARD_UNITS} units`,
    );
    let t0 = performance.now();
    await seedReferenceData(db, importSeedPlan);
    const units = await generateUnits(db, UNITS, 'BQ', { withUsers: true });
    const form = await generateForm(db, FIELDS, 'BENCH');
    const apiCycle = await generateCycle(db, 2098, units, form);
    const sqlCycle = await generateCycle(db, 2097, units, form);
    const created = await db
      .insert(reports)
      .values([
        ...units.map((u) => ({ cycleId: apiCycle, orgUnitId: u.id })),
        ...units.map((u) => ({ cycleId: sqlCycle, orgUnitId: u.id })),
      ])
      .returning({ id: reports.id, cycleId: reports.cycleId, orgUnitId: reports.orgUnitId });
    const apiReport = new Map(created.filter((r) => r.cycleId === apiCycle).map((r) => [r.orgUnitId, r.id]));
    const sqlReports = created.filter((r) => r.cycleId === sqlCycle).map((r) => r.id);
    console.log(`generate: ${ms(performance.now() - t0)}`);

    // A real server process on the same database, started as `npm start` starts it: the built bundle.
    execFileSync(process.execPath, ['scripts/build-server.mjs'], { stdio: 'inherit' });
    // Started as `npm start` starts it: the built bundle, on a port of its own and its own data directory.
    const startServer = async (dir: string) => {
      const port = await freePort();
      const child = spawn(process.execPath, [...SERVER_NODE_ARGS, '--enable-source-maps', 'dist/server/main.js'], {
        env: {
          ...process.env,
          DATABASE_URL: dbUrl,
          PORT: String(port),
          HOST: '127.0.0.1',
          LOG_LEVEL: 'warn',
          BIOPLAN_DATA_DIR: dir,
          BIOPLAN_ADMIN_PASSWORD: 'Bench-admin-123',
          SMTP_URL: '',
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      const base = `http://127.0.0.1:${port}`;
      for (let i = 0; ; i++) {
        try {
          if ((await fetch(`${base}/api/v1/health`)).ok) break;
        } catch {
          /* not up yet */
        }
        if (i > 300) throw new Error('server did not start');
        await new Promise((r) => setTimeout(r, 200));
      }
      return { child, origin: base };
    };
    const first = await startServer(dataDir);
    server = first.child;
    const origin = first.origin;
    const startRss = rssMb(server.pid!);
    let peakRss = startRss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(server!.pid!))), 100);

    const values = form
      .flatMap((f) => WASTE_STREAMS.map((s, j) => ({ indicatorCode: f.code, wasteStream: s, value: (j + 1) * 10 })))
      .slice(0, FIELDS);
    // The clients: node:http with kept-alive connections, one per client (a lean load generator, as
    // autocannon is; fetch costs this process — on the same two cores — about twice the CPU).
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const send = (base: string, method: string, p: string, headers: Record<string, string>, payload?: string) =>
      new Promise<number>((resolve, reject) => {
        const req = http.request(
          `${base}${p}`,
          {
            method,
            agent,
            headers: payload ? { ...headers, 'content-length': String(Buffer.byteLength(payload)) } : headers,
          },
          (res) => {
            res.on('data', () => {});
            res.on('end', () => resolve(res.statusCode ?? 0));
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end(payload);
      });
    /**
     * Deadline day against the given instances (unit i talks to origins[i % n]): every unit saves
     * and submits its report of `reportOf`; CPU of the listed server processes.
     */
    const deadlineDay = async (origins: string[], reportOf: Map<string, string>, pids: number[]) => {
      const latencies: number[] = [];
      const reportLatency: number[] = [];
      const status: Record<number, number> = {};
      let fivexx = 0;
      const call = async (
        u: (typeof units)[number],
        method: string,
        p: string,
        body?: unknown,
        headers: Record<string, string> = {},
      ) => {
        const start = performance.now();
        const code = await send(
          origins[units.indexOf(u) % origins.length],
          method,
          p,
          {
            cookie: u.cookie,
            'x-csrf-token': u.csrf,
            ...(body ? { 'content-type': 'application/json' } : {}),
            ...headers,
          },
          body ? JSON.stringify(body) : undefined,
        );
        latencies.push(performance.now() - start);
        status[code] = (status[code] ?? 0) + 1;
        if (code >= 500) fivexx += 1;
        return code;
      };
      // Warm-up: one GET per instance (JIT, pools); not counted.
      for (let i = 0; i < origins.length; i++)
        await call(units[i], 'GET', `/api/v1/reports/${reportOf.get(units[i].id)}`);
      latencies.length = 0;
      const cpu0 = cpuNow(pids);
      const started = performance.now();
      await pool(units, CONCURRENCY, async (u) => {
        const id = reportOf.get(u.id)!;
        const start = performance.now();
        // As the form's autosave does: the short answer (Prefer: return=minimal); the submission gets the full report.
        await call(
          u,
          'PUT',
          `/api/v1/reports/${id}`,
          { version: 1, values, sections: [] },
          { prefer: 'return=minimal' },
        );
        const key = `bench-${id}`;
        await call(u, 'POST', `/api/v1/reports/${id}/submit`, undefined, { 'idempotency-key': key });
        // Every tenth client double-submits (a retry after a lost answer): must record one submission.
        if (units.indexOf(u) % 10 === 0)
          await call(u, 'POST', `/api/v1/reports/${id}/submit`, undefined, { 'idempotency-key': key });
        reportLatency.push(performance.now() - start);
      });
      const seconds = (performance.now() - started) / 1000;
      return { seconds, latencies, reportLatency, status, fivexx, cpu: cpuSince(cpu0, cpuNow(pids)) };
    };
    const one = await deadlineDay([origin], apiReport, [server.pid!]);
    const { latencies, reportLatency, status, fivexx } = one;
    const apiSeconds = one.seconds;
    const apiCpu = one.cpu;
    clearInterval(sampler);
    const apiThroughput = UNITS / apiSeconds;

    // Verify: every report recorded once.
    const check = (await db.execute(sql`
      select (select count(*)::int from report where cycle_id = ${apiCycle} and status = 'submitted') as submitted,
             (select count(*)::int from report_event e join report r on r.id = e.report_id where r.cycle_id = ${apiCycle} and e.action = 'submit') as events,
             (select count(*)::int from report_value v join report r on r.id = v.report_id where r.cycle_id = ${apiCycle}) as "values"`)) as unknown as {
      rows: Array<{ submitted: number; events: number; values: number }>;
    };
    const v = check.rows[0];

    // Baseline: the same rows a save and a submission write (values, report columns, history lines
    // with the snapshot, idempotency key, audit lines with their data), with plain SQL through the
    // same driver (pg), at the same concurrency, in the same run.
    const plain = new pg.Pool({ connectionString: dbUrl, max: CONCURRENCY });
    const snapshot = JSON.stringify({ values, sections: [], otherResults: '', proposalsToCommittee: '' });
    const sqlCpu0 = cpuNow([server.pid!]);
    t0 = performance.now();
    const unitOf = new Map(
      created.filter((r) => r.cycleId === sqlCycle).map((r) => [r.id, units.find((u) => u.id === r.orgUnitId)!]),
    );
    await pool(sqlReports, CONCURRENCY, async (id) => {
      const u = unitOf.get(id)!;
      const who = [u.userId, `Cán bộ ${u.code}`, `${u.code.toLowerCase()}@bench.vn`];
      const c = await plain.connect();
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
        await c.query(
          'update report set version = version + 1, updated_at = now(), updated_by = $2, updated_by_name = $3, updated_by_email = $4 where id = $1',
          [id, ...who],
        );
        await c.query(
          "insert into report_event (report_id, at, actor_id, actor_name, actor_email, action, version) values ($1, now(), $2, $3, $4, 'save', 2)",
          [id, ...who],
        );
        await c.query(
          "insert into audit_log (actor_id, actor_email, action, entity_type, entity_id, data) values ($2, $3, 'report.save', 'report', $1, $4::jsonb)",
          [id, who[0], who[2], JSON.stringify({ version: 2, values: values.length })],
        );
        await c.query('commit');
        await c.query('begin');
        await c.query('select * from report where id = $1 for update', [id]);
        await c.query('insert into idempotency_key (key, scope, user_id) values ($1, $2, $3) on conflict do nothing', [
          `k-${id}`,
          `report.submit:${id}`,
          u.userId,
        ]);
        await c.query('select indicator_code, stream, value from report_value where report_id = $1', [id]);
        await c.query(
          "update report set status = 'submitted', version = version + 1, submitted_at = now(), first_submitted_at = now(), is_late = false, days_late = 0, updated_at = now(), updated_by = $2, updated_by_name = $3, updated_by_email = $4 where id = $1",
          [id, ...who],
        );
        await c.query(
          "insert into report_event (report_id, at, actor_id, actor_name, actor_email, action, version, snapshot) values ($1, now(), $2, $3, $4, 'submit', 3, $5::jsonb)",
          [id, ...who, snapshot],
        );
        await c.query(
          "insert into audit_log (actor_id, actor_email, action, entity_type, entity_id, data) values ($2, $3, 'report.submit', 'report', $1, $4::jsonb)",
          [id, who[0], who[2], JSON.stringify({ version: 3, late: false, daysLate: 0, idempotencyKey: `k-${id}` })],
        );
        await c.query('commit');
      } finally {
        c.release();
      }
    });
    const sqlSeconds = (performance.now() - t0) / 1000;
    const sqlCpu = cpuSince(sqlCpu0, cpuNow([server.pid!]));
    const sqlThroughput = sqlReports.length / sqlSeconds;

    // Two instances on the same database, the clients split between them (issue 11): a third
    // cycle of the same units, so each instance writes what one instance wrote above.
    const twoCycle = await generateCycle(db, 2096, units, form);
    const twoReports = await db
      .insert(reports)
      .values(units.map((u) => ({ cycleId: twoCycle, orgUnitId: u.id })))
      .returning({ id: reports.id, orgUnitId: reports.orgUnitId });
    secondServer = await startServer(secondDir);
    const two = await deadlineDay([origin, secondServer.origin], new Map(twoReports.map((r) => [r.orgUnitId, r.id])), [
      server.pid!,
      secondServer.child.pid!,
    ]);
    const twoCheck = (await db.execute(sql`
      select (select count(*)::int from report where cycle_id = ${twoCycle} and status = 'submitted') as submitted,
             (select count(*)::int from report_event e join report r on r.id = e.report_id where r.cycle_id = ${twoCycle} and e.action = 'submit') as events`)) as unknown as {
      rows: Array<{ submitted: number; events: number }>;
    };
    agent.destroy();

    console.log('\n== Deadline day ==');
    console.log(
      `reports: ${UNITS} (save ${FIELDS} values + submit, 10% submitted twice with the same Idempotency-Key)`,
    );
    console.log(
      `recorded: submitted=${v.submitted}/${UNITS}, submit events=${v.events} (duplicates: ${v.events - UNITS}), values=${v.values}/${UNITS * FIELDS}`,
    );
    console.log(`HTTP statuses: ${JSON.stringify(status)}; 5xx: ${fivexx}`);
    console.log(
      `request latency: p50 ${ms(pct(latencies, 50))}, p99 ${ms(pct(latencies, 99))} (${latencies.length} requests)`,
    );
    console.log(`report (save+submit) latency: p50 ${ms(pct(reportLatency, 50))}, p99 ${ms(pct(reportLatency, 99))}`);
    console.log(
      `throughput: API ${apiThroughput.toFixed(1)} reports/s (${apiSeconds.toFixed(2)} s); plain SQL ${sqlThroughput.toFixed(1)} reports/s (${sqlSeconds.toFixed(2)} s)`,
    );
    console.log(`ratio API / plain SQL: ${(apiThroughput / sqlThroughput).toFixed(2)} (target ≥ 0.5)`);
    console.log(`CPU time, API: ${apiCpu}`);
    console.log(`CPU time, plain SQL: ${sqlCpu}`);
    console.log(`server peak RSS: ${peakRss.toFixed(0)} MB (target < 300 MB; ${startRss.toFixed(0)} MB when started)`);
    const w = twoCheck.rows[0];
    console.log('\n== Deadline day, two instances on one PostgreSQL (clients split between them) ==');
    console.log(
      `recorded: submitted=${w.submitted}/${UNITS}, submit events=${w.events} (duplicates: ${w.events - UNITS}); HTTP statuses: ${JSON.stringify(two.status)}; 5xx: ${two.fivexx}`,
    );
    console.log(
      `request latency: p50 ${ms(pct(two.latencies, 50))}, p99 ${ms(pct(two.latencies, 99))}; report (save+submit): p50 ${ms(pct(two.reportLatency, 50))}, p99 ${ms(pct(two.reportLatency, 99))}`,
    );
    console.log(
      `throughput: two instances ${(UNITS / two.seconds).toFixed(1)} reports/s (${two.seconds.toFixed(2)} s); one instance ${apiThroughput.toFixed(1)} reports/s (${apiSeconds.toFixed(2)} s)`,
    );
    console.log(`CPU time, two instances: ${two.cpu}`);

    // The board of a big cycle vs the single SQL query of its counts.
    t0 = performance.now();
    const boardUnits = await generateUnits(db, BOARD_UNITS, 'BB');
    const boardCycle = await generateCycle(db, 2099, boardUnits, form);
    await generateReportStates(db, boardCycle, boardUnits);
    await db.execute(sql`analyze`);
    console.log(`\ngenerate board: ${ms(performance.now() - t0)}`);
    const focal = await generateAccount(db, 'focal');
    const board = async () => {
      const res = await fetch(`${origin}/api/v1/cycles/${boardCycle}/completeness`, {
        headers: { cookie: focal.cookie },
      });
      const body = (await res.json()) as { expected: number; submitted: number };
      if (res.status !== 200) throw new Error(`board: ${res.status}`);
      return body;
    };
    const query = async () => plain.query(pgText(countsSql(boardCycle)));
    for (let i = 0; i < 5; i++) {
      await board();
      await query();
    }
    // The board's own statement, in this process through drizzle: splits SQL from HTTP and app time.
    const boardQuery = CompletenessQuery.parse({});
    const statement = async () => completenessBoard(db, boardCycle, boardQuery, '2099-12-01');
    for (let i = 0; i < 5; i++) await statement();
    // The floor of any signed-in request on this machine: HTTP, session lookup and one small query.
    const me = async () =>
      (await fetch(`${origin}/api/v1/auth/me`, { headers: { cookie: focal.cookie } })).arrayBuffer();
    await me();
    const tq: number[] = [];
    const th: number[] = [];
    const ts: number[] = [];
    const tm: number[] = [];
    let counts: { expected: number; submitted: number } | undefined;
    for (let i = 0; i < BOARD_RUNS; i++) {
      let s = performance.now();
      await query();
      tq.push(performance.now() - s);
      s = performance.now();
      counts = await board();
      th.push(performance.now() - s);
      s = performance.now();
      await statement();
      ts.push(performance.now() - s);
      s = performance.now();
      await me();
      tm.push(performance.now() - s);
    }
    console.log('\n== Completeness board ==');
    console.log(`cycle: ${counts!.expected} expected units, ${counts!.submitted} submitted`);
    console.log(`single SQL count query: median ${ms(pct(tq, 50))}, p90 ${ms(pct(tq, 90))}`);
    console.log(
      `the board's one statement (counts + page + total), in-process: median ${ms(pct(ts, 50))}, p90 ${ms(pct(ts, 90))}`,
    );
    console.log(
      `floor of a signed-in request (GET /auth/me: HTTP, session, one small query): median ${ms(pct(tm, 50))}, p90 ${ms(pct(tm, 90))}`,
    );
    console.log(
      `GET /cycles/:id/completeness (counts + by kind + first page of 50): median ${ms(pct(th, 50))}, p90 ${ms(pct(th, 90))}`,
    );
    console.log(`ratio board / query: ${(pct(th, 50) / pct(tq, 50)).toFixed(2)} (target ≤ 2)`);
    await plain.end();
  } finally {
    for (const child of [server, secondServer?.child]) {
      if (!child?.pid || child.exitCode !== null) continue;
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    await database.close();
    const c = new pg.Client({ connectionString: BASE });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(secondDir, { recursive: true, force: true });
  }
}

/** A drizzle SQL object as text + params for the pg driver. */
function pgText(q: ReturnType<typeof countsSql>): { text: string; values: unknown[] } {
  const built = new PgDialect().sqlToQuery(q);
  return { text: built.sql, values: built.params };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
