// Names of audit-log actions and objects in Vietnamese and English, for the audit screen and its export.
// An action or object not listed here is shown by its code.

type Label = { vi: string; en: string };

export const AUDIT_ACTION_LABELS: Record<string, Label> = {
  'auth.login': { vi: 'Đăng nhập', en: 'Signed in' },
  'auth.logout': { vi: 'Đăng xuất', en: 'Signed out' },
  'user.create': { vi: 'Tạo tài khoản', en: 'Account created' },
  'user.update': { vi: 'Sửa tài khoản', en: 'Account changed' },
  'user.update.password': { vi: 'Đặt lại mật khẩu', en: 'Password reset' },
  'user.bootstrap_admin': { vi: 'Tạo tài khoản quản trị ban đầu', en: 'First administrator created' },
  'user.demo_create': { vi: 'Tạo tài khoản minh họa', en: 'Demo account created' },
  'plan.version.create': { vi: 'Tạo phiên bản kế hoạch', en: 'Plan version created' },
  'plan.target.add': { vi: 'Thêm chỉ tiêu kế hoạch', en: 'Plan target added' },
  'plan.target.update': { vi: 'Sửa chỉ tiêu kế hoạch', en: 'Plan target changed' },
  'plan.target.remove': { vi: 'Bỏ chỉ tiêu kế hoạch', en: 'Plan target removed' },
  'amendment.create': { vi: 'Tạo đề xuất điều chỉnh', en: 'Amendment drafted' },
  'amendment.update': { vi: 'Sửa đề xuất điều chỉnh', en: 'Amendment edited' },
  'amendment.submit': { vi: 'Trình đề xuất điều chỉnh', en: 'Amendment submitted' },
  'amendment.approve': { vi: 'Phê duyệt điều chỉnh', en: 'Amendment approved' },
  'amendment.reject': { vi: 'Từ chối điều chỉnh', en: 'Amendment rejected' },
  'guidance.create': { vi: 'Thêm văn bản hướng dẫn', en: 'Guidance added' },
  'activity.create': { vi: 'Thêm hoạt động', en: 'Activity added' },
  'activity.update': { vi: 'Sửa hoạt động', en: 'Activity changed' },
  'activity.note': { vi: 'Cập nhật tiến độ hoạt động', en: 'Activity progress noted' },
  'activity.overdue': { vi: 'Báo hoạt động quá hạn', en: 'Activity reported overdue' },
  'detailed_plan.create': { vi: 'Lưu kế hoạch chi tiết', en: 'Detailed plan saved' },
  'detailed_plan.update': { vi: 'Sửa kế hoạch chi tiết', en: 'Detailed plan changed' },
  'detailed_plan.file': { vi: 'Tải lên kế hoạch chi tiết đã ký', en: 'Signed detailed plan uploaded' },
  'guidance.update': { vi: 'Sửa văn bản hướng dẫn', en: 'Guidance edited' },
  'feedback.create': { vi: 'Gửi ý kiến phản ánh', en: 'Feedback sent' },
  'feedback.triage': { vi: 'Xử lý ý kiến phản ánh', en: 'Feedback triaged' },
  'feedback.report_update': { vi: 'Cập nhật ý kiến từ báo cáo', en: 'Feedback updated from a report' },
  'feedback.answered_by_amendment': { vi: 'Trả lời bằng điều chỉnh kế hoạch', en: 'Answered by an amendment' },
  'cycle.create': { vi: 'Tạo kỳ báo cáo', en: 'Reporting cycle created' },
  'cycle.update': { vi: 'Sửa kỳ báo cáo', en: 'Reporting cycle edited' },
  'cycle.open': { vi: 'Mở kỳ báo cáo', en: 'Reporting cycle opened' },
  'cycle.close': { vi: 'Đóng kỳ báo cáo', en: 'Reporting cycle closed' },
  'cycle.reopen': { vi: 'Mở lại kỳ báo cáo', en: 'Reporting cycle reopened' },
  'cycle.unit.add': { vi: 'Thêm đơn vị phải báo cáo', en: 'Reporting unit added' },
  'cycle.unit.remove': { vi: 'Bớt đơn vị phải báo cáo', en: 'Reporting unit removed' },
  'cycle.extension': { vi: 'Gia hạn nộp báo cáo', en: 'Deadline extended' },
  'cycle.remind': { vi: 'Nhắc nộp báo cáo', en: 'Reminder sent' },
  'cycle.remind.auto': { vi: 'Nhắc nộp báo cáo tự động', en: 'Automatic reminder' },
  'report.create': { vi: 'Tạo báo cáo', en: 'Report created' },
  'report.save': { vi: 'Lưu báo cáo', en: 'Report saved' },
  'report.submit': { vi: 'Nộp báo cáo', en: 'Report submitted' },
  'report.return': { vi: 'Trả lại báo cáo', en: 'Report returned' },
  'report.accept': { vi: 'Tiếp nhận báo cáo', en: 'Report accepted' },
  'report.import': { vi: 'Nhập báo cáo từ Excel', en: 'Report imported from Excel' },
  'report.document': { vi: 'Xuất báo cáo Word', en: 'Report Word file made' },
  'report.attachment.add': { vi: 'Đính kèm tệp', en: 'File attached' },
  'report.attachment.delete': { vi: 'Xóa tệp đính kèm', en: 'Attachment deleted' },
  'consolidation.generate': { vi: 'Yêu cầu tổng hợp báo cáo', en: 'Consolidation requested' },
  'consolidation.generated': { vi: 'Tổng hợp báo cáo', en: 'Consolidated report compiled' },
  'consolidation.edit': { vi: 'Sửa dự thảo tổng hợp', en: 'Consolidated draft edited' },
  'consolidation.render': { vi: 'Yêu cầu xuất tệp Word tổng hợp', en: 'Word file requested' },
  'consolidation.document': { vi: 'Xuất tệp Word tổng hợp', en: 'Word file made' },
  'portal.publish': { vi: 'Công bố tiến độ lên cổng thông tin', en: 'Progress published on the portal' },
  'portal.unpublish': { vi: 'Gỡ tiến độ khỏi cổng thông tin', en: 'Progress withdrawn from the portal' },
  'settings.agency.update': { vi: 'Sửa cài đặt cơ quan', en: 'Agency settings changed' },
  'settings.unit_signer.update': { vi: 'Đặt người ký báo cáo đơn vị', en: "Unit report's signer set" },
};

