import { describe, expect, it } from 'vitest';
import { fileSlug, reportFileName } from './file-names.js';

describe('file names', () => {
  it('reads like the report: year and the unit in ASCII', () => {
    expect(reportFileName(2026, 'Xã Giao Long', 'docx')).toBe('bao-cao-nam-2026-xa-giao-long.docx');
    expect(reportFileName(2026, 'Sở Tài chính tỉnh Vĩnh Long', 'xlsx')).toBe(
      'bao-cao-nam-2026-so-tai-chinh-tinh-vinh-long.xlsx',
    );
    expect(reportFileName(2026, 'Phường 1 (TP. Bến Tre) / "mới"', 'docx')).toBe(
      'bao-cao-nam-2026-phuong-1-tp-ben-tre-moi.docx',
    );
    expect(reportFileName(2026, '—', 'docx')).toBe('bao-cao-nam-2026.docx');
  });

  it('stays short and never ends with a dash', () => {
    const slug = fileSlug('Ủy ban nhân dân '.repeat(20));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('-')).toBe(false);
    expect(slug).toMatch(/^[a-z0-9-]+$/);
  });
});
