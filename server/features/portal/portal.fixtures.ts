import type { TestApp, TestClient } from '../../test/harness.js';

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
