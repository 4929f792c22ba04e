import type { AssignmentRole, UnitGroup } from '../../../shared/domain.js';
import type { TargetDefinition } from '../../../shared/targets.js';

/**
 * Kế hoạch 1953/KH-UBND ngày 27/3/2025. Its items and duties are not typed here: the importer
 * reads them from the issued text (data/ke-hoach-1953-KH-UBND-2025.txt beside this file) at
 * startup (seedReferenceData), with the review decisions below applied as an officer would on the
 * review screen. The header fields stay here for the tests that compare the import with them.
 */
export const PLAN_1953 = {
  number: '1953/KH-UBND',
  date: '2025-03-27',
  title:
    'Kế hoạch phát triển công nghiệp sinh học trong lĩnh vực bảo vệ môi trường trên địa bàn tỉnh Bến Tre đến năm 2030',
  issuerParent: 'ỦY BAN NHÂN DÂN',
  issuer: 'TỈNH BẾN TRE',
  issuerUnitCode: 'BT-UBND',
  place: 'Bến Tre',
  scope:
    'Địa bàn tỉnh Bến Tre (cũ) — từ 01/7/2025 là 48 xã, phường thuộc tỉnh Vĩnh Long trên địa bàn tỉnh Bến Tre trước sắp xếp; văn bản tiếp tục áp dụng trong phạm vi này cho đến khi được thay thế (Nghị quyết 190/2025/QH15).',
  legalBases: [
    'Căn cứ Luật Khoa học và công nghệ ngày 18 tháng 6 năm 2013;',
    'Căn cứ Luật Công nghệ cao ngày 13 tháng 11 năm 2008;',
    'Căn cứ Luật Bảo vệ môi trường ngày 17 tháng 11 năm 2020;',
    'Căn cứ Quyết định số 1639/QĐ-TTg ngày 24 tháng 12 năm 2024 của Thủ tướng Chính phủ về việc phê duyệt phê duyệt Đề án phát triển công nghiệp sinh học trong lĩnh vực bảo vệ môi trường đến năm 2030;',
  ],
  preamble:
    'Ủy ban nhân dân tỉnh ban hành Kế hoạch phát triển công nghiệp sinh học trong lĩnh vực bảo vệ môi trường trên địa bàn tỉnh Bến Tre đến năm 2030 như sau:',
  closing: [
    'Trong quá trình thực hiện, nếu gặp khó khăn, vướng mắc, đề nghị các cơ quan, tổ chức, cá nhân có phản hồi về Sở Nông nghiệp và Môi trường để tổng hợp, tham mưu Ủy ban nhân dân tỉnh kịp thời chỉnh sửa, bổ sung.',
    'Ủy ban nhân dân tỉnh đề nghị Sở Nông nghiệp và Môi trường, Sở Khoa học và Công nghệ, các sở, ngành, địa phương triển khai thực hiện./.',
  ],
  recipients: [
    'Bộ Nông nghiệp và Môi trường;',
    'TT TU, TT HĐND tỉnh;',
    'Chủ tịch, các PCT UBND tỉnh;',
    'Chánh, các PCVP UBND tỉnh;',
    'Các Sở, ban, ngành tỉnh;',
    'Ủy ban nhân dân các huyện, thành phố;',
    'Phòng: KT, TCĐT, NC, TH,',
    'Cổng TTĐT tỉnh;',
    'Lưu: VT, NTH.',
  ],
  signerAuthority: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
  signerName: 'Nguyễn Minh Cảnh',
};

/** The issued text the plan is imported from, beside this file. */
export const PLAN_1953_SOURCE = 'ke-hoach-1953-KH-UBND-2025.txt';

/** A review decision, units by code (the importer's seed loader turns codes into the review screen's operations). */
export type SeedReviewOp =
  | { op: 'markBoilerplate'; lines: number[] }
  | { op: 'setDuty'; key: string; role: AssignmentRole; unit?: string; group?: UnitGroup };

const duty = (key: string, role: AssignmentRole, unit: string): SeedReviewOp => ({ op: 'setDuty', key, role, unit });
const groupDuty = (key: string, role: AssignmentRole, group: UnitGroup): SeedReviewOp => ({
  op: 'setDuty',
  key,
  role,
  group,
});

/**
 * The review of the imported text. Lines 1–15 are the web page's summary block above the
 * document. Sections II (Nhiệm vụ) and III (Giải pháp) name no unit for their six items; the
 * units were assigned from section IV (Tổ chức thực hiện) when the plan was first entered, and
 * are kept as that decision.
 */
export const PLAN_1953_REVIEW: SeedReviewOp[] = [
  { op: 'markBoilerplate', lines: [1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15] },
  duty('II-NV.1', 'lead', 'BT-SNNMT'),
  duty('II-NV.1', 'coordinate', 'BT-SKHCN'),
  duty('II-NV.1', 'coordinate', 'BT-SCT'),
  duty('II-NV.1', 'coordinate', 'BT-SYT'),
  duty('II-NV.2', 'lead', 'BT-SNNMT'),
  groupDuty('II-NV.2', 'coordinate', 'departments_and_localities'),
  duty('III.1', 'lead', 'BT-SNNMT'),
  duty('III.1', 'coordinate', 'BT-SKHCN'),
  duty('III.2', 'lead', 'BT-SKHCN'),
  duty('III.2', 'coordinate', 'BT-SNNMT'),
  duty('III.2', 'coordinate', 'BT-STC'),
  duty('III.3', 'lead', 'BT-SGDDT'),
  duty('III.3', 'coordinate', 'BT-SNNMT'),
  duty('III.4', 'lead', 'BT-SNNMT'),
  duty('III.4', 'coordinate', 'BT-SKHCN'),
  groupDuty('III.4', 'coordinate', 'departments_and_localities'),
];

/**
 * Targets the plan carries from national decisions. Quyết định 1639/QĐ-TTg (the national
 * scheme the plan implements) asks for 10 % more enterprises producing bio-preparations for
 * waste treatment at industrial scale by 2030 than in 2024. The 2024 figure is not in the plan:
 * the baseline stays "chưa có" until the focal department enters it through an amendment.
 */
export const PLAN_1953_TARGETS: Array<TargetDefinition & { indicatorCode: string }> = [
  {
    indicatorCode: 'DN-01',
    baselineYear: 2024,
    baselineValue: null,
    targetYear: 2030,
    targetValue: null,
    changeKind: 'percent',
    changeAmount: 10,
    direction: 'increase',
    source: 'QĐ 1639/QĐ-TTg',
  },
];
