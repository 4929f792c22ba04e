// Issue 10: documents the director can sign. The signer's name comes from the agency settings;
// anything downloaded before acceptance (a unit's report) or approval (the consolidated report)
// carries "DỰ THẢO"; printed, "Nơi nhận" and the signer's name share a page.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsolidationDto } from '../../../shared/contracts/consolidation.js';
import { auditLog, settings } from '../../db/schema/index.js';
import { buildTestApp, type TestApp, type TestClient } from '../../test/harness.js';
import { buildCycle, submitReport } from '../reporting/reporting.fixtures.js';
import { openDocx, textOf, waitForJob } from './consolidation.fixtures.js';

let t: TestApp;
let focal: TestClient;
let yte: TestClient;
let cycleId: string;
let reportId: string;
/** Files to print at the end, in one LibreOffice run. */
const printed: Record<string, Buffer> = {};

function hasBinary(name: string): boolean {
  try {
    execFileSync('which', [name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function docx(c: TestClient, url: string) {
  const res = await c.get(url);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  const parts = await openDocx(res.rawPayload);
  const headers = Object.values(parts.headers).map(textOf).join('\n');
  return { body: res.rawPayload, text: textOf(parts.document), headers };
}

beforeAll(async () => {
  t = await buildTestApp();
  // The agency names who signs: the consolidated report's signer, and the Department of Health's.
  await t.database.db
    .update(settings)
    .set({
      value: sql`jsonb_set(jsonb_set(${settings.value}, '{consolidatedReport,signerName}', '"Lê Văn Ký"'), '{unitReport,signers}', '{"VL-SYT": {"name": "Nguyễn Thị Hạnh"}}')`,
    })
    .where(eq(settings.key, 'agency'));
  focal = await t.loginAs('focal', { unitCode: 'VL-SNNMT' });
  yte = await t.loginAs('unit', { unitCode: 'VL-SYT' });
  cycleId = (await buildCycle(t, focal)).id;
  reportId = (
    await submitReport(yte, cycleId, {
      results: () => 'Sở Y tế đã hướng dẫn 12 bệnh viện áp dụng chế phẩm sinh học xử lý nước thải.',
      difficulties: 'Kinh phí còn hạn chế.',
    })
  ).id;
});

afterAll(async () => {
  await t?.close();
});

describe("a unit's own report", () => {
  it("prints the signer the unit's officer sets on the settings page, on a draft file made before", async () => {
    const yteOther = await t.loginAs('unit', { unitCode: 'VL-SCT' });
    const cycle = await buildCycle(t, focal, { year: 2027 });
    const report = (await yteOther.get(`/api/v1/cycles/${cycle.id}/my-report`)).json<{ id: string }>();
    const url = `/api/v1/reports/${report.id}/document.docx`;
    expect((await docx(yteOther, url)).text).not.toContain('Phạm Thị Ký');
    const res = await yteOther.put('/api/v1/settings/unit-signer', {
      name: 'Phạm Thị Ký',
      authority: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ unitCode: 'VL-SCT', name: 'Phạm Thị Ký' });
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'settings.unit_signer.update'));
    expect(audit.data).toMatchObject({ unitCode: 'VL-SCT', changes: { signer: { from: null } } });
    const after = await docx(yteOther, url);
    expect(after.text).toContain('Phạm Thị Ký');
    // Another unit's signer set in the agency settings is kept beside it.
    expect((await docx(yte, `/api/v1/reports/${reportId}/document.docx`)).text).toContain('Nguyễn Thị Hạnh');
  });
  it('is a draft until accepted, signed by the name the agency set, its items cited by labels in full', async () => {
    const before = await docx(yte, `/api/v1/reports/${reportId}/document.docx`);
    expect(before.headers).toContain('DỰ THẢO');
    expect(before.text).toContain('Nguyễn Thị Hạnh');
    expect(before.text).not.toMatch(/\b(?:II-NV|II-MT)\b/);
    expect(before.text).not.toContain('…');
    expect(before.text).toMatch(/Theo mục IV\.1 phần Tổ chức thực hiện: "[^"]+"; đơn vị (?:chủ trì|phối hợp)\./);
    expect((await focal.post(`/api/v1/reports/${reportId}/accept`)).statusCode).toBe(200);
    const after = await docx(yte, `/api/v1/reports/${reportId}/document.docx`);
    expect(after.headers).not.toContain('DỰ THẢO');
    expect(after.text).toContain('Nguyễn Thị Hạnh');
    printed['bao-cao-don-vi'] = after.body;
  });
});

describe('the consolidated report', () => {
  let draft: ConsolidationDto;

  beforeAll(async () => {
    const res = await focal.post(`/api/v1/cycles/${cycleId}/consolidation`, {});
    expect(res.statusCode).toBe(202);
    draft = await waitForJob(focal, cycleId, res.json().job.id);
  });

  it("takes the signer's name from the agency settings and is a draft until approved", async () => {
    expect(draft.settings.signerName).toBe('Lê Văn Ký');
    expect(draft.approval).toBeNull();
    expect(draft.abilities.canApprove).toBe(true);
    const file = await docx(focal, `/api/v1/cycles/${cycleId}/consolidation.docx`);
    expect(file.headers).toContain('DỰ THẢO');
    expect(file.text).toContain('Lê Văn Ký');
    printed['du-thao-tong-hop'] = file.body;
  });

  it('is not approved without a signer, nor from a stale version, nor by a leader', async () => {
    const leader = await t.loginAs('leader', { unitCode: 'VL-UBND' });
    expect(
      (await leader.post(`/api/v1/cycles/${cycleId}/consolidation/approve`, { version: draft.version })).statusCode,
    ).toBe(403);
    const blank = await focal.patch(`/api/v1/cycles/${cycleId}/consolidation`, {
      version: draft.version,
      settings: { signerName: '' },
    });
    expect(blank.statusCode).toBe(200);
    const refused = await focal.post(`/api/v1/cycles/${cycleId}/consolidation/approve`, {
      version: blank.json().version,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.issues[0].path).toBe('settings.signerName');
    const named = await focal.patch(`/api/v1/cycles/${cycleId}/consolidation`, {
      version: blank.json().version,
      settings: { signerName: 'Lê Văn Ký' },
    });
    const stale = await focal.post(`/api/v1/cycles/${cycleId}/consolidation/approve`, { version: draft.version });
    expect(stale.statusCode).toBe(409);
    draft = named.json();
  });

  it('once approved carries no "DỰ THẢO"; a later edit makes it a draft again', async () => {
    const res = await focal.post(`/api/v1/cycles/${cycleId}/consolidation/approve`, { version: draft.version });
    expect(res.statusCode, res.body).toBe(200);
    const approved = res.json<ConsolidationDto>();
    expect(approved.approval).toMatchObject({ isCurrent: true });
    expect(approved.abilities.canApprove).toBe(false);
    const file = await docx(focal, `/api/v1/cycles/${cycleId}/consolidation.docx`);
    expect(file.headers).not.toContain('DỰ THẢO');
    printed['tong-hop-da-duyet'] = file.body;
    const edited = await focal.patch(`/api/v1/cycles/${cycleId}/consolidation`, {
      version: approved.version,
      settings: { documentNumber: 15 },
    });
    expect(edited.json<ConsolidationDto>().approval).toMatchObject({ isCurrent: false });
    expect((await docx(focal, `/api/v1/cycles/${cycleId}/consolidation.docx`)).headers).toContain('DỰ THẢO');
  });

  it.skipIf(!hasBinary('libreoffice') || !hasBinary('pdftotext'))(
    'prints "Nơi nhận" and the signer’s name on one page; "DỰ THẢO" only on the draft',
    () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'bioplan-signing-'));
      const files = Object.entries(printed).map(([name, body]) => {
        const file = path.join(dir, `${name}.docx`);
        writeFileSync(file, body);
        return file;
      });
      expect(files.length).toBe(3);
      execFileSync(
        'libreoffice',
        ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, ...files],
        { stdio: 'ignore', timeout: 300_000 },
      );
      const pages = (name: string) =>
        execFileSync('pdftotext', ['-layout', path.join(dir, `${name}.pdf`), '-'])
          .toString()
          .split('\f');
      for (const [name, signer] of [
        ['bao-cao-don-vi', 'Nguyễn Thị Hạnh'],
        ['du-thao-tong-hop', 'Lê Văn Ký'],
        ['tong-hop-da-duyet', 'Lê Văn Ký'],
      ]) {
        const all = pages(name);
        const signed = all.find((page) => page.includes('Nơi nhận:'));
        expect(signed, name).toBeDefined();
        expect(signed, name).toContain(signer);
        expect(signed, name).toContain('./.');
        expect(all.join('').includes('DỰ THẢO'), name).toBe(name === 'du-thao-tong-hop');
      }
      if (process.env.BIOPLAN_KEEP_DOCS) {
        for (const name of Object.keys(printed)) {
          for (const ext of ['docx', 'pdf'])
            execFileSync('cp', [path.join(dir, `${name}.${ext}`), process.env.BIOPLAN_KEEP_DOCS]);
        }
      }
    },
    300_000,
  );
});
