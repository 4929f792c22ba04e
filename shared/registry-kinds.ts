// The province-wide registries of the field (issue 12), other than the enterprise registry, as
// declarations: one definition per kind drives the server's validation, the list, the form and the
// record page, the Excel export and import, and the derivations. Adding a registry is adding an
// entry here (and its derivations), not a copy of a module.
import { WASTE_STREAMS } from './domain.js';

import { L, opt, type FieldOption, type FieldValue, type RegistryField, type RegistryKind } from './registry-types.js';

export type {
  FieldOption,
  FieldType,
  FieldValue,
  Label,
  RecordData,
  RegistryField,
  RegistryKind,
} from './registry-types.js';

const str = (v: FieldValue): string | null => (typeof v === 'string' && v !== '' ? v : null);
const MILLION_VND = L('triệu đồng', 'million VND');

export const WASTE_STREAM_OPTIONS: FieldOption[] = [
  opt(WASTE_STREAMS[0], 'Nông/lâm/thủy sản', 'Agriculture, forestry, fisheries'),
  opt(WASTE_STREAMS[1], 'Y tế', 'Medical'),
  opt(WASTE_STREAMS[2], 'Công nghiệp', 'Industrial'),
  opt(WASTE_STREAMS[3], 'Sinh hoạt', 'Domestic'),
];

