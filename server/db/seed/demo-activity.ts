import type { FastifyInstance } from 'fastify';
import { WASTE_STREAMS } from '../../../shared/domain.js';
import type { ReportDto, ReportValue } from '../../../shared/contracts/reporting.js';
import { DEMO_PASSWORD } from './accounts.js';

/**
 * With BIOPLAN_DEMO=1 and no reporting cycle yet: opens the 2026 cycle as the demo focal officer
 * and has Sở Tài chính submit its report, through the real API, so the board, the review and the
 * consolidated report have something to show on first start.
 */
export async function seedDemoActivity(app: FastifyInstance, log: (line: string) => void): Promise<void> {
  const focal = await signIn(app, 'daumoi@demo.bioplan.vn');
  const cycles = await focal('GET', '/api/v1/cycles');
  if ((cycles.data as unknown[]).length > 0) return;
  const plans = await focal('GET', '/api/v1/plans');
  // The seed plan's cycle (the Vĩnh Long plan, imported after, has none in the demo).
  const list = plans.data as Array<{ id: string; number: string }>;
  const planId = (list.find((p) => p.number === '1953/KH-UBND') ?? list[0]).id;
  const cycle = await focal('POST', '/api/v1/cycles', { planId, year: 2026, graceDays: 5 });
  await focal('POST', `/api/v1/cycles/${cycle.id}/open`);

  const unit = await signIn(app, 'sotaichinh@demo.bioplan.vn');
  const report = (await unit('GET', `/api/v1/cycles/${cycle.id}/my-report`)) as ReportDto;
  const values = report.form.indicators.flatMap((ind, i): ReportValue[] => {
    const value = (stream: number) =>
      // DN-01 as the unit counted it: one more firm than its registry records give (issue 12's
      // review shows the difference; the consolidation counts each firm once).
      ind.code === 'DN-01'
        ? 3
        : ind.valueType === 'boolean'
          ? true
          : ind.valueType === 'text'
            ? 'Số liệu tổng hợp từ các phòng chuyên môn.'
            : ind.valueType === 'percent'
              ? 12.5
              : (i + 1) * 10 + stream;
    return ind.byWasteStream
      ? WASTE_STREAMS.map((s, k) => ({ indicatorCode: ind.code, wasteStream: s, value: value(k) }))
      : [{ indicatorCode: ind.code, wasteStream: null, value: value(0) }];
  });
  const sections = report.form.sections.map((s, i) => ({
    planItemId: s.planItemId,
    // The unit's own words, one account per item, as an officer writes them.
    results: DEMO_RESULTS[i % DEMO_RESULTS.length],
    difficulties: 'Nguồn kinh phí còn hạn chế.',
    proposals: 'Đề nghị bố trí kinh phí sự nghiệp môi trường năm 2027.',
  }));
  const saved = (await unit('PUT', `/api/v1/reports/${report.id}`, {
    version: report.version,
    values,
    sections,
    proposalsToCommittee: 'Đề nghị UBND tỉnh ban hành cơ chế hỗ trợ doanh nghiệp sản xuất chế phẩm sinh học.',
  })) as ReportDto;
  await unit('POST', `/api/v1/reports/${saved.id}/submit`, undefined, { 'idempotency-key': `demo-${saved.id}` });
  log('Dữ liệu minh họa: kỳ báo cáo năm 2026 đã mở, Sở Tài chính đã nộp báo cáo.');
}

/** What Sở Tài chính reports, item by item, in the demo. */
const DEMO_RESULTS = [
  'Đã bố trí 2.500 triệu đồng kinh phí sự nghiệp môi trường năm 2026 cho các nhiệm vụ ứng dụng công nghệ sinh học.',
  'Đã hướng dẫn các sở, ngành lồng ghép nội dung ứng dụng chế phẩm sinh học vào dự toán ngân sách năm 2027.',
  'Đã thẩm định dự toán 03 đề tài khoa học về xử lý chất thải bằng chế phẩm sinh học.',
  'Đã phối hợp Sở Nông nghiệp và Môi trường rà soát cơ chế hỗ trợ doanh nghiệp sản xuất chế phẩm sinh học.',
  'Đã tổ chức 02 lớp tập huấn cho cán bộ tài chính cấp xã về chi sự nghiệp bảo vệ môi trường.',
  'Đã trình Ủy ban nhân dân tỉnh phân bổ kinh phí truyền thông về công nghiệp sinh học cho 12 xã, phường.',
  'Đã đề xuất ưu đãi về thuế, phí cho 04 dự án đầu tư dây chuyền sản xuất chế phẩm sinh học.',
  'Đã kiểm tra việc sử dụng kinh phí hỗ trợ xử lý chất thải chăn nuôi tại 05 huyện cũ.',
  'Đã cân đối nguồn vốn đầu tư công cho 02 công trình xử lý nước thải sinh hoạt bằng công nghệ sinh học.',
  'Đã tổng hợp nhu cầu kinh phí đào tạo nhân lực công nghệ sinh học giai đoạn 2026–2030.',
];

export type Call = (
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<Record<string, unknown> & { id: string }>;

/** Signs a demo account in through the API; returns a caller that sends its cookie and CSRF token. */
export async function signIn(app: FastifyInstance, email: string): Promise<Call> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password: DEMO_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`demo sign-in failed for ${email}: ${res.body}`);
  const cookie = `bioplan_session=${res.cookies.find((c) => c.name === 'bioplan_session')!.value}`;
  const csrf = res.json().csrfToken as string;
  return async (method, url, body, headers = {}) => {
    const r = await app.inject({
      method,
      url,
      payload: body as never,
      headers: { cookie, 'x-csrf-token': csrf, ...headers },
    });
    if (r.statusCode >= 300) throw new Error(`demo ${method} ${url} failed: ${r.statusCode} ${r.body}`);
    return r.body ? r.json() : ({} as never);
  };
}
