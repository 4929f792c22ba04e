import type { IndicatorValueType } from '../../../shared/domain.js';

export interface SeedIndicator {
  code: string;
  name: string;
  nameEn: string;
  unit: string;
  valueType: IndicatorValueType;
  byWasteStream?: boolean;
  isRequired?: boolean;
  min?: number;
  max?: number;
  planItemKeys: string[];
}

/**
 * The starter indicator catalogue (product.md), derived from the plan and from Quyết định
 * 1639/QĐ-TTg. The focal department edits it; codes are stable.
 */
export const INDICATORS: SeedIndicator[] = [
  {
    code: 'KH-00',
    name: 'Đã ban hành kế hoạch chi tiết hoặc lồng ghép vào kế hoạch công tác năm',
    nameEn: 'Detailed plan issued or integrated into the annual work plan',
    unit: 'có/không',
    valueType: 'boolean',
    isRequired: true,
    planItemKeys: ['IV.1.a'],
  },
  {
    code: 'DN-01',
    name: 'Số doanh nghiệp sản xuất chế phẩm sinh học xử lý chất thải ở quy mô công nghiệp',
    nameEn: 'Enterprises producing bio-preparations for waste treatment at industrial scale',
    unit: 'doanh nghiệp',
    valueType: 'integer',
    isRequired: true,
    min: 0,
    planItemKeys: ['II-NV.1'],
  },
  {
    code: 'DN-02',
    name: 'Số dây chuyền, thiết bị sản xuất sản phẩm sinh học trong lĩnh vực bảo vệ môi trường',
    nameEn: 'Production lines / equipment for bio-products in environmental protection',
    unit: 'dây chuyền',
    valueType: 'integer',
    min: 0,
    planItemKeys: ['II-NV.1'],
  },
  {
    code: 'SP-01',
    name: 'Số chế phẩm sinh học được ứng dụng',
    nameEn: 'Bio-products applied',
    unit: 'sản phẩm',
    valueType: 'integer',
    byWasteStream: true,
    min: 0,
    planItemKeys: ['II-MT.2', 'II-NV.1'],
  },
  {
    code: 'XL-01',
    name: 'Khối lượng chất thải được xử lý bằng công nghệ sinh học',
    nameEn: 'Waste treated with biotechnology',
    unit: 'tấn/năm',
    valueType: 'number',
    byWasteStream: true,
    min: 0,
    planItemKeys: ['II-MT.2', 'II-NV.1'],
  },
  {
    code: 'TL-01',
    name: 'Tỷ lệ chất thải rắn sinh hoạt được xử lý bằng công nghệ sinh học',
    nameEn: 'Share of domestic solid waste treated with biotechnology',
    unit: '%',
    valueType: 'percent',
    min: 0,
    max: 100,
    planItemKeys: ['II-MT.2'],
  },
  {
    code: 'NL-01',
    name: 'Năng lượng thu hồi từ chất thải (biogas, sinh khối)',
    nameEn: 'Energy recovered from waste (biogas, biomass)',
    unit: 'MWh/năm',
    valueType: 'number',
    min: 0,
    planItemKeys: ['II-NV.1'],
  },
  {
    code: 'TC-01',
    name: 'Khối lượng chất thải được tái chế, tái sử dụng bằng công nghệ sinh học',
    nameEn: 'Waste recycled or reused through biotechnology',
    unit: 'tấn/năm',
    valueType: 'number',
    byWasteStream: true,
    min: 0,
    planItemKeys: ['II-NV.1'],
  },
  {
    code: 'KH-01',
    name: 'Số nhiệm vụ khoa học và công nghệ (đề tài, dự án) về công nghệ sinh học trong bảo vệ môi trường',
    nameEn: 'S&T tasks on biotechnology for the environment',
    unit: 'nhiệm vụ',
    valueType: 'integer',
    min: 0,
    planItemKeys: ['III.1'],
  },
  {
    code: 'KH-02',
    name: 'Số công nghệ được chuyển giao, nhập khẩu',
    nameEn: 'Technologies transferred or imported',
    unit: 'công nghệ',
    valueType: 'integer',
    min: 0,
    planItemKeys: ['III.1', 'IV.3.b'],
  },
  {
    code: 'DT-01',
    name: 'Số lớp đào tạo, tập huấn',
    nameEn: 'Training courses held',
    unit: 'lớp',
    valueType: 'integer',
    min: 0,
    planItemKeys: ['III.3', 'IV.5'],
  },
  {
    code: 'DT-03',
    name: 'Số người được đào tạo, tập huấn',
    nameEn: 'People trained',
    unit: 'người',
    valueType: 'integer',
    min: 0,
    planItemKeys: ['III.3', 'IV.5'],
  },
  {
    code: 'TT-01',
    name: 'Số hoạt động truyền thông (tin bài, phát sóng, hội nghị)',
    nameEn: 'Communication activities (articles, broadcasts, conferences)',
    unit: 'hoạt động',
    valueType: 'integer',
    min: 0,
    planItemKeys: ['II-NV.2', 'III.4'],
  },
  {
    code: 'TT-02',
    name: 'Số lượt người được tiếp cận thông tin',
    nameEn: 'People reached by communication',
    unit: 'lượt người',
    valueType: 'integer',
    min: 0,
    planItemKeys: ['II-NV.2', 'III.4'],
  },
  {
    code: 'CS-01',
    name: 'Số cơ chế, chính sách được ban hành hoặc rà soát',
    nameEn: 'Policies and mechanisms issued or reviewed',
    unit: 'văn bản',
    valueType: 'integer',
    min: 0,
    planItemKeys: ['III.2', 'IV.3.b'],
  },
  {
    code: 'KP-01',
    name: 'Kinh phí được bố trí (ngân sách nhà nước và nguồn khác)',
    nameEn: 'Funding allocated (state budget and other sources)',
    unit: 'triệu đồng',
    valueType: 'number',
    min: 0,
    planItemKeys: ['IV.4'],
  },
  {
    code: 'DT-02',
    name: 'Vốn đầu tư thu hút vào công nghiệp sinh học lĩnh vực môi trường',
    nameEn: 'Investment attracted into bio-industry for the environment',
    unit: 'triệu đồng',
    valueType: 'number',
    min: 0,
    planItemKeys: ['II-NV.1'],
  },
  {
    code: 'GC-01',
    name: 'Ghi chú về nguồn số liệu',
    nameEn: 'Notes on the data sources',
    unit: '',
    valueType: 'text',
    planItemKeys: [],
  },
];
