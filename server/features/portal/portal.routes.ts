import { createHash } from 'node:crypto';
import compress from '@fastify/compress';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LIMITS } from '../../../shared/limits.js';
import { listPublished } from '../feedback/index.js';
import { listPublicGuidance } from '../guidance/index.js';
import { diffPublicVersions, getPublicPlan, listPublicVersions, publicTargets } from '../plan/index.js';
import { listPublicBioProducts, listPublicEnterprises } from '../registries/index.js';
import { bioProductsPage } from './pages-bio-products.js';
import { datasetRows, indicatorSeries, publications } from './data.js';
import {
  DATASET_NAMES,
  DATASETS,
  FORMATS,
  MIME,
  toCsv,
  toJson,
  toXlsx,
  type DatasetName,
  type Format,
} from './opendata.js';
import { atGlance } from './glance.js';
import { continuedFrom } from './pages-lineage.js';
import {
  comparePage,
  enterprisesPage,
  indicatorsPage,
  openDataPage,
  progressPage,
  type ChartTarget,
} from './pages-public.js';
import type { PlanDto } from '../../../shared/contracts/plans.js';
import type { Ctx } from '../../lib/context.js';
import { AppError, msg, notFound } from '../../lib/errors.js';
import { html, type Html } from './html.js';
import { answersFeed, robots, sitemap } from './feeds.js';
import { TEXTS, type Lang } from './i18n.js';
import { href, layout, PAGES, PORTAL, type PageName } from './layout.js';
import { answersPage, dutiesPage, guidancePage, homePage, planPage, planSentences, versionsPage } from './pages.js';
import { PORTAL_CSS, PORTAL_CSS_VERSION } from './style.js';

const PAGE_SIZE = 10;

interface Rendered {
  title: string;
  description: string;
  body: Html;
  /** The page's query (language excepted), kept by the language switch and canonical link. */
  params?: Record<string, string | number | undefined>;
}
const HIDDEN = { schema: { hide: true }, config: { public: true } } as const;

type Query = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
const langOf = (req: FastifyRequest): Lang => (one((req.query as Query).lang) === 'en' ? 'en' : 'vi');
const originOf = (ctx: Ctx) => ctx.config.publicUrl.replace(/\/+$/, '');

/** When each address's current bytes were first served: the portal's Last-Modified. */
type Freshness = Map<string, { etag: string; since: number }>;
const FRESHNESS_SIZE = 5000;

/**
 * The Last-Modified of an answer: the second its current content (by ETag) was first served at
 * this address. A change of content moves it forward (at least one second, so a client holding
 * the older copy never gets 304); the table keeps the most recent addresses only.
 */
function lastModified(seen: Freshness, url: string, etag: string, now: Date): number {
  const known = seen.get(url);
  if (known?.etag === etag) return known.since;
  const since = Math.max(Math.floor(now.getTime() / 1000) * 1000, known ? known.since + 1000 : 0);
  seen.delete(url);
  if (seen.size >= FRESHNESS_SIZE) seen.delete(seen.keys().next().value as string);
  seen.set(url, { etag, since });
  return since;
}

interface SendOptions {
  cache?: string;
  /** What the ETag is computed from, when the bytes carry a timestamp of their own (XLSX). */
  tagOf?: string;
  headers?: Record<string, string>;
}

/**
 * Sends a portal answer with an ETag of its content and a Last-Modified: a client holding the same
 * bytes gets 304 without a body (If-None-Match decides when given, else If-Modified-Since). Pages
 * are public and may be cached for five minutes.
 */
