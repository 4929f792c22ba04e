import type { AssignmentRole, PlanItemKind, UnitGroup } from '../../../shared/domain.js';

/**
 * The seed plan 1953/KH-UBND as it was typed by hand from its issued text before the seed loaded
 * through the importer: item by item, the structure, labels, texts and duties the import must
 * give (parser.test.ts, plan-imports.test.ts). Units by their code in the org-unit seed; a duty
 * held by a group of units names the group.
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

const implementers: SeedAssignment[] = [
  { unit: SNNMT, role: 'lead' },
  { unit: SKHCN, role: 'coordinate' },
];

export const PLAN_1953_EXPECTED: SeedItem[] = [
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
