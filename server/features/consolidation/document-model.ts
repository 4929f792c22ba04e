// From the draft (or one unit's report) to the document model of server/lib/documents/decree30.ts.
// Pure: the service reads the rows, these functions lay them out as a Vietnamese state report.
import { formatCitationDate, formatDate, vietnamDate } from '../../../shared/format.js';
import { STATUS_LABELS } from '../../../shared/reporting-rules.js';
import type { ConsolidationTables } from '../../db/schema/index.js';
import { documentNumberLine, type OfficialDocument } from '../../lib/documents/decree30.js';
import type { BodyBlock, BodyTable } from '../../lib/documents/decree30-body.js';
import { paragraphs, streamLabel } from '../reporting/index.js';
import { PART_ORDER, type Group } from './compile.js';

const TIMING_LABEL = { on_time: 'Đúng hạn', late: 'Trễ hạn', missing: 'Chưa gửi' } as const;

/** The indicator table of part III: totals by waste stream, last year beside. */
export function indicatorTable(tables: ConsolidationTables, year: number): BodyTable {
  const rows: BodyTable['rows'] = [];
  const bold: number[] = [];
  tables.indicators.forEach((ind, i) => {
    bold.push(rows.length);
    rows.push([i + 1, `${ind.name} (${ind.code})`, ind.unit, ind.previousTotal, ind.total, ind.reporting]);
    if (ind.byWasteStream) {
      for (const s of ind.streams) {
        if (s.value === null && s.previous === null) continue;
        rows.push(['', `- ${streamLabel(s.stream)}`, ind.unit, s.previous, s.value, null]);
      }
    }
  });
  return {
    kind: 'table',
    columns: [
      { title: 'STT', width: 8, align: 'center' },
      { title: 'Chỉ tiêu', width: 42 },
      { title: 'Đơn vị tính', width: 14, align: 'center' },
      { title: tables.previousYear ? `Năm ${tables.previousYear}` : 'Năm trước', width: 13, align: 'right' },
      { title: `Năm ${year}`, width: 13, align: 'right' },
      { title: 'Số đơn vị báo cáo', width: 10, align: 'right' },
    ],
    rows,
    boldRows: bold,
  };
}

/** The annex: every expected unit with its status, then the units' figures, 8 indicators a table. */
export function annexBlocks(tables: ConsolidationTables): BodyBlock[] {
  const counts = { on_time: 0, late: 0, missing: 0 };
  for (const u of tables.units) counts[u.timing] += 1;
  const blocks: BodyBlock[] = [
    { kind: 'heading', level: 1, text: 'I. Tình hình gửi báo cáo của các đơn vị' },
    {
      kind: 'paragraph',
      text: `Tổng số ${tables.units.length} đơn vị phải báo cáo: ${counts.on_time} đơn vị gửi đúng hạn, ${counts.late} đơn vị gửi trễ hạn, ${counts.missing} đơn vị chưa gửi báo cáo.`,
    },
    {
      kind: 'table',
      fontSize: 11,
      columns: [
        { title: 'STT', width: 5, align: 'center' },
        { title: 'Đơn vị', width: 40 },
        { title: 'Tình trạng', width: 14, align: 'center' },
        { title: 'Ngày gửi', width: 14, align: 'center' },
        { title: 'Ghi chú', width: 27 },
      ],
      rows: tables.units.map((u, i) => [
        i + 1,
        u.name,
        TIMING_LABEL[u.timing],
        u.submittedAt ? formatDate(vietnamDate(new Date(u.submittedAt))) : '',
        [
          u.timing === 'late' ? `Trễ ${u.daysLate} ngày` : '',
          u.reportStatus !== 'none' && u.reportStatus !== 'accepted' && u.timing !== 'missing'
            ? `Báo cáo ${STATUS_LABELS[u.reportStatus].vi}`
            : '',
        ]
          .filter(Boolean)
          .join('; '),
      ]),
    },
    { kind: 'heading', level: 1, text: 'II. Kết quả các chỉ tiêu theo từng đơn vị' },
  ];
  const inds = tables.indicators;
  const reporting = tables.units.filter((u) => u.timing !== 'missing');
  if (reporting.length === 0) {
    blocks.push({ kind: 'paragraph', text: 'Chưa có đơn vị nào gửi báo cáo.' });
    return blocks;
  }
  for (let start = 0; start < inds.length; start += 8) {
    const chunk = inds.slice(start, start + 8);
    blocks.push({
      kind: 'table',
      fontSize: 10,
      columns: [
        { title: 'STT', width: 4, align: 'center' },
        { title: 'Đơn vị', width: 24 },
        ...chunk.map((c) => ({ title: `${c.code} (${c.unit})`, width: 9, align: 'right' as const })),
      ],
      rows: reporting.map((u, i) => [
        i + 1,
        u.name,
        ...chunk.map((c) => {
          const v = u.values[c.code];
          return typeof v === 'number' ? v : typeof v === 'boolean' ? (v ? 'Có' : 'Không') : null;
        }),
      ]),
    });
  }
  blocks.push({ kind: 'note', text: `Ghi chú mã chỉ tiêu: ${inds.map((c) => `${c.code} — ${c.name}`).join('; ')}.` });
  return blocks;
}

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
  paragraphs: Array<{ part: string; itemKey: string; text: string }>;
  tables: ConsolidationTables;
}

