import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { texts } from './i18n';

// Issue 10, wording: no "Tiếp nhận 0 báo cáo đã chọn"; a resubmission dialog titled like its
// "Nộp lại" button; the import and offline texts present in both languages.
const i18n = i18next.createInstance();

beforeAll(async () => {
  await i18n.init({
    resources: { vi: { translation: texts.vi }, en: { translation: texts.en } },
    lng: 'vi',
    interpolation: { escapeValue: false },
  });
});

describe('reporting wording', () => {
  it('never says "0 selected reports" on the bulk accept button', () => {
    expect(i18n.t('reporting.board.bulkAccept', { count: 0 })).toBe('Tiếp nhận các báo cáo đã chọn');
    expect(i18n.t('reporting.board.bulkAccept', { count: 3 })).toBe('Tiếp nhận 3 báo cáo đã chọn');
    expect(i18n.t('reporting.board.bulkAccept', { count: 0, lng: 'en' })).toBe('Accept the selected reports');
  });

  it('titles the resubmission dialog like its button', () => {
    expect(i18n.t('reporting.report.resubmitTitle', { period: 'năm 2026' })).toMatch(/^Nộp lại báo cáo năm 2026/);
    expect(i18n.t('reporting.report.resubmit')).toMatch(/^Nộp lại/);
  });

  it('has the offline and Excel import texts in both languages', () => {
    expect(i18n.t('reporting.offline.lost')).toBe('Mất kết nối — các thay đổi được giữ trên máy này');
    expect(i18n.t('reporting.files.clearBlanks')).toBe('Xóa các ô để trống');
    expect(i18n.t('reporting.offline.lost', { lng: 'en' })).toContain('Connection lost');
    expect(i18n.t('reporting.report.save.saved')).toBe('Đã lưu');
  });
});
