/** Texts of the leader's decision: each change before and after, and the new version's effective date. */
export const decisionTexts = {
  vi: {
    beforeAfter: 'So sánh nội dung hiện hành và nội dung đề xuất',
    beforeSide: 'Trước — đang áp dụng (phiên bản {{n}})',
    afterSide: 'Sau — theo đề xuất',
    removedItem: 'Bỏ mục này khỏi kế hoạch.',
    effectiveDate: 'Ngày có hiệu lực',
    effectiveDateHint: 'Để trống: có hiệu lực từ ngày văn bản. Ngày sau đó: phiên bản mới áp dụng từ ngày này.',
    scheduled: 'Chưa có hiệu lực',
  },
  en: {
    beforeAfter: 'The text in force beside the proposed text',
    beforeSide: 'Before — in force (version {{n}})',
    afterSide: 'After — as proposed',
    removedItem: 'This item is removed from the plan.',
    effectiveDate: 'Effective date',
    effectiveDateHint: 'Empty: in force from the document date. A later day: the new version applies from that day.',
    scheduled: 'Not yet in force',
  },
};
