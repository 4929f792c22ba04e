import { html, type Html } from './html.js';
import { TEXTS, type Lang } from './i18n.js';
import { PORTAL_CSS_VERSION } from './style.js';

export const PORTAL = '/cong-thong-tin';

/** The portal's pages, in navigation order (the sitemap lists the same). */
export const PAGES = {
  home: PORTAL,
  plan: `${PORTAL}/ke-hoach`,
  versions: `${PORTAL}/phien-ban`,
  compare: `${PORTAL}/phien-ban/so-sanh`,
  duties: `${PORTAL}/ai-lam-gi`,
  progress: `${PORTAL}/tien-do`,
  indicators: `${PORTAL}/chi-so`,
  answers: `${PORTAL}/hoi-dap`,
  guidance: `${PORTAL}/van-ban-huong-dan`,
  enterprises: `${PORTAL}/doanh-nghiep`,
  bioProducts: `${PORTAL}/che-pham`,
  openData: `${PORTAL}/du-lieu`,
} as const;
export type PageName = keyof typeof PAGES;

/** The pages of the navigation; the comparison of versions is reached from the versions page. */
const NAV: PageName[] = [
  'home',
  'plan',
  'versions',
  'duties',
  'progress',
  'indicators',
  'answers',
  'guidance',
  'enterprises',
  'bioProducts',
  'openData',
];
/** The navigation item a page belongs to. */
const SECTION: Partial<Record<PageName, PageName>> = { compare: 'versions' };

/** A portal link in the reader's language (Vietnamese needs no parameter). */
export function href(path: string, lang: Lang, params: Record<string, string | number | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') query.set(k, String(v));
  if (lang === 'en') query.set('lang', 'en');
  const s = query.toString();
  return s ? `${path}?${s}` : path;
}

export interface PageMeta {
  name: PageName;
  lang: Lang;
  title: string;
  description: string;
  /** The site's public address (BIOPLAN_PUBLIC_URL), for Open Graph and canonical links. */
  origin: string;
  /** The page's own path and query (language excepted), for the language switch. */
  params?: Record<string, string | number | undefined>;
  /** A page outside the navigation (the not-found page): no item is marked current. */
  outside?: boolean;
}

/** The frame of every portal page: skip link, header and navigation, main, footer. */
export function layout(meta: PageMeta, body: Html): string {
  const t = TEXTS[meta.lang];
  const path = PAGES[meta.name];
  const other: Lang = meta.lang === 'vi' ? 'en' : 'vi';
  const url = `${meta.origin}${href(path, meta.lang, meta.params)}`;
  const current = SECTION[meta.name] ?? meta.name;
  const nav = NAV.map(
    (name) =>
      html`<li>
        <a href="${href(PAGES[name], meta.lang)}" ${name === current && !meta.outside ? html` aria-current="page"` : ''}
          >${t[name]}</a
        >
      </li>`,
  );
  return html`<!doctype html>
    <html lang="${meta.lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${meta.title} — ${t.site}</title>
        <meta name="description" content="${meta.description}" />
        <link rel="canonical" href="${url}" />
        <link rel="alternate" hreflang="${other}" href="${meta.origin}${href(path, other, meta.params)}" />
        <link rel="stylesheet" href="${PORTAL}/portal.css?v=${PORTAL_CSS_VERSION}" />
        <link rel="alternate" type="application/atom+xml" title="${t.feed}" href="${PORTAL}/feed.atom" />
        <meta property="og:type" content="website" />
        <meta property="og:site_name" content="${t.site}" />
        <meta property="og:title" content="${meta.title}" />
        <meta property="og:description" content="${meta.description}" />
        <meta property="og:url" content="${url}" />
        <meta property="og:locale" content="${meta.lang === 'vi' ? 'vi_VN' : 'en_GB'}" />
        <meta property="og:locale:alternate" content="${meta.lang === 'vi' ? 'en_GB' : 'vi_VN'}" />
      </head>
      <body>
        <a class="skip" href="#main">${t.skip}</a>
        <header>
          <div class="bar">
            <a class="brand" href="${href(PORTAL, meta.lang)}">${t.site}</a>
            <a
              href="${href(path, other, meta.params)}"
              lang="${other}"
              hreflang="${other}"
              title="${TEXTS[other].switchLangLabel}"
              >${t.switchLang}</a
            >
          </div>
          <nav aria-label="${t.nav}">
            <ul>
              ${nav}
            </ul>
          </nav>
        </header>
        <main id="main">${body}</main>
        <footer>
          <div>
            <p>${t.footer}</p>
            <p>
              <a href="/gop-y">${t.feedback}</a> · <a href="/gop-y/tra-cuu">${t.tracking}</a> ·
              <a href="${PORTAL}/feed.atom">${t.feed}</a> ·
              <a href="${href(PAGES.openData, meta.lang)}">${t.openData}</a>
            </p>
          </div>
        </footer>
      </body>
    </html> `.value;
}
