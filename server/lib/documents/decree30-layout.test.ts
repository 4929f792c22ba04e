// The Decree-30 layout as printed: documents of growing length are converted to PDF by LibreOffice
// in one run, so that for some of them the signature block or a heading falls at a page's foot;
// in every one, "Nơi nhận", the signer's name and the body's last line share a page, and no page
// ends with a heading.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderOfficialDocument, SIGNATURE_SPACE, type OfficialDocument } from './decree30.js';
import type { BodyBlock } from './decree30-body.js';
import { readZipEntry } from './zip.js';

function hasBinary(name: string): boolean {
  try {
    execFileSync('which', [name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const SENTENCE =
  'Các đơn vị đã triển khai ứng dụng chế phẩm sinh học trong xử lý chất thải chăn nuôi, chất thải y tế và nước thải sinh hoạt tại các khu dân cư tập trung trên địa bàn tỉnh.';

function documentOf(sections: number, isDraft: boolean): OfficialDocument {
  const body: BodyBlock[] = [];
  for (let i = 1; i <= sections; i += 1) {
    body.push({ kind: 'heading', level: 2, text: `Tiểu mục ${i}` });
    body.push({ kind: 'paragraph', text: `${SENTENCE} Đoạn số ${i}.` });
  }
  body.push({ kind: 'paragraph', text: 'Trên đây là báo cáo kết quả thực hiện năm 2026.' });
  return {
    parentAgency: 'UBND TỈNH VĨNH LONG',
    agency: 'SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG',
    typeSymbol: 'BC',
    agencyAbbreviation: 'SNNMT',
    number: 12,
    place: 'Vĩnh Long',
    date: '2026-12-05',
    typeName: 'BÁO CÁO',
    summary: 'Kết quả thực hiện Kế hoạch năm 2026',
    recipients: ['Ủy ban nhân dân tỉnh Vĩnh Long.'],
    body,
    copyTo: ['Như trên;', 'Bộ Nông nghiệp và Môi trường (để b/c);', 'Chủ tịch, các PCT UBND tỉnh;', 'Lưu: VT, CCBVMT.'],
    signerAuthority: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'],
    signerName: 'Lê Văn Ký',
    isDraft,
    annex: { title: 'Phụ lục', landscape: true, blocks: [{ kind: 'paragraph', text: 'Trang đầu của phụ lục.' }] },
  };
}

describe('the Decree-30 layout', () => {
  it('leaves at least four empty lines for the signature and the seal, then the signer’s name', async () => {
    const xml = readZipEntry(await renderOfficialDocument(documentOf(1, false)), 'word/document.xml').toString('utf8');
    const footer = xml.slice(xml.indexOf('PHÓ GIÁM ĐỐC'));
    const between = footer.slice(0, footer.indexOf('Lê Văn Ký'));
    const empty = between.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:t xml:space="preserve"><\/w:t>/g) ?? [];
    expect(SIGNATURE_SPACE).toBeGreaterThanOrEqual(4);
    expect(empty.length).toBeGreaterThanOrEqual(4);
    // The annex is numbered on its own.
    const sections = xml.match(/<w:sectPr[\s\S]*?<\/w:sectPr>/g)!;
    expect(sections[1]).toMatch(/<w:pgNumType w:start="1"\/>/);
  });

  it.skipIf(!hasBinary('libreoffice') || !hasBinary('pdftotext'))(
    'keeps "Nơi nhận", the signer and the last line together, and no heading at a page foot',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'bioplan-layout-'));
      // 9 to 20 sections: the end of the body walks down page 2 and over to page 3.
      const sizes = Array.from({ length: 12 }, (_, i) => 9 + i);
      const files: string[] = [];
      for (const n of sizes) {
        const file = path.join(dir, `doc-${n}.docx`);
        writeFileSync(file, await renderOfficialDocument(documentOf(n, n % 2 === 0)));
        files.push(file);
      }
      execFileSync(
        'libreoffice',
        ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, ...files],
        { stdio: 'ignore', timeout: 300_000 },
      );
      const bodyPages = new Set<number>();
      for (const n of sizes) {
        const pdf = path.join(dir, `doc-${n}.pdf`);
        const pages = execFileSync('pdftotext', ['-layout', pdf, '-']).toString().split('\f');
        const signed = pages.findIndex((p) => p.includes('Nơi nhận:'));
        expect(signed, `document ${n}`).toBeGreaterThan(0);
        expect(pages[signed], `document ${n}`).toContain('Lê Văn Ký');
        expect(pages[signed], `document ${n}`).toContain('./.');
        bodyPages.add(signed);
        for (const [i, page] of pages.slice(0, signed).entries()) {
          const lines = page.split('\n').filter((l) => l.trim());
          expect(lines.at(-1), `document ${n}, page ${i + 1}`).not.toMatch(/^\s*Tiểu mục \d+\s*$/);
        }
        // "DỰ THẢO" on every page of a draft, on none of an approved one.
        for (const page of pages.filter((p) => p.trim()))
          expect(page.includes('DỰ THẢO'), `document ${n}`).toBe(n % 2 === 0);
        // The annex's first page is numbered 1.
        const annex = pages.find((p) => p.includes('PHỤ LỤC'))!;
        expect(
          annex
            .split('\n')
            .map((l) => l.trim())
            .filter((l) => l && l !== 'DỰ THẢO')[0],
        ).toBe('1');
      }
      // The sizes did move the signature over a page break.
      expect(bodyPages.size).toBeGreaterThan(1);
      if (process.env.BIOPLAN_KEEP_DOCS) {
        for (const n of sizes) {
          for (const ext of ['docx', 'pdf']) {
            execFileSync('cp', [path.join(dir, `doc-${n}.${ext}`), process.env.BIOPLAN_KEEP_DOCS]);
          }
        }
      }
    },
    300_000,
  );
});
