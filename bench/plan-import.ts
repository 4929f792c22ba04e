// Times the import of a 30-page plan: its text built here in the shapes of a real plan (header,
// legal bases, eight sections of numbered, lettered and dashed items naming units and deadlines,
// an appendix table of 60 rows, recipients, signature), read as pasted text, as a .docx and as
// a PDF made by LibreOffice when it is installed; then the whole import as the officer does it, through
// the API on the embedded database (upload the .docx: size and zip checks, SHA-256, the file kept,
// text read, parsed, unit names resolved, the draft stored) and the publishing of that draft.
// Prints medians of five runs. Run: npx tsx bench/plan-import.ts
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { docxOf } from '../server/features/plan-import/files.fixtures.js';
import { extractText } from '../server/features/plan-import/index.js';
import { parseWithSeed } from '../server/features/plan-import/plan-import.fixtures.js';
import { buildTestApp } from '../server/test/harness.js';
import { multipartForm } from '../server/test/multipart.js';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];
const UNITS = [
  'Sở NN&MT',
  'Sở Khoa học và Công nghệ',
  'Sở Tài chính',
  'Sở Y tế',
  'Sở Công Thương',
  'UBND các xã, phường',
];
const SENTENCE =
  'tổ chức triển khai các nội dung của Kế hoạch, hướng dẫn, kiểm tra, đôn đốc việc thực hiện và tổng hợp kết quả định kỳ theo quy định';

function planText(): { lines: string[]; rows: string[][] } {
  const lines = [
    'ỦY BAN NHÂN DÂN',
    'TỈNH BẾN TRE',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'Số: 999/KH-UBND',
    'Bến Tre, ngày 2 tháng 6 năm 2025',
    'KẾ HOẠCH',
    'THỰC HIỆN ĐỀ ÁN THỬ NGHIỆM TRÊN ĐỊA BÀN TỈNH BẾN TRE GIAI ĐOẠN 2025 - 2030',
    'Căn cứ Luật Bảo vệ môi trường ngày 17 tháng 11 năm 2020;',
    'Căn cứ Quyết định số 1639/QĐ-TTg ngày 24 tháng 12 năm 2024 của Thủ tướng Chính phủ;',
    'Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:',
  ];
  ROMAN.forEach((r, s) => {
    lines.push(`${r}. ${s === 7 ? 'TỔ CHỨC THỰC HIỆN' : `NHIỆM VỤ NHÓM ${s + 1}`}`);
    for (let i = 1; i <= 10; i += 1) {
      lines.push(`${i}. Nhiệm vụ ${s + 1}.${i} về phát triển công nghiệp sinh học`);
      lines.push(`Nội dung: ${SENTENCE}.`);
      for (const letter of ['a', 'b', 'c']) {
        const lead = UNITS[(i + s) % UNITS.length];
        const partner = UNITS[(i + s + 1) % UNITS.length];
        lines.push(
          `${letter}) ${lead} chủ trì, phối hợp với ${partner} ${SENTENCE}; báo cáo trước ngày 30/11 hằng năm.`,
        );
        lines.push(`- Thường xuyên ${SENTENCE}.`);
        lines.push(`- Báo cáo kết quả về Sở NN&MT trước ngày 20 hằng tháng để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.`);
      }
    }
  });
  lines.push(
    'Nơi nhận:',
    '- Bộ Nông nghiệp và Môi trường;',
    '- Lưu: VT.',
    'TM. ỦY BAN NHÂN DÂN',
    'CHỦ TỊCH',
    'Trần Văn A',
  );
  lines.push('PHỤ LỤC', 'DANH MỤC NHIỆM VỤ');
  const rows = [['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện', 'Sản phẩm']];
  for (let i = 1; i <= 60; i += 1) {
    rows.push([
      String(i),
      `Nhiệm vụ phụ lục ${i}: ${SENTENCE}`,
      UNITS[i % 6],
      UNITS[(i + 2) % 6],
      'Trước ngày 15/12/2026',
      'Báo cáo',
    ]);
  }
  return { lines, rows };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function time(label: string, run: () => unknown): Promise<void> {
  const runs: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < 5; k += 1) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    await run();
    const c1 = process.cpuUsage(c0);
    runs.push(performance.now() - t0);
    cpu.push((c1.user + c1.system) / 1000);
  }
  // On a shared machine the wall time includes waiting for a core; the CPU time of this process does not.
  console.log(
    `${label.padEnd(40)} wall median ${median(runs).toFixed(0).padStart(5)} ms, CPU median ${median(cpu).toFixed(0).padStart(5)} ms` +
      `   (wall runs: ${runs.map((r) => r.toFixed(0)).join(', ')})`,
  );
}

async function main(): Promise<void> {
  const { lines, rows } = planText();
  const text = [...lines, ...rows.map((r) => r.join('\t'))].join('\n');
  const parse = parseWithSeed;
  const result = parse(text, 'text');
  const count = (items: typeof result.items): number => items.reduce((n, i) => n + 1 + count(i.children), 0);
  const docx = await docxOf(lines, rows);
  console.log(
    `Plan: ${text.length.toLocaleString('vi-VN')} characters, ${lines.length + rows.length} paragraphs (about 30 pages), ` +
      `${count(result.items)} items, coverage ${result.coverage.percent} %, ${result.warnings.length} warnings`,
  );
  await time('pasted text: parse', () => parse(text, 'text'));
  await time('.docx: zip check + mammoth + parse', async () => parse((await extractText(docx)).text, 'docx'));
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-import-'));
  try {
    writeFileSync(path.join(dir, 'plan.docx'), docx);
    execFileSync('libreoffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'plan.docx')], {
      stdio: 'ignore',
    });
    const pdf = readFileSync(path.join(dir, 'plan.pdf'));
    const pages = /\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1];
    const fromPdf = parse((await extractText(pdf)).text, 'pdf');
    const appendixRows = (fromPdf.items.at(-1)?.children ?? []).filter((i) => i.duties.length > 0).length;
    console.log(
      `PDF from LibreOffice: ${pages ?? '?'} pages; ${count(fromPdf.items)} items, ${appendixRows} of 60 appendix rows ` +
        `read with their units, coverage ${fromPdf.coverage.percent} %`,
    );
    await time('PDF: pdftotext + parse', async () => parse((await extractText(pdf)).text, 'pdf'));
  } catch {
    console.log('PDF: LibreOffice not available, skipped');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // The whole import through the API, on PGlite, as the review screen's upload does it.
  const t = await buildTestApp();
  try {
    const focal = await t.loginAs('focal');
    const form = multipartForm({}, [{ name: 'ke-hoach-999.docx', body: docx }]);
    let draft: { id: string; version: number; unresolved?: unknown[] } | undefined;
    await time('API: POST /plan-imports (.docx, PGlite)', async () => {
      const res = await focal.inject({
        method: 'POST',
        url: '/api/v1/plan-imports',
        payload: form.payload,
        headers: form.headers,
      });
      if (res.statusCode !== 201 && res.statusCode !== 200) throw new Error(`import: ${res.statusCode} ${res.body}`);
      draft = res.json();
    });
    const t0 = performance.now();
    const pub = await focal.post(`/api/v1/plan-imports/${draft!.id}/publish`, { version: draft!.version });
    console.log(
      `${'API: publish the draft (once)'.padEnd(40)} wall ${(performance.now() - t0).toFixed(0).padStart(5)} ms, status ${pub.statusCode}` +
        (pub.statusCode >= 300 ? ` (${pub.body.slice(0, 200)})` : ''),
    );
  } finally {
    await t.close();
  }
}

await main();
