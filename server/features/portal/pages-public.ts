// Templates of the portal's progress, indicators, registry, open data and version comparison
// pages. Like pages.ts, markup is written only through `html`, which escapes every value.
import type { PlanDiffResponse, PlanVersionDto, DiffItemDto } from '../../../shared/contracts/amendments.js';
import type { PlanDto } from '../../../shared/contracts/plans.js';
import { formatDate, formatNumber, vietnamDate } from '../../../shared/format.js';
import type { PublicEnterprise } from '../registries/index.js';
import { indicatorChart } from './charts.js';
import type { IndicatorSeries, Publication } from './data.js';
import { html, type Html } from './html.js';
import type { Lang, Texts } from './i18n.js';
import { href, PAGES, PORTAL } from './layout.js';
import { DATASET_NAMES, DATASETS, FORMATS, LICENCE } from './opendata.js';
import { inVi, unitName } from './pages.js';
import { fromPlanLine } from './pages-lineage.js';

const enNumber = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
/** A number as the reader's language writes it. */
export const numberIn = (lang: Lang) => (n: number | null) =>
  n === null ? '—' : lang === 'en' ? enNumber.format(n) : formatNumber(n);

export const published = (p: Publication) => formatDate(vietnamDate(p.publishedAt));

/** Paragraphs of a published text (blank lines separate them). */
const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => html`<p>${s}</p>`);

