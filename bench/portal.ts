// `npx tsx bench/portal.ts` — the public portal's main pages at 50 concurrent clients, on the
// embedded database (PGlite in memory, seeded like the tests: the plan, published answers, a
// published year, BENCH_PORTAL_FIRMS (60) producers in the registry). For each page: p50/p95 of
// the time from request to the full answer, over real HTTP with gzip, and the same for a static
// file of the same bytes (a plain route returning a Buffer, gzip too, on a second server in the
// same process), in the same run, alternating. Prints the ratio portal / static per page over
// BENCH_PORTAL_ROUNDS (3) rounds of BENCH_PORTAL_REQUESTS (400) requests each.
import { performance } from 'node:perf_hooks';
import compress from '@fastify/compress';
import Fastify from 'fastify';
import { buildTestApp } from '../server/test/harness.js';
import { approvedCycle, publishYear, seedPortalFeedback } from '../server/features/portal/portal.fixtures.js';
import { addEnterprise, validTaxCode } from '../server/features/registries/registries.fixtures.js';

const CONCURRENCY = 50;
const REQUESTS = Number(process.env.BENCH_PORTAL_REQUESTS ?? 400);
const ROUNDS = Number(process.env.BENCH_PORTAL_ROUNDS ?? 3);
const FIRMS = Number(process.env.BENCH_PORTAL_FIRMS ?? 60);
const PAGES = [
  '/cong-thong-tin',
  '/cong-thong-tin/ke-hoach',
  '/cong-thong-tin/ai-lam-gi',
  '/cong-thong-tin/tien-do',
  '/cong-thong-tin/chi-so',
  '/cong-thong-tin/doanh-nghiep?q=che%20pham%20chan%20nuoi',
  '/cong-thong-tin/du-lieu',
];

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

/** `REQUESTS` GETs of `url` by 50 clients at once; answers each request's time in ms. */
async function load(url: string): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) {
        next += 1;
        const start = performance.now();
        const res = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
        times.push(performance.now() - start);
      }
    }),
  );
  return times;
}

async function main() {
  console.log('Seeding the embedded database (plan, answers, a published year, the registry)…');
  const t = await buildTestApp();
  const focal = await t.loginAs('focal', { unitCode: 'VL-SNNMT' });
  const yte = await t.loginAs('unit', { unitCode: 'VL-SYT' });
  await seedPortalFeedback(t, focal);
  console.log('  answers seeded; compiling and approving a year…');
  const { cycleId } = await approvedCycle(t, focal, yte, { year: 2026, results: (k) => `Kết quả thực hiện mục ${k}.` });
  await publishYear(focal, cycleId);
  console.log(`  year published; adding ${FIRMS} producers…`);
  for (let i = 0; i < FIRMS; i++) {
    await addEnterprise(focal, {
      taxCode: validTaxCode(5000 + i * 10),
      name: `Công ty TNHH Chế phẩm Sinh học số ${i + 1}`,
      industrialYears: i % 3 === 0 ? [2025, 2026] : [],
      products: [{ name: `Chế phẩm vi sinh ${i + 1}`, wasteStreams: i % 2 ? ['agri'] : ['domestic', 'medical'] }],
    });
  }
  const portal = await t.app.listen({ port: 0, host: '127.0.0.1' });

  // The reference: a static file of the page's own bytes, gzip-compressed the same way.
  const files = new Map<string, Buffer>();
  for (const page of PAGES) {
    const res = await fetch(`${portal}${page}`, { headers: { 'accept-encoding': 'identity' } });
    files.set(page, Buffer.from(await res.arrayBuffer()));
  }
  const statics = Fastify({ logger: false });
  await statics.register(compress, { global: true, threshold: 1024, encodings: ['gzip', 'deflate'] });
  statics.get('/file', async (req, reply) =>
    reply.type('text/html; charset=utf-8').send(files.get((req.query as { p: string }).p)),
  );
  const staticUrl = await statics.listen({ port: 0, host: '127.0.0.1' });

  // Warm-up: the JIT, the connection pools, the chart cache.
  for (const page of PAGES) {
    await load(`${portal}${page}`);
    await load(`${staticUrl}/file?p=${encodeURIComponent(page)}`);
  }

  console.log(
    `\n${CONCURRENCY} concurrent clients, ${REQUESTS} requests per run, ${ROUNDS} rounds; times in ms (p50 / p95)\n`,
  );
  console.log(
    'page'.padEnd(58),
    'KB raw',
    '  portal p50/p95',
    '  static p50/p95',
    '  ratio p50 (range)',
    ' ratio p95 (range)',
  );
  for (const page of PAGES) {
    const r50: number[] = [];
    const r95: number[] = [];
    let last = { p50: 0, p95: 0, s50: 0, s95: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const own = await load(`${portal}${page}`);
      const ref = await load(`${staticUrl}/file?p=${encodeURIComponent(page)}`);
      last = { p50: pct(own, 50), p95: pct(own, 95), s50: pct(ref, 50), s95: pct(ref, 95) };
      r50.push(last.p50 / last.s50);
      r95.push(last.p95 / last.s95);
    }
    const range = (xs: number[]) => `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}`;
    console.log(
      page.padEnd(58),
      (files.get(page)!.length / 1024).toFixed(1).padStart(6),
      `${last.p50.toFixed(1)} / ${last.p95.toFixed(1)}`.padStart(16),
      `${last.s50.toFixed(1)} / ${last.s95.toFixed(1)}`.padStart(16),
      `${range(r50)}×`.padStart(19),
      `${range(r95)}×`.padStart(18),
    );
  }
  await statics.close();
  await t.close();
}

await main();
