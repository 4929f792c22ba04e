// The portal's words for a plan's lineage on the progress and indicator pages (issue 14): the years
// a replaced plan published, continued under the plan that replaces it.
import type { Publication } from './data.js';
import { html, type Html } from './html.js';
import type { Lang } from './i18n.js';
import { href, PAGES } from './layout.js';

/** "Năm này thuộc Kế hoạch X (đã được thay thế)", the plan number a link to its portal page. */
export function fromPlanLine(plan: { id: string; number: string }, lang: Lang, years?: number[]): Html {
  const link = html`<a href="${href(PAGES.plan, lang, { 'ke-hoach': plan.id })}"
    >${lang === 'en' ? `plan ${plan.number}` : `Kế hoạch ${plan.number}`}</a
  >`;
  if (years) {
    const list = years.join(', ');
    return lang === 'en'
      ? html`Figures of ${list} were published under ${link}, which this plan replaces; indicators with the same code
        continue.`
      : html`Số liệu năm ${list} được công bố theo ${link}, kế hoạch được kế hoạch này thay thế; chỉ tiêu cùng mã được
        nối tiếp.`;
  }
  return lang === 'en'
    ? html`This year was published under ${link}, which this plan replaces.`
    : html`Năm này được công bố theo ${link}, kế hoạch được kế hoạch này thay thế.`;
}

/** One line per replaced plan whose years the series carry. */
export function continuedFrom(pubs: Publication[], lang: Lang): Html | '' {
  const byPlan = new Map<string, { plan: { id: string; number: string }; years: number[] }>();
  for (const p of pubs) {
    if (!p.fromPlan) continue;
    const entry = byPlan.get(p.fromPlan.id) ?? { plan: p.fromPlan, years: [] };
    entry.years.push(p.year);
    byPlan.set(p.fromPlan.id, entry);
  }
  return byPlan.size
    ? html`${[...byPlan.values()].map((e) => html`<p class="muted">${fromPlanLine(e.plan, lang, e.years)}</p>`)}`
    : '';
}
