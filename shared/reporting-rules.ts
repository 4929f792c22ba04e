// Pure rules of the yearly reporting cycle (issue 3): workflow transitions, when a report may be
// submitted, form validation, totals and diffs (deadlines and reminder days are in deadlines.ts).
// The server enforces them; the client may call the same functions to show the same answers.
import type {
  FormIndicatorDto,
  FormSectionDto,
  ReportAction,
  ReportChange,
  ReportStatus,
  UnitKindGroup,
} from './contracts/reporting.js';
import type { OrgUnitKind, WasteStream } from './domain.js';
import { WASTE_STREAMS } from './domain.js';
import { submissionTiming, type SubmissionTiming } from './deadlines.js';
import { writeNumber } from './numbers.js';
import { sectionCitation } from './plan-citation.js';

/** A message in both languages. */
export interface BiMessage {
  vi: string;
  en: string;
}
/** One failing field: its path in the request and the message. */
export interface RuleIssue {
  path: string;
  message: BiMessage;
}

/* ───────────────────────────── workflow ───────────────────────────── */

/** Which statuses each action applies to, and the status it leads to (null: unchanged). */
export const REPORT_TRANSITIONS: Record<
  Exclude<ReportAction, 'create'>,
  { from: readonly ReportStatus[]; to: ReportStatus | null }
> = {
  save: { from: ['draft', 'returned'], to: null },
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  return: { from: ['submitted'], to: 'returned' },
  accept: { from: ['submitted'], to: 'accepted' },
};

/** True when `action` may be applied to a report in `status`. */
export function canApply(status: ReportStatus, action: Exclude<ReportAction, 'create'>): boolean {
  return REPORT_TRANSITIONS[action].from.includes(status);
}

/** The status after `action`, or null when the action does not apply. */
export function nextStatus(status: ReportStatus, action: Exclude<ReportAction, 'create'>): ReportStatus | null {
  if (!canApply(status, action)) return null;
  return REPORT_TRANSITIONS[action].to ?? status;
}

export const STATUS_LABELS: Record<ReportStatus, BiMessage> = {
  draft: { vi: 'đang soạn', en: 'draft' },
  submitted: { vi: 'đã gửi', en: 'submitted' },
  returned: { vi: 'bị trả lại', en: 'returned' },
  accepted: { vi: 'đã tiếp nhận', en: 'accepted' },
};

/**
 * Whether a report may be submitted at `at`. The lock applies to a first submission only: a
 * report returned by the focal department may always be sent again, since the return is theirs.
 */
export function submissionAllowed(opts: {
  status: ReportStatus;
  hasBeenSubmitted: boolean;
  deadline: string;
  graceDays: number;
  at: Date;
}):
  | { allowed: true; timing: SubmissionTiming }
  | { allowed: false; reason: 'status' | 'locked'; timing: SubmissionTiming } {
  const timing = submissionTiming(opts.deadline, opts.graceDays, opts.at);
  if (!canApply(opts.status, 'submit')) return { allowed: false, reason: 'status', timing };
  if (!opts.hasBeenSubmitted && timing.timing === 'locked') return { allowed: false, reason: 'locked', timing };
  return { allowed: true, timing };
}

/* ───────────────────────────── unit kinds ───────────────────────────── */

/** The board's group of a unit kind. */
export function kindGroupOf(kind: OrgUnitKind): UnitKindGroup {
  if (kind === 'department') return 'department';
  if (kind === 'commune' || kind === 'ward' || kind === 'district') return 'locality';
  if (kind === 'enterprise' || kind === 'institute' || kind === 'school') return 'enterprise';
  return 'other';
}

/* ───────────────────────────── form rules ───────────────────────────── */

export const WASTE_STREAM_LABELS: Record<WasteStream, BiMessage> = {
  agri: { vi: 'nông, lâm, thủy sản', en: 'agriculture, forestry, fisheries' },
  medical: { vi: 'y tế', en: 'medical' },
  industrial: { vi: 'công nghiệp', en: 'industrial' },
  domestic: { vi: 'sinh hoạt', en: 'domestic' },
};

