// Backup and restore round trip: every table's row count and every stored file's SHA-256 come
// back, and the restored installation works (sign in, download, write).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { writeBackup, type BackupFigures } from './backup/backup.js';
import { takeInventory, type Inventory } from './backup/inventory.js';
import { restoreBackup } from './backup/restore.js';
import { createDb, type Database } from './client.js';
import { buildCycle } from '../test/cycles.js';
import { buildTestApp, createTestDatabase, TEST_PASSWORD, type TestApp } from '../test/harness.js';
import { multipartForm, pdfBytes } from '../test/multipart.js';

const png = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

let t: TestApp;
let work: string;
let backupFile: string;
let figures: BackupFigures;
let source: Inventory;
let reportId: string;
let attachmentId: string;
let unitEmail: string;
const targets: Database[] = [];

/** An empty target as an operator would give it: a new data directory (PGlite) or a new database. */
async function emptyTarget(name: string): Promise<{ database: Database; filesDir: string }> {
  const dir = path.join(work, name);
  const database = t.database.kind === 'pglite' ? await createDb({ dataDir: dir }) : await createTestDatabase();
  targets.push(database);
  return { database, filesDir: path.join(dir, 'files') };
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'bioplan-backup-'));
  backupFile = path.join(work, 'sao-luu.bioplan.gz');
  t = await buildTestApp();
  const focal = await t.loginAs('focal');
  unitEmail = 'yte.saoluu@vinhlong.gov.vn';
  const unit = await t.loginAs('unit', { unitCode: 'VL-SYT', email: unitEmail });
  const cycle = await buildCycle(t, focal, { year: 2029 });
  reportId = (await unit.get(`/api/v1/cycles/${cycle.id}/my-report`)).json().id;
  for (const [name, body] of [
    ['minh-chứng "1".pdf', pdfBytes()],
    ['ảnh.png', png],
  ] as const) {
    const form = multipartForm({}, [{ name, body }]);
    const up = await unit.inject({
      method: 'POST',
      url: `/api/v1/reports/${reportId}/attachments`,
      payload: form.payload,
      headers: form.headers,
    });
    expect(up.statusCode).toBe(201);
    attachmentId ??= up.json().id;
  }
  expect((await unit.get(`/api/v1/reports/${reportId}/document.docx`)).statusCode).toBe(200);
  source = await takeInventory(t.database, t.config.filesDir);
  figures = await writeBackup(t.database, t.config.filesDir, backupFile);
});

afterAll(async () => {
  for (const database of targets) await database.close().catch(() => {});
  await t?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('writes one file with every table and every stored file', () => {
    expect(figures.tables).toBe(Object.keys(source.rows).length);
    expect(figures.rows).toBe(Object.values(source.rows).reduce((a, b) => a + b, 0));
    expect(figures.files).toBe(Object.keys(source.files).length);
    expect(figures.files).toBeGreaterThanOrEqual(3);
    expect(source.rows.audit_log).toBeGreaterThan(0);
    console.log(`backup round trip (${t.database.kind}):`, JSON.stringify(figures));
  });

  it('restores into an empty target: same row counts, same SHA-256 for every file, and it works', async () => {
    const target = await emptyTarget('restored');
    const started = performance.now();
    const restored = await restoreBackup(target.database, target.filesDir, backupFile);
    console.log(`restore (${t.database.kind}): ${((performance.now() - started) / 1000).toFixed(2)} s`);
    expect(restored.rows).toBe(figures.rows);
    const after = await takeInventory(target.database, target.filesDir);
    expect(after.rows).toEqual(source.rows);
    expect(after.files).toEqual(source.files);

    // The restored installation runs: the same account signs in (a new audit line: sequences moved
    // past the restored ids) and downloads the same attachment.
    const app = await buildApp({ database: target.database, config: { ...t.config, filesDir: target.filesDir } });
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: unitEmail, password: TEST_PASSWORD },
      });
      expect(login.statusCode).toBe(200);
      const cookie = `bioplan_session=${login.cookies.find((c) => c.name === 'bioplan_session')!.value}`;
      const down = await app.inject({
        method: 'GET',
        url: `/api/v1/reports/${reportId}/attachments/${attachmentId}`,
        headers: { cookie },
      });
      expect(down.statusCode).toBe(200);
      expect(down.rawPayload.equals(pdfBytes())).toBe(true);
    } finally {
      await app.close();
    }
  }, 240_000);

  it('refuses a target that already holds data', async () => {
    await expect(restoreBackup(t.database, t.config.filesDir, backupFile)).rejects.toThrow(/trống|empty/);
  });

  it('refuses a truncated file and leaves the target empty', async () => {
    const lines = gunzipSync(readFileSync(backupFile)).toString('utf8').trimEnd().split('\n');
    const cut = path.join(work, 'cut.bioplan.gz');
    writeFileSync(cut, gzipSync(lines.slice(0, -1).join('\n') + '\n'));
    const target = await emptyTarget('cut');
    await expect(restoreBackup(target.database, target.filesDir, cut)).rejects.toThrow(/cắt cụt|truncated/);
    const after = await takeInventory(target.database, target.filesDir);
    expect(Object.values(after.rows).every((n) => n === 0)).toBe(true);
    expect(after.files).toEqual({});
  }, 240_000);

  it('refuses a file whose stored file does not match its SHA-256', async () => {
    const lines = gunzipSync(readFileSync(backupFile)).toString('utf8').trimEnd().split('\n');
    const at = lines.findIndex((l) => l.startsWith('{"file":'));
    lines[at + 1] = Buffer.from('not the same bytes').toString('base64');
    const bad = path.join(work, 'bad.bioplan.gz');
    writeFileSync(bad, gzipSync(lines.join('\n') + '\n'));
    const target = await emptyTarget('bad');
    await expect(restoreBackup(target.database, target.filesDir, bad)).rejects.toThrow(/SHA-256/);
  }, 240_000);
});
