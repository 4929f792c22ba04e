// The yearly report, prefilled (issue 12): the values the unit's records give for its report's
// indicators over the cycle's data window, beside the values it typed, and the text each
// narrative section can start from. Read live for the one unit, every derivation at once; kept
// apart from GET /reports/:id so reading a report stays one statement.
import type { DerivedValueDto, NarrativePrefillDto, ReportDerivedResponse } from '../../../shared/contracts/prefill.js';
import type { FormIndicatorDto, FormSectionDto } from '../../../shared/contracts/reporting.js';
import { WASTE_STREAMS } from '../../../shared/domain.js';
import { formatDate, formatNumber } from '../../../shared/format.js';
import { WASTE_STREAM_LABELS, type ContentValue } from '../../../shared/reporting-rules.js';
import type { DbOrTx } from '../../db/client.js';
import type { Ctx } from '../../lib/context.js';
import { derivationFor, type Derivation, type DerivationWindow } from '../../lib/derivations.js';
import { activitiesForPrefill, type PrefillActivity } from '../activities/index.js';
import { expectedIn, loadBundle, requireRead } from './report-access.js';
import { contentOf, formOf } from './report-view.js';

/** The derivations that apply to a form: one per indicator (or per indicator and stream). */
export function derivationsOfForm(indicators: FormIndicatorDto[]): Array<{ ind: FormIndicatorDto; d: Derivation }> {
  const out: Array<{ ind: FormIndicatorDto; d: Derivation }> = [];
  for (const ind of [...indicators].sort((a, b) => a.position - b.position)) {
    // A yes/no indicator (KH-00) is derived as 1 or 0.
    if (ind.valueType === 'text') continue;
    for (const stream of ind.byWasteStream ? WASTE_STREAMS : [null]) {
      const d = derivationFor(ind.code, stream);
      if (d) out.push({ ind, d });
    }
  }
  return out;
}

/** Every derived value of one unit over the window, all derivations in parallel; typed values beside. */
export async function derivedValuesFor(
  db: DbOrTx,
  unitId: string,
  window: DerivationWindow,
  indicators: FormIndicatorDto[],
  typedValues: ContentValue[],
): Promise<DerivedValueDto[]> {
  const list = derivationsOfForm(indicators);
  const computed = await Promise.all(list.map(({ d }) => d.byUnit(db, window, [unitId])));
  const typed = new Map(typedValues.map((v) => [`${v.indicatorCode}|${v.wasteStream ?? ''}`, v.value]));
  return list.map(({ d }, i) => {
    const value = computed[i].get(unitId) ?? 0;
    const raw = typed.get(`${d.indicatorCode}|${d.wasteStream ?? ''}`);
    const typedNumber = typeof raw === 'number' ? raw : typeof raw === 'boolean' ? (raw ? 1 : 0) : null;
    return {
      indicatorCode: d.indicatorCode,
      wasteStream: d.wasteStream,
      value,
      method: d.method,
      link: d.recordsLink(window, unitId),
      typed: typedNumber,
      differs: typedNumber !== null && typedNumber !== value,
    };
  });
}

/** "DN-01 (Doanh nghiệp …): 3 doanh nghiệp" — one derived value as a line of prose. */
function valueLine(value: DerivedValueDto, ind: FormIndicatorDto | undefined): string {
  const stream = value.wasteStream ? WASTE_STREAM_LABELS[value.wasteStream as keyof typeof WASTE_STREAM_LABELS] : null;
  const name = ind ? `${ind.name}${stream ? `, chất thải ${stream.vi}` : ''}` : value.indicatorCode;
  return `- ${name} (${value.indicatorCode}): ${formatNumber(value.value)}${ind?.unit ? ` ${ind.unit}` : ''}.`;
}

/** "- Tập huấn … (Hoàn thành): kết quả dự kiến. Ngày 12/05/2026: …" — one activity as prose. */
function activityLine(a: PrefillActivity): string {
  const status = a.statusReason ? `${a.statusLabel}, ${a.statusReason}` : a.statusLabel;
  const output = a.expectedOutput.trim() ? ` Kết quả dự kiến: ${a.expectedOutput.trim().replace(/\.$/, '')}.` : '';
  const notes = a.notes.map((n) => ` Ngày ${formatDate(n.date)}: ${n.text.trim().replace(/\.$/, '')}.`).join('');
  return `- ${a.title.trim().replace(/\.$/, '')} (${status}).${output}${notes}`;
}

/**
 * The text each narrative section can start from: the unit's activities serving the section's
 * plan item (activities module) and what its records of the window give. The one place that
 * gathers it.
 */
export async function narrativePrefill(
  db: DbOrTx,
  unitId: string,
  window: DerivationWindow,
  sections: FormSectionDto[],
  indicators: FormIndicatorDto[],
  derived: DerivedValueDto[],
): Promise<NarrativePrefillDto[]> {
  const activities = await activitiesForPrefill(db, unitId, window);
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const found = derived.filter((v) => v.value > 0);
  const records = found.length
    ? [
        `Theo sổ theo dõi của đơn vị trong kỳ số liệu (từ ${formatDate(window.from)} đến ${formatDate(window.to)}):`,
        ...found.map((v) => valueLine(v, byCode.get(v.indicatorCode))),
      ].join('\n')
    : '';
  const out: NarrativePrefillDto[] = [];
  const used = new Set<string>();
  for (const s of sections) {
    const own = activities[s.key] ?? [];
    for (const a of own) used.add(a.id);
    const parts = [
      own.length ? ['Các hoạt động của đơn vị trong kỳ:', ...own.map(activityLine)].join('\n') : '',
      records,
    ].filter(Boolean);
    if (parts.length) out.push({ planItemId: s.planItemId, results: parts.join('\n\n') });
  }
  // Activities serving items outside the unit's sections, and the records, go to the other results.
  const rest = Object.values(activities)
    .flat()
    .filter((a) => !used.has(a.id) && (used.add(a.id), true));
  const other = [
    rest.length ? ['Các hoạt động khác của đơn vị trong kỳ:', ...rest.map(activityLine)].join('\n') : '',
    records,
  ].filter(Boolean);
  if (other.length) out.push({ planItemId: 'otherResults', results: other.join('\n\n') });
  return out;
}

/** GET /reports/:id/derived — the unit's derived values and narrative prefill; readers of the report only. */
export async function getDerived(ctx: Ctx, id: string): Promise<ReportDerivedResponse> {
  const loaded = await loadBundle(ctx.db, id, { content: true });
  requireRead(ctx, loaded.report);
  const unit = expectedIn(loaded);
  const window = { from: loaded.cycle.windowStart, to: loaded.cycle.windowEnd };
  const form = await formOf(ctx.db, loaded.cycle, unit.sections);
  const values = await derivedValuesFor(
    ctx.db,
    loaded.report.orgUnitId,
    window,
    form.indicators,
    contentOf(loaded).values,
  );
  const narratives = await narrativePrefill(
    ctx.db,
    loaded.report.orgUnitId,
    window,
    form.sections,
    form.indicators,
    values,
  );
  return { window, values, narratives };
}