const PART_HEADINGS: Record<string, string> = {
  implementation: 'I. Tình hình triển khai thực hiện',
  results: 'II. Kết quả thực hiện nhiệm vụ, giải pháp',
  indicators: 'III. Kết quả thực hiện các chỉ tiêu',
  difficulties: 'IV. Khó khăn, vướng mắc',
  proposals: 'V. Đề xuất, kiến nghị',
};

/** The consolidated provincial report as a Nghị định 30 document. */
export function consolidationDocument(d: DraftForDocument): OfficialDocument {
  const s = d.settings;
  const units = d.tables.units;
  const sent = units.filter((u) => u.timing !== 'missing').length;
  const agencyName = d.agencyName;
  const body: BodyBlock[] = [
    {
      kind: 'paragraph',
      text: `Thực hiện Kế hoạch số ${d.planNumber} ngày ${formatCitationDate(d.planDate)} của ${d.planIssuer} về phát triển công nghiệp sinh học trong lĩnh vực bảo vệ môi trường đến năm 2030; trên cơ sở báo cáo của ${sent}/${units.length} cơ quan, đơn vị, địa phương, ${agencyName} báo cáo kết quả thực hiện năm ${d.year} như sau:`,
    },
  ];
  const byGroup = new Map<string, string[]>();
  for (const p of d.paragraphs) {
    const key = `${p.part}|${p.itemKey}`;
    if (!byGroup.has(key)) byGroup.set(key, []);
    byGroup.get(key)!.push(p.text);
  }
  const known = new Set(d.groups.map((g) => `${g.part}|${g.itemKey}`));
  for (const part of PART_ORDER) {
    body.push({ kind: 'heading', level: 1, text: PART_HEADINGS[part] });
    const groups = d.groups.filter((g) => g.part === part);
    const texts: string[] = [];
    for (const g of groups) {
      const list = byGroup.get(`${g.part}|${g.itemKey}`) ?? [];
      if (part === 'results') {
        body.push({ kind: 'heading', level: 2, text: g.heading });
        if (list.length === 0)
          body.push({
            kind: 'paragraph',
            text: 'Chưa có đơn vị báo cáo kết quả thực hiện nội dung này.',
            italic: true,
          });
        for (const t of list) body.push(...paragraphs(t));
      } else texts.push(...list);
    }
    // Paragraphs of groups no longer in the plan stay at the end of their part.
    for (const [key, list] of byGroup) if (key.startsWith(`${part}|`) && !known.has(key)) texts.push(...list);
    if (part !== 'results') {
      if (texts.length === 0) body.push({ kind: 'paragraph', text: 'Không có.', italic: true });
      for (const t of texts) body.push(...paragraphs(t));
    }
    if (part === 'results') {
      body.push({ kind: 'heading', level: 1, text: PART_HEADINGS.indicators });
      body.push({
        kind: 'paragraph',
        text: `Tổng hợp số liệu các chỉ tiêu từ báo cáo của các đơn vị (chi tiết theo từng đơn vị tại Phụ lục kèm theo):`,
      });
      body.push(indicatorTable(d.tables, d.year));
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
    annex: {
      title: 'Phụ lục',
      subtitle: `(Kèm theo Báo cáo số ${number.trim()} ngày ${formatDate(s.documentDate)} của ${agencyName})`,
      landscape: true,
      blocks: annexBlocks(d.tables),
    },
  };
}
