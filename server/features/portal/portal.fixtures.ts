import { eq, sql } from 'drizzle-orm';
import type { PublicationStateDto } from '../../../shared/contracts/publishing.js';
import { settings } from '../../db/schema/index.js';
import { buildCycle } from '../../test/cycles.js';
import type { TestApp, TestClient } from '../../test/harness.js';
import { waitForJob } from '../consolidation/consolidation.fixtures.js';
import { submitReport } from '../reporting/reporting.fixtures.js';

/** Senders whose details must never reach the portal: published and unpublished alike. */
export const SENDERS = [
  { name: 'Trần Thị Bích Ngọc', organisation: 'Hợp tác xã Thạnh Phú Xanh', contact: 'bichngoc.tran@example.vn' },
  { name: 'Lê Văn Phúc Hậu', organisation: 'Trang trại Hậu Lộc', contact: '0912345678' },
  { name: 'Phạm Minh Khôi', organisation: 'Cơ sở chế biến dừa Khôi Nguyên', contact: 'khoi.pham@example.vn' },
  { name: 'Võ Thị Kiều Oanh', organisation: 'Tổ hợp tác Mỏ Cày', contact: '0987654321' },
];

export const HOSTILE = `<script>alert("x")</script> & 'quote' <b>đậm</b>`;

let address = 0;

/** Sends public feedback as a sender; answers it; publishes the first and third (and the hostile one). */
export async function seedPortalFeedback(t: TestApp, focal: TestClient) {
  const published: string[] = [];
  for (const [i, s] of SENDERS.entries()) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      remoteAddress: `10.9.0.${++address}`,
      payload: {
        name: s.name,
        organisation: s.organisation,
        contact: s.contact,
        subject: i === 2 ? HOSTILE : `Câu hỏi số ${i + 1} về chế phẩm xử lý chất thải chăn nuôi`,
        text: `Xin hỏi về hỗ trợ ủ phân hữu cơ, câu ${i + 1}.`,
      },
    });
    if (res.statusCode !== 201) throw new Error(`feedback ${res.statusCode} ${res.body}`);
    const id = res.json().id as string;
    const publish = i % 2 === 0;
    const answered = await focal.patch(`/api/v1/feedback/${id}`, {
      status: 'answered',
      answer: `Sở Nông nghiệp và Môi trường trả lời câu ${i + 1}: sẽ hướng dẫn trong năm 2027.`,
      published: publish,
    });
    if (answered.statusCode !== 200) throw new Error(`triage ${answered.statusCode} ${answered.body}`);
    if (publish) published.push(id);
  }
  return published;
}

/**
 * A year's cycle with one unit's report accepted, its consolidated report generated and approved
 * (the signer set first): what the focal officer publishes from. Answers the cycle and the draft version.
 */
export async function approvedCycle(
  t: TestApp,
  focal: TestClient,
  unit: TestClient,
  o: { year: number; results: (key: string) => string; xlMedical?: number },
): Promise<{ cycleId: string; version: number }> {
  await t.database.db
    .update(settings)
    .set({ value: sql`jsonb_set(${settings.value}, '{consolidatedReport,signerName}', '"Lê Văn Ký"')` })
    .where(eq(settings.key, 'agency'));
  const { id: cycleId } = await buildCycle(t, focal, { year: o.year });
  const report = await submitReport(unit, cycleId, { results: o.results, xlMedical: o.xlMedical });
  const accepted = await focal.post(`/api/v1/reports/${report.id}/accept`);
  if (accepted.statusCode !== 200) throw new Error(`accept ${accepted.statusCode} ${accepted.body}`);
  const started = await focal.post(`/api/v1/cycles/${cycleId}/consolidation`, {});
  if (started.statusCode !== 202) throw new Error(`generate ${started.statusCode} ${started.body}`);
  const draft = await waitForJob(focal, cycleId, started.json().job.id);
  const approved = await focal.post(`/api/v1/cycles/${cycleId}/consolidation/approve`, { version: draft.version });
  if (approved.statusCode !== 200) throw new Error(`approve ${approved.statusCode} ${approved.body}`);
  return { cycleId, version: approved.json().version as number };
}

/** Publishes the approved report's text as prefilled (optionally replacing some items' text). */
export async function publishYear(
  focal: TestClient,
  cycleId: string,
  edits: Record<string, string> = {},
): Promise<PublicationStateDto> {
  const state = (await focal.get(`/api/v1/cycles/${cycleId}/publication`)).json<PublicationStateDto>();
  if (!state.approved || !state.prefill) throw new Error('not approved');
  const res = await focal.put(`/api/v1/cycles/${cycleId}/publication`, {
    consolidationVersion: state.approved.version,
    version: state.publication?.version ?? 0,
    items: state.prefill.items.map((i) => ({ itemKey: i.itemKey, text: edits[i.itemKey] ?? i.text })),
  });
  if (res.statusCode !== 200) throw new Error(`publish ${res.statusCode} ${res.body}`);
  return res.json();
}