function sender(seen: Freshness) {
  return (req: FastifyRequest, reply: FastifyReply, type: string, body: string | Buffer, opts: SendOptions = {}) => {
    const etag = `"${createHash('sha256')
      .update(opts.tagOf ?? body)
      .digest('base64url')
      .slice(0, 27)}"`;
    const since = lastModified(seen, req.url, etag, req.ctx.clock.now());
    reply
      .header('etag', etag)
      .header('last-modified', new Date(since).toUTCString())
      .header('cache-control', opts.cache ?? 'public, max-age=300')
      .type(type);
    for (const [k, v] of Object.entries(opts.headers ?? {})) reply.header(k, v);
    const match = req.headers['if-none-match'];
    if (typeof match === 'string') {
      if (match.split(',').some((m) => m.trim().replace(/^W\//, '') === etag)) return reply.status(304).send();
      return reply.send(body);
    }
    const ims = Date.parse(req.headers['if-modified-since'] ?? '');
    if (Number.isFinite(ims) && since <= ims) return reply.status(304).send();
    return reply.send(body);
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

/** The plan a page names (`?ke-hoach=<id>`), or undefined for the plan shown by default. */
function askedPlan(query: Query): string | undefined {
  const id = one(query['ke-hoach']).trim();
  return id ? id : undefined;
}

/**
 * The plan a page shows: the one `?ke-hoach=` names (a replaced or ended plan stays readable;
 * an unknown one is the portal's 404 page), else the plan in force; null when none is loaded yet
 * (the pages then say so).
 */
async function planOrNull(ctx: Ctx, query: Query = {}): Promise<PlanDto | null> {
  const asked = askedPlan(query);
  if (asked !== undefined && !UUID.test(asked)) throw notFound(msg('Không tìm thấy kế hoạch', 'Plan not found'));
  try {
    return await getPublicPlan(ctx, asked);
  } catch (err) {
    if (asked === undefined && err instanceof AppError && err.status === 404) return null;
    throw err;
  }
}

/** The portal's own not-found page (also for an unknown dataset). */
function notFoundPage(req: FastifyRequest, reply: FastifyReply) {
  const lang = langOf(req);
  const t = TEXTS[lang];
  const body = html`<h1>${t.notFound}</h1>
    <p><a href="${href(PORTAL, lang)}">${t.home}</a></p>`;
  const document = layout(
    { name: 'home', lang, title: t.notFound, description: t.notFound, origin: originOf(req.ctx), outside: true },
    body,
  );
  return reply.status(404).type('text/html; charset=utf-8').send(document);
}

/** The public portal: server-rendered pages readable without JavaScript or an account. */
export async function portalRoutes(app: FastifyInstance): Promise<void> {
  // gzip (or deflate) for every portal answer of 1 KB or more, in this plugin's scope only.
  await app.register(compress, { global: true, threshold: 1024, encodings: ['gzip', 'deflate'] });
  const send = sender(new Map());
  const page = (name: PageName, render: (ctx: Ctx, query: Query, lang: Lang) => Promise<Rendered>) => {
    app.get(PAGES[name], HIDDEN, async (req, reply) => {
      const lang = langOf(req);
      // The portal reads as nobody: a signed-in visitor sees exactly what the public sees.
      const ctx: Ctx = { ...req.ctx, actor: null, lang };
      let out: Rendered;
      try {
        out = await render(ctx, req.query as Query, lang);
      } catch (err) {
        // A page naming a plan that is not there (?ke-hoach=…) is the portal's 404 page.
        if (err instanceof AppError && err.status === 404) return notFoundPage(req, reply);
        throw err;
      }
      // The language switch and the canonical link keep the plan a page was asked for.
      const params = { 'ke-hoach': askedPlan(req.query as Query), ...out.params };
      const document = layout(
        { name, lang, title: out.title, description: out.description, origin: originOf(ctx), params },
        out.body,
      );
      return send(req, reply, 'text/html; charset=utf-8', document);
    });
  };

  page('home', async (ctx, query, lang) => {
    const t = TEXTS[lang];
    const plan = await planOrNull(ctx, query);
    const answers = await listPublished(ctx, { page: 1, pageSize: 5 });
    const pubs = await publications(ctx, plan);
    return {
      title: t.home,
      description: plan ? planSentences(plan, t).join(' ').slice(0, 300) : t.site,
      body: homePage(plan, answers.data, t, lang, plan ? atGlance(pubs, t, lang) : '', askedPlan(query)),
    };
  });

  const withPlan = (name: 'plan' | 'versions' | 'duties') =>
    page(name, async (ctx, query, lang) => {
      const t = TEXTS[lang];
      const plan = await planOrNull(ctx, query);
      if (!plan) return { title: t[name], description: t.noPlan, body: homePage(null, [], t, lang) };
      const description = `${plan.title} — ${plan.number}`;
      if (name === 'plan') return { title: plan.title, description, body: planPage(plan, t) };
      if (name === 'duties') return { title: t.duties, description: t.dutiesLead, body: dutiesPage(plan, t, lang) };
      const versions = await listPublicVersions(ctx, plan.id);
      return { title: t.versions, description, body: versionsPage(plan, versions.data, t, lang) };
    });
  withPlan('plan');
  withPlan('versions');
  withPlan('duties');

  page('answers', async (ctx, query, lang) => {
    const t = TEXTS[lang];
    const q = one(query.q).trim().slice(0, LIMITS.search);
    const n = Number.parseInt(one(query.page), 10);
    const pageNumber = Number.isFinite(n) && n >= 1 && n <= 100_000 ? n : 1;
    const list = await listPublished(ctx, { page: pageNumber, pageSize: PAGE_SIZE, q: q || undefined });
    return {
      title: t.answers,
      description: t.latestAnswers,
      body: answersPage(list, q, t, lang),
      params: { q, page: pageNumber > 1 ? pageNumber : undefined },
    };
  });

  const positive = (v: string, max: number) => {
    const n = Number.parseInt(v, 10);
    return Number.isFinite(n) && n >= 1 && n <= max ? n : null;
  };

  page('compare', async (ctx, query, lang) => {
    const t = TEXTS[lang];
    const plan = await planOrNull(ctx, query);
    if (!plan) return { title: t.compare, description: t.noPlan, body: homePage(null, [], t, lang) };
    const versions = (await listPublicVersions(ctx, plan.id)).data;
    const numbers = new Set(versions.map((v) => v.number));
    const last = versions.at(-1)?.number ?? 1;
    const asked = (v: string, fallback: number) => {
      const n = positive(v, 10_000);
      return n !== null && numbers.has(n) ? n : fallback;
    };
    const from = asked(one(query.tu), Math.max(1, last - 1));
    const to = asked(one(query.den), last);
    const diff = versions.length > 1 ? await diffPublicVersions(ctx, plan.id, from, to) : null;
    return {
      title: t.compareTitle,
      description: `${plan.title} — ${t.compareTitle}`,
      body: comparePage(plan, versions, diff, from, to, t, lang),
      params: { tu: from, den: to },
    };
  });

  page('progress', async (ctx, query, lang) => {
    const t = TEXTS[lang];
    const plan = await planOrNull(ctx, query);
    const pubs = await publications(ctx, plan);
    const year = positive(one(query.nam), 9999);
    const shown = pubs.find((p) => p.year === year) ?? pubs.at(-1);
    return {
      title: shown ? `${t.progressTitle} — ${t.yearOf(shown.year)}` : t.progressTitle,
      description: t.progressLead,
      body: progressPage(pubs, year, t, lang),
      params: { nam: year && shown?.year === year ? year : undefined },
    };
  });

  page('indicators', async (ctx, query, lang) => {
    const t = TEXTS[lang];
    const plan = await planOrNull(ctx, query);
    const pubs = await publications(ctx, plan);
    const series = indicatorSeries(pubs);
    // The targets of the plan in force; one whose baseline is not entered yet has no value to draw.
    const targets = new Map<string, ChartTarget>();
    for (const target of (plan ? await publicTargets(ctx.db, ctx.clock.now(), plan.id) : null)?.data ?? []) {
      targets.set(target.indicatorCode, {
        year: target.target.year,
        value: target.targetValue,
        source: target.source,
      });
    }
    return {
      title: t.indicatorsTitle,
      description: t.indicatorsLead,
      body: indicatorsPage(series, targets, t, lang, continuedFrom(pubs, lang)),
    };
  });

  page('enterprises', async (ctx, query, lang) => {
    const t = TEXTS[lang];
    const q = one(query.q).trim().slice(0, LIMITS.search);
    const pageNumber = positive(one(query.page), 100_000) ?? 1;
    const list = await listPublicEnterprises(ctx.db, q);
    return {
      title: t.enterprisesTitle,
      description: t.enterprisesLead,
      body: enterprisesPage(list, q, pageNumber, t, lang),
      params: { q, page: pageNumber > 1 ? pageNumber : undefined },
    };
  });

  page('bioProducts', async (ctx, query, lang) => {
    const t = TEXTS[lang];
    const q = one(query.q).trim().slice(0, LIMITS.search);
    const stream = one(query.dong);
    const wasteStream = stream in t.streams ? stream : '';
    const pageNumber = positive(one(query.page), 100_000) ?? 1;
    const list = await listPublicBioProducts(ctx.db, { q, wasteStream: wasteStream || undefined, page: pageNumber });
    return {
      title: t.bioProductsTitle,
      description: t.bioProductsLead,
      body: bioProductsPage(list, q, wasteStream, t, lang),
      params: { q, dong: wasteStream || undefined, page: pageNumber > 1 ? pageNumber : undefined },
    };
  });

  page('openData', async (ctx, _query, lang) => {
    const t = TEXTS[lang];
    const plan = await planOrNull(ctx);
    const counts: Record<string, number> = {};
    for (const name of DATASET_NAMES) counts[name] = (await datasetRows(ctx, name, plan)).length;
    return { title: t.openDataTitle, description: t.openDataLead, body: openDataPage(counts, t, lang) };
  });

  // Open data: /cong-thong-tin/du-lieu/<dataset>.<csv|xlsx|json>, stable addresses.
  app.get(`${PORTAL}/du-lieu/:file`, HIDDEN, async (req, reply) => {
    const file = (req.params as { file: string }).file;
    const m = /^([a-z-]+)\.(csv|xlsx|json)$/.exec(file);
    if (!m || !(m[1] in DATASETS) || !(FORMATS as readonly string[]).includes(m[2])) return notFoundPage(req, reply);
    const name = m[1] as DatasetName;
    const format = m[2] as Format;
    const ctx: Ctx = { ...req.ctx, actor: null };
    const rows = await datasetRows(ctx, name, await planOrNull(ctx));
    const meta = DATASETS[name];
    const tagOf = JSON.stringify(rows);
    const disposition = (ext: string) => ({ 'content-disposition': `attachment; filename="${name}.${ext}"` });
    if (format === 'csv') return send(req, reply, MIME.csv, toCsv(meta, rows), { headers: disposition('csv') });
    if (format === 'xlsx') {
      return send(req, reply, MIME.xlsx, await toXlsx(meta, rows), { tagOf, headers: disposition('xlsx') });
    }
    const modified = ctx.clock.now().toISOString();
    return send(req, reply, MIME.json, toJson(meta, rows, originOf(ctx), modified), {
      tagOf,
      headers: { 'access-control-allow-origin': '*' },
    });
  });

  page('guidance', async (ctx, _query, lang) => {
    const t = TEXTS[lang];
    return { title: t.guidance, description: t.guidance, body: guidancePage(await listPublicGuidance(ctx), t) };
  });

  // Every other address under the portal is the portal's own 404, never the single-page client.
  app.get(`${PORTAL}/*`, HIDDEN, async (req, reply) => {
    if ((req.params as { '*': string })['*'] === '') return reply.redirect(href(PORTAL, langOf(req)), 301);
    return notFoundPage(req, reply);
  });

  app.get(`${PORTAL}/portal.css`, HIDDEN, async (req, reply) => {
    const versioned = one((req.query as Query).v) === PORTAL_CSS_VERSION;
    return send(req, reply, 'text/css; charset=utf-8', PORTAL_CSS, {
      cache: versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
    });
  });

  app.get(`${PORTAL}/feed.atom`, HIDDEN, async (req, reply) => {
    const ctx: Ctx = { ...req.ctx, actor: null };
    const answers = await listPublished(ctx, { page: 1, pageSize: 20 });
    const body = answersFeed(
      originOf(ctx),
      `${TEXTS.vi.answers} — ${TEXTS.vi.site}`,
      answers.data,
      ctx.clock.now().toISOString(),
    );
    return send(req, reply, 'application/atom+xml; charset=utf-8', body);
  });

  app.get('/sitemap.xml', HIDDEN, async (req, reply) =>
    send(req, reply, 'application/xml; charset=utf-8', sitemap(originOf(req.ctx))),
  );
  app.get('/robots.txt', HIDDEN, async (req, reply) =>
    send(req, reply, 'text/plain; charset=utf-8', robots(originOf(req.ctx))),
  );
}
