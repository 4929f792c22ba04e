import type { AssignmentRole, PlanItemKind, UnitGroup } from '../../../shared/domain.js';

/** A unit a duty names, once resolved: one registry unit (by code) or a group of units. */
export type UnitRef = { code: string } | { group: UnitGroup };

/** A unit named in the text, as written, with what it resolved to (null: the officer maps it). */
export interface ParsedDuty {
  /** The name as the text writes it ("Sở NN&MT", "các sở, ngành, địa phương"). */
  written: string;
  role: AssignmentRole;
  ref: UnitRef | null;
  /** How the name was resolved: exact (or abbreviation), a successor of an old name, a near spelling, a remembered mapping. */
  match: 'exact' | 'successor' | 'fuzzy' | 'mapping' | 'none';
}

/** A deadline or a recurrence the text states. Dates are Vietnamese calendar days. */
export interface ParsedDeadline {
  kind: 'yearly' | 'quarterly' | 'monthly' | 'once' | 'vague';
  day?: number;
  month?: number;
  /** One-off deadline, YYYY-MM-DD. */
  date?: string;
  /** The data window of a yearly report ("từ ngày 15/12 năm trước đến ngày 14/12"), as dd/mm. */
  window?: { from: string; to: string };
  /** The words of the text, kept as written (for "định kỳ", "thường xuyên" the only content). */
  text: string;
}

/** One step of a reporting chain: who receives the report (units → department → province → ministry). */
export interface ReportingStep {
  written: string;
  ref: UnitRef | null;
  deadline?: ParsedDeadline;
}

export interface ParsedItem {
  /** Stable within the import: the labels of the path, with "#2" for a repeated label. */
  key: string;
  kind: PlanItemKind;
  /** Exactly as issued: "II.", "1.1.", "a)", "-", "+", or an appendix row's number. */
  label: string;
  title?: string;
  text?: string;
  /** Source line numbers (1-based) this item holds. */
  lines: number[];
  duties: ParsedDuty[];
  deadlines: ParsedDeadline[];
  reporting: ReportingStep[];
  /** An appendix row's "sản phẩm" column. */
  product?: string;
  children: ParsedItem[];
}

export type LineRole =
  | 'header'
  | 'legal_basis'
  | 'preamble'
  | 'decision'
  | 'item'
  | 'closing'
  | 'recipients'
  | 'signature'
  | 'boilerplate'
  | 'unassigned';

export interface LineInfo {
  n: number;
  text: string;
  role: LineRole;
  /** The item holding the line, when role is 'item'. */
  itemKey?: string;
}

export interface ParseWarning {
  code:
    | 'HEADER_MISSING'
    | 'LABEL_REPEATED'
    | 'LABEL_SKIPPED'
    | 'LABEL_START'
    | 'NO_UNIT'
    | 'UNIT_UNRESOLVED'
    | 'UNIT_FUZZY'
    | 'UNIT_SUCCESSOR'
    | 'LINES_UNASSIGNED'
    | 'TITLE_GUESSED';
  line?: number;
  itemKey?: string;
  vi: string;
  en: string;
}

export interface ParsedHeader {
  issuerParent: string;
  issuer: string;
  /** "1953/KH-UBND", spaces removed ("223/KH- UBND" → "223/KH-UBND"). */
  number: string;
  place: string;
  /** YYYY-MM-DD */
  date: string;
  docType: 'ke_hoach' | 'quyet_dinh';
  title: string;
}

export interface ParsedPlan {
  header: ParsedHeader;
  legalBases: string[];
  /** The national decision the plan carries out (the last "Căn cứ Quyết định số …"). */
  parentDecision: { number: string; date?: string; text: string } | null;
  preamble: string;
  /** A Quyết định's articles (Điều 1, 2, 3) when the plan comes attached to one. */
  decisionArticles: string[];
  closing: string[];
  recipients: string[];
  signerAuthority: string[];
  signerName: string;
  items: ParsedItem[];
  lines: LineInfo[];
  warnings: ParseWarning[];
  coverage: Coverage;
}

export interface Coverage {
  /** Non-empty source lines. */
  total: number;
  items: number;
  /** Header, legal bases, preamble, articles, closing, recipients, signature. */
  parts: number;
  boilerplate: number;
  unassigned: number;
  /** Share of lines placed (items, parts or boilerplate), 0–100, one decimal. */
  percent: number;
}
