/** Texts of the report's prefill from the registries and activities (issue 12). */
export const prefillVi = {
  prefill: {
    fromRecords: 'Từ sổ theo dõi của đơn vị: {{value}}',
    take: 'Lấy số liệu này',
    takeLabel: 'Lấy số liệu {{value}} từ sổ theo dõi vào ô {{code}}',
    taken: 'Đang dùng số liệu từ sổ theo dõi',
    records: 'Xem hồ sơ',
    recordsLabel: 'Xem hồ sơ tính ra chỉ tiêu {{code}}',
    method: 'Cách tính: {{method}}',
    differs: 'Khác số liệu từ sổ theo dõi: đơn vị nhập {{typed}}, sổ theo dõi cho {{value}}',
    reviewTitle: 'Số liệu khác với sổ theo dõi ({{count}})',
    reviewHint:
      'Các chỉ tiêu dưới đây được đơn vị nhập khác với số liệu tính từ hồ sơ của chính đơn vị trong kỳ số liệu ({{from}} – {{to}}).',
    reviewRow: '{{code}}: đơn vị nhập {{typed}}, sổ theo dõi cho {{value}}.',
    narrative: 'Điền từ hoạt động',
    narrativeLabel: 'Điền phần kết quả từ hoạt động và sổ theo dõi — {{section}}',
    narrativeHint: 'Điền từ hoạt động và hồ sơ của đơn vị trong kỳ số liệu; vẫn sửa được sau khi điền.',
    replaceTitle: 'Thay nội dung đã viết?',
    replaceBody:
      'Phần kết quả này đã có nội dung. Điền từ hoạt động sẽ thay nội dung hiện có bằng văn bản dưới đây (vẫn sửa được sau đó).',
    replace: 'Thay nội dung',
    otherResults: 'các kết quả khác',
  },
};

export const prefillEn = {
  prefill: {
    fromRecords: "From the unit's records: {{value}}",
    take: 'Use this value',
    takeLabel: 'Put {{value}} from the records into {{code}}',
    taken: 'Using the value from the records',
    records: 'See the records',
    recordsLabel: 'See the records behind {{code}}',
    method: 'Method: {{method}}',
    differs: 'Differs from the records: the unit typed {{typed}}, the records give {{value}}',
    reviewTitle: 'Values that differ from the records ({{count}})',
    reviewHint:
      'The unit typed these indicators differently from what its own records of the data window ({{from}} – {{to}}) give.',
    reviewRow: '{{code}}: the unit typed {{typed}}, the records give {{value}}.',
    narrative: 'Fill from activities',
    narrativeLabel: 'Fill the results from the activities and records — {{section}}',
    narrativeHint: "Filled from the unit's activities and records of the data window; you may edit it afterwards.",
    replaceTitle: 'Replace what is written?',
    replaceBody:
      'This results field already has text. Filling it from the activities replaces it with the text below (you may edit it afterwards).',
    replace: 'Replace the text',
    otherResults: 'other results',
  },
};
