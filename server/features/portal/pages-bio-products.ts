import type { PublicBioProductList } from '../../../shared/contracts/registry-records.js';
import { html, type Html } from './html.js';
import type { Lang, Texts } from './i18n.js';
import { href, PAGES } from './layout.js';
import { inVi } from './pages.js';

/** Bio-products by waste stream, searchable without diacritics (the registry's public part). */
export function bioProductsPage(list: PublicBioProductList, q: string, stream: string, t: Texts, lang: Lang): Html {
  const pages = Math.max(1, Math.ceil(list.page.total / list.page.pageSize));
  const p = Math.min(list.page.page, pages);
  const link = (k: number) =>
    href(PAGES.bioProducts, lang, { q, dong: stream || undefined, page: k > 1 ? k : undefined });
  return html`<h1>${t.bioProductsTitle}</h1>
    <p class="lead">${t.bioProductsLead}</p>
    <form class="search" method="get" action="${PAGES.bioProducts}" role="search">
      <label for="q">${t.bioProductSearch}</label>
      <input type="search" id="q" name="q" value="${q}" maxlength="200" />
      <label for="dong">${t.bioProductStream}</label>
      <select id="dong" name="dong">
        <option value="">${t.allStreams}</option>
        ${Object.entries(t.streams).map(
          ([key, label]) => html`<option value="${key}" ${key === stream ? 'selected' : ''}>${label}</option>`,
        )}
      </select>
      ${lang === 'en' ? html`<input type="hidden" name="lang" value="en" />` : ''}
      <button type="submit">${t.searchButton}</button>
    </form>
    <p class="muted" role="status">${t.bioProductResults(list.page.total)}</p>
    ${list.data.map(
      (b) =>
        html`<article class="card">
          <h2${inVi(t)}>${b.name}</h2>
          <dl>
            ${b.producerName ? html`<dt>${t.producer}</dt><dd${inVi(t)}>${b.producerName}</dd>` : ''}
            ${
              b.wasteStreams.length
                ? html`<dt>${t.wasteStreams}</dt>
                    <dd>${b.wasteStreams.map((s) => t.streams[s] ?? s).join(', ')}</dd>`
                : ''
            }
            ${
              b.registrationNumber
                ? html`<dt>${t.registrationNumber}</dt>
                    <dd>${b.registrationNumber}</dd>`
                : ''
            }
            ${b.communes.length ? html`<dt>${t.appliedIn}</dt><dd${inVi(t)}>${b.communes.join(', ')}</dd>` : ''}
          </dl>
        </article>`,
    )}
    ${
      pages > 1
        ? html`<nav class="pager" aria-label="${t.pages}">
            ${p > 1 ? html`<a href="${link(p - 1)}" rel="prev">${t.previous}</a>` : ''}<span>${t.pageOf(p, pages)}</span>${
              p < pages ? html`<a href="${link(p + 1)}" rel="next">${t.next}</a>` : ''
            }
          </nav>`
        : ''
    }`;
}
