/**
 * Sentences for refused input, in Vietnamese and English, naming the field in words. The API
 * answers every schema-validation issue with one of these, so nobody reads a validator's own
 * text ("expected string, received undefined", ">=10") or an English field name.
 */

type Lang = 'vi' | 'en';
interface Label {
  vi: string;
  en: string;
}

/** Field names of the contracts, in words (the last segment of an issue's path). */
export const FIELD_LABELS: Record<string, Label> = {
  email: { vi: 'Email', en: 'E-mail' },
  emails: { vi: 'Danh sách email', en: 'E-mail addresses' },
  password: { vi: 'Mật khẩu', en: 'Password' },
  currentPassword: { vi: 'Mật khẩu hiện tại', en: 'Current password' },
  newPassword: { vi: 'Mật khẩu mới', en: 'New password' },
  name: { vi: 'Họ và tên', en: 'Name' },
  fullName: { vi: 'Họ và tên', en: 'Full name' },
  senderName: { vi: 'Họ và tên người gửi', en: "Sender's name" },
  role: { vi: 'Vai trò', en: 'Role' },
  orgUnitId: { vi: 'Đơn vị', en: 'Unit' },
  orgUnitIds: { vi: 'Đơn vị', en: 'Units' },
  parentId: { vi: 'Đơn vị cấp trên', en: 'Parent unit' },
  isActive: { vi: 'Trạng thái hoạt động', en: 'Active' },
  organisation: { vi: 'Cơ quan, tổ chức', en: 'Organisation' },
  contact: { vi: 'Email hoặc số điện thoại liên hệ', en: 'Contact e-mail or phone' },
  subject: { vi: 'Tiêu đề', en: 'Subject' },
  text: { vi: 'Nội dung', en: 'Text' },
  body: { vi: 'Nội dung', en: 'Text' },
  answer: { vi: 'Câu trả lời', en: 'Answer' },
  comment: { vi: 'Ghi chú', en: 'Comment' },
  note: { vi: 'Ghi chú', en: 'Note' },
  reason: { vi: 'Lý do', en: 'Reason' },
  returnReason: { vi: 'Lý do trả lại', en: 'Reason for returning' },
  decisionComment: { vi: 'Ý kiến quyết định', en: 'Decision comment' },
  title: { vi: 'Tiêu đề', en: 'Title' },
  summary: { vi: 'Tóm tắt', en: 'Summary' },
  label: { vi: 'Nhãn', en: 'Label' },
  code: { vi: 'Mã', en: 'Code' },
  key: { vi: 'Mã mục', en: 'Item key' },
  kind: { vi: 'Loại', en: 'Kind' },
  category: { vi: 'Phân loại', en: 'Category' },
  status: { vi: 'Trạng thái', en: 'Status' },
  source: { vi: 'Nguồn', en: 'Source' },
  year: { vi: 'Năm', en: 'Year' },
  taxCode: { vi: 'Mã số thuế', en: 'Tax code' },
  communeId: { vi: 'Xã/phường', en: 'Commune/ward' },
  sector: { vi: 'Ngành nghề', en: 'Sector' },
  industrialYears: { vi: 'Năm sản xuất quy mô công nghiệp', en: 'Industrial-scale years' },
  industrialYear: { vi: 'Năm sản xuất quy mô công nghiệp', en: 'Industrial-scale year' },
  products: { vi: 'Sản phẩm', en: 'Products' },
  wasteStreams: { vi: 'Dòng chất thải', en: 'Waste streams' },
  deadline: { vi: 'Thời hạn', en: 'Deadline' },
  windowStart: { vi: 'Ngày mở kỳ báo cáo', en: 'Window start' },
  windowEnd: { vi: 'Ngày đóng kỳ báo cáo', en: 'Window end' },
  graceDays: { vi: 'Số ngày ân hạn', en: 'Grace days' },
  lockDate: { vi: 'Ngày khóa số liệu', en: 'Lock date' },
  date: { vi: 'Ngày', en: 'Date' },
  asOf: { vi: 'Ngày xem', en: 'Date' },
  validFrom: { vi: 'Ngày hiệu lực', en: 'Valid from' },
  validTo: { vi: 'Ngày hết hiệu lực', en: 'Valid to' },
  effectiveDate: { vi: 'Ngày hiệu lực', en: 'Effective date' },
  documentNumber: { vi: 'Số văn bản', en: 'Document number' },
  documentDate: { vi: 'Ngày văn bản', en: 'Document date' },
  number: { vi: 'Số văn bản', en: 'Number' },
  issuer: { vi: 'Cơ quan ban hành', en: 'Issuer' },
  planId: { vi: 'Kế hoạch', en: 'Plan' },
  planItemId: { vi: 'Mục của kế hoạch', en: 'Plan item' },
  planItemIds: { vi: 'Mục của kế hoạch', en: 'Plan items' },
  itemKey: { vi: 'Mục của kế hoạch', en: 'Plan item' },
  reportId: { vi: 'Báo cáo', en: 'Report' },
  cycleId: { vi: 'Kỳ báo cáo', en: 'Reporting cycle' },
  trackingCode: { vi: 'Mã tra cứu', en: 'Tracking code' },
  q: { vi: 'Từ khóa tìm kiếm', en: 'Search text' },
  page: { vi: 'Trang', en: 'Page' },
  pageSize: { vi: 'Số dòng mỗi trang', en: 'Page size' },
  sort: { vi: 'Thứ tự sắp xếp', en: 'Sort order' },
  from: { vi: 'Từ ngày', en: 'From' },
  to: { vi: 'Đến ngày', en: 'To' },
  value: { vi: 'Giá trị', en: 'Value' },
  values: { vi: 'Giá trị', en: 'Values' },
  progress: { vi: 'Tiến độ', en: 'Progress' },
  progressNote: { vi: 'Ghi chú tiến độ', en: 'Progress note' },
  results: { vi: 'Kết quả', en: 'Results' },
  otherResults: { vi: 'Kết quả khác', en: 'Other results' },
  difficulties: { vi: 'Khó khăn, vướng mắc', en: 'Difficulties' },
  proposals: { vi: 'Đề xuất, kiến nghị', en: 'Proposals' },
  place: { vi: 'Địa danh', en: 'Place' },
  agency: { vi: 'Cơ quan ban hành', en: 'Agency' },
  parentAgency: { vi: 'Cơ quan chủ quản', en: 'Parent agency' },
  agencyAbbreviation: { vi: 'Chữ viết tắt của cơ quan', en: 'Agency abbreviation' },
  signerName: { vi: 'Họ tên người ký', en: "Signer's name" },
  signerTitle: { vi: 'Chức vụ người ký', en: "Signer's title" },
  signerAuthority: { vi: 'Thẩm quyền ký', en: 'Signing authority' },
  recipient: { vi: 'Nơi nhận', en: 'Recipient' },
  copyTo: { vi: 'Nơi nhận bản sao', en: 'Copies to' },
  website: { vi: 'Trang web', en: 'Website' },
  attachments: { vi: 'Tệp đính kèm', en: 'Attachments' },
  fileName: { vi: 'Tên tệp', en: 'File name' },
  address: { vi: 'Địa chỉ', en: 'Address' },
  postalCode: { vi: 'Mã bưu chính', en: 'Postal code' },
  nameEn: { vi: 'Tên tiếng Anh', en: 'English name' },
  unitGroup: { vi: 'Nhóm đơn vị', en: 'Unit group' },
  indicatorCodes: { vi: 'Chỉ tiêu', en: 'Indicators' },
  indicatorCode: { vi: 'Chỉ tiêu', en: 'Indicator' },
  planItemKeys: { vi: 'Mục của kế hoạch', en: 'Plan items' },
  planItemKey: { vi: 'Mục của kế hoạch', en: 'Plan item' },
  coordinatingUnitIds: { vi: 'Đơn vị phối hợp', en: 'Coordinating units' },
  period: { vi: 'Thời gian thực hiện', en: 'Planned period' },
  budget: { vi: 'Kinh phí (triệu đồng)', en: 'Budget (million VND)' },
  budgetSource: { vi: 'Nguồn kinh phí', en: 'Budget source' },
  expectedOutput: { vi: 'Sản phẩm dự kiến', en: 'Expected output' },
  statusReason: { vi: 'Lý do tạm dừng, hủy bỏ', en: 'Reason for pausing or cancelling' },
  programmes: { vi: 'Chương trình công tác năm', en: 'Annual programmes' },
  files: { vi: 'Tệp minh chứng', en: 'Evidence files' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  mine: { vi: 'Của đơn vị tôi', en: 'Mine' },
  target: { vi: 'Chỉ tiêu của kế hoạch', en: 'Plan target' },
  baselineYear: { vi: 'Năm cơ sở', en: 'Baseline year' },
  baselineValue: { vi: 'Giá trị năm cơ sở', en: 'Baseline value' },
  targetYear: { vi: 'Năm mục tiêu', en: 'Target year' },
  targetValue: { vi: 'Giá trị mục tiêu', en: 'Target value' },
  changeKind: { vi: 'Cách tính mức thay đổi', en: 'Kind of change' },
  changeAmount: { vi: 'Mức thay đổi', en: 'Change' },
  direction: { vi: 'Xu hướng', en: 'Direction' },
};

const GENERIC: Label = { vi: 'Giá trị', en: 'Value' };

/** The field an issue path names, in words; numeric segments (list positions) are skipped. */
export function fieldLabel(path: readonly PropertyKey[], lang: Lang): string {
  for (let i = path.length - 1; i >= 0; i -= 1) {
    const seg = path[i];
    if (typeof seg === 'number' || (typeof seg === 'string' && /^\d+$/.test(seg))) continue;
    const label = FIELD_LABELS[String(seg)];
    return label ? label[lang] : GENERIC[lang];
  }
  return GENERIC[lang];
}

/** The parts of a zod 4 issue a sentence needs (`code` plus its parameters). */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  input?: unknown;
  expected?: unknown;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  format?: string;
  keys?: string[];
  values?: unknown[];
  divisor?: number;
  /** The text given by the schema's own `.refine(…, msg)`, if any. */
  message?: string;
}

