// From the draft to the document model of server/lib/documents/decree30.ts. Pure: the service
// reads the rows, this lays them out as an officer would write the provincial report — results
// grouped per plan item (cited by its labels as issued) with the units that reported them, the
// items nobody reported on named once, and the counts of the compiled set said once.
import { formatCitationDate, formatDate } from '../../../shared/format.js';
import type { ConsolidationTables } from '../../db/schema/index.js';
import { documentNumberLine, type OfficialDocument } from '../../lib/documents/decree30.js';
import type { BodyBlock } from '../../lib/documents/decree30-body.js';
import { paragraphs } from '../reporting/index.js';
import { annexBlocks, derivedNotes, indicatorTable } from './annex-model.js';
import { PART_ORDER, type Group } from './compile.js';

export interface DraftForDocument {
  year: number;
  /** The issuing agency as written in a sentence ("Sở Nông nghiệp và Môi trường"). */
  agencyName: string;
  planNumber: string;
  planDate: string;
  planIssuer: string;
  settings: {
    parentAgency: string;
    agency: string;
    agencyAbbreviation: string;
    documentNumber: number | null;
    place: string;
    documentDate: string;
    title: string;
    recipient: string;
    copyTo: string[];
    signerAuthority: string;
    signerTitle: string;
    signerName: string;
  };
  groups: Group[];
  paragraphs: Array<{ part: string; itemKey: string; text: string; sourceUnitName?: string | null }>;
  tables: ConsolidationTables;
  /** Not approved as it stands: the file carries "DỰ THẢO". */
  isDraft?: boolean;
}

const PART_HEADINGS: Record<string, string> = {
  implementation: 'I. Tình hình triển khai thực hiện',
  results: 'II. Kết quả thực hiện nhiệm vụ, giải pháp',
  indicators: 'III. Kết quả thực hiện các chỉ tiêu',
  difficulties: 'IV. Khó khăn, vướng mắc',
  proposals: 'V. Đề xuất, kiến nghị',
};

type Paragraph = DraftForDocument['paragraphs'][number];

/** The units a group's paragraphs came from, in the order they appear, each once. */
function unitsOf(list: Paragraph[]): string[] {
  const out: string[] = [];
  for (const p of list) {
    for (const name of (p.sourceUnitName ?? '').split(', ').filter(Boolean)) if (!out.includes(name)) out.push(name);
  }
  return out;
}

/** A group's heading without the number it had among all groups ("3. Giải pháp…" → "Giải pháp…"). */
const titleOf = (g: Group) => g.heading.replace(/^\d+\.\s*/, '');

/**
 * The groups of one part with something to say, each under its own heading (renumbered), led by
 * the item's citation and the units that reported; the items nobody reported on, named once.
 */
function groupedPart(part: string, groups: Group[], byGroup: Map<string, Paragraph[]>): BodyBlock[] {
  const out: BodyBlock[] = [];
  const silent: Group[] = [];
  let n = 0;
  for (const g of groups) {
    const list = byGroup.get(`${g.part}|${g.itemKey}`) ?? [];
    if (g.itemKey === '') {
      for (const p of list) out.push(...paragraphs(p.text));
      continue;
    }
    if (list.length === 0) {
      if (g.citation) silent.push(g);
      continue;
    }
    n += 1;
    out.push({ kind: 'heading', level: 2, text: `${n}. ${titleOf(g)}` });
    const units = unitsOf(list);
    if (g.citation || units.length) {
      const lead = [
        g.citation ? `Nội dung tại ${g.citation}` : '',
        units.length ? `${units.length} đơn vị báo cáo: ${units.join(', ')}` : '',
      ].filter(Boolean);
      out.push({ kind: 'paragraph', text: `${lead.join('; ')}.`, italic: true, keepNext: true });
    }
    for (const p of list) out.push(...paragraphs(p.text));
  }
  if (silent.length) {
    const what = part === 'implementation' ? 'việc triển khai' : 'kết quả thực hiện';
    out.push({
      kind: 'paragraph',
      italic: true,
      text: `Chưa có đơn vị báo cáo ${what} các nội dung: ${silent.map((g) => `${g.citation} (${titleOf(g)})`).join('; ')}.`,
    });
  }
  return out;
}

