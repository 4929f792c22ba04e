import type { AssignmentRole, PlanItemKind, UnitGroup } from '../../../shared/domain.js';
import type { TargetDefinition } from '../../../shared/targets.js';

/**
 * Kế hoạch 1953/KH-UBND ngày 27/3/2025, transcribed from the issued text
 * (data/ke-hoach-1953-KH-UBND-2025.txt beside this file). Labels are kept exactly as issued:
 * section "II." appears twice. Units are named by their code in the org-unit seed; a duty
 * held by the units of IV.1 ("các sở, ngành, địa phương") names a group instead.
 */
export interface SeedAssignment {
  unit?: string;
  group?: UnitGroup;
  role: AssignmentRole;
}

export interface SeedItem {
  key: string;
  kind: PlanItemKind;
  label: string;
  title?: string;
  text?: string;
  assignments?: SeedAssignment[];
  children?: SeedItem[];
}

const SNNMT = 'BT-SNNMT';
const SKHCN = 'BT-SKHCN';
const STC = 'BT-STC';
const SGDDT = 'BT-SGDDT';
const SCT = 'BT-SCT';
const SYT = 'BT-SYT';

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

const implementers: SeedAssignment[] = [
  { unit: SNNMT, role: 'lead' },
  { unit: SKHCN, role: 'coordinate' },
];

