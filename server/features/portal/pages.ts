import type { GuidanceDocumentDto, PlanVersionDto } from '../../../shared/contracts/amendments.js';
import type { PublishedFeedbackDto } from '../../../shared/contracts/feedback.js';
import type { AssignmentDto, PlanDto, PlanItemDto } from '../../../shared/contracts/plans.js';
import { formatDate, vietnamDate } from '../../../shared/format.js';
import { html, type Html } from './html.js';
import { TEXTS, type Lang, type Texts } from './i18n.js';
import { href, PAGES } from './layout.js';

/** Records (the plan, questions, answers, documents) are in Vietnamese on the English pages too. */
export const inVi = (t: Texts) => (t === TEXTS.en ? html` lang="vi"` : '');

/** The plan in three sentences: its title, its number and date, its purpose. */
export function planSentences(plan: PlanDto, t: Texts): string[] {
  const objective = plan.items.find((i) => i.kind === 'objective' && i.text);
  const purpose = objective?.text ?? plan.preamble ?? '';
  return [
    `${plan.title}.`,
    `${t.issued(plan.number, formatDate(plan.date))} — ${[plan.issuerParent, plan.issuer].filter(Boolean).join(' ')}.`,
    purpose ? `${t.purpose}: ${purpose}` : '',
  ].filter(Boolean);
}

export function unitName(a: AssignmentDto, t: Texts): string {
  if (a.unitGroup) return t.groups[a.unitGroup];
  const name = a.orgUnit?.fullName ?? a.orgUnit?.name ?? '';
  const now = a.currentUnits.map((u) => u.fullName || u.name);
  return now.length ? `${name} (${t.nowHeldBy} ${now.join(', ')})` : name;
}

function whoLine(item: PlanItemDto, t: Texts): Html | '' {
  if (item.assignments.length === 0) return '';
  const lead = item.assignments.filter((a) => a.role === 'lead').map((a) => unitName(a, t));
  const coord = item.assignments.filter((a) => a.role === 'coordinate').map((a) => unitName(a, t));
  return html`<p class="who">
    ${lead.length ? html`<span class="tag">${t.lead}</span>${lead.join('; ')} ` : ''}${
      coord.length ? html`<span class="tag">${t.coordinate}</span>${coord.join('; ')}` : ''
    }
  </p>`;
}

function depthOf(items: PlanItemDto[]): Map<string, number> {
  const byId = new Map(items.map((i) => [i.id, i]));
  const depth = new Map<string, number>();
  const of = (i: PlanItemDto): number => {
    const known = depth.get(i.id);
    if (known !== undefined) return known;
    const parent = i.parentId ? byId.get(i.parentId) : undefined;
    const d = parent ? of(parent) + 1 : 1;
    depth.set(i.id, d);
    return d;
  };
  items.forEach(of);
  return depth;
}

export function homePage(
  plan: PlanDto | null,
  answers: PublishedFeedbackDto[],
  t: Texts,
  lang: Lang,
  progress: Html | '' = '',
  asked?: string,
): Html {
  if (!plan)
    return html`<h1>${t.site}</h1>
      <p>${t.noPlan}</p>`;
  const [title, ...rest] = planSentences(plan, t);
  // A home page asked for one plan (?ke-hoach=) keeps to it in its links.
  const params = { 'ke-hoach': asked };
  return html`<h1${inVi(t)}>${plan.title}</h1>
    <p class="lead">${t.homeLead}</p>
    <div class="card">
      <p>${title}</p>
      ${rest.map((s) => html`<p>${s}</p>`)}
      <p class="muted">${t.inForceVersion(plan.version)}</p>
      ${lineageLines(plan, t)}
      <p>
        <a href="${href(PAGES.plan, lang, params)}">${t.readPlan}</a> ·
        <a href="${href(PAGES.duties, lang, params)}">${t.duties}</a> ·
        <a href="${href(PAGES.versions, lang, params)}">${t.versions}</a>
      </p>
    </div>
    ${progress}
    <h2>${t.latestAnswers}</h2>
    ${answers.length ? answers.map((a) => answerCard(a, t, 'h3')) : html`<p>${t.noAnswers}</p>`}
    <p><a href="${href(PAGES.answers, lang)}">${t.allAnswers}</a></p>
    <h2>${t.guidance}</h2>
    <p><a href="${href(PAGES.guidance, lang)}">${t.guidance}</a> · <a href="/gop-y">${t.feedback}</a></p>`;
}

/**
 * The plan's lineage (issue 14): the plan replacing it and from when, the plans it replaces.
 * Worded here, not in i18n.ts, to keep this edit self-contained.
 */