function figuresTable(pub: Publication, t: Texts, lang: Lang): Html {
  const n = numberIn(lang);
  return html`<div class="table" tabindex="0" role="region" aria-label="${t.figures} — ${t.yearOf(pub.year)}">
    <table>
      <thead>
        <tr>
          <th scope="col">${t.indicator}</th>
          <th scope="col">${t.unitOfMeasure}</th>
          <th scope="col" class="num">${t.total}</th>
          <th scope="col" class="num">${t.previousTotal}</th>
          <th scope="col" class="num">${t.reportingUnits}</th>
        </tr>
      </thead>
      <tbody>
        ${pub.figures.map(
          (f) =>
            html`<tr>
              <th scope="row"${inVi(t)}>${f.name}</th>
              <td${inVi(t)}>${f.unit}</td>
              <td class="num">${n(f.total)}</td>
              <td class="num">${n(f.previousTotal)}</td>
              <td class="num">${n(f.reporting)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** The progress page: the years published, and the chosen year's text per plan item and its figures. */
export function progressPage(pubs: Publication[], year: number | null, t: Texts, lang: Lang): Html {
  const head = html`<h1>${t.progressTitle}</h1>
    <p class="lead">${t.progressLead}</p>`;
  if (pubs.length === 0)
    return html`${head}
      <p>${t.noProgress}</p>`;
  const pub = pubs.find((p) => p.year === year) ?? pubs[pubs.length - 1];
  const years = html`<nav class="years" aria-label="${t.years}">
    <ul>
      ${[...pubs].reverse().map(
        (p) =>
          html`<li>
            <a href="${href(PAGES.progress, lang, { nam: p.year })}" ${p === pub ? html`aria-current="page"` : ''}
              >${p.year}</a
            >
          </li>`,
      )}
    </ul>
  </nav>`;
  return html`${head} ${years}
    <h2>${t.yearOf(pub.year)}</h2>
    <p class="muted">${t.publishedOn(published(pub))}</p>
    ${pub.fromPlan ? html`<p class="muted">${fromPlanLine(pub.fromPlan, lang)}</p>` : ''}
    ${
      pub.items.length
        ? pub.items.map(
            (i) =>
              html`<section class="card" aria-labelledby="${`muc-${i.itemKey}`}" ${inVi(t)}>
                <h3 id="${`muc-${i.itemKey}`}">${i.heading}</h3>
                ${paragraphs(i.text)}
              </section>`,
          )
        : html`<p>${t.noItemsText}</p>`
    }
    ${
      pub.figures.length
        ? html`<h2>${t.figures}</h2>
            ${figuresTable(pub, t, lang)}
            <p>
              <a href="${href(PAGES.indicators, lang)}">${t.indicatorsTitle}</a> ·
              <a href="${href(PAGES.openData, lang)}">${t.openData}</a>
            </p>`
        : ''
    }`;
}

export interface ChartTarget {
  year: number;
  /** Null while the baseline it is computed from is not entered ("chưa có"). */
  value: number | null;
  source: string;
}

/** One chart per indicator over the published years, each with its data table. */
export function indicatorsPage(
  series: IndicatorSeries[],
  targets: Map<string, ChartTarget>,
  t: Texts,
  lang: Lang,
  continued: Html | '' = '',
): Html {
  const head = html`<h1>${t.indicatorsTitle}</h1>
    <p class="lead">${t.indicatorsLead}</p>
    ${continued}`;
  if (series.length === 0)
    return html`${head}
      <p>${t.noIndicators}</p>`;
  const n = numberIn(lang);
  return html`${head}
  ${series.map((s) => {
    const set = targets.get(s.code) ?? null;
    const target = set && set.value !== null ? { year: set.year, value: set.value } : null;
    const id = `chi-tieu-${s.code}`;
    const label = t.chartLabel(s.name, s.unit);
    const chart = indicatorChart({
      label: target ? `${label}. ${t.targetLine(target.year, n(target.value))}` : label,
      unit: s.unit,
      points: s.points.map((p) => ({ year: p.year, value: p.value })),
      target: target ? { ...target, label: t.target } : null,
      format: (v) => n(v),
      targetName: t.target,
    });
    return html`<section class="card" aria-labelledby="${id}">
        <h2 id="${id}"${inVi(t)}>${s.name}</h2>
        <p class="muted">${s.code} · ${t.unitOfMeasure}: <span${inVi(t)}>${s.unit}</span></p>
        <figure class="chart">${chart}</figure>
        <p>
          ${target ? t.targetLine(target.year, n(target.value)) : set ? t.targetPending(set.year) : t.noTarget}
          ${set ? html` <span class="muted">(${set.source})</span>` : ''}
        </p>
        <div class="table" tabindex="0" role="region" aria-label="${t.dataOf(s.name)}">
          <table>
            <caption>
              ${t.dataOf(s.name)}
            </caption>
            <thead>
              <tr>
                <th scope="col">${t.year}</th>
                <th scope="col" class="num">${t.total}</th>
                <th scope="col" class="num">${t.reportingUnits}</th>
              </tr>
            </thead>
            <tbody>
              ${s.points.map(
                (p) =>
                  html`<tr>
                    <th scope="row">${p.year}</th>
                    <td class="num">${n(p.value)}</td>
                    <td class="num">${n(p.reporting)}</td>
                  </tr>`,
              )}
              ${
                target
                  ? html`<tr>
                      <th scope="row">${target.year} (${t.target})</th>
                      <td class="num">${n(target.value)}</td>
                      <td class="num">—</td>
                    </tr>`
                  : ''
              }
            </tbody>
          </table>
        </div>
      </section>`;
  })}`;
}

export const ENTERPRISE_PAGE_SIZE = 20;

/** The public registry: enterprises producing bio-preparations, searchable, paged. */
export function enterprisesPage(list: PublicEnterprise[], q: string, pageNumber: number, t: Texts, lang: Lang): Html {
  const pages = Math.max(1, Math.ceil(list.length / ENTERPRISE_PAGE_SIZE));
  const p = Math.min(pageNumber, pages);
  const shown = list.slice((p - 1) * ENTERPRISE_PAGE_SIZE, p * ENTERPRISE_PAGE_SIZE);
  const link = (k: number) => href(PAGES.enterprises, lang, { q, page: k > 1 ? k : undefined });
  return html`<h1>${t.enterprisesTitle}</h1>
    <p class="lead">${t.enterprisesLead}</p>
    <form class="search" method="get" action="${PAGES.enterprises}" role="search">
      <label for="q">${t.enterpriseSearch}</label>
      <input type="search" id="q" name="q" value="${q}" maxlength="200" />
      ${lang === 'en' ? html`<input type="hidden" name="lang" value="en" />` : ''}
      <button type="submit">${t.searchButton}</button>
    </form>
    <p class="muted" role="status">${t.enterpriseResults(list.length)}</p>
    ${shown.map(
      (e) =>
        html`<article class="card">
          <h2${inVi(t)}>${e.name}</h2>
          <dl>
            ${e.commune ? html`<dt>${t.commune}</dt><dd${inVi(t)}>${e.commune}</dd>` : ''}
            ${e.sector ? html`<dt>${t.sector}</dt><dd${inVi(t)}>${e.sector}</dd>` : ''}
            ${
              e.products.length
                ? html`<dt>${t.products}</dt>
                    <dd>
                      <ul>
                        ${e.products.map(
                          (pr) =>
                            html`<li>
                              <span${inVi(t)}>${pr.name}</span>${pr.wasteStreams.map(
                                (s) => html` <span class="tag">${t.streams[s]}</span>`,
                              )}
                            </li>`,
                        )}
                      </ul>
                    </dd>`
                : ''
            }
            ${
              e.wasteStreams.length
                ? html`<dt>${t.wasteStreams}</dt>
                    <dd>${e.wasteStreams.map((s) => t.streams[s]).join(', ')}</dd>`
                : ''
            }
            ${
              e.industrialYears.length
                ? html`<dt>${t.industrialYears}</dt>
                    <dd>${e.industrialYears.join(', ')}</dd>`
                : ''
            }
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

/** The address of a dataset in a format. */
export const datasetHref = (name: string, format: string) => `${PORTAL}/du-lieu/${name}.${format}`;

/** The open data page: each dataset, its downloads, its data dictionary, and the licence. */
export function openDataPage(counts: Record<string, number>, t: Texts, lang: Lang): Html {
  return html`<h1>${t.openDataTitle}</h1>
    <p class="lead">${t.openDataLead}</p>
    <p><strong>${t.licence}</strong> <a href="${LICENCE.url}" rel="license">${LICENCE.name}</a></p>
    ${DATASET_NAMES.map((name) => {
      const d = DATASETS[name];
      const words = lang === 'en' ? d.en : d.vi;
      return html`<section class="card" aria-labelledby="${`ds-${name}`}">
        <h2 id="${`ds-${name}`}">${words.title}</h2>
        <p>${words.description} <span class="muted">(${t.rows(counts[name] ?? 0)})</span></p>
        <p>
          ${t.download}:
          ${FORMATS.map(
            (f, i) =>
              html`${i ? ' · ' : ''}<a href="${datasetHref(name, f)}" download
                  >${f.toUpperCase()}<span class="sr"> — ${words.title}</span></a
                >`,
          )}
        </p>
        <details>
          <summary>${t.dictionary}</summary>
          <div class="table" tabindex="0" role="region" aria-label="${t.dictionary}: ${words.title}">
            <table>
              <thead>
                <tr>
                  <th scope="col">${t.column}</th>
                  <th scope="col">${t.columnType}</th>
                  <th scope="col">${t.description}</th>
                </tr>
              </thead>
              <tbody>
                ${d.columns.map(
                  (c) =>
                    html`<tr>
                      <th scope="row"><code>${c.key}</code></th>
                      <td>${t.types[c.type]}</td>
                      <td>${lang === 'en' ? c.en : c.vi}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>
        </details>
      </section>`;
    })}`;
}

function side(s: DiffItemDto['before'], t: Texts): Html | '' {
  if (!s) return '';
  return html`<p${inVi(t)}>
    <span class="label">${s.label}</span>${s.title ? html`<strong>${s.title}</strong>${s.text ? ': ' : ''}` : ''}${
      s.text ?? ''
    }
  </p>`;
}

/** The comparison of two versions: a form to choose them, then each differing item before and after. */
export function comparePage(
  plan: PlanDto,
  versions: PlanVersionDto[],
  diff: PlanDiffResponse | null,
  from: number,
  to: number,
  t: Texts,
  lang: Lang,
): Html {
  const select = (id: string, name: string, label: string, chosen: number) =>
    html`<div>
      <label for="${id}">${label}</label>
      <select id="${id}" name="${name}">
        ${versions.map(
          (v) =>
            html`<option value="${v.number}" ${v.number === chosen ? html`selected` : ''}>
              ${t.version} ${v.number}${v.documentNumber ? ` — ${v.documentNumber}` : ''}
            </option>`,
        )}
      </select>
    </div>`;
  const form =
    versions.length > 1
      ? html`<form class="search compare" method="get" action="${PAGES.compare}">
          ${select('tu', 'tu', t.compareFrom, from)} ${select('den', 'den', t.compareTo, to)}
          ${lang === 'en' ? html`<input type="hidden" name="lang" value="en" />` : ''}
          <button type="submit">${t.compareButton}</button>
        </form>`
      : html`<p>${t.onlyOneVersion}</p>`;
  const units = (list: DiffItemDto['assignmentsAdded']) =>
    list
      .map((a) => `${unitName({ ...a, currentUnits: [] } as never, t)} (${a.role === 'lead' ? t.lead : t.coordinate})`)
      .join('; ');
  return html`<h1>${t.compareTitle}</h1>
    <p class="lead">${t.compareLead}</p>
    <p${inVi(t)}>${plan.title}</p>
    ${form}
    ${
      diff
        ? html`<h2>${t.version} ${diff.from} → ${t.version} ${diff.to}</h2>
            <p role="status">${t.diffSummary(diff.summary.added, diff.summary.removed, diff.summary.changed)}</p>
            ${diff.items.length === 0 ? html`<p>${t.noDifferences}</p>` : ''}
            ${diff.items.map(
              (d) =>
                html`<article class="card diff">
                  <h3>
                    <span class="tag">${t.change[d.change]}</span> ${t.item}
                    ${d.after?.label ?? d.before?.label ?? d.key}
                  </h3>
                  ${
                    d.before && d.change !== 'added'
                      ? html`<div class="before">
                          <p class="muted">${t.before}</p>
                          ${side(d.before, t)}
                        </div>`
                      : ''
                  }
                  ${
                    d.after && d.change !== 'removed'
                      ? html`<div class="after">
                          <p class="muted">${t.after}</p>
                          ${side(d.after, t)}
                        </div>`
                      : ''
                  }
                  ${d.assignmentsAdded.length ? html`<p>${t.dutiesAdded}: ${units(d.assignmentsAdded)}</p>` : ''}
                  ${d.assignmentsRemoved.length ? html`<p>${t.dutiesRemoved}: ${units(d.assignmentsRemoved)}</p>` : ''}
                </article>`,
            )}`
        : ''
    }`;
}
