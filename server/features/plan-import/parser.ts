import { parseAppendix } from './appendix.js';
import { caseTitle, HEADER_START, readHeader } from './header.js';
import { readLabel } from './labels.js';
import type { Coverage, LineInfo, LineRole, ParsedItem, ParsedPlan, ParseWarning } from './parse-types.js';
import { foldSame, isUpperLine, toParagraphs, type Para, type SourceKind } from './source-text.js';
import { parseBody } from './structure.js';
import type { UnitLexicon } from './unit-lexicon.js';

const RECIPIENTS = /^Nơi nhận\s*:?/iu;
const SIGNATURE = /^(TM\.|KT\.|Q\.|TL\.|TUQ\.)\s*\S|^(PHÓ )?(CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG BAN)\s*$/u;
const SIGNED = /^\(?(Đã ký|Ký|Đã ký và đóng dấu)[^)]*\)?\.?$/iu;
const APPENDIX = /^(PHỤ LỤC|Phụ lục)(\s+[IVXL\d]+)?\b/u;
const ARTICLE = /^Điều\s+\d+/u;
const CLOSING =
  /^(trong qua trinh (to chuc )?(trien khai )?thuc hien|tren day la|(uy ban nhan dan|ubnd) (tinh|huyen|xa)?\s*(de nghi|yeu cau)|yeu cau|de nghi cac)/;
const PERSON_NAME = /^(\p{Lu}\p{Ll}*)(\s+\p{Lu}\p{Ll}*){1,4}$/u;

export interface ParseOptions {
  source: SourceKind;
  /** The names a plan of this date may use (built from the registry as of that date). */
  lexiconFor: (date: string) => UnitLexicon;
}

/**
 * Reads a plan's official text (a Kế hoạch, or a Quyết định with the plan attached) into its
 * header, legal bases, item tree with duties and deadlines, closing, recipients, signature and
 * appendices. Every non-empty source line ends up in one item or part, as boilerplate, or
 * unassigned (counted in `coverage`, for the officer to place).
 */