/** A value as entered. */
export interface ContentValue {
  indicatorCode: string;
  wasteStream?: WasteStream | null;
  value: number | boolean | string | null;
}
export interface ContentSection {
  planItemId: string;
  results: string;
  difficulties: string;
  proposals: string;
}
export interface ReportContent {
  values: ContentValue[];
  sections: ContentSection[];
  otherResults: string;
  proposalsToCommittee: string;
}

/** Issue path of a value: values.XL-01 or values.XL-01.medical. */
export function valuePath(code: string, stream?: string | null): string {
  return stream ? `values.${code}.${stream}` : `values.${code}`;
}

function fieldName(ind: FormIndicatorDto, stream?: string | null): BiMessage {
  const s = stream ? WASTE_STREAM_LABELS[stream as WasteStream] : null;
  return {
    vi: `Chỉ tiêu "${ind.name}" (${ind.code})${s ? `, dòng chất thải ${s.vi}` : ''}`,
    en: `Indicator "${ind.nameEn}" (${ind.code})${s ? `, ${s.en} waste` : ''}`,
  };
}

/**
 * Shape checks that apply to every save: the indicator belongs to the form, the stream is given
 * exactly when the indicator is entered by stream, the value has the indicator's type, each
 * field appears once, and each section is one of the unit's. Draft values may still break
 * min/max or be missing; those are checked on submission.
 */
export function checkShape(
  form: { indicators: FormIndicatorDto[]; sections: FormSectionDto[] },
  content: ReportContent,
): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const byCode = new Map(form.indicators.map((i) => [i.code, i]));
  const seen = new Set<string>();
  content.values.forEach((v, idx) => {
    const ind = byCode.get(v.indicatorCode);
    const path = `values.${idx}`;
    if (!ind) {
      issues.push({
        path,
        message: {
          vi: `Chỉ tiêu ${v.indicatorCode} không có trong biểu mẫu`,
          en: `Indicator ${v.indicatorCode} is not in the form`,
        },
      });
      return;
    }
    const stream = v.wasteStream ?? null;
    if (ind.byWasteStream && !stream) {
      issues.push({
        path,
        message: {
          vi: `${fieldName(ind).vi}: cần nhập theo dòng chất thải`,
          en: `${fieldName(ind).en}: enter it per waste stream`,
        },
      });
      return;
    }
    if (!ind.byWasteStream && stream) {
      issues.push({
        path,
        message: {
          vi: `${fieldName(ind).vi}: không nhập theo dòng chất thải`,
          en: `${fieldName(ind).en}: not entered per waste stream`,
        },
      });
      return;
    }
    const key = `${v.indicatorCode}|${stream ?? ''}`;
    if (seen.has(key)) {
      issues.push({
        path,
        message: { vi: `${fieldName(ind, stream).vi}: nhập hai lần`, en: `${fieldName(ind, stream).en}: given twice` },
      });
      return;
    }
    seen.add(key);
    if (v.value === null) return;
    const want = ind.valueType === 'boolean' ? 'boolean' : ind.valueType === 'text' ? 'string' : 'number';
    if (typeof v.value !== want) {
      const vi = want === 'boolean' ? 'phải là có/không' : want === 'string' ? 'phải là văn bản' : 'phải là số';
      const en = want === 'boolean' ? 'must be yes/no' : want === 'string' ? 'must be text' : 'must be a number';
      issues.push({
        path: valuePath(ind.code, stream),
        message: { vi: `${fieldName(ind, stream).vi} ${vi}`, en: `${fieldName(ind, stream).en} ${en}` },
      });
    }
  });
  const sectionIds = new Set(form.sections.map((s) => s.planItemId));
  const seenSections = new Set<string>();
  content.sections.forEach((s, idx) => {
    if (!sectionIds.has(s.planItemId)) {
      issues.push({
        path: `sections.${idx}`,
        message: { vi: 'Mục kế hoạch không thuộc báo cáo của đơn vị', en: "Plan item is not in the unit's report" },
      });
    } else if (seenSections.has(s.planItemId)) {
      issues.push({
        path: `sections.${idx}`,
        message: { vi: 'Mục kế hoạch nhập hai lần', en: 'Plan item given twice' },
      });
    }
    seenSections.add(s.planItemId);
  });
  return issues;
}

