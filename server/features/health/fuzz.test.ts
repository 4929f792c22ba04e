// Property-based fuzzing over every documented operation (issue 11, "Proof inside the project"):
// at least 10,000 generated bad inputs per run, spread over every operation and every role,
// answer without a 5xx and in the error envelope. The seed is printed so that a failure can be
// replayed with BIOPLAN_FUZZ_SEED=<seed>; BIOPLAN_FUZZ_RUNS changes the number of requests.
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ReportDto } from '../../../shared/contracts/reporting.js';
import { buildTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { buildCycle, moveClock } from '../reporting/reporting.fixtures.js';

const RUNS = Number(process.env.BIOPLAN_FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.BIOPLAN_FUZZ_SEED ?? Date.now() % 2_147_483_647);

interface Operation {
  method: FuzzRequest['method'];
  path: string;
  query: string[];
  bodyKeys: string[] | null;
  multipart: boolean;
}

const ROLES = ['anonymous', 'admin', 'focal', 'unit', 'leader'] as const;
type FuzzRole = (typeof ROLES)[number];

let t: TestApp;
let clients: Record<Exclude<FuzzRole, 'anonymous'>, TestClient>;
let operations: Operation[];
let knownIds: string[];

beforeAll(async () => {
  t = await buildTestApp();
  clients = {
    admin: await t.loginAs('admin'),
    focal: await t.loginAs('focal'),
    unit: await t.loginAs('unit', { unitCode: 'VL-SYT' }),
    leader: await t.loginAs('leader'),
  };
  await moveClock(t, '2026-11-20T02:00:00Z');
  const cycle = await buildCycle(t, clients.focal, {
    year: 2070,
    windowStart: '2026-01-01',
    windowEnd: '2026-12-31',
    deadline: '2026-11-30',
  });
  const own: ReportDto = (await clients.unit.get(`/api/v1/cycles/${cycle.id}/my-report`)).json();
  const finance = await t.loginAs('unit', { unitCode: 'VL-STC' });
  const other: ReportDto = (await finance.get(`/api/v1/cycles/${cycle.id}/my-report`)).json();
  const plan = (await clients.focal.get('/api/v1/plans')).json();
  knownIds = [cycle.id, own.id, other.id, await t.unitId('VL-SYT'), plan.items?.[0]?.id ?? plan[0]?.id].filter(
    (id): id is string => typeof id === 'string',
  );

  const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
  operations = [];
  for (const [path, methods] of Object.entries<Record<string, OpenApiOperation>>(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const content = op.requestBody?.content ?? {};
      const json = content['application/json']?.schema;
      operations.push({
        method: method.toUpperCase(),
        path,
        query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        bodyKeys: json ? Object.keys(json.properties ?? {}) : null,
        multipart: 'multipart/form-data' in content || /attachments$|import\.xlsx$/.test(path),
      });
    }
  }
}, 180_000);
afterAll(async () => t?.close());

interface OpenApiOperation {
  parameters?: Array<{ in: string; name: string }>;
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
}

/** Strings that have broken servers before: NUL, lone surrogates, bidi controls, huge, traversal. */
const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    'a\u0000b',
    'x\ud800y',
    '\udfff',
    '\u202eexe.pdf',
    '../../../etc/passwd',
    "' or 1=1 --",
    '%00',
    '%E0%A4%A',
    '1e309',
    '-1',
    '0',
    'NaN',
    'true',
    'null',
    '2026-02-30',
    '31/12/2026',
    '1.234,5',
    '00000000-0000-0000-0000-000000000000',
    'Xã Giao Long',
    '😀'.repeat(50),
  ),
  fc.uuid(),
  fc.integer().map(String),
  fc.nat(6_000).map((n) => 'a'.repeat(n)),
);

const jsonValue: fc.Arbitrary<unknown> = fc.oneof(
  nasty,
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(nasty, { maxLength: 5 }),
  fc.dictionary(nasty, nasty, { maxKeys: 4 }),
  fc.anything({ maxDepth: 3 }),
);

interface FuzzBody {
  contentType?: string;
  payload?: string | Buffer;
}

