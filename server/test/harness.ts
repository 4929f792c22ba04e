import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import type { Role } from '../../shared/domain.js';
import { foldText } from '../../shared/text.js';
import { buildApp } from '../app.js';
import { loadConfig, type Config } from '../config.js';
import { createDb, type Database } from '../db/client.js';
import { unitIdByCode, seedReferenceData } from '../db/seed/index.js';
import { importSeedPlan } from '../features/index.js';
import { users } from '../db/schema/index.js';
import { hashPassword } from '../lib/passwords.js';
import { fixedClock } from '../lib/clock.js';

export const TEST_PASSWORD = 'Test-password-123';

/** Which database the integration tier runs on: PGlite, or PostgreSQL when asked. */
export function testDatabaseKind(): 'pglite' | 'postgres' {
  return process.env.BIOPLAN_TEST_DB === 'postgres' && process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';
}

/**
 * A fresh database for one test file: PGlite in memory, or — with BIOPLAN_TEST_DB=postgres —
 * a new database created on the TEST_DATABASE_URL server and dropped at the end.
 */
export async function createTestDatabase(): Promise<Database & { url?: string }> {
  if (testDatabaseKind() === 'pglite') return createDb({ dataDir: null });
  const base = new URL(process.env.TEST_DATABASE_URL!);
  const name = `bioplan_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  const database = await createDb({ databaseUrl: url.toString() });
  return {
    ...database,
    url: url.toString(),
    close: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: base.toString() });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface TestClient {
  user: { id: string; email: string };
  csrf: string;
  cookie: string;
  inject(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  delete(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  clock: ReturnType<typeof fixedClock>;
  /** Creates an account (role, and unit by code for a unit officer) and signs it in. */
  loginAs(role: Role, opts?: { unitCode?: string; email?: string; name?: string }): Promise<TestClient>;
  /** Signs in an existing account. */
  login(email: string, password?: string): Promise<TestClient>;
  unitId(code: string): Promise<string>;
  close(): Promise<void>;
}

/** Builds the app on a fresh, seeded database with a movable clock (default 2026-11-20 09:00 ICT). */
export async function buildTestApp(opts: { now?: string; config?: Partial<Config> } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  await seedReferenceData(database.db, importSeedPlan);
  const clock = fixedClock(opts.now ?? '2026-11-20T02:00:00Z');
  const config: Config = {
    ...loadConfig({
      BIOPLAN_DATA_DIR: `/tmp/bioplan-test-${process.pid}-${randomBytes(4).toString('hex')}`,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    }),
    ...opts.config,
  };
  const app = await buildApp({ database, config, clock: clock });
  await app.ready();
  let counter = 0;

  const login = async (email: string, password = TEST_PASSWORD): Promise<TestClient> => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    if (res.statusCode !== 200) throw new Error(`login failed for ${email}: ${res.statusCode} ${res.body}`);
    const body = res.json();
    const token = res.cookies.find((c) => c.name === 'bioplan_session')!.value;
    const cookie = `bioplan_session=${token}`;
    const csrf = body.csrfToken as string;
    const inject = (o: InjectOptions) => app.inject({ ...o, headers: { cookie, 'x-csrf-token': csrf, ...o.headers } });
    const withBody =
      (method: 'POST' | 'PUT' | 'PATCH') => (url: string, payload?: unknown, headers?: Record<string, string>) =>
        inject({ method, url, payload: payload as never, headers });
    return {
      user: { id: body.user.id, email },
      csrf,
      cookie,
      inject,
      get: (url, headers) => inject({ method: 'GET', url, headers }),
      post: withBody('POST'),
      put: withBody('PUT'),
      patch: withBody('PATCH'),
      delete: (url, headers) => inject({ method: 'DELETE', url, headers }),
    };
  };

  return {
    app,
    database,
    config,
    clock,
    login,
    unitId: (code) => unitIdByCode(database.db, code),
    async loginAs(role, o = {}) {
      counter += 1;
      const email = o.email ?? `${role}${counter}-${randomBytes(3).toString('hex')}@test.vn`;
      const orgUnitId = o.unitCode ? await unitIdByCode(database.db, o.unitCode) : null;
      await database.db.insert(users).values({
        email,
        name: o.name ?? `Người dùng ${role} ${counter}`,
        role,
        orgUnitId,
        passwordHash: await hashPassword(TEST_PASSWORD),
        searchText: foldText(email),
      });
      return login(email);
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
