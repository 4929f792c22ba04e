// Issue 11, "Graceful shutdown": SIGTERM during a burst of report saves and submissions. The
// server stops accepting, finishes what is in flight and exits 0; after a restart every
// acknowledged write is there, exactly, and nothing is half-written.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReportDto } from '../../../shared/contracts/reporting.js';
import { foldText } from '../../../shared/text.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { createDb, type Database } from '../../db/client.js';
import { cycleExpectedUnits, users } from '../../db/schema/index.js';
import { seedReferenceData, unitIdByCode } from '../../db/seed/index.js';
import { importSeedPlan } from '../index.js';
import { hashPassword } from '../../lib/passwords.js';
import { buildCycle } from '../../test/cycles.js';
import { freePort, spawnServer, waitListening } from '../../test/child-server.js';
import {
  createTestDatabase,
  testDatabaseKind,
  TEST_PASSWORD,
  type TestApp,
  type TestClient,
} from '../../test/harness.js';

const UNITS = 8;
const SAVES = 6;
const dataDir = mkdtempSync(path.join(tmpdir(), 'bioplan-sigterm-'));
let database: (Database & { url?: string }) | undefined;

afterAll(async () => {
  await database?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function openDatabase(): Promise<Database & { url?: string }> {
  if (testDatabaseKind() === 'postgres') return database ?? createTestDatabase();
  return createDb({ dataDir });
}

/** Signs in through the app (in process) and answers a client for app.inject. */
async function injectClient(app: TestApp['app'], email: string): Promise<TestClient> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password: TEST_PASSWORD },
  });
  const cookie = `bioplan_session=${res.cookies.find((c) => c.name === 'bioplan_session')!.value}`;
  const csrf = res.json().csrfToken as string;
  const inject = (o: Parameters<TestClient['inject']>[0]) =>
    app.inject({ ...o, headers: { cookie, 'x-csrf-token': csrf, ...o.headers } });
  return {
    user: { id: res.json().user.id, email },
    csrf,
    cookie,
    inject,
    get: (url, headers) => inject({ method: 'GET', url, headers }),
    post: (url, payload, headers) => inject({ method: 'POST', url, payload: payload as never, headers }),
    put: (url, payload, headers) => inject({ method: 'PUT', url, payload: payload as never, headers }),
    patch: (url, payload, headers) => inject({ method: 'PATCH', url, payload: payload as never, headers }),
    delete: (url, headers) => inject({ method: 'DELETE', url, headers }),
  };
}

async function addUser(db: Database['db'], email: string, role: 'focal' | 'unit', orgUnitId: string) {
  await db.insert(users).values({
    email,
    name: email,
    role,
    orgUnitId,
    passwordHash: await hashPassword(TEST_PASSWORD),
    searchText: foldText(email),
  });
}

/** A report's whole content for save number `i`: every value and section says `i`. */
function content(r: ReportDto, version: number, i: number) {
  return {
    version,
    values: [
      { indicatorCode: 'KH-00', value: true },
      { indicatorCode: 'DN-01', value: i },
      { indicatorCode: 'XL-01', wasteStream: 'medical', value: i * 10 },
      { indicatorCode: 'XL-01', wasteStream: 'domestic', value: i * 100 },
    ],
    sections: r.form.sections.map((s) => ({
      planItemId: s.planItemId,
      results: `Kết quả lượt ${i}`,
      difficulties: '',
      proposals: '',
    })),
    otherResults: `Lượt ${i}`,
    proposalsToCommittee: '',
  };
}

interface Acked {
  version: number;
  save: number;
  submitted: boolean;
}

