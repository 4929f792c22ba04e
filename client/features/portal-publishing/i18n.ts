export const texts = {
  vi: {
    publishing: {
      title: 'Công bố lên cổng thông tin — năm {{year}}',
      back: 'Báo cáo tổng hợp năm {{year}}',
      intro:
        'Nội dung dưới đây lấy từ báo cáo tổng hợp đã duyệt, theo từng mục kế hoạch. Có thể sửa trước khi công bố; mục để trống sẽ không được công bố. Số liệu chỉ tiêu lấy nguyên từ báo cáo đã duyệt.',
      notApproved:
        'Báo cáo tổng hợp của kỳ này chưa được duyệt (hoặc đã sửa sau khi duyệt). Chỉ công bố được khi báo cáo đã duyệt.',
      readOnly: 'Chỉ cơ quan đầu mối công bố được.',
      never: 'Năm này chưa được công bố lên cổng thông tin.',
      published: 'Đang công bố từ {{at}}, người công bố: {{by}}.',
      withdrawn: 'Đã gỡ khỏi cổng thông tin lúc {{at}} ({{by}}).',
      fromOlder:
        'Nội dung đang công bố lấy từ phiên bản {{version}} của báo cáo; báo cáo đã duyệt hiện là phiên bản {{current}}.',
      itemHint: 'Để trống nếu không công bố mục này.',
      refill: 'Điền lại từ báo cáo đã duyệt',
      figures: 'Số liệu sẽ công bố',
      indicator: 'Chỉ tiêu',
      unit: 'Đơn vị tính',
      total: 'Tổng số',
      publish: 'Công bố lên cổng',
      republish: 'Cập nhật nội dung công bố',
      confirmTitle: 'Công bố tiến độ năm {{year}}?',
      confirmBody:
        'Nội dung của {{count}} mục kế hoạch và số liệu chỉ tiêu sẽ hiện trên cổng thông tin công khai, ai cũng xem được, không cần đăng nhập.',
      withdraw: 'Gỡ khỏi cổng',
      withdrawTitle: 'Gỡ tiến độ năm {{year}} khỏi cổng thông tin?',
      withdrawBody: 'Trang tiến độ, biểu đồ và dữ liệu mở sẽ không còn nội dung của năm này. Có thể công bố lại sau.',
      view: 'Xem trên cổng thông tin',
      done: 'Đã công bố.',
      emptyWarning: 'Chưa có mục nào có nội dung.',
    },
  },
  en: {
    publishing: {
      title: 'Publish on the portal — {{year}}',
      back: 'Consolidated report {{year}}',
      intro:
        'The text below comes from the approved consolidated report, by plan item. Edit it before publishing; an empty item is not published. The indicator figures are those of the approved report.',
      notApproved:
        'The consolidated report of this cycle is not approved (or changed after approval). Only an approved report can be published.',
      readOnly: 'Only the focal department publishes.',
      never: 'This year is not published on the portal.',
      published: 'Published since {{at}} by {{by}}.',
      withdrawn: 'Withdrawn from the portal at {{at}} ({{by}}).',
      fromOlder:
        'The published text comes from version {{version}} of the report; the approved report is now version {{current}}.',
      itemHint: 'Leave empty not to publish this item.',
      refill: 'Fill again from the approved report',
      figures: 'Figures to publish',
      indicator: 'Indicator',
      unit: 'Unit',
      total: 'Total',
      publish: 'Publish on the portal',
      republish: 'Update the published text',
      confirmTitle: 'Publish the progress of {{year}}?',
      confirmBody:
        'The text of {{count}} plan items and the indicator figures will appear on the public portal, readable by anyone without an account.',
      withdraw: 'Withdraw from the portal',
      withdrawTitle: 'Withdraw the progress of {{year}} from the portal?',
      withdrawBody:
        'The progress page, charts and open data will no longer show this year. It can be published again later.',
      view: 'View on the portal',
      done: 'Published.',
      emptyWarning: 'No item has any text.',
    },
  },
};
