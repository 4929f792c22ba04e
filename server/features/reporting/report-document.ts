// One unit's yearly report as a Nghị định 30 document, headed with its own agency. Pure: the
// unit files service reads the report, this lays it out.
import type { ReportDto } from '../../../shared/contracts/reporting.js';
import { WASTE_STREAMS } from '../../../shared/domain.js';
import type { BodyBlock, BodyTable } from '../../lib/documents/decree30-body.js';
import type { OfficialDocument } from '../../lib/documents/decree30.js';
import { formatCitationDate } from '../../../shared/format.js';
import { itemCitation, type CitableItem } from '../../../shared/plan-citation.js';
import { paragraphs, streamLabel } from './document-text.js';

/** How a unit signs and abbreviates, from its kind. */
export function unitAgency(
  unit: { code: string; name: string; fullName: string; kind: string },
  province: string,
  abbreviations: Record<string, string>,
) {
  const locality = unit.kind === 'commune' || unit.kind === 'ward';
  if (unit.kind === 'department') {
    return {
      parentAgency: `UBND TỈNH ${province.toUpperCase()}`,
      agency: unit.name.toUpperCase(),
      abbreviation: abbreviations[unit.code] ?? initials(unit.name),
      place: province,
      signer: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'],
    };
  }
  if (locality) {
    return {
      parentAgency: '',
      agency: `ỦY BAN NHÂN DÂN ${unit.fullName.toUpperCase()}`,
      abbreviation: 'UBND',
      place: unit.fullName.replace(/^(Xã|Phường|Thị trấn)\s+/u, ''),
      signer: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
    };
  }
  return {
    parentAgency: '',
    agency: unit.name.toUpperCase(),
    abbreviation: initials(unit.name),
    place: province,
    signer: ['THỦ TRƯỞNG ĐƠN VỊ'],
  };
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((w) => w.charAt(0).toLocaleUpperCase('vi'))
    .join('')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-ZĐ0-9]/gu, '')
    .slice(0, 12);
}

