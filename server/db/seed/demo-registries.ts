import type { FastifyInstance } from 'fastify';
import { signIn, type Call } from './demo-activity.js';
import { demoTaxCode } from './demo-enterprises.js';

async function communeId(call: Call, code: string): Promise<string | null> {
  const list = (await call('GET', `/api/v1/org-units?q=${code}&pageSize=5`)) as unknown as {
    data: Array<{ id: string; code: string }>;
  };
  return list.data.find((u) => u.code === code)?.id ?? null;
}

/**
 * With BIOPLAN_DEMO=1 and empty generic registries: plausible 2026 records of every kind, entered
 * through the real API by Sở Tài chính, xã Giao Long and the focal department (Sở Nông nghiệp và
 * Môi trường), so the report's prefill, the review's differences and the province's de-duplicated
 * figures have something to show. One training is reported by two units (counted once).
 */
export async function seedDemoRegistries(app: FastifyInstance, log: (line: string) => void): Promise<void> {
  const finance = await signIn(app, 'sotaichinh@demo.bioplan.vn');
  const existing = (await finance('GET', '/api/v1/registries/records?kind=training&pageSize=1')) as unknown as {
    page: { total: number };
  };
  if (existing.page.total > 0) return;
  const commune = await signIn(app, 'xagiaolong@demo.bioplan.vn');
  const focal = await signIn(app, 'daumoi@demo.bioplan.vn');
  const giaoLong = await communeId(finance, '28807');
  const phuKhuong = await communeId(finance, '28756');
  const green = demoTaxCode('130012345');
  const envTech = demoTaxCode('150067890');
  const coop = demoTaxCode('130045678');
  let count = 0;
  const add = async (call: Call, kind: string, data: Record<string, unknown>, planItemKeys: string[] = []) => {
    await call('POST', '/api/v1/registries/records', { kind, data, planItemKeys });
    count += 1;
  };
  const communes = [giaoLong, phuKhuong].filter((x): x is string => x !== null);

  await add(
    finance,
    'bio_product',
    {
      name: 'Chế phẩm vi sinh ủ phân hữu cơ từ phụ phẩm dừa',
      producer: green,
      wasteStreams: ['agri'],
      registrationNumber: 'TCCS 02:2026/SHX',
      appliedOn: '2026-03-15',
      communes,
      volume: 18.5,
    },
    ['II-NV.1'],
  );
  await add(commune, 'bio_product', {
    name: 'Phân hữu cơ vi sinh từ bã bùn mía',
    producer: coop,
    wasteStreams: ['agri'],
    appliedOn: '2026-05-10',
    communes: giaoLong ? [giaoLong] : [],
    volume: 6,
  });
  await add(focal, 'bio_product', {
    name: 'Chế phẩm xử lý nước thải chế biến thủy sản',
    producer: envTech,
    wasteStreams: ['industrial', 'agri'],
    registrationNumber: 'Giấy chứng nhận 145/2025/CN-MT',
    appliedOn: '2026-07-01',
    volume: 40,
  });
  await add(
    focal,
    'st_task',
    {
      code: 'ĐT.VL.05-2025',
      title: 'Nghiên cứu sản xuất chế phẩm sinh học xử lý mùn dừa làm giá thể',
      level: 'province',
      host: 'Trường Đại học Cửu Long',
      investigator: 'TS. Nguyễn Văn Minh',
      startDate: '2025-06-01',
      endDate: '2027-05-31',
      budget: 850,
      status: 'ongoing',
      appliedBy: [green],
    },
    ['III.1'],
  );
  await add(finance, 'st_task', {
    code: 'CS.STC.01-2026',
    title: 'Đánh giá hiệu quả chi ngân sách cho ứng dụng công nghệ sinh học',
    level: 'grassroots',
    host: 'Sở Tài chính tỉnh Vĩnh Long',
    startDate: '2026-02-01',
    endDate: '2026-10-31',
    budget: 120,
    status: 'accepted',
    results: 'Báo cáo đánh giá và kiến nghị cơ cấu chi sự nghiệp môi trường.',
  });
  await add(
    focal,
    'tech_transfer',
    {
      technology: 'Công nghệ ủ compost hiếu khí cưỡng bức cho rác hữu cơ',
      fromParty: 'Viện Công nghệ môi trường',
      toParty: 'HTX Nông nghiệp Giao Long',
      transferDate: '2026-04-20',
      value: 350,
    },
    ['III.1'],
  );
  // One training co-organised by two units: each reports it, the province counts it once.
  const shared = {
    title: 'Tập huấn sử dụng chế phẩm sinh học xử lý chất thải chăn nuôi',
    startDate: '2026-04-08',
    endDate: '2026-04-09',
    organiser: 'Sở Nông nghiệp và Môi trường, UBND xã Giao Long',
    place: 'Hội trường UBND xã Giao Long',
    material: 'Sổ tay hướng dẫn ủ phân bằng chế phẩm vi sinh',
  };
  await add(focal, 'training', { ...shared, officials: 12, business: 8, residents: 45 }, ['IV.5']);
  await add(commune, 'training', { ...shared, officials: 12, business: 8, residents: 60 }, ['IV.5']);
  await add(finance, 'training', {
    title: 'Bồi dưỡng chi sự nghiệp bảo vệ môi trường cho cán bộ tài chính cấp xã',
    startDate: '2026-09-17',
    organiser: 'Sở Tài chính tỉnh Vĩnh Long',
    place: 'Sở Tài chính',
    officials: 64,
  });
  await add(
    focal,
    'communication',
    {
      title: 'Phóng sự: Chế phẩm sinh học giúp nông dân xử lý rơm rạ',
      form: 'broadcast',
      date: '2026-05-22',
      channel: 'Đài Phát thanh và Truyền hình Vĩnh Long',
      reach: 120_000,
    },
    ['III.4'],
  );
  await add(commune, 'communication', {
    title: 'Tờ rơi hướng dẫn phân loại rác tại nguồn',
    form: 'leaflet',
    date: '2026-06-05',
    channel: 'Phát tại các ấp',
    reach: 3_500,
  });
  await add(finance, 'communication', {
    title: 'Hội nghị phổ biến cơ chế tài chính cho công nghiệp sinh học',
    form: 'conference',
    date: '2026-08-12',
    channel: 'Sở Tài chính',
    reach: 150,
  });
  await add(
    focal,
    'policy',
    {
      number: '25/2026/QĐ-UBND',
      date: '2026-06-30',
      issuer: 'UBND tỉnh Vĩnh Long',
      title: 'Quy định hỗ trợ ứng dụng chế phẩm sinh học xử lý chất thải nông nghiệp',
      action: 'issued',
    },
    ['III.2'],
  );
  await add(finance, 'policy', {
    number: '1820/STC-NS',
    date: '2026-10-02',
    issuer: 'Sở Tài chính tỉnh Vĩnh Long',
    title: 'Rà soát định mức chi hỗ trợ doanh nghiệp sản xuất chế phẩm sinh học',
    action: 'reviewed',
  });
  await add(
    finance,
    'funding',
    {
      source: 'provincial',
      amount: 2_500,
      year: 2026,
      decisionNumber: '412/QĐ-UBND',
      decisionDate: '2026-02-20',
      allocatedTo: 'Sở Nông nghiệp và Môi trường: nhân rộng mô hình ủ phân bằng chế phẩm',
    },
    ['IV.4'],
  );
  // The same decision reported by the unit receiving it: counted once for the province.
  await add(focal, 'funding', {
    source: 'provincial',
    amount: 2_500,
    year: 2026,
    decisionNumber: '412/QĐ-UBND',
    decisionDate: '2026-02-20',
    allocatedTo: 'Nhân rộng mô hình ủ phân bằng chế phẩm',
  });
  await add(commune, 'funding', {
    source: 'socialised',
    amount: 180,
    year: 2026,
    allocatedTo: 'Mô hình ủ phân tại 3 tổ hợp tác',
  });
  await add(
    finance,
    'investment',
    {
      name: 'Nhà máy sản xuất chế phẩm vi sinh công suất 2.000 tấn/năm',
      investor: green,
      capital: 65_000,
      status: 'approved',
      approvedOn: '2026-08-25',
    },
    ['II-NV.1'],
  );
  await add(focal, 'investment', {
    name: 'Khu xử lý chất thải rắn sinh hoạt bằng công nghệ sinh học',
    investor: envTech,
    capital: 120_000,
    status: 'calling',
  });
  log(`Dữ liệu minh họa: ${count} bản ghi trong các sổ theo dõi (năm 2026).`);
}
