// Open data of the portal: each public dataset as CSV, XLSX and JSON from a stable address
// (/cong-thong-tin/du-lieu/<dataset>.<format>), described by one data dictionary. The three
// formats are written from the same rows, so they agree value for value.
import ExcelJS from 'exceljs';

export type ColumnType = 'text' | 'number' | 'integer' | 'date';
export type Cell = string | number | null;
export type Row = Record<string, Cell>;

export interface Column {
  key: string;
  type: ColumnType;
  vi: string;
  en: string;
}

export interface DatasetMeta {
  name: string;
  vi: { title: string; description: string };
  en: { title: string; description: string };
  columns: Column[];
}

export const LICENCE = {
  name: 'CC BY 4.0',
  url: 'https://creativecommons.org/licenses/by/4.0/deed.vi',
};

const col = (key: string, type: ColumnType, vi: string, en: string): Column => ({ key, type, vi, en });

/** The public datasets, in the order the open data page lists them. */
export const DATASETS = {
  'so-lieu-chi-tieu': {
    name: 'so-lieu-chi-tieu',
    vi: {
      title: 'Số liệu chỉ tiêu đã công bố theo năm',
      description: 'Tổng số của mỗi chỉ tiêu trong báo cáo tổng hợp đã duyệt và công bố của từng năm.',
    },
    en: {
      title: 'Published indicator figures by year',
      description: "Each indicator's total in the approved and published consolidated report of each year.",
    },
    columns: [
      col('nam', 'integer', 'Năm báo cáo', 'Reporting year'),
      col('ma_chi_tieu', 'text', 'Mã chỉ tiêu', 'Indicator code'),
      col('ten_chi_tieu', 'text', 'Tên chỉ tiêu', 'Indicator name'),
      col('don_vi_tinh', 'text', 'Đơn vị tính', 'Unit of measure'),
      col('tong_so', 'number', 'Tổng số (trống: không có số liệu)', 'Total (empty: no figure)'),
      col('nong_lam_thuy_san', 'number', 'Dòng chất thải nông, lâm, thủy sản', 'Agricultural waste stream'),
      col('y_te', 'number', 'Dòng chất thải y tế', 'Medical waste stream'),
      col('cong_nghiep', 'number', 'Dòng chất thải công nghiệp', 'Industrial waste stream'),
      col('sinh_hoat', 'number', 'Dòng chất thải sinh hoạt', 'Domestic waste stream'),
      col('so_don_vi_bao_cao', 'integer', 'Số đơn vị có số liệu', 'Units that gave a figure'),
      col('ngay_cong_bo', 'date', 'Ngày công bố', 'Date published'),
    ],
  },
  'doanh-nghiep-che-pham': {
    name: 'doanh-nghiep-che-pham',
    vi: {
      title: 'Doanh nghiệp sản xuất chế phẩm sinh học',
      description: 'Doanh nghiệp sản xuất chế phẩm sinh học xử lý chất thải, sản phẩm và dòng chất thải được xử lý.',
    },
    en: {
      title: 'Enterprises producing bio-preparations',
      description: 'Enterprises producing bio-preparations for waste treatment, their products and waste streams.',
    },
    columns: [
      col('ten_doanh_nghiep', 'text', 'Tên doanh nghiệp', 'Enterprise name'),
      col('xa_phuong', 'text', 'Xã/phường', 'Commune or ward'),
      col('nganh_nghe', 'text', 'Ngành nghề', 'Sector'),
      col('san_pham', 'text', 'Sản phẩm (cách nhau bởi "; ")', 'Products (separated by "; ")'),
      col('dong_chat_thai', 'text', 'Dòng chất thải xử lý (cách nhau bởi "; ")', 'Waste streams treated ("; ")'),
      col(
        'nam_quy_mo_cong_nghiep',
        'text',
        'Năm sản xuất quy mô công nghiệp (cách nhau bởi "; ")',
        'Years at industrial scale ("; ")',
      ),
    ],
  },
  'nhiem-vu-ke-hoach': {
    name: 'nhiem-vu-ke-hoach',
    vi: {
      title: 'Các mục kế hoạch và đơn vị thực hiện',
      description: 'Mọi mục của kế hoạch đang có hiệu lực, với đơn vị chủ trì và phối hợp.',
    },
    en: {
      title: 'Plan items and who carries them out',
      description: 'Every item of the plan in force, with its lead and coordinating units.',
    },
    columns: [
      col('muc', 'text', 'Số thứ tự mục (ví dụ II.1)', 'Item number (e.g. II.1)'),
      col('loai', 'text', 'Loại mục', 'Kind of item'),
      col('tieu_de', 'text', 'Tiêu đề', 'Title'),
      col('noi_dung', 'text', 'Nội dung', 'Text'),
      col('chu_tri', 'text', 'Đơn vị chủ trì ("; ")', 'Lead units ("; ")'),
      col('phoi_hop', 'text', 'Đơn vị phối hợp ("; ")', 'Coordinating units ("; ")'),
    ],
  },
  'hoi-dap': {
    name: 'hoi-dap',
    vi: {
      title: 'Câu hỏi và trả lời đã công bố',
      description: 'Câu hỏi của người dân, doanh nghiệp và câu trả lời đã công bố; không có thông tin người gửi.',
    },
    en: {
      title: 'Published questions and answers',
      description: 'Questions from citizens and enterprises with the published answers; no sender details.',
    },
    columns: [
      col('chu_de', 'text', 'Chủ đề', 'Subject'),
      col('cau_hoi', 'text', 'Câu hỏi', 'Question'),
      col('tra_loi', 'text', 'Trả lời', 'Answer'),
      col('ngay_tra_loi', 'date', 'Ngày trả lời', 'Date answered'),
      col('muc_ke_hoach', 'text', 'Mục kế hoạch liên quan', 'Related plan item'),
    ],
  },
} satisfies Record<string, DatasetMeta>;
export type DatasetName = keyof typeof DATASETS;
export const DATASET_NAMES = Object.keys(DATASETS) as DatasetName[];
export const FORMATS = ['csv', 'xlsx', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export const MIME: Record<Format, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

function csvCell(value: Cell): string {
  if (value === null) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replaceAll('"', '""')}"` : s;
}

