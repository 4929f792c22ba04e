import type { FastifyInstance } from 'fastify';
import { signIn, type Call } from './demo-activity.js';

async function unitIdOf(call: Call, code: string): Promise<string | null> {
  const list = (await call('GET', `/api/v1/org-units?q=${encodeURIComponent(code)}&pageSize=5`)) as unknown as {
    data: Array<{ id: string; code: string }>;
  };
  return list.data.find((u) => u.code === code)?.id ?? null;
}

/**
 * With BIOPLAN_DEMO=1 and no activity yet: Sở Tài chính's detailed plan (a signed plan) and xã
 * Giao Long's annual programme, and their activities through the real API — one of them planned
 * for the first quarter and still in progress, so it shows as overdue.
 */
export async function seedDemoActivities(app: FastifyInstance, log: (line: string) => void): Promise<void> {
  const finance = await signIn(app, 'sotaichinh@demo.bioplan.vn');
  const existing = (await finance('GET', '/api/v1/activities?pageSize=1')) as unknown as { page: { total: number } };
  if (existing.page.total > 0) return;
  const commune = await signIn(app, 'xagiaolong@demo.bioplan.vn');
  const year = new Date().getUTCFullYear();
  await finance('PUT', '/api/v1/detailed-plans/mine', {
    kind: 'document',
    documentNumber: `45/KH-STC`,
    documentDate: `${year}-03-15`,
    title: `Kế hoạch thực hiện Kế hoạch số 1953/KH-UBND về phát triển và ứng dụng công nghệ sinh học trong xử lý chất thải năm ${year}`,
  });
  await commune('PUT', '/api/v1/detailed-plans/mine', {
    kind: 'programmes',
    programmes: [
      {
        name: `Chương trình công tác năm ${year} của UBND xã Giao Long`,
        documentNumber: `02/CTr-UBND`,
        documentDate: `${year}-01-10`,
      },
    ],
  });
  const agriculture = await unitIdOf(finance, 'VL-SNNMT');
  const add = (call: Call, body: Record<string, unknown>) => call('POST', '/api/v1/activities', body);
  const note = (call: Call, id: string, date: string, text: string) =>
    call('POST', `/api/v1/activities/${id}/notes`, { date, text });

  const budget = await add(finance, {
    title: 'Tham mưu bố trí kinh phí sự nghiệp cho nhiệm vụ xử lý chất thải bằng công nghệ sinh học',
    planItemKeys: ['IV.4'],
    coordinatingUnitIds: agriculture ? [agriculture] : [],
    period: { kind: 'quarter', year, number: 1 },
    budget: 0,
    expectedOutput: 'Văn bản tham mưu UBND tỉnh bố trí kinh phí',
    status: 'in_progress',
  });
  await note(
    finance,
    budget.id,
    `${year}-03-20`,
    'Đã tổng hợp nhu cầu kinh phí của 05 sở, ngành; đang chờ ý kiến Sở Nông nghiệp và Môi trường.',
  );
  const survey = await add(finance, {
    title: 'Rà soát cơ chế ưu đãi thuế, phí cho dự án sản xuất chế phẩm sinh học',
    planItemKeys: ['IV.4'],
    period: { kind: 'month', year, number: 9 },
    budget: 45.5,
    budgetSource: 'provincial',
    expectedOutput: 'Báo cáo rà soát và đề xuất',
    status: 'done',
  });
  await note(finance, survey.id, `${year}-09-25`, 'Đã hoàn thành báo cáo rà soát, gửi UBND tỉnh.');
  await add(finance, {
    title: 'Hướng dẫn thanh quyết toán kinh phí hỗ trợ mô hình xử lý chất thải chăn nuôi',
    planItemKeys: ['IV.4'],
    period: { kind: 'year', year, number: null },
    budget: 120,
    budgetSource: 'central',
    expectedOutput: 'Văn bản hướng dẫn',
    status: 'not_started',
  });
  const compost = await add(commune, {
    title: 'Tập huấn ủ phân hữu cơ từ phụ phẩm nông nghiệp bằng chế phẩm vi sinh',
    planItemKeys: ['IV.1.a'],
    period: { kind: 'quarter', year, number: 2 },
    budget: 1.5,
    budgetSource: 'socialised',
    expectedOutput: '02 lớp tập huấn, 80 lượt nông dân',
    status: 'done',
  });
  await note(
    commune,
    compost.id,
    `${year}-05-12`,
    'Đã tổ chức 02 lớp tại ấp Giao Hòa và ấp Giao Thạnh, 86 lượt nông dân tham dự.',
  );
  await add(commune, {
    title: 'Xây dựng mô hình thu gom, xử lý rác hữu cơ tại hộ gia đình',
    planItemKeys: ['IV.1.a'],
    period: { kind: 'quarter', year, number: 4 },
    budget: 25,
    budgetSource: 'oda',
    expectedOutput: '50 hộ áp dụng',
    status: 'paused',
    statusReason: 'Chờ nguồn vốn tài trợ được phê duyệt',
  });
  log('Dữ liệu minh họa: kế hoạch chi tiết và 5 hoạt động của Sở Tài chính và xã Giao Long (1 quá hạn).');
}