/** The consolidated provincial report as a Nghị định 30 document. */
export function consolidationDocument(d: DraftForDocument): OfficialDocument {
  const s = d.settings;
  const units = d.tables.units;
  const compiled = units.filter((u) => u.included);
  const provisional = compiled.filter((u) => u.reportStatus !== 'accepted').length;
  const agencyName = d.agencyName;
  const marked = provisional
    ? ` (trong đó ${provisional} báo cáo chưa được tiếp nhận, được ghi "(chưa tiếp nhận)" bên tên đơn vị)`
    : '';
  const body: BodyBlock[] = [
    {
      kind: 'paragraph',
      text: `Thực hiện Kế hoạch số ${d.planNumber} ngày ${formatCitationDate(d.planDate)} của ${d.planIssuer} về phát triển công nghiệp sinh học trong lĩnh vực bảo vệ môi trường đến năm 2030; trên cơ sở báo cáo của ${compiled.length}/${units.length} cơ quan, đơn vị, địa phương${marked}, ${agencyName} báo cáo kết quả thực hiện năm ${d.year} như sau:`,
    },
  ];
  const byGroup = new Map<string, Paragraph[]>();
  for (const p of d.paragraphs) {
    const key = `${p.part}|${p.itemKey}`;
    if (!byGroup.has(key)) byGroup.set(key, []);
    byGroup.get(key)!.push(p);
  }
  const known = new Set(d.groups.map((g) => `${g.part}|${g.itemKey}`));
  for (const part of PART_ORDER) {
    body.push({ kind: 'heading', level: 1, text: PART_HEADINGS[part] });
    const groups = d.groups.filter((g) => g.part === part);
    const blocks = groupedPart(part, groups, byGroup);
    // Paragraphs of groups no longer in the plan stay at the end of their part.
    for (const [key, list] of byGroup) {
      if (key.startsWith(`${part}|`) && !known.has(key)) for (const p of list) blocks.push(...paragraphs(p.text));
    }
    if (blocks.length === 0) {
      const none = part === 'difficulties' || part === 'proposals' ? 'Không có.' : 'Chưa có đơn vị báo cáo.';
      blocks.push({ kind: 'paragraph', text: none, italic: true });
    }
    body.push(...blocks);
    if (part === 'results') {
      body.push({ kind: 'heading', level: 1, text: PART_HEADINGS.indicators });
      body.push({
        kind: 'paragraph',
        text: `Tổng hợp số liệu các chỉ tiêu từ ${compiled.length} báo cáo được tổng hợp (chi tiết theo từng đơn vị tại Phụ lục kèm theo):`,
        keepNext: true,
      });
      body.push(indicatorTable(d.tables, d.year));
      body.push(...derivedNotes(d.tables));
    }
  }
  body.push({
    kind: 'paragraph',
    text: `Trên đây là báo cáo kết quả thực hiện Kế hoạch số ${d.planNumber} năm ${d.year} của ${agencyName}, kính báo cáo ${s.recipient.replace(/[.;]\s*$/, '')} xem xét, chỉ đạo.`,
  });
  const number = documentNumberLine(s.documentNumber, 'BC', s.agencyAbbreviation).replace(/^Số: /, '');
  return {
    parentAgency: s.parentAgency,
    agency: s.agency,
    typeSymbol: 'BC',
    agencyAbbreviation: s.agencyAbbreviation,
    number: s.documentNumber,
    place: s.place,
    date: s.documentDate,
    typeName: 'BÁO CÁO',
    summary: s.title,
    recipients: [s.recipient],
    body,
    copyTo: s.copyTo,
    signerAuthority: [s.signerAuthority, s.signerTitle].filter(Boolean),
    signerName: s.signerName,
    isDraft: d.isDraft ?? false,
    annex: {
      title: 'Phụ lục',
      subtitle: `(Kèm theo Báo cáo số ${number.trim()} ngày ${formatDate(s.documentDate)} của ${agencyName})`,
      landscape: true,
      blocks: annexBlocks(d.tables),
    },
  };
}