function lineageLines(plan: PlanDto, t: Texts): Html | '' {
  const en = t === TEXTS.en;
  const lang: Lang = en ? 'en' : 'vi';
  const planLink = (id: string, number: string) =>
    html`<a href="${href(PAGES.plan, lang, { 'ke-hoach': id })}">${en ? `plan ${number}` : `Kế hoạch ${number}`}</a>`;
  const lines: Html[] = [];
  if (plan.replacedBy) {
    const by = plan.replacedBy;
    const link = planLink(by.planId, by.number);
    lines.push(
      en
        ? html`<p class="muted">Replaced by ${link} from ${formatDate(by.fromDate)}.</p>`
        : html`<p class="muted">Được thay thế bởi ${link} từ ngày ${formatDate(by.fromDate)}.</p>`,
    );
  }
  for (const old of plan.replaces) {
    const link = planLink(old.planId, old.number);
    lines.push(
      en
        ? html`<p class="muted">Replaces ${link} from ${formatDate(old.fromDate)}.</p>`
        : html`<p class="muted">Thay thế ${link} từ ngày ${formatDate(old.fromDate)}.</p>`,
    );
  }
  return lines.length ? html`${lines}` : '';
}

export function planPage(plan: PlanDto, t: Texts): Html {
  const depth = depthOf(plan.items);
  const body = plan.items.map((item) => {
    const d = depth.get(item.id) ?? 1;
    if (item.kind === 'section' && d === 1) {
      return html`<h2 id="${`muc-${item.key}`}" ${inVi(t)}>${item.label} ${item.title}</h2>
        ${item.text ? html`<p>${item.text}</p>` : ''}${whoLine(item, t)}`;
    }
    return html`<div class="item lvl${Math.min(d, 4)}" id="${`muc-${item.key}`}" ${inVi(t)}>
      <p>
        <span class="label">${item.label}</span>${
          item.title ? html`<strong>${item.title}</strong>${item.text ? ': ' : ''}` : ''
        }${item.text ?? ''}
      </p>
      ${whoLine(item, t)}
    </div>`;
  });
  return html`<h1${inVi(t)}>${plan.title}</h1>
    <p class="muted">${t.issued(plan.number, formatDate(plan.date))} · ${t.inForceVersion(plan.version)}</p>
    ${lineageLines(plan, t)} ${plan.preamble ? html`<p>${plan.preamble}</p>` : ''} ${body}`;
}

export function versionsPage(plan: PlanDto, versions: PlanVersionDto[], t: Texts, lang: Lang): Html {
  const state = (v: PlanVersionDto) => (v.isCurrent ? t.current : v.isScheduled ? t.scheduled : t.superseded);
  const rows = versions.map(
    (v) =>
      html`<tr>
        <th scope="row">${v.number}</th>
        <td>
          ${v.documentNumber ?? (v.number === 1 ? plan.number : '')}${
            v.number === 1 ? html` <span class="muted">(${t.original})</span>` : ''
          }
        </td>
        <td>${formatDate(v.documentDate ?? (v.number === 1 ? plan.date : null))}</td>
        <td>${formatDate(v.effectiveDate)}</td>
        <td>${state(v)}</td>
      </tr>`,
  );
  return html`<h1>${t.versions}</h1>
    <p${inVi(t)}>${plan.title}</p>
    <div class="table" tabindex="0" role="region" aria-label="${t.versions}">
      <table>
        <caption class="muted">
          ${plan.number}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t.version}</th>
            <th scope="col">${t.decision}</th>
            <th scope="col">${t.decisionDate}</th>
            <th scope="col">${t.effectiveDate}</th>
            <th scope="col">${t.state}</th>
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>
    </div>
    ${versions.length > 1 ? html`<p><a href="${href(PAGES.compare, lang)}">${t.compareLink}</a></p>` : ''}`;
}

/** Each item's place in the plan, from its ancestors' labels: "V.5", "IV.1 -". */
export function itemPaths(items: PlanItemDto[]): Map<string, string> {
  const byId = new Map(items.map((i) => [i.id, i]));
  const paths = new Map<string, string>();
  for (const item of items) {
    const chain: string[] = [];
    for (let at: PlanItemDto | undefined = item; at; at = at.parentId ? byId.get(at.parentId) : undefined) {
      chain.unshift(at.label.replace(/\.$/, ''));
    }
    paths.set(item.id, chain.join('.').replace(/\.-/g, ' -'));
  }
  return paths;
}