export const AUDIT_OBJECT_LABELS: Record<string, Label> = {
  user: { vi: 'Tài khoản', en: 'Account' },
  session: { vi: 'Phiên đăng nhập', en: 'Session' },
  plan: { vi: 'Kế hoạch', en: 'Plan' },
  amendment_proposal: { vi: 'Đề xuất điều chỉnh', en: 'Amendment proposal' },
  guidance_document: { vi: 'Văn bản hướng dẫn', en: 'Guidance document' },
  feedback: { vi: 'Ý kiến phản ánh', en: 'Feedback' },
  report_cycle: { vi: 'Kỳ báo cáo', en: 'Reporting cycle' },
  report: { vi: 'Báo cáo', en: 'Report' },
  published_progress: { vi: 'Tiến độ công bố', en: 'Published progress' },
  consolidation_draft: { vi: 'Dự thảo tổng hợp', en: 'Consolidated draft' },
  generated_document: { vi: 'Tệp Word', en: 'Word file' },
  org_unit: { vi: 'Đơn vị', en: 'Unit' },
  activity: { vi: 'Hoạt động', en: 'Activity' },
  detailed_plan: { vi: 'Kế hoạch chi tiết', en: 'Detailed plan' },
  setting: { vi: 'Thiết lập', en: 'Setting' },
};

/** The action's name in the language, or its code. */
export function auditActionLabel(action: string, lang: 'vi' | 'en'): string {
  return AUDIT_ACTION_LABELS[action]?.[lang] ?? action;
}

/** The object type's name in the language, or its code. */
export function auditObjectLabel(entityType: string, lang: 'vi' | 'en'): string {
  return AUDIT_OBJECT_LABELS[entityType]?.[lang] ?? entityType;
}