/** A number in messages, written each language's way ("1.234,5" / "1,234.5"). */
const written = (n: number): BiMessage => ({ vi: writeNumber(n, 'vi'), en: writeNumber(n, 'en') });

/**
 * The range rules of one indicator's number — the one rule set the form (as the person leaves
 * the field), the Excel import and the server's submission check all apply: whole numbers for
 * integer indicators, the indicator's min and max, percentages between 0 and 100, and no
 * negative counts or amounts (a number without an explicit min may not be below 0). Returns
 * the field's messages without its name (empty when the value passes), e.g. "không được nhỏ
 * hơn 0 (đang là -3)".
 */
export function checkIndicatorValue(
  ind: Pick<FormIndicatorDto, 'valueType' | 'min' | 'max'>,
  value: number,
): BiMessage[] {
  if (ind.valueType !== 'number' && ind.valueType !== 'integer' && ind.valueType !== 'percent') return [];
  const found = written(value);
  if (!Number.isFinite(value)) return [{ vi: 'phải là số', en: 'must be a number' }];
  const out: BiMessage[] = [];
  if (ind.valueType === 'integer' && !Number.isInteger(value)) {
    out.push({ vi: `phải là số nguyên (đang là ${found.vi})`, en: `must be a whole number (found ${found.en})` });
  }
  const min = ind.min ?? 0;
  const max = ind.max ?? (ind.valueType === 'percent' ? 100 : null);
  if (value < min)
    out.push({
      vi: `không được nhỏ hơn ${written(min).vi} (đang là ${found.vi})`,
      en: `must be at least ${written(min).en} (found ${found.en})`,
    });
  if (max !== null && value > max)
    out.push({
      vi: `không được lớn hơn ${written(max).vi} (đang là ${found.vi})`,
      en: `must be at most ${written(max).en} (found ${found.en})`,
    });
  return out;
}

/**
 * Every rule a submission must pass, each failing field named in Vietnamese (and English):
 * required indicators, integers, min/max (percentages 0–100), and the results of each
 * assigned plan item.
 */
export function validateForSubmit(
  form: { indicators: FormIndicatorDto[]; sections: FormSectionDto[] },
  content: ReportContent,
): RuleIssue[] {
  const issues = checkShape(form, content);
  const values = new Map<string, ContentValue>();
  for (const v of content.values) values.set(`${v.indicatorCode}|${v.wasteStream ?? ''}`, v);
  for (const ind of [...form.indicators].sort((a, b) => a.position - b.position)) {
    const streams: Array<WasteStream | null> = ind.byWasteStream ? [...WASTE_STREAMS] : [null];
    const entered = streams
      .map((s) => ({ stream: s, v: values.get(`${ind.code}|${s ?? ''}`) }))
      .filter((x) => x.v && x.v.value !== null && x.v.value !== '');
    if (ind.isRequired && entered.length === 0) {
      const path = ind.byWasteStream ? valuePath(ind.code, WASTE_STREAMS[0]) : valuePath(ind.code);
      issues.push({
        path,
        message: { vi: `${fieldName(ind).vi}: bắt buộc nhập`, en: `${fieldName(ind).en}: required` },
      });
    }
    for (const { stream, v } of entered) {
      if (typeof v!.value !== 'number') continue;
      const name = fieldName(ind, stream);
      for (const message of checkIndicatorValue(ind, v!.value)) {
        issues.push({
          path: valuePath(ind.code, stream),
          message: { vi: `${name.vi}: ${message.vi}`, en: `${name.en}: ${message.en}` },
        });
      }
    }
  }
  const sections = new Map(content.sections.map((s) => [s.planItemId, s]));
  for (const s of form.sections) {
    if (!sections.get(s.planItemId)?.results.trim()) {
      const cited = sectionCitation(s);
      issues.push({
        path: `sections.${s.planItemId}.results`,
        message: {
          vi: `${cited.charAt(0).toLocaleUpperCase('vi')}${cited.slice(1)} "${s.title}": chưa nhập kết quả đạt được`,
          en: `"${s.title}" (${cited}): results achieved are missing`,
        },
      });
    }
  }
  return issues;
}