/** Duties grouped by who holds them: each named unit, then each group of units, by name. */
export function dutiesPage(plan: PlanDto, t: Texts, lang: Lang): Html {
  const byHolder = new Map<string, { lead: PlanItemDto[]; coordinate: PlanItemDto[] }>();
  for (const item of plan.items) {
    for (const a of item.assignments) {
      const name = unitName(a, t);
      const entry = byHolder.get(name) ?? { lead: [], coordinate: [] };
      entry[a.role].push(item);
      byHolder.set(name, entry);
    }
  }
  // Named departments and localities first, then the groups of units, each by name.
  const groups = new Set<string>(Object.values(t.groups));
  const names = [...byHolder.keys()].sort(
    (a, b) => Number(groups.has(a)) - Number(groups.has(b)) || a.localeCompare(b, 'vi'),
  );
  const path = itemPaths(plan.items);
  const list = (items: PlanItemDto[]) =>
    html`<ul>
      ${items.map(
        (i) =>
          html`<li>
            <a href="${href(PAGES.plan, lang)}#muc-${i.key}">${t.item} ${path.get(i.id)}</a>
            <span${inVi(t)}>${i.title ?? ''}${i.title && i.text ? ': ' : ''}${i.text ?? ''}</span>
          </li>`,
      )}
    </ul>`;
  return html`<h1>${t.duties}</h1>
    <p>${t.dutiesLead}</p>
    ${names.map((name) => {
      const e = byHolder.get(name)!;
      return html`<section class="card" aria-label="${name}">
        <h2>${name}</h2>
        ${
          e.lead.length
            ? html`<h3>${t.lead}</h3>
                ${list(e.lead)}`
            : ''
        }${
          e.coordinate.length
            ? html`<h3>${t.coordinate}</h3>
                ${list(e.coordinate)}`
            : ''
        }
      </section>`;
    })}`;
}

export function answerCard(a: PublishedFeedbackDto, t: Texts, heading: 'h2' | 'h3'): Html {
  const h = html`${a.subject}`;
  return html`<article class="card" ${inVi(t)}>
    ${heading === 'h2' ? html`<h2>${h}</h2>` : html`<h3>${h}</h3>`}
    <p><strong>${t.question}:</strong> ${a.text}</p>
    <p><strong>${t.answer}:</strong> ${a.answer}</p>
    <p class="muted">
      ${a.answeredAt ? html`${t.answeredOn} ${formatDate(vietnamDate(new Date(a.answeredAt)))}` : ''}${
        a.planItem ? html` · ${t.planItem} ${a.planItem.label ?? a.planItem.key}` : ''
      }
    </p>
  </article>`;
}

export function answersPage(
  list: { data: PublishedFeedbackDto[]; page: { page: number; pageSize: number; total: number } },
  q: string,
  t: Texts,
  lang: Lang,
): Html {
  const pages = Math.max(1, Math.ceil(list.page.total / list.page.pageSize));
  const p = list.page.page;
  const link = (n: number) => href(PAGES.answers, lang, { q, page: n > 1 ? n : undefined });
  return html`<h1>${t.answers}</h1>
    <form class="search" method="get" action="${PAGES.answers}" role="search">
      <label for="q">${t.searchLabel}</label>
      <input type="search" id="q" name="q" value="${q}" maxlength="200" />
      ${lang === 'en' ? html`<input type="hidden" name="lang" value="en" />` : ''}
      <button type="submit">${t.searchButton}</button>
    </form>
    <p class="muted" role="status">${t.results(list.page.total)}</p>
    ${list.data.map((a) => answerCard(a, t, 'h2'))}
    ${
      pages > 1 || p > 1
        ? html`<nav class="pager" aria-label="${t.pages}">
            ${p > 1 ? html`<a href="${link(Math.min(p - 1, pages))}" rel="prev">${t.previous}</a>` : ''}<span>${t.pageOf(
              p,
              pages,
            )}</span>${p < pages ? html`<a href="${link(p + 1)}" rel="next">${t.next}</a>` : ''}
          </nav>`
        : ''
    }`;
}

export function guidancePage(docs: GuidanceDocumentDto[], t: Texts): Html {
  if (docs.length === 0)
    return html`<h1>${t.guidance}</h1>
      <p>${t.noGuidance}</p>`;
  return html`<h1>${t.guidance}</h1>
    ${docs.map(
      (d) =>
        html`<article class="card" ${inVi(t)}>
          <h2>${d.number} — ${d.title}</h2>
          <p class="muted">
            ${t.issuer}: ${d.issuer} · ${formatDate(d.date)} · <span class="tag">${t.guidanceStatus[d.status]}</span>
          </p>
          ${d.summary ? html`<p>${d.summary}</p>` : ''}
          ${d.replacedBy ? html`<p>${t.replacedBy}: ${d.replacedBy.number} (${formatDate(d.replacedBy.date)})</p>` : ''}
          ${d.planItems.length ? html`<p>${t.planItem}: ${d.planItems.map((i) => i.label ?? i.key).join(', ')}</p>` : ''}
        </article>`,
    )}`;
}