/** RFC 4180: a header of column keys, CRLF line ends, UTF-8 with a byte order mark (Excel reads it). */
export function toCsv(meta: DatasetMeta, rows: Row[]): string {
  const keys = meta.columns.map((c) => c.key);
  const lines = [keys.join(','), ...rows.map((r) => keys.map((k) => csvCell(r[k] ?? null)).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The dataset, its licence and dictionary, and the rows: one object per row keyed by column. */
export function toJson(meta: DatasetMeta, rows: Row[], origin: string, modified: string): string {
  return JSON.stringify({
    dataset: meta.name,
    title: meta.vi.title,
    description: meta.vi.description,
    licence: LICENCE,
    source: `${origin}/cong-thong-tin/du-lieu`,
    modified,
    columns: meta.columns.map((c) => ({ key: c.key, type: c.type, description: c.vi, descriptionEn: c.en })),
    rows,
  });
}

/** A workbook with the rows (header: column keys) and a second sheet describing the columns. */
export async function toXlsx(meta: DatasetMeta, rows: Row[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'bioplan';
  const sheet = wb.addWorksheet('du_lieu');
  sheet.columns = meta.columns.map((c) => ({
    header: c.key,
    key: c.key,
    width: Math.min(60, Math.max(12, c.key.length + 4)),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rows) sheet.addRow(meta.columns.map((c) => r[c.key] ?? null));
  const dict = wb.addWorksheet('tu_dien');
  dict.columns = [
    { header: 'cot', key: 'cot', width: 24 },
    { header: 'kieu', key: 'kieu', width: 10 },
    { header: 'mo_ta', key: 'mo_ta', width: 60 },
    { header: 'description', key: 'description', width: 60 },
  ];
  for (const c of meta.columns) dict.addRow([c.key, c.type, c.vi, c.en]);
  dict.addRow([]);
  dict.addRow(['giay_phep', '', `${LICENCE.name} — ${LICENCE.url}`, '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