export function parsePlanText(input: string, opts: ParseOptions): ParsedPlan {
  const { paras, lines } = toParagraphs(input, opts.source);
  const warnings: ParseWarning[] = [];
  const roles = new Map<number, LineRole>();
  const mark = (i: number, role: LineRole) => {
    for (const n of paras[i].lines) if (!roles.has(n)) roles.set(n, role);
  };
  const start = Math.max(
    0,
    paras.findIndex((p) => HEADER_START.test(p.text)),
  );
  const head = readHeader(paras, start, warnings);
  head.headerParas.forEach((i) => mark(i, 'header'));
  head.boilerParas.forEach((i) => mark(i, 'boilerplate'));
  const lexicon = opts.lexiconFor(head.header.date || new Date().toISOString().slice(0, 10));

  const legalBases: string[] = [];
  const preamble: string[] = [];
  const decisionArticles: string[] = [];
  const closing: string[] = [];
  const recipients: string[] = [];
  const signerAuthority: string[] = [];
  let signerName = '';
  let attachedTitle = '';
  let sawPlanType = false;

  // Everything before the first section: legal bases, the preamble, a decision's articles and
  // signature, and the attached plan's own header.
  const firstRoman = paras.findIndex((p, i) => i >= head.next && readLabel(p.text)?.type === 'roman');
  let bodyStart =
    firstRoman >= 0 ? firstRoman : paras.findIndex((p, i) => i >= head.next && readLabel(p.text) !== null);
  if (bodyStart < 0) bodyStart = paras.length;
  let inTail = false;
  for (let i = head.next; i < bodyStart; i += 1) {
    const text = paras[i].text;
    if (text.startsWith('Căn cứ') && decisionArticles.length === 0) {
      legalBases.push(text);
      mark(i, 'legal_basis');
    } else if (ARTICLE.test(text) || /^QUYẾT ĐỊNH\s*:/u.test(text)) {
      if (ARTICLE.test(text)) decisionArticles.push(text);
      mark(i, 'decision');
    } else if (RECIPIENTS.test(text) || (inTail && /^[-–•+]/u.test(text))) {
      inTail = true;
      if (!RECIPIENTS.test(text)) recipients.push(text.replace(/^[-–•+]\s*/u, ''));
      mark(i, 'recipients');
    } else if (SIGNATURE.test(text) || SIGNED.test(text)) {
      inTail = true;
      if (SIGNED.test(text)) mark(i, 'boilerplate');
      else {
        signerAuthority.push(text);
        mark(i, 'signature');
      }
    } else if (inTail && PERSON_NAME.test(text) && !signerName) {
      signerName = text;
      mark(i, 'signature');
    } else if (
      head.header.docType === 'quyet_dinh' &&
      (isUpperLine(text) || /^\((Ban hành )?[Kk]èm theo/u.test(text))
    ) {
      if (/^KẾ HOẠCH\s*$/u.test(text)) sawPlanType = true;
      else if (sawPlanType && isUpperLine(text)) {
        attachedTitle = attachedTitle ? `${attachedTitle} ${text}` : text;
      }
      mark(i, /^-+$/.test(text) ? 'boilerplate' : 'header');
    } else if (/^[-_=–—.*\s]{3,}$/u.test(text) || text.startsWith('Độc lập')) {
      mark(i, 'boilerplate');
    } else if (decisionArticles.length > 0 && !inTail) {
      decisionArticles[decisionArticles.length - 1] += `\n${text}`;
      mark(i, 'decision');
    } else {
      preamble.push(text);
      mark(i, 'preamble');
    }
  }

  // The body runs to "Nơi nhận", the signature or the first appendix.
  let bodyEnd = paras.findIndex(
    (p, i) => i > bodyStart && (RECIPIENTS.test(p.text) || SIGNATURE.test(p.text) || APPENDIX.test(p.text)),
  );
  if (bodyEnd < 0) bodyEnd = paras.length;
  let closingFrom = bodyEnd;
  for (let i = bodyEnd - 1; i > bodyStart && readLabel(paras[i].text) === null; i -= 1) {
    if (CLOSING.test(foldSame(paras[i].text)) || (i === bodyEnd - 1 && paras[i].text.endsWith('./.'))) closingFrom = i;
  }
  for (let i = closingFrom; i < bodyEnd; i += 1) {
    closing.push(paras[i].text);
    mark(i, 'closing');
  }
  const items = parseBody(paras.slice(bodyStart, closingFrom), lexicon, warnings);

  // After the body: recipients, signature, appendices.
  let appendixParas: Para[] | null = null;
  const appendices: Para[][] = [];
  for (let i = bodyEnd; i < paras.length; i += 1) {
    const text = paras[i].text;
    if (APPENDIX.test(text) && text.length < 60) {
      appendixParas = [paras[i]];
      appendices.push(appendixParas);
    } else if (appendixParas) appendixParas.push(paras[i]);
    else if (RECIPIENTS.test(text)) mark(i, 'recipients');
    else if (SIGNED.test(text)) mark(i, 'boilerplate');
    else if (SIGNATURE.test(text) || (signerAuthority.length > 0 && isUpperLine(text) && !signerName)) {
      signerAuthority.push(text);
      mark(i, 'signature');
    } else if (signerAuthority.length > 0 && !signerName && PERSON_NAME.test(text)) {
      signerName = text;
      mark(i, 'signature');
    } else if (/^[-–•+]/u.test(text) || (signerAuthority.length === 0 && roles.size > 0 && recipients.length > 0)) {
      recipients.push(text.replace(/^[-–•+]\s*/u, ''));
      mark(i, 'recipients');
    } else if (/^\d{1,3}$/.test(text)) mark(i, 'boilerplate');
  }
  appendices.forEach((a, k) => items.push(parseAppendix(a, `PL${k + 1}`, lexicon)));

  const header = { ...head.header };
  if (attachedTitle) header.title = attachedTitle;
  if (header.title && header.title === header.title.toLocaleUpperCase('vi')) {
    const prefix = 'Kế hoạch';
    const cased = caseTitle(header.title, prefix, [...preamble, ...decisionArticles]);
    header.title = cased.title;
    if (cased.guessed) {
      warnings.push({
        code: 'TITLE_GUESSED',
        vi: 'Trích yếu viết hoa toàn bộ: chữ hoa, chữ thường đã được đoán — hãy kiểm tra',
        en: 'The title is in capitals: its cases were guessed — please check',
      });
    }
  }
  const parentDecision = readParentDecision(legalBases);
  const lineInfo = assignLines(lines, roles, items);
  const coverage = coverageOf(lineInfo);
  if (coverage.unassigned > 0) {
    const first = lineInfo.find((l) => l.role === 'unassigned');
    warnings.push({
      code: 'LINES_UNASSIGNED',
      line: first?.n,
      vi: `${coverage.unassigned} dòng chưa thuộc mục nào — hãy gán vào mục hoặc đánh dấu là phần không cần nhập`,
      en: `${coverage.unassigned} line(s) belong to no item — place them or mark them as boilerplate`,
    });
  }
  return {
    header,
    legalBases,
    parentDecision,
    preamble: preamble.join('\n'),
    decisionArticles,
    closing,
    recipients,
    signerAuthority,
    signerName,
    items,
    lines: lineInfo,
    warnings: warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
    coverage,
  };
}

function readParentDecision(legalBases: string[]): ParsedPlan['parentDecision'] {
  const decisions = legalBases.filter((b) => /Quyết định\s+(số\s+)?\d+\//u.test(b));
  const text = decisions.find((b) => /QĐ-TTg/u.test(b)) ?? decisions.at(-1);
  if (!text) return null;
  const number = /(\d+\/[\p{L}\d-]+)/u.exec(text)![1];
  const d = /ngày\s+(\d{1,2})\s*(?:tháng\s+|\/)(\d{1,2})\s*(?:năm\s+|\/)(\d{4})/u.exec(text);
  const date = d ? `${d[3]}-${d[2].padStart(2, '0')}-${d[1].padStart(2, '0')}` : undefined;
  return { number, ...(date ? { date } : {}), text };
}

function assignLines(
  lines: Array<{ n: number; text: string }>,
  roles: Map<number, LineRole>,
  items: ParsedItem[],
): LineInfo[] {
  const owner = new Map<number, string>();
  const walk = (list: ParsedItem[]) => {
    for (const item of list) {
      for (const n of item.lines) if (!owner.has(n) && !roles.has(n)) owner.set(n, item.key);
      walk(item.children);
    }
  };
  walk(items);
  return lines.map(({ n, text }) => {
    const key = owner.get(n);
    if (key) return { n, text, role: 'item' as const, itemKey: key };
    return { n, text, role: roles.get(n) ?? 'unassigned' };
  });
}

/** Lines placed in items, in the document's parts, as boilerplate, and not yet placed. */
export function coverageOf(lines: LineInfo[]): Coverage {
  const count = (f: (l: LineInfo) => boolean) => lines.filter(f).length;
  const total = lines.length;
  const items = count((l) => l.role === 'item');
  const boilerplate = count((l) => l.role === 'boilerplate');
  const unassigned = count((l) => l.role === 'unassigned');
  const parts = total - items - boilerplate - unassigned;
  const percent = total === 0 ? 0 : Math.floor(((total - unassigned) / total) * 1000) / 10;
  return { total, items, parts, boilerplate, unassigned, percent };
}