export const REGISTRY_KINDS: RegistryKind[] = [
  {
    kind: 'bio_product',
    slug: 'che-pham',
    title: L('Chế phẩm, sản phẩm sinh học', 'Bio-preparations and bio-products'),
    intro: L(
      'Chế phẩm, sản phẩm sinh học xử lý chất thải được sản xuất hoặc ứng dụng trên địa bàn tỉnh: nhà sản xuất, dòng chất thải xử lý, số đăng ký và nơi ứng dụng.',
      'Bio-products for waste treatment made or applied in the province: producer, waste streams, registration and where applied.',
    ),
    noun: L('chế phẩm', 'bio-product'),
    fields: [
      { key: 'name', type: 'text', label: L('Tên chế phẩm, sản phẩm', 'Product name'), required: true, max: 300 },
      { key: 'producer', type: 'enterprise', label: L('Nhà sản xuất (mã số thuế)', 'Producer (tax code)') },
      {
        key: 'wasteStreams',
        type: 'multiEnum',
        label: L('Dòng chất thải xử lý', 'Waste streams treated'),
        options: WASTE_STREAM_OPTIONS,
        required: true,
      },
      {
        key: 'registrationNumber',
        type: 'text',
        label: L('Số đăng ký, công nhận', 'Registration or recognition number'),
        max: 100,
      },
      { key: 'appliedOn', type: 'date', label: L('Ngày ứng dụng', 'Applied on'), required: true },
      { key: 'communes', type: 'communes', label: L('Xã/phường ứng dụng', 'Communes and wards where applied') },
      {
        key: 'volume',
        type: 'number',
        label: L('Khối lượng ứng dụng', 'Volume applied'),
        unit: L('tấn', 'tonnes'),
        min: 0,
      },
    ],
    titleField: 'name',
    listFields: ['producer', 'wasteStreams', 'registrationNumber'],
    span: (d) => ({ from: str(d.appliedOn), to: str(d.appliedOn) }),
    identity: (d) => [d.name, d.producer],
  },
  {
    kind: 'st_task',
    slug: 'nhiem-vu-khcn',
    title: L('Nhiệm vụ khoa học và công nghệ', 'Science and technology tasks'),
    intro: L(
      'Đề tài, dự án khoa học và công nghệ về công nghệ sinh học trong bảo vệ môi trường: cấp quản lý, tổ chức chủ trì, thời gian, kinh phí, kết quả và doanh nghiệp ứng dụng.',
      'S&T tasks on biotechnology for the environment: level, host, period, budget, results and the enterprises applying them.',
    ),
    noun: L('nhiệm vụ', 'task'),
    fields: [
      { key: 'code', type: 'text', label: L('Mã số nhiệm vụ', 'Task code'), max: 50 },
      { key: 'title', type: 'text', label: L('Tên nhiệm vụ', 'Title'), required: true, max: 500 },
      {
        key: 'level',
        type: 'enum',
        label: L('Cấp quản lý', 'Level'),
        required: true,
        options: [
          opt('national', 'Quốc gia', 'National'),
          opt('ministry', 'Bộ', 'Ministry'),
          opt('province', 'Tỉnh', 'Province'),
          opt('grassroots', 'Cơ sở', 'Grassroots'),
        ],
      },
      { key: 'host', type: 'text', label: L('Tổ chức chủ trì', 'Host organisation'), required: true, max: 300 },
      { key: 'investigator', type: 'text', label: L('Chủ nhiệm nhiệm vụ', 'Principal investigator'), max: 200 },
      { key: 'startDate', type: 'date', label: L('Ngày bắt đầu', 'Start date'), required: true },
      { key: 'endDate', type: 'date', label: L('Ngày kết thúc', 'End date') },
      { key: 'budget', type: 'number', label: L('Kinh phí', 'Budget'), unit: MILLION_VND, min: 0 },
      {
        key: 'status',
        type: 'enum',
        label: L('Tình trạng', 'Status'),
        required: true,
        options: [
          opt('ongoing', 'Đang thực hiện', 'Ongoing'),
          opt('accepted', 'Đã nghiệm thu', 'Accepted'),
          opt('stopped', 'Dừng thực hiện', 'Stopped'),
        ],
      },
      { key: 'results', type: 'text', label: L('Kết quả', 'Results'), max: 4000, multiline: true },
      {
        key: 'appliedBy',
        type: 'enterprises',
        label: L('Doanh nghiệp ứng dụng kết quả (mã số thuế)', 'Enterprises applying the results (tax codes)'),
      },
    ],
    titleField: 'title',
    listFields: ['code', 'level', 'host', 'status'],
    span: (d) => ({ from: str(d.startDate), to: str(d.endDate) ?? str(d.startDate) }),
    identity: (d) => (str(d.code) ? ['code', d.code] : ['title', d.title, d.startDate]),
  },
  {
    kind: 'tech_transfer',
    slug: 'chuyen-giao-cong-nghe',
    title: L('Chuyển giao công nghệ', 'Technology transfers'),
    intro: L(
      'Công nghệ sinh học được chuyển giao, nhập khẩu: bên chuyển giao, bên nhận, năm và giá trị.',
      'Biotechnologies transferred or imported: from whom, to whom, year and value.',
    ),
    noun: L('chuyển giao', 'transfer'),
    fields: [
      { key: 'technology', type: 'text', label: L('Công nghệ', 'Technology'), required: true, max: 300 },
      { key: 'fromParty', type: 'text', label: L('Bên chuyển giao', 'From'), required: true, max: 300 },
      { key: 'toParty', type: 'text', label: L('Bên nhận chuyển giao', 'To'), required: true, max: 300 },
      { key: 'transferDate', type: 'date', label: L('Ngày chuyển giao', 'Transfer date'), required: true },
      { key: 'value', type: 'number', label: L('Giá trị', 'Value'), unit: MILLION_VND, min: 0 },
    ],
    titleField: 'technology',
    listFields: ['fromParty', 'toParty', 'value'],
    span: (d) => ({ from: str(d.transferDate), to: str(d.transferDate) }),
    identity: (d) => [d.technology, d.toParty, typeof d.transferDate === 'string' ? d.transferDate.slice(0, 4) : null],
  },
  {
    kind: 'training',
    slug: 'dao-tao',
    title: L('Đào tạo, tập huấn', 'Trainings'),
    intro: L(
      'Lớp đào tạo, tập huấn về công nghệ sinh học xử lý chất thải: thời gian, đơn vị tổ chức, địa điểm, số người tham dự theo nhóm và tài liệu.',
      'Training courses: dates, organiser, place, participants by group and material.',
    ),
    noun: L('lớp đào tạo', 'training'),
    fields: [
      { key: 'title', type: 'text', label: L('Tên lớp đào tạo, tập huấn', 'Title'), required: true, max: 300 },
      { key: 'startDate', type: 'date', label: L('Ngày bắt đầu', 'Start date'), required: true },
      { key: 'endDate', type: 'date', label: L('Ngày kết thúc', 'End date') },
      { key: 'organiser', type: 'text', label: L('Đơn vị tổ chức', 'Organiser'), required: true, max: 300 },
      { key: 'place', type: 'text', label: L('Địa điểm', 'Place'), max: 300 },
      {
        key: 'officials',
        type: 'integer',
        label: L('Số cán bộ tham dự', 'Officials attending'),
        unit: L('người', 'people'),
        min: 0,
        max: 100_000,
      },
      {
        key: 'business',
        type: 'integer',
        label: L('Số người của doanh nghiệp', 'Business attendees'),
        unit: L('người', 'people'),
        min: 0,
        max: 100_000,
      },
      {
        key: 'residents',
        type: 'integer',
        label: L('Số người dân tham dự', 'Residents attending'),
        unit: L('người', 'people'),
        min: 0,
        max: 100_000,
      },
      { key: 'material', type: 'text', label: L('Tài liệu', 'Material'), max: 1000, multiline: true },
    ],
    titleField: 'title',
    listFields: ['organiser', 'place', 'officials', 'business', 'residents'],
    span: (d) => ({ from: str(d.startDate), to: str(d.endDate) ?? str(d.startDate) }),
    identity: (d) => [d.title, d.startDate],
  },
  {
    kind: 'communication',
    slug: 'truyen-thong',
    title: L('Truyền thông', 'Communication'),
    intro: L(
      'Hoạt động truyền thông về công nghiệp sinh học: tin bài, phát sóng, hội nghị, tờ rơi, mạng xã hội, với kênh và số lượt người tiếp cận ước tính.',
      'Communication activities: articles, broadcasts, conferences, leaflets, social media, with channel and estimated reach.',
    ),
    noun: L('hoạt động', 'activity'),
    fields: [
      { key: 'title', type: 'text', label: L('Nội dung', 'Subject'), required: true, max: 300 },
      {
        key: 'form',
        type: 'enum',
        label: L('Hình thức', 'Kind'),
        required: true,
        options: [
          opt('article', 'Tin bài', 'Article'),
          opt('broadcast', 'Phát sóng', 'Broadcast'),
          opt('conference', 'Hội nghị', 'Conference'),
          opt('leaflet', 'Tờ rơi', 'Leaflet'),
          opt('social', 'Mạng xã hội', 'Social media'),
        ],
      },
      { key: 'date', type: 'date', label: L('Ngày thực hiện', 'Date'), required: true },
      { key: 'channel', type: 'text', label: L('Kênh, cơ quan đăng phát', 'Channel'), max: 300 },
      {
        key: 'reach',
        type: 'integer',
        label: L('Số lượt người tiếp cận (ước tính)', 'Estimated reach'),
        unit: L('lượt người', 'people'),
        min: 0,
        max: 100_000_000,
      },
    ],
    titleField: 'title',
    listFields: ['form', 'channel', 'reach'],
    span: (d) => ({ from: str(d.date), to: str(d.date) }),
    identity: (d) => [d.form, d.date, d.channel, d.title],
  },
  {
    kind: 'policy',
    slug: 'co-che-chinh-sach',
    title: L('Cơ chế, chính sách', 'Policies'),
    intro: L(
      'Văn bản cơ chế, chính sách về công nghiệp sinh học được ban hành hoặc rà soát: số, ngày, cơ quan ban hành và trích yếu.',
      'Policies issued or reviewed: number, date, issuer and title.',
    ),
    noun: L('văn bản', 'document'),
    fields: [
      { key: 'number', type: 'text', label: L('Số, ký hiệu văn bản', 'Document number'), required: true, max: 100 },
      { key: 'date', type: 'date', label: L('Ngày văn bản', 'Date'), required: true },
      { key: 'issuer', type: 'text', label: L('Cơ quan ban hành', 'Issuer'), required: true, max: 300 },
      { key: 'title', type: 'text', label: L('Trích yếu', 'Title'), required: true, max: 500 },
      {
        key: 'action',
        type: 'enum',
        label: L('Ban hành hay rà soát', 'Issued or reviewed'),
        required: true,
        options: [opt('issued', 'Ban hành', 'Issued'), opt('reviewed', 'Rà soát', 'Reviewed')],
      },
    ],
    titleField: 'title',
    listFields: ['number', 'issuer', 'action'],
    span: (d) => ({ from: str(d.date), to: str(d.date) }),
    identity: (d) => [d.number, d.date, d.action],
  },
  {
    kind: 'funding',
    slug: 'kinh-phi',
    title: L('Kinh phí', 'Funding'),
    intro: L(
      'Kinh phí được bố trí cho công nghiệp sinh học trong bảo vệ môi trường: nguồn, số tiền, năm, quyết định và nơi được phân bổ.',
      'Funding allocated: source, amount, year, decision and what it was allocated to.',
    ),
    noun: L('khoản kinh phí', 'allocation'),
    fields: [
      {
        key: 'source',
        type: 'enum',
        label: L('Nguồn kinh phí', 'Source'),
        required: true,
        options: [
          opt('provincial', 'Ngân sách tỉnh', 'Provincial budget'),
          opt('central', 'Ngân sách trung ương', 'Central budget'),
          opt('socialised', 'Xã hội hóa', 'Socialised'),
          opt('oda', 'ODA', 'ODA'),
          opt('other', 'Khác', 'Other'),
        ],
      },
      { key: 'amount', type: 'number', label: L('Số tiền', 'Amount'), unit: MILLION_VND, required: true, min: 0 },
      { key: 'year', type: 'integer', label: L('Năm', 'Year'), required: true, min: 2000, max: 2100 },
      { key: 'decisionNumber', type: 'text', label: L('Số quyết định', 'Decision number'), max: 100 },
      { key: 'decisionDate', type: 'date', label: L('Ngày quyết định', 'Decision date') },
      { key: 'allocatedTo', type: 'text', label: L('Phân bổ cho (đơn vị, hoạt động)', 'Allocated to'), max: 500 },
    ],
    titleField: 'allocatedTo',
    listFields: ['source', 'amount', 'decisionNumber'],
    // A decision's date places it; without one, the whole year.
    span: (d) =>
      str(d.decisionDate)
        ? { from: str(d.decisionDate), to: str(d.decisionDate) }
        : typeof d.year === 'number'
          ? { from: `${d.year}-01-01`, to: `${d.year}-12-31` }
          : { from: null, to: null },
    identity: (d) => (str(d.decisionNumber) ? [d.decisionNumber, d.source, d.amount] : null),
  },
  {
    kind: 'investment',
    slug: 'du-an-dau-tu',
    title: L('Dự án đầu tư', 'Investment projects'),
    intro: L(
      'Dự án đầu tư vào công nghiệp sinh học lĩnh vực môi trường: nhà đầu tư, vốn, tình trạng và các mốc thời gian.',
      'Investment projects: investor, capital, status and dates.',
    ),
    noun: L('dự án', 'project'),
    fields: [
      { key: 'name', type: 'text', label: L('Tên dự án', 'Project name'), required: true, max: 300 },
      {
        key: 'investor',
        type: 'enterprise',
        label: L('Nhà đầu tư (mã số thuế)', 'Investor (tax code)'),
        required: true,
      },
      { key: 'capital', type: 'number', label: L('Vốn đầu tư', 'Capital'), unit: MILLION_VND, required: true, min: 0 },
      {
        key: 'status',
        type: 'enum',
        label: L('Tình trạng', 'Status'),
        required: true,
        options: [
          opt('calling', 'Kêu gọi đầu tư', 'Seeking investors'),
          opt('approved', 'Chấp thuận chủ trương', 'Approved in principle'),
          opt('implementing', 'Đang triển khai', 'Under way'),
          opt('operating', 'Vận hành', 'Operating'),
        ],
      },
      { key: 'approvedOn', type: 'date', label: L('Ngày chấp thuận chủ trương', 'Approved on') },
      { key: 'startedOn', type: 'date', label: L('Ngày khởi công, triển khai', 'Started on') },
      { key: 'operatingOn', type: 'date', label: L('Ngày đi vào vận hành', 'Operating since') },
    ],
    titleField: 'name',
    listFields: ['investor', 'capital', 'status'],
    // A project enters the figures when it is approved (or, without that date, when it starts).
    span: (d) => {
      const from = str(d.approvedOn) ?? str(d.startedOn);
      return { from, to: from };
    },
    identity: (d) => [d.investor, d.name],
  },
];

export const REGISTRY_KIND_NAMES = REGISTRY_KINDS.map((k) => k.kind) as [string, ...string[]];

const BY_KIND = new Map(REGISTRY_KINDS.map((k) => [k.kind, k]));
const BY_SLUG = new Map(REGISTRY_KINDS.map((k) => [k.slug, k]));

export function registryKind(kind: string): RegistryKind | undefined {
  return BY_KIND.get(kind);
}

export function registryKindBySlug(slug: string): RegistryKind | undefined {
  return BY_SLUG.get(slug);
}

export function fieldOf(def: RegistryKind, key: string): RegistryField | undefined {
  return def.fields.find((f) => f.key === key);
}

/** The label of a field with its unit: "Kinh phí (triệu đồng)". */
export function fieldLabel(field: RegistryField, lang: 'vi' | 'en' = 'vi'): string {
  const unit = 'unit' in field && field.unit ? ` (${field.unit[lang]})` : '';
  return `${field.label[lang]}${unit}`;
}