export const PLAN_1953_ITEMS: SeedItem[] = [
  {
    key: 'I',
    kind: 'section',
    label: 'I.',
    title: 'ĐỐI TƯỢNG, PHẠM VI',
    children: [
      {
        key: 'I.a',
        kind: 'text',
        label: '-',
        text: 'Đối tượng: Các cơ quan, tổ chức, cá nhân có liên quan đến hoạt động phát triển công nghiệp sinh học trong lĩnh vực bảo vệ môi trường.',
      },
      { key: 'I.b', kind: 'text', label: '-', text: 'Phạm vi thực hiện: Trên địa bàn tỉnh Bến Tre.' },
    ],
  },
  {
    key: 'II-MT',
    kind: 'section',
    label: 'II.',
    title: 'MỤC TIÊU',
    children: [
      {
        key: 'II-MT.1',
        kind: 'objective',
        label: '1.',
        title: 'Mục tiêu chung',
        text: 'Phát triển công nghiệp sinh học trong lĩnh vực bảo vệ môi trường theo hướng bền vững, thân thiện, nhằm kiểm soát, cải thiện chất lượng môi trường và sử dụng hiệu quả các nguồn tài nguyên thiên nhiên.',
      },
      {
        key: 'II-MT.2',
        kind: 'objective',
        label: '2.',
        title: 'Mục tiêu cụ thể',
        text: 'Ứng dụng các nghiên cứu, công nghệ sinh học trong lĩnh vực bảo vệ môi trường để sản xuất các chế phẩm xử lý chất thải trong sản xuất, chế biến nông, lâm, thủy sản, sản phẩm xử lý chất thải y tế; sản phẩm xử lý chất thải trong công nghiệp, y tế và sinh hoạt.',
      },
    ],
  },
  {
    key: 'II-NV',
    kind: 'section',
    label: 'II.',
    title: 'NHIỆM VỤ KẾ HOẠCH',
    children: [
      {
        key: 'II-NV.1',
        kind: 'task',
        label: '1.',
        title: 'Phát triển khoa học và công nghệ phục vụ công nghiệp sinh học trong lĩnh vực bảo vệ môi trường',
        text: [
          'Ứng dụng công nghệ sinh học, thiết bị xử lý chất thải sản xuất, chế biến nông lâm, thủy sản; sản phẩm xử lý chất thải y tế; sản phẩm xử lý chất thải trong công nghiệp và sinh hoạt ở quy mô công nghiệp, ưu tiên công nghệ thu hồi năng lượng, tuần hoàn tái chế chất thải.',
          'Kêu gọi đầu tư và phát triển doanh nghiệp ứng dụng các công nghệ, dây chuyền thiết bị sản xuất sản phẩm sinh học trong lĩnh vực bảo vệ môi trường.',
        ].join('\n'),
        assignments: [...implementers, { unit: SCT, role: 'coordinate' }, { unit: SYT, role: 'coordinate' }],
      },
      {
        key: 'II-NV.2',
        kind: 'task',
        label: '2.',
        title: 'Truyền thông nâng cao nhận thức về công nghiệp sinh học trong lĩnh vực bảo vệ môi trường',
        text: [
          'Đẩy mạnh tuyên truyền, phổ biến, giáo dục nâng cao nhận thức cho các cấp, các ngành và toàn xã hội về vai trò, vị trí và tầm quan trọng của công nghiệp sinh học trong lĩnh vực bảo vệ môi trường.',
          'Thường xuyên phổ biến, cập nhật đến mọi người dân các kiến thức, thành tựu khoa học và công nghệ mới, nổi bật, có tính ứng dụng thực tiễn cao của công nghiệp sinh học trên các phương tiện thông tin đại chúng.',
        ].join('\n'),
        assignments: [
          { unit: SNNMT, role: 'lead' },
          { group: 'departments_and_localities', role: 'coordinate' },
        ],
      },
    ],
  },
  {
    key: 'III',
    kind: 'section',
    label: 'III.',
    title: 'GIẢI PHÁP CHỦ YẾU',
    children: [
      {
        key: 'III.1',
        kind: 'solution',
        label: '1.',
        title: 'Giải pháp về phát triển khoa học và công nghệ',
        text: [
          'Ưu tiên triển khai các nghiên cứu khoa học, các đề tài, dự án nhằm nghiên cứu, ứng dụng các công nghệ sản xuất chế phẩm sinh học, dây chuyền thiết bị ứng dụng xử lý chất thải trong sản xuất, chế biến nông lâm, thủy sản; sản phẩm xử lý chất thải y tế; sản phẩm xử lý chất thải trong công nghiệp và sinh hoạt.',
          'Tăng cường liên kết giữa các đơn vị nghiên cứu khoa học và doanh nghiệp đưa các công nghệ mới, tiên tiến đến các doanh nghiệp nâng cao khả năng ứng dụng công nghệ sinh học trong lĩnh vực bảo vệ môi trường.',
        ].join('\n'),
        assignments: implementers,
      },
      {
        key: 'III.2',
        kind: 'solution',
        label: '2.',
        title: 'Giải pháp về cơ chế, chính sách',
        text: 'Rà soát, bổ sung, cụ thể hóa, triển khai đầy đủ các cơ chế chính sách của Trung ương về khuyến khích doanh nghiệp đầu tư sản xuất và thương mại hoá sản phẩm công nghệ sinh học trong lĩnh vực bảo vệ môi trường.',
        assignments: [
          { unit: SKHCN, role: 'lead' },
          { unit: SNNMT, role: 'coordinate' },
          { unit: STC, role: 'coordinate' },
        ],
      },
      {
        key: 'III.3',
        kind: 'solution',
        label: '3.',
        title: 'Giải pháp về phát triển nhân lực',
        text: 'Liên kết, phối hợp với các trường đại học, viện, trung tâm nghiên cứu để đào tạo, tập huấn, hướng dẫn nghiệp vụ quản lý, chuyên ngành công nghệ sinh học cho đội ngũ cán bộ, công chức quản lý và các tổ chức/cá nhân có nhu cầu.',
        assignments: [
          { unit: SGDDT, role: 'lead' },
          { unit: SNNMT, role: 'coordinate' },
        ],
      },
      {
        key: 'III.4',
        kind: 'solution',
        label: '4.',
        title: 'Giải pháp về thông tin truyền thông',
        text: 'Tổ chức tuyên truyền, phổ biến các quy định, hướng dẫn về vai trò, ứng dụng của công nghiệp sinh học trong lĩnh vực bảo vệ môi trường đến các cấp, các ngành và toàn xã hội. Tuyên truyền, khuyến khích sử dụng các sản phẩm công nghiệp sinh học trong lĩnh vực bảo vệ môi trường.',
        assignments: [
          { unit: SNNMT, role: 'lead' },
          { unit: SKHCN, role: 'coordinate' },
          { group: 'departments_and_localities', role: 'coordinate' },
        ],
      },
    ],
  },
  {
    key: 'IV',
    kind: 'section',
    label: 'IV.',
    title: 'TỔ CHỨC THỰC HIỆN',
    children: [
      {
        key: 'IV.1',
        kind: 'section',
        label: '1.',
        title: 'Trách nhiệm chung',
        text: 'Căn cứ nhiệm vụ, giải pháp nêu trên, các sở, ngành, địa phương theo chức năng, nhiệm vụ được giao có trách nhiệm:',
        children: [
          {
            key: 'IV.1.a',
            kind: 'duty',
            label: '-',
            text: 'Xây dựng Kế hoạch chi tiết hoặc lồng ghép vào các chương trình, kế hoạch công tác hàng năm để triển khai thực hiện.',
            assignments: [{ group: 'departments_and_localities', role: 'lead' }],
          },
          {
            key: 'IV.1.b',
            kind: 'duty',
            label: '-',
            text: 'Thường xuyên đánh giá tình hình thực hiện và kịp thời bổ sung các nhiệm vụ ứng dụng công nghệ sinh học cụ thể, thiết thực và có tính khả thi nhằm phù hợp yêu cầu phát triển kinh tế - xã hội của tỉnh.',
            assignments: [{ group: 'departments_and_localities', role: 'lead' }],
          },
          {
            key: 'IV.1.c',
            kind: 'duty',
            label: '-',
            text: 'Định kỳ trước 30 tháng 11 hàng năm, gửi báo cáo đánh giá tình hình triển khai thực hiện Kế hoạch về Ủy ban nhân dân tỉnh thông qua Sở Nông nghiệp và Môi trường để tổng hợp.',
            assignments: [{ group: 'departments_and_localities', role: 'lead' }],
          },
        ],
      },
      {
        key: 'IV.2',
        kind: 'section',
        label: '2.',
        title: 'Sở Nông nghiệp và Môi trường',
        children: [
          {
            key: 'IV.2.a',
            kind: 'duty',
            label: '-',
            text: 'Chủ trì, phối hợp với Sở Khoa học và Công nghệ và các Sở, ngành có liên triển khai thực hiện Kế hoạch này.',
            assignments: [
              { unit: SNNMT, role: 'lead' },
              { unit: SKHCN, role: 'coordinate' },
              { group: 'other_departments', role: 'coordinate' },
            ],
          },
          {
            key: 'IV.2.b',
            kind: 'duty',
            label: '-',
            text: 'Cơ quan đầu mối theo dõi, tổng hợp tình hình triển khai thực hiện Kế hoạch. Cập nhật, bổ sung hướng dẫn mới của Bộ Nông nghiệp và Môi trường vào nội dung Kế hoạch.',
            assignments: [{ unit: SNNMT, role: 'lead' }],
          },
        ],
      },
      {
        key: 'IV.3',
        kind: 'section',
        label: '3.',
        title: 'Sở Khoa học và Công nghệ',
        children: [
          {
            key: 'IV.3.a',
            kind: 'duty',
            label: '-',
            text: 'Phối hợp với Sở Nông nghiệp và Môi trường trong việc phát triển công nghiệp sinh học trong lĩnh vực bảo vệ môi trường.',
            assignments: [
              { unit: SNNMT, role: 'lead' },
              { unit: SKHCN, role: 'coordinate' },
            ],
          },
          {
            key: 'IV.3.b',
            kind: 'duty',
            label: '-',
            text: 'Căn cứ hướng dẫn của Trung ương, xây dựng cơ chế, chính sách ưu đãi đối với việc hỗ trợ ứng dụng kết quả nghiên cứu công nghệ sinh học hiện đại trong sản xuất, kinh doanh sản phẩm công nghiệp sinh học trong lĩnh vực công nghiệp chế biến, hỗ trợ chuyển giao, nhập khẩu công nghệ và bí quyết công nghệ, phát triển thị trường công nghệ tiên tiến từ nước ngoài và các quy định có liên quan đến sở hữu trí tuệ trong lĩnh vực ứng dụng công nghiệp sinh học trong lĩnh vực bảo vệ môi trường.',
            assignments: [{ unit: SKHCN, role: 'lead' }],
          },
        ],
      },
      {
        key: 'IV.4',
        kind: 'duty',
        label: '4.',
        title: 'Sở Tài chính',
        text: 'Phối hợp với các sở, ngành, địa phương tham mưu cấp có thẩm quyền xem xét, bố trí kinh phí thực hiện chương trình, nhiệm vụ về công nghiệp sinh học trong lĩnh vực bảo vệ môi trường khi có yêu cầu.',
        assignments: [
          { unit: STC, role: 'lead' },
          { group: 'departments_and_localities', role: 'coordinate' },
        ],
      },
      {
        key: 'IV.5',
        kind: 'duty',
        label: '5.',
        title: 'Sở Giáo dục và Đào tạo',
        text: 'Chủ trì, phối hợp với Sở Nông nghiệp và Môi trường và các sở, ngành có liên quan rà soát, xây dựng kế hoạch và phối hợp, liên kết tổ chức đào tạo nguồn nhân lực có bằng cấp, chuyên môn liên quan đến công nghiệp sinh học lĩnh vực bảo vệ môi trường.',
        assignments: [
          { unit: SGDDT, role: 'lead' },
          { unit: SNNMT, role: 'coordinate' },
          { group: 'other_departments', role: 'coordinate' },
        ],
      },
      {
        key: 'IV.6',
        kind: 'duty',
        label: '6.',
        title: 'Các sở, ngành khác có liên quan',
        text: 'Sở Công Thương, Sở Y tế và các Sở, ngành có liên quan phối hợp với Sở Khoa học và Công nghệ hỗ trợ các đơn vị trực thuộc ứng dụng các nhiệm vụ khoa học và công nghệ.',
        assignments: [
          { unit: SKHCN, role: 'lead' },
          { unit: SCT, role: 'coordinate' },
          { unit: SYT, role: 'coordinate' },
          { group: 'other_departments', role: 'coordinate' },
        ],
      },
      {
        key: 'IV.7',
        kind: 'duty',
        label: '7.',
        title: 'Các doanh nghiệp, tổ chức, cá nhân',
        text: 'Khuyến khích các doanh nghiệp, tổ chức, cá nhân nghiên cứu, ứng dụng công nghệ sinh học trong xử lý chất thải và sản xuất các thiết bị, dây chuyền phục vụ sản xuất các sản phẩm sinh học trong lĩnh vực bảo vệ môi trường.',
        assignments: [{ group: 'enterprises_and_organisations', role: 'lead' }],
      },
    ],
  },
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
