import type { Publication } from './data.js';
import { html, type Html } from './html.js';
import type { Lang, Texts } from './i18n.js';
import { href, PAGES } from './layout.js';
import { published } from './pages-public.js';

/** Home's "progress at a glance": the latest published year, in one line, with its links. */
export function atGlance(pubs: Publication[], t: Texts, lang: Lang): Html {
  const last = pubs.at(-1);
  return html`<h2>${t.atGlance}</h2>
    <div class="card">
      ${
        last
          ? html`<p>
                ${t.atGlanceLine(last.year, last.items.length, last.figures.filter((f) => f.total !== null).length)}
              </p>
              <p class="muted">${t.publishedOn(published(last))}</p>`
          : html`<p>${t.noProgress}</p>`
      }
      <p>
        <a href="${href(PAGES.progress, lang)}">${t.progressTitle}</a> ·
        <a href="${href(PAGES.indicators, lang)}">${t.indicatorsTitle}</a> ·
        <a href="${href(PAGES.enterprises, lang)}">${t.enterprisesTitle}</a>
      </p>
    </div>`;
}
