// GET /metrics in Prometheus text format (prom-client), one registry per app instance (the tests
// build several apps in one process). Off unless METRICS_TOKEN is set (then 404); the scraper
// sends `Authorization: Bearer <token>` (else 401).
import { timingSafeEqual, createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Config } from '../../config.js';
import type { Database } from '../../db/client.js';
import { AppError, msg, notFound } from '../../lib/errors.js';
import { telemetry, type JobOutcome, type MailOutcome } from '../../lib/telemetry.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Compares the Authorization header with the token in constant time. */
function tokenMatches(header: string | undefined, token: string): boolean {
  const given = header?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim() ?? '';
  return timingSafeEqual(digest(given), digest(token));
}

/** Registers the metrics, the hooks that feed them and GET /metrics on the root app. */
export function installMetrics(app: FastifyInstance, deps: { database: Database; config: Config }): void {
  const { database, config } = deps;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'bioplan_' });

  const requests = new Counter({
    name: 'bioplan_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status code',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'bioplan_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const jobRuns = new Counter({
    name: 'bioplan_job_runs_total',
    help: 'Job attempts run by this instance, by kind and outcome (succeeded, retried, failed)',
    labelNames: ['kind', 'outcome'] as const,
    registers: [registry],
  });
  const jobSeconds = new Histogram({
    name: 'bioplan_job_duration_seconds',
    help: 'Time a job attempt took, by kind',
    labelNames: ['kind'] as const,
    buckets: [0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
    registers: [registry],
  });
  const emails = new Counter({
    name: 'bioplan_emails_total',
    help: 'E-mails handed to SMTP by this instance, by outcome (sent, failed)',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  for (const outcome of ['sent', 'failed']) emails.inc({ outcome }, 0);

  // Read from the database at each scrape: the queue as every instance sees it.
  registry.registerMetric(
    new Gauge({
      name: 'bioplan_jobs',
      // Not the global registry: this app's (registerMetric).
      registers: [],
      help: 'Jobs in the queue by status (queued = waiting, including retries; failed = gave up)',
      labelNames: ['status'] as const,
      async collect() {
        const result = await database.db.execute(
          sql`select status, count(*)::int as n from job where status in ('queued', 'running', 'failed') group by status`,
        );
        const rows = result.rows as unknown[] as Array<{
          status: string;
          n: number | string;
        }>;
        this.reset();
        for (const status of ['queued', 'running', 'failed']) {
          this.set({ status }, Number(rows.find((r) => r.status === status)?.n ?? 0));
        }
      },
    }),
  );
  registry.registerMetric(
    new Gauge({
      name: 'bioplan_db_pool_connections',
      // Not the global registry: this app's (registerMetric).
      registers: [],
      help: 'Database connections by state (total, idle, waiting = requests queued for one); PGlite is one connection',
      labelNames: ['state'] as const,
      collect() {
        const pool = database.pool ?? { totalCount: 1, idleCount: 0, waitingCount: 0 };
        this.set({ state: 'total' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
      },
    }),
  );
  registry.registerMetric(
    new Gauge({
      name: 'bioplan_db_pool_max',
      // Not the global registry: this app's (registerMetric).
      registers: [],
      help: 'Most connections the pool opens (DATABASE_POOL_SIZE; 1 on PGlite)',
      collect() {
        this.set(database.kind === 'postgres' ? config.databasePoolSize : 1);
      },
    }),
  );

  const onJob = (e: JobOutcome) => {
    jobRuns.inc({ kind: e.kind, outcome: e.outcome });
    jobSeconds.observe({ kind: e.kind }, e.seconds);
  };
  const onMail = (e: MailOutcome) => emails.inc({ outcome: e.outcome });
  telemetry.on('job', onJob);
  telemetry.on('mail', onMail);
  app.addHook('onClose', async () => {
    telemetry.off('job', onJob);
    telemetry.off('mail', onMail);
  });

  app.addHook('onResponse', async (req, reply) => {
    // The route's pattern, never the raw URL: ids would make one series per record.
    const route = req.routeOptions.url ?? 'unmatched';
    const status = String(reply.statusCode);
    requests.inc({ method: req.method, route, status });
    latency.observe({ method: req.method, route }, reply.elapsedTime / 1000);
  });

  app.get('/metrics', { schema: { hide: true } }, async (req: FastifyRequest, reply: FastifyReply) => {
    if (!config.metricsToken) throw notFound(msg('Không tìm thấy đường dẫn', 'Route not found'));
    if (!tokenMatches(req.headers.authorization, config.metricsToken)) {
      reply.header('www-authenticate', 'Bearer realm="metrics"');
      throw new AppError(
        'UNAUTHENTICATED',
        msg('Thiếu hoặc sai mã truy cập số liệu (METRICS_TOKEN)', 'Missing or wrong metrics token'),
        { status: 401 },
      );
    }
    reply.type(registry.contentType);
    return registry.metrics();
  });
}