const n = (v: number | bigint | undefined) => (v === undefined ? '' : Number(v).toLocaleString('vi-VN'));
const nEn = (v: number | bigint | undefined) => (v === undefined ? '' : Number(v).toLocaleString('en-GB'));

/** A sentence for one validation issue: `{ vi, en }`, the field named in words. */
export function validationSentence(issue: IssueLike): Label {
  const vi = fieldLabel(issue.path, 'vi');
  const en = fieldLabel(issue.path, 'en');
  const origin = issue.origin ?? (typeof issue.input === 'string' ? 'string' : undefined);
  switch (issue.code) {
    case 'invalid_type':
      // zod 4 leaves the input out of its issues; its default text still says "received undefined".
      if (
        issue.input === undefined ||
        issue.input === null ||
        issue.input === '' ||
        /received (undefined|null)/.test(issue.message ?? '')
      )
        return { vi: `${vi}: chưa được nhập.`, en: `${en} is required.` };
      return { vi: `${vi}: giá trị không hợp lệ.`, en: `${en}: the value is not valid.` };
    case 'too_small': {
      const min = issue.minimum;
      if (origin === 'string') {
        if (Number(min) <= 1) return { vi: `${vi}: chưa được nhập.`, en: `${en} is required.` };
        return {
          vi: `${vi} cần có ít nhất ${n(min)} ký tự.`,
          en: `${en} must be at least ${nEn(min)} characters long.`,
        };
      }
      if (origin === 'array' || origin === 'set')
        return { vi: `${vi}: cần chọn ít nhất ${n(min)}.`, en: `${en}: choose at least ${nEn(min)}.` };
      if (origin === 'date') return { vi: `${vi}: ngày quá sớm.`, en: `${en}: the date is too early.` };
      return issue.inclusive === false
        ? { vi: `${vi} phải lớn hơn ${n(min)}.`, en: `${en} must be greater than ${nEn(min)}.` }
        : { vi: `${vi} không được nhỏ hơn ${n(min)}.`, en: `${en} must be ${nEn(min)} or more.` };
    }
    case 'too_big': {
      const max = issue.maximum;
      if (origin === 'string')
        return {
          vi: `${vi} không được dài quá ${n(max)} ký tự.`,
          en: `${en} must be at most ${nEn(max)} characters long.`,
        };
      if (origin === 'array' || origin === 'set')
        return { vi: `${vi}: chỉ được chọn tối đa ${n(max)}.`, en: `${en}: choose at most ${nEn(max)}.` };
      if (origin === 'date') return { vi: `${vi}: ngày quá muộn.`, en: `${en}: the date is too late.` };
      return issue.inclusive === false
        ? { vi: `${vi} phải nhỏ hơn ${n(max)}.`, en: `${en} must be less than ${nEn(max)}.` }
        : { vi: `${vi} không được lớn hơn ${n(max)}.`, en: `${en} must be ${nEn(max)} or less.` };
    }
    case 'invalid_format':
      if (issue.format === 'email')
        return { vi: `${vi}: địa chỉ email không hợp lệ.`, en: `${en}: not a valid e-mail address.` };
      if (issue.format === 'date' || issue.format === 'datetime')
        return {
          vi: `${vi}: ngày không hợp lệ (nhập dạng ngày/tháng/năm).`,
          en: `${en}: not a valid date (day/month/year).`,
        };
      if (issue.format === 'url')
        return { vi: `${vi}: địa chỉ trang web không hợp lệ.`, en: `${en}: not a valid web address.` };
      return { vi: `${vi}: không đúng định dạng.`, en: `${en}: wrong format.` };
    case 'invalid_value':
      return {
        vi: `${vi}: giá trị không nằm trong các lựa chọn cho phép.`,
        en: `${en}: not one of the allowed choices.`,
      };
    case 'not_multiple_of':
      return {
        vi: `${vi} phải là bội số của ${n(issue.divisor)}.`,
        en: `${en} must be a multiple of ${nEn(issue.divisor)}.`,
      };
    case 'unrecognized_keys':
      return {
        vi: 'Dữ liệu gửi lên có trường không được chấp nhận.',
        en: 'The input has fields that are not accepted.',
      };
    case 'custom':
      // A schema's own refinement text is written for people (contracts write them in Vietnamese);
      // zod's default ("Invalid input") is not.
      if (issue.message && !/^Invalid/i.test(issue.message)) return { vi: issue.message, en: issue.message };
      return { vi: `${vi}: giá trị không hợp lệ.`, en: `${en}: the value is not valid.` };
    default:
      return { vi: `${vi}: giá trị không hợp lệ.`, en: `${en}: the value is not valid.` };
  }
}