describe('SIGTERM during a burst of writes', () => {
  it('keeps every acknowledged save and submission, exactly, and exits 0', async () => {
    // 1. Data: a 2027 cycle opened, one officer for each of 8 expected units (in process).
    database = await openDatabase();
    await seedReferenceData(database.db, importSeedPlan);
    const config = loadConfig({ BIOPLAN_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    let app = await buildApp({ database, config });
    await app.ready();
    await addUser(database.db, 'daumoi@sigterm.vn', 'focal', await unitIdByCode(database.db, 'VL-SNNMT'));
    const focal = await injectClient(app, 'daumoi@sigterm.vn');
    const cycle = await buildCycle({ app } as TestApp, focal, { year: 2027, deadline: '2027-11-30' });
    const expected = await database.db
      .select({ orgUnitId: cycleExpectedUnits.orgUnitId })
      .from(cycleExpectedUnits)
      .where(eq(cycleExpectedUnits.cycleId, cycle.id))
      .limit(UNITS);
    for (const [i, u] of expected.entries()) await addUser(database.db, `donvi${i}@sigterm.vn`, 'unit', u.orgUnitId);
    await app.close();
    if (testDatabaseKind() === 'pglite') await database.close();

    // 2. The real server as a child process on that data.
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env: Record<string, string> = {
      PORT: String(port),
      BIOPLAN_DATA_DIR: dataDir,
      BIOPLAN_ADMIN_PASSWORD: 'Admin-password-sigterm-1',
      LOG_LEVEL: 'info',
      SHUTDOWN_TIMEOUT_MS: '30000',
      ...(database.url ? { DATABASE_URL: database.url } : {}),
    };
    const server = spawnServer(env);
    await waitListening(server);

    const officers = [];
    for (let i = 0; i < expected.length; i += 1) {
      const res = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `donvi${i}@sigterm.vn`, password: TEST_PASSWORD }),
      });
      expect(res.status).toBe(200);
      const cookie = res.headers.getSetCookie()[0].split(';')[0];
      const csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
      officers.push({ headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' } });
    }

    // 3. The burst: each officer saves its report SAVES times, then submits; SIGTERM lands
    // once a third of the writes are acknowledged.
    const acked = new Map<string, Acked>();
    let ackCount = 0;
    let inFlight = 0;
    let inFlightAtSignal = -1;
    let ackedAfterSignal = 0;
    let signalled = false;
    const send = async (url: string, init: RequestInit): Promise<Response | null> => {
      inFlight += 1;
      try {
        return await fetch(url, init);
      } catch {
        return null; // refused or reset: not acknowledged
      } finally {
        inFlight -= 1;
      }
    };
    const ack = () => {
      ackCount += 1;
      if (signalled) ackedAfterSignal += 1;
      if (!signalled && ackCount >= Math.floor((UNITS * (SAVES + 1)) / 3)) {
        signalled = true;
        inFlightAtSignal = inFlight;
        server.process.kill('SIGTERM');
      }
    };
    const burst = officers.map(async (o) => {
      const mine = await send(`${base}/api/v1/cycles/${cycle.id}/my-report`, { headers: o.headers });
      if (mine?.status !== 200) return;
      const r = (await mine.json()) as ReportDto;
      let version = r.version;
      for (let i = 1; i <= SAVES; i += 1) {
        const res = await send(`${base}/api/v1/reports/${r.id}`, {
          method: 'PUT',
          headers: { ...o.headers, prefer: 'return=minimal' },
          body: JSON.stringify(content(r, version, i)),
        });
        if (res?.status !== 200) return;
        version = ((await res.json()) as { version: number }).version;
        acked.set(r.id, { version, save: i, submitted: false });
        ack();
      }
      const sub = await send(`${base}/api/v1/reports/${r.id}/submit`, {
        method: 'POST',
        headers: { ...o.headers, 'idempotency-key': `sigterm-${r.id}` },
      });
      if (sub?.status !== 200) return;
      acked.set(r.id, { version: ((await sub.json()) as { version: number }).version, save: SAVES, submitted: true });
      ack();
    });
    await Promise.all(burst);
    const exitCode = await server.exited;
    expect(signalled).toBe(true);
    expect(exitCode, server.output()).toBe(0);
    expect(server.output()).toContain('shutdown complete');
    expect(inFlightAtSignal).toBeGreaterThan(0);
    // Some writes were refused: the signal landed mid-burst, not after it.
    expect(ackCount).toBeLessThan(UNITS * (SAVES + 1));
    console.info(
      `SIGTERM test (${testDatabaseKind()}): ${ackCount} of ${UNITS * (SAVES + 1)} writes acknowledged, ` +
        `${inFlightAtSignal} in flight at the signal, ${ackedAfterSignal} acknowledged after it`,
    );

    // 4. Restart on the same data and read every report.
    if (testDatabaseKind() === 'pglite') database = await openDatabase();
    app = await buildApp({ database, config });
    await app.ready();
    const reader = await injectClient(app, 'daumoi@sigterm.vn');
    const list = await database.db.query.reports.findMany({ where: (t, { eq: e }) => e(t.cycleId, cycle.id) });
    let checked = 0;
    for (const row of list.filter((r) => acked.has(r.id))) {
      const res = await reader.get(`/api/v1/reports/${row.id}`);
      expect(res.statusCode).toBe(200);
      const stored = res.json<ReportDto>();
      const a = acked.get(row.id)!;
      checked += 1;
      // Exactly what was acknowledged: graceful shutdown answers every request it finished.
      expect(stored.version, `report ${row.id}`).toBe(a.version);
      expect(stored.status).toBe(a.submitted ? 'submitted' : 'draft');
      // One whole save: every value and section from the same save.
      const value = (code: string, stream?: string) =>
        stored.values.find((v) => v.indicatorCode === code && (v.wasteStream ?? undefined) === stream)?.value;
      expect(value('DN-01')).toBe(a.save);
      expect(value('XL-01', 'medical')).toBe(a.save * 10);
      expect(value('XL-01', 'domestic')).toBe(a.save * 100);
      expect(stored.sections.every((s) => s.results === `Kết quả lượt ${a.save}`)).toBe(true);
      expect(stored.otherResults).toBe(`Lượt ${a.save}`);
    }
    expect(checked).toBe(acked.size);
    expect(checked).toBeGreaterThan(0);
    await app.close();
  }, 600_000);
});