/** One unit's yearly report as a Nghị định 30 document, headed with its own agency. */
export function reportDocument(
  report: ReportDto,
  options: {
    province: string;
    planNumber: string;
    planDate: string;
    planIssuer: string;
    date: string;
    abbreviations: Record<string, string>;
    focalDepartment: string;
    copyTo: string[];
    /** The items of the cycle's plan version: sections are cited by their labels and full titles. */
    items: Array<CitableItem & { id: string; text: string | null }>;
    /** Who signs for the unit (agency settings); without it the name's place stays blank. */
    signer?: { name: string; authority?: string[] };
  },
): OfficialDocument {
  const agency = unitAgency(
    { code: report.unit.code, name: report.unit.name, fullName: report.unit.fullName, kind: report.unit.kind },
    options.province,
    options.abbreviations,
  );
  const unitName = report.unit.kind === 'department' ? report.unit.name : report.unit.fullName;
  const body: BodyBlock[] = [
    {
      kind: 'paragraph',
      text: `Thực hiện Kế hoạch số ${options.planNumber} ngày ${formatCitationDate(options.planDate)} của ${options.planIssuer} về phát triển công nghiệp sinh học trong lĩnh vực bảo vệ môi trường đến năm 2030, ${unitName} báo cáo kết quả thực hiện năm ${report.year} như sau:`,
    },
    { kind: 'heading', level: 1, text: 'I. Kết quả thực hiện nhiệm vụ được giao' },
  ];
  const sections = new Map(report.sections.map((section) => [section.planItemId, section]));
  const itemById = new Map(options.items.map((item) => [item.id, item]));
  report.form.sections.forEach((formSection, i) => {
    const item = itemById.get(formSection.planItemId);
    const citation = item ? itemCitation(item, options.items) : `mục ${formSection.label.replace(/\.$/, '')}`;
    const role = formSection.role === 'lead' ? 'đơn vị chủ trì' : 'đơn vị phối hợp';
    // Cited by the labels as issued and the item's own words in full, never a shortened title.
    const title = item?.title?.trim();
    body.push({ kind: 'heading', level: 2, text: `${i + 1}. ${title ?? `Nhiệm vụ tại ${citation}`}` });
    body.push({
      kind: 'paragraph',
      italic: true,
      keepNext: true,
      text:
        title || !item?.text ? `(Theo ${citation}; ${role}.)` : `(Theo ${citation}: "${item.text.trim()}"; ${role}.)`,
    });
    const text = sections.get(formSection.planItemId)?.results.trim();
    body.push(...(text ? paragraphs(text) : [{ kind: 'paragraph' as const, text: 'Chưa có kết quả.', italic: true }]));
  });
  if (report.otherResults.trim()) {
    body.push(
      { kind: 'heading', level: 2, text: `${report.form.sections.length + 1}. Kết quả khác` },
      ...paragraphs(report.otherResults),
    );
  }
  body.push({ kind: 'heading', level: 1, text: 'II. Kết quả thực hiện các chỉ tiêu' });
  const values = new Map(
    report.values.map((value) => [`${value.indicatorCode}|${value.wasteStream ?? ''}`, value.value]),
  );
  const prev = new Map(
    (report.previous?.values ?? []).map((value) => [`${value.indicatorCode}|${value.wasteStream ?? ''}`, value.value]),
  );
  const cell = (value: unknown) =>
    typeof value === 'number'
      ? value
      : typeof value === 'boolean'
        ? value
          ? 'Có'
          : 'Không'
        : typeof value === 'string'
          ? value
          : null;
  const rows: BodyTable['rows'] = [];
  const bold: number[] = [];
  // A text answer is written below the table, in full: never squeezed into a number's column.
  const texts: BodyBlock[] = [];
  [...report.form.indicators]
    .sort((a, b) => a.position - b.position)
    .forEach((ind, i) => {
      const answer = values.get(`${ind.code}|`);
      if (ind.valueType === 'text' && typeof answer === 'string' && answer.trim()) {
        rows.push([i + 1, `${ind.name} (${ind.code})`, ind.unit, null, 'Xem dưới bảng']);
        texts.push({ kind: 'paragraph', text: `- ${ind.name} (${ind.code}): ${answer.trim()}` });
        return;
      }
      if (!ind.byWasteStream) {
        rows.push([
          i + 1,
          `${ind.name} (${ind.code})`,
          ind.unit,
          cell(prev.get(`${ind.code}|`)),
          cell(values.get(`${ind.code}|`)),
        ]);
        return;
      }
      const total = report.totals.find((row) => row.indicatorCode === ind.code)?.total ?? null;
      const prevNums = WASTE_STREAMS.map((stream) => prev.get(`${ind.code}|${stream}`)).filter(
        (value): value is number => typeof value === 'number',
      );
      bold.push(rows.length);
      rows.push([
        i + 1,
        `${ind.name} (${ind.code})`,
        ind.unit,
        prevNums.length ? prevNums.reduce((a, b) => a + b, 0) : null,
        total,
      ]);
      for (const stream of WASTE_STREAMS) {
        const value = values.get(`${ind.code}|${stream}`);
        const previous = prev.get(`${ind.code}|${stream}`);
        if (value === undefined && previous === undefined) continue;
        rows.push(['', `- ${streamLabel(stream)}`, ind.unit, cell(previous), cell(value)]);
      }
    });
  body.push({
    kind: 'table',
    columns: [
      { title: 'STT', width: 6, align: 'center', kind: 'short' },
      { title: 'Chỉ tiêu', width: 50 },
      { title: 'Đơn vị tính', width: 14, align: 'center', kind: 'short' },
      {
        title: report.previous ? `Năm ${report.previous.year}` : 'Năm trước',
        width: 14,
        align: 'right',
        kind: 'number',
      },
      { title: `Năm ${report.year}`, width: 14, align: 'right', kind: 'number' },
    ],
    rows,
    boldRows: bold,
  });
  body.push(...texts);
  const difficulties = report.sections.map((section) => section.difficulties.trim()).filter(Boolean);
  const proposals = [
    ...report.sections.map((section) => section.proposals.trim()),
    report.proposalsToCommittee.trim(),
  ].filter(Boolean);
  body.push({ kind: 'heading', level: 1, text: 'III. Khó khăn, vướng mắc' });
  body.push(
    ...(difficulties.length ? difficulties.flatMap(paragraphs) : [{ kind: 'paragraph' as const, text: 'Không có.' }]),
  );
  body.push({ kind: 'heading', level: 1, text: 'IV. Đề xuất, kiến nghị' });
  body.push(
    ...(proposals.length ? proposals.flatMap(paragraphs) : [{ kind: 'paragraph' as const, text: 'Không có.' }]),
  );
  body.push({
    kind: 'paragraph',
    text: `Trên đây là báo cáo kết quả thực hiện Kế hoạch số ${options.planNumber} năm ${report.year} của ${unitName}.`,
  });
  return {
    parentAgency: agency.parentAgency,
    agency: agency.agency,
    typeSymbol: 'BC',
    agencyAbbreviation: agency.abbreviation,
    number: null,
    place: agency.place,
    date: options.date,
    typeName: 'BÁO CÁO',
    summary: `Kết quả thực hiện Kế hoạch số ${options.planNumber} ngày ${formatCitationDate(options.planDate)} của ${options.planIssuer} năm ${report.year}`,
    recipients: [`Ủy ban nhân dân tỉnh ${options.province};`, `${options.focalDepartment} tỉnh ${options.province}.`],
    body,
    copyTo: options.copyTo,
    signerAuthority: options.signer?.authority?.length ? options.signer.authority : agency.signer,
    signerName: options.signer?.name ?? '',
    // Until the focal department accepts it, the file is a draft.
    isDraft: report.status !== 'accepted',
  };
}
