import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LIMITS } from '../../../shared/limits.js';
import { listPublished } from '../feedback/index.js';
import { listPublicGuidance } from '../guidance/index.js';
import { getPublicPlan, listPublicVersions } from '../plan/index.js';
import type { PlanDto } from '../../../shared/contracts/plans.js';
import type { Ctx } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
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

/**
 * Sends a portal answer with an ETag of its bytes: a client holding the same bytes gets 304
 * without a body. Pages are public and may be cached for five minutes.
 */
function send(req: FastifyRequest, reply: FastifyReply, type: string, body: string, cache = 'public, max-age=300') {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  reply.header('etag', etag).header('cache-control', cache).type(type);
  const match = req.headers['if-none-match'];
  if (typeof match === 'string' && match.split(',').some((m) => m.trim().replace(/^W\//, '') === etag)) {
    return reply.status(304).send();
  }
  return reply.send(body);
}

/** The plan in force, or null when none is loaded yet (the pages then say so). */
async function planOrNull(ctx: Ctx): Promise<PlanDto | null> {
  try {
    return await getPublicPlan(ctx);
  } catch (err) {
    if (err instanceof AppError && err.status === 404) return null;
    throw err;
  }
}

/** The public portal: server-rendered pages readable without JavaScript or an account. */
export async function portalRoutes(app: FastifyInstance): Promise<void> {
  const page = (name: PageName, render: (ctx: Ctx, query: Query, lang: Lang) => Promise<Rendered>) => {
    app.get(PAGES[name], HIDDEN, async (req, reply) => {
      const lang = langOf(req);
      // The portal reads as nobody: a signed-in visitor sees exactly what the public sees.
      const ctx: Ctx = { ...req.ctx, actor: null, lang };
      const out = await render(ctx, req.query as Query, lang);
      const document = layout(
        { name, lang, title: out.title, description: out.description, origin: originOf(ctx), params: out.params },
        out.body,
      );
      return send(req, reply, 'text/html; charset=utf-8', document);
    });
  };

  page('home', async (ctx, _query, lang) => {
    const t = TEXTS[lang];
    const plan = await planOrNull(ctx);
    const answers = await listPublished(ctx, { page: 1, pageSize: 5 });
    return {
      title: t.home,
      description: plan ? planSentences(plan, t).join(' ').slice(0, 300) : t.site,
      body: homePage(plan, answers.data, t, lang),
    };
  });

  const withPlan = (name: 'plan' | 'versions' | 'duties') =>
    page(name, async (ctx, _query, lang) => {
      const t = TEXTS[lang];
      const plan = await planOrNull(ctx);
      if (!plan) return { title: t[name], description: t.noPlan, body: homePage(null, [], t, lang) };
      const description = `${plan.title} — ${plan.number}`;
      if (name === 'plan') return { title: plan.title, description, body: planPage(plan, t) };
      if (name === 'duties') return { title: t.duties, description: t.dutiesLead, body: dutiesPage(plan, t, lang) };
      const versions = await listPublicVersions(ctx, plan.id);
      return { title: t.versions, description, body: versionsPage(plan, versions.data, t) };
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

  page('guidance', async (ctx, _query, lang) => {
    const t = TEXTS[lang];
    return { title: t.guidance, description: t.guidance, body: guidancePage(await listPublicGuidance(ctx), t) };
  });

  // Every other address under the portal is the portal's own 404, never the single-page client.
  app.get(`${PORTAL}/*`, HIDDEN, async (req, reply) => {
    const lang = langOf(req);
    if ((req.params as { '*': string })['*'] === '') return reply.redirect(href(PORTAL, lang), 301);
    const t = TEXTS[lang];
    const body = html`<h1>${t.notFound}</h1>
      <p><a href="${href(PORTAL, lang)}">${t.home}</a></p>`;
    const document = layout(
      { name: 'home', lang, title: t.notFound, description: t.notFound, origin: originOf(req.ctx), outside: true },
      body,
    );
    return reply.status(404).type('text/html; charset=utf-8').send(document);
  });

  app.get(`${PORTAL}/portal.css`, HIDDEN, async (req, reply) => {
    const versioned = one((req.query as Query).v) === PORTAL_CSS_VERSION;
    return send(
      req,
      reply,
      'text/css; charset=utf-8',
      PORTAL_CSS,
      versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
    );
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