/** Totals of the indicators entered by waste stream (null when no stream has a number). */
export function computeTotals(
  indicators: FormIndicatorDto[],
  values: ContentValue[],
): Array<{ indicatorCode: string; total: number | null }> {
  return indicators
    .filter((i) => i.byWasteStream)
    .map((i) => {
      const nums = values
        .filter((v) => v.indicatorCode === i.code && typeof v.value === 'number')
        .map((v) => v.value as number);
      // Rounded to 6 decimals so 0.1 + 0.2 shows as 0.3.
      return {
        indicatorCode: i.code,
        total: nums.length ? Math.round(nums.reduce((a, b) => a + b, 0) * 1e6) / 1e6 : null,
      };
    });
}

/* ───────────────────────────── diff ───────────────────────────── */

const SECTION_PARTS = [
  ['results', 'kết quả'],
  ['difficulties', 'khó khăn'],
  ['proposals', 'đề xuất'],
] as const;

/** Field-by-field changes between two versions of a report's content. */
export function diffContent(
  form: { indicators: FormIndicatorDto[]; sections: FormSectionDto[] },
  a: ReportContent,
  b: ReportContent,
): ReportChange[] {
  const changes: ReportChange[] = [];
  const mapOf = (c: ReportContent) =>
    new Map(c.values.map((v) => [`${v.indicatorCode}|${v.wasteStream ?? ''}`, v.value]));
  const va = mapOf(a);
  const vb = mapOf(b);
  const keys = [...new Set([...va.keys(), ...vb.keys()])];
  const order = new Map(form.indicators.map((i) => [i.code, i.position]));
  keys.sort((x, y) => (order.get(x.split('|')[0]) ?? 1e9) - (order.get(y.split('|')[0]) ?? 1e9) || x.localeCompare(y));
  for (const key of keys) {
    const before = va.get(key) ?? null;
    const after = vb.get(key) ?? null;
    if (before === after) continue;
    const [code, stream] = key.split('|');
    const s = stream ? WASTE_STREAM_LABELS[stream as WasteStream]?.vi : null;
    changes.push({
      kind: 'value',
      path: valuePath(code, stream || null),
      label: s ? `${code} · ${s}` : code,
      before,
      after,
    });
  }
  const sa = new Map(a.sections.map((s) => [s.planItemId, s]));
  const sb = new Map(b.sections.map((s) => [s.planItemId, s]));
  const ids = [...new Set([...form.sections.map((s) => s.planItemId), ...sa.keys(), ...sb.keys()])];
  const sectionName = new Map(form.sections.map((s) => [s.planItemId, sectionCitation(s)]));
  for (const id of ids) {
    for (const [part, label] of SECTION_PARTS) {
      const before = sa.get(id)?.[part] ?? '';
      const after = sb.get(id)?.[part] ?? '';
      if (before !== after)
        changes.push({
          kind: 'section',
          path: `sections.${id}.${part}`,
          label: `${sectionName.get(id) ?? 'mục đã bỏ'} · ${label}`,
          before,
          after,
        });
    }
  }
  if (a.otherResults !== b.otherResults)
    changes.push({
      kind: 'free',
      path: 'otherResults',
      label: 'Kết quả khác',
      before: a.otherResults,
      after: b.otherResults,
    });
  if (a.proposalsToCommittee !== b.proposalsToCommittee) {
    changes.push({
      kind: 'free',
      path: 'proposalsToCommittee',
      label: 'Đề xuất, kiến nghị với UBND tỉnh',
      before: a.proposalsToCommittee,
      after: b.proposalsToCommittee,
    });
  }
  return changes;
}