function bodyFor(op: Operation): fc.Arbitrary<FuzzBody> {
  const keys = op.bodyKeys?.length ? op.bodyKeys : ['title', 'name', 'reason'];
  const object = fc
    .dictionary(fc.oneof(fc.constantFrom(...keys), nasty), jsonValue, { maxKeys: keys.length + 2 })
    .map((o) => ({ contentType: 'application/json', payload: JSON.stringify(o) }));
  const choices: fc.Arbitrary<FuzzBody>[] = [
    object,
    object,
    jsonValue.map((v) => ({ contentType: 'application/json', payload: JSON.stringify(v) ?? 'null' })),
    fc.string().map((s) => ({ contentType: 'application/json', payload: `{"${s}` })),
    fc.string().map((s) => ({ contentType: 'text/plain', payload: s })),
    fc.constant({}),
  ];
  if (op.multipart) {
    choices.push(
      fc.uint8Array({ maxLength: 400 }).map((bytes) => ({
        contentType: 'multipart/form-data; boundary=fuzzBoundary',
        payload: Buffer.concat([
          Buffer.from('--fuzzBoundary\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\n'),
          Buffer.from(bytes),
        ]),
      })),
      fc.string().map((s) => ({ contentType: 'multipart/form-data; boundary=other', payload: `--nope\r\n${s}` })),
    );
  }
  return fc.oneof(...choices);
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const idValue = fc.oneof(fc.constantFrom('known'), nasty);

interface FuzzRequest {
  method: NonNullable<InjectOptions['method']>;
  url: string;
  payload?: string | Buffer;
  headers: Record<string, string>;
}

function requestArbitrary(): fc.Arbitrary<{ role: FuzzRole; request: FuzzRequest; label: string }> {
  return fc.constantFrom(...operations).chain((op) =>
    fc
      .record({
        role: fc.constantFrom(...ROLES),
        ids: fc.array(idValue, { minLength: 3, maxLength: 3 }),
        known: fc.nat(knownIds.length - 1),
        query: fc.dictionary(fc.oneof(fc.constantFrom(...(op.query.length ? op.query : ['q'])), nasty), nasty, {
          maxKeys: 3,
        }),
        body: op.method === 'GET' || op.method === 'DELETE' ? fc.constant<FuzzBody>({}) : bodyFor(op),
      })
      .map(({ role, ids, known, query, body }) => {
        let i = 0;
        const path = op.path.replace(/\{[^}]+\}/g, () => {
          const v = ids[i++ % ids.length];
          // A lone surrogate cannot be written in a URL; it is sent as U+FFFD, as a browser would.
          return encodeURIComponent((v === 'known' ? knownIds[known] : v).replace(LONE_SURROGATE, '\ufffd'));
        });
        const search = new URLSearchParams(query).toString();
        const headers: Record<string, string> = {};
        if (body.contentType) headers['content-type'] = body.contentType;
        return {
          role,
          label: `${op.method} ${op.path}`,
          request: {
            method: op.method,
            url: search ? `${path}?${search}` : path,
            payload: body.payload,
            headers,
          },
        };
      }),
  );
}

function envelopeProblem(status: number, body: string): string | null {
  if (status < 400) return null;
  try {
    const json = JSON.parse(body);
    if (typeof json?.error?.code !== 'string') return 'no error.code';
    if (typeof json.error.message !== 'string' || !json.error.message) return 'no error.message';
    if (typeof json.requestId !== 'string') return 'no requestId';
    return null;
  } catch {
    return 'not JSON';
  }
}

it(`${RUNS} generated bad requests over every operation and role: no 5xx, every error in the envelope`, async () => {
  const started = performance.now();
  const samples = fc.sample(requestArbitrary(), { numRuns: RUNS, seed: SEED });
  const serverErrors: string[] = [];
  const envelopeViolations: string[] = [];
  const statuses = new Map<number, number>();
  const covered = new Set<string>();
  for (const [n, { role, request, label }] of samples.entries()) {
    // A signed-out session (a fuzzed logout) is signed in again, so every role keeps its reach.
    if (n % 500 === 0) await refreshSessions();
    // Signing out is not a bad input; it would end the role's session for the rest of the run.
    if (role !== 'anonymous' && label === 'POST /api/v1/auth/logout') continue;
    const res = role === 'anonymous' ? await t.app.inject(request) : await clients[role].inject(request);
    covered.add(`${label} ${role}`);
    statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
    const what = `${role} ${request.method} ${request.url} → ${res.statusCode} ${res.body.slice(0, 200)}`;
    if (res.statusCode >= 500) serverErrors.push(what);
    const problem = envelopeProblem(res.statusCode, res.body);
    if (problem) envelopeViolations.push(`${problem}: ${what}`);
  }
  console.log(
    `fuzz: seed ${SEED}, ${samples.length} requests in ${((performance.now() - started) / 1000).toFixed(1)} s, ${operations.length} operations, ${covered.size} operation×role pairs; ` +
      `5xx ${serverErrors.length}, envelope violations ${envelopeViolations.length}; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`,
  );
  expect(serverErrors.slice(0, 5)).toEqual([]);
  expect(envelopeViolations.slice(0, 5)).toEqual([]);
  expect(covered.size).toBeGreaterThan(operations.length * 3);
}, 900_000);

async function refreshSessions() {
  for (const role of ['admin', 'focal', 'unit', 'leader'] as const) {
    const me = await clients[role].get('/api/v1/auth/me');
    if (me.statusCode === 401) clients[role] = await t.login(clients[role].user.email);
  }
}
