// The consolidated report's tables: part III's indicator totals and the annex (every expected unit
// with its report's state, then the compiled units' figures). All read the same compiled set: the
// units marked `included` in the frozen tables.
import { formatDate, formatNumber, vietnamDate } from '../../../shared/format.js';
import type { ConsolidationTables } from '../../db/schema/index.js';
import type { BodyBlock, BodyTable } from '../../lib/documents/decree30-body.js';
import { streamLabel } from '../reporting/index.js';
import { unitLabel } from './compile.js';

type AnnexUnit = ConsolidationTables['units'][number];

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
      { title: 'STT', width: 6, align: 'center', kind: 'short' },
      { title: 'Chỉ tiêu', width: 46 },
      { title: 'Đơn vị tính', width: 12, align: 'center', kind: 'short' },
      {
        title: tables.previousYear ? `Năm ${tables.previousYear}` : 'Năm trước',
        width: 12,
        align: 'right',
        kind: 'number',
      },
      { title: `Năm ${year}`, width: 12, align: 'right', kind: 'number' },
      { title: 'Số đơn vị báo cáo', width: 12, align: 'right', kind: 'number' },
    ],
    rows,
    boldRows: bold,
  };
}

/**
 * Under part III's table: for each indicator derived from the registries, that its figure is the
 * province-wide de-duplicated count and how it is computed, with the units' sum it replaced.
 */
export function derivedNotes(tables: ConsolidationTables): BodyBlock[] {
  return tables.indicators
    .filter((ind) => ind.derived)
    .map((ind) => {
      const sum = ind.derived!.unitsSum;
      const typed =
        sum === null
          ? ''
          : ` Tổng số liệu các đơn vị tự báo cáo là ${formatNumber(sum)} ${ind.unit}; số liệu toàn tỉnh đã loại trùng (một doanh nghiệp do nhiều đơn vị báo cáo chỉ tính một lần).`;
      return {
        kind: 'note' as const,
        text: `Ghi chú chỉ tiêu ${ind.code}: số liệu toàn tỉnh lấy từ sổ theo dõi, cách tính: ${ind.derived!.method.replace(/\.$/, '')}.${typed}`,
      };
    });
}

const STATE_LABEL: Record<AnnexUnit['reportStatus'], string> = {
  accepted: 'Đã tiếp nhận',
  submitted: 'Đã gửi, chưa tiếp nhận',
  returned: 'Bị trả lại',
  draft: 'Chưa gửi',
  none: 'Chưa gửi',
};

/** The state of a unit's report in the annex, in words. */
function stateOf(u: AnnexUnit): string {
  return u.timing === 'missing' ? 'Chưa gửi' : STATE_LABEL[u.reportStatus];
}

/** Whether the unit's report was compiled, in words. */
function compiledOf(u: AnnexUnit): string {
  if (!u.included) return u.reportStatus === 'returned' ? 'Không (bị trả lại)' : 'Không';
  return u.reportStatus === 'accepted' ? 'Có' : 'Có (chưa tiếp nhận)';
}

/** The annex: every expected unit with its report's state, then the compiled units' figures. */
export function annexBlocks(tables: ConsolidationTables): BodyBlock[] {
  const units = tables.units;
  const count = (test: (u: AnnexUnit) => boolean) => units.filter(test).length;
  const sent = count((u) => u.timing !== 'missing');
  const compiled = units.filter((u) => u.included);
  const provisional = count((u) => u.included && u.reportStatus !== 'accepted');
  const returned = count((u) => u.reportStatus === 'returned');
  const summary = [
    `Tổng số ${units.length} đơn vị phải báo cáo: ${sent} đơn vị đã gửi báo cáo (${count((u) => u.timing === 'on_time')} đúng hạn, ${count((u) => u.timing === 'late')} trễ hạn), ${units.length - sent} đơn vị chưa gửi.`,
    `Báo cáo tổng hợp từ ${compiled.length} báo cáo${provisional ? ` (trong đó ${provisional} báo cáo chưa được tiếp nhận)` : ''}${returned ? `; ${returned} báo cáo bị trả lại không được tổng hợp` : ''}.`,
  ].join(' ');
  const blocks: BodyBlock[] = [
    { kind: 'heading', level: 1, text: 'I. Tình hình gửi báo cáo của các đơn vị' },
    { kind: 'paragraph', text: summary, keepNext: true },
    {
      kind: 'table',
      fontSize: 11,
      columns: [
        { title: 'STT', width: 5, align: 'center', kind: 'short' },
        { title: 'Đơn vị', width: 38 },
        { title: 'Tình trạng báo cáo', width: 17, align: 'center' },
        { title: 'Ngày gửi', width: 11, align: 'center', kind: 'short' },
        { title: 'Thời hạn', width: 11, align: 'center', kind: 'short' },
        { title: 'Được tổng hợp', width: 18, align: 'center' },
      ],
      rows: units.map((u, i) => [
        i + 1,
        u.name,
        stateOf(u),
        u.submittedAt ? formatDate(vietnamDate(new Date(u.submittedAt))) : '',
        u.timing === 'late' ? `Trễ ${u.daysLate} ngày` : u.timing === 'on_time' ? 'Đúng hạn' : '',
        compiledOf(u),
      ]),
    },
    { kind: 'heading', level: 1, text: 'II. Kết quả các chỉ tiêu theo từng đơn vị' },
  ];
  const inds = tables.indicators;
  if (compiled.length === 0) {
    blocks.push({ kind: 'paragraph', text: 'Chưa có báo cáo nào được tổng hợp.' });
    return blocks;
  }
  blocks.push({
    kind: 'paragraph',
    text: `Số liệu của ${compiled.length} báo cáo được tổng hợp tại mục III của báo cáo:`,
    keepNext: true,
  });
  for (let start = 0; start < inds.length; start += 8) {
    const chunk = inds.slice(start, start + 8);
    blocks.push({
      kind: 'table',
      fontSize: 10,
      columns: [
        { title: 'STT', width: 4, align: 'center', kind: 'short' },
        { title: 'Đơn vị', width: 24 },
        ...chunk.map((c) => ({
          title: `${c.code} (${c.unit})`,
          width: 9,
          align: 'right' as const,
          kind: 'number' as const,
        })),
      ],
      rows: [
        ...compiled.map((u, i) => [
          i + 1,
          unitLabel(u.name, u.reportStatus !== 'accepted'),
          ...chunk.map((c) => {
            const v = u.values[c.code];
            return typeof v === 'number' ? v : typeof v === 'boolean' ? (v ? 'Có' : 'Không') : null;
          }),
        ]),
        // Derived indicators: the province-wide figure, each firm once, not the column's sum.
        ...(chunk.some((c) => c.derived)
          ? [['', 'Toàn tỉnh (đã loại trùng)', ...chunk.map((c) => (c.derived ? c.total : null))]]
          : []),
      ],
    });
  }
  const derived = inds.filter((c) => c.derived);
  if (derived.length)
    blocks.push({
      kind: 'note',
      text: `Dòng "Toàn tỉnh (đã loại trùng)": ${derived.map((c) => `${c.code} — ${c.derived!.method.replace(/\.$/, '')}`).join('; ')}. Một doanh nghiệp do nhiều đơn vị báo cáo chỉ tính một lần, nên số toàn tỉnh có thể nhỏ hơn tổng các đơn vị.`,
    });
  blocks.push({ kind: 'note', text: `Ghi chú mã chỉ tiêu: ${inds.map((c) => `${c.code} — ${c.name}`).join('; ')}.` });
  return blocks;
}
