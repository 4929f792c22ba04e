// The settings page: the agency's settings (administrator, focal department) and a unit's report
// signer (its officers), each change audited, stale saves refused. (The unit's file carrying the
// signer set on this page: consolidation/signing.test.ts.)
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgencySettingsDto } from '../../../shared/contracts/settings.js';
import { auditLog } from '../../db/schema/index.js';
import { buildTestApp, type TestApp, type TestClient } from '../../test/harness.js';

let t: TestApp;
let focal: TestClient;
let admin: TestClient;
let leader: TestClient;
let yte: TestClient;

beforeAll(async () => {
  t = await buildTestApp();
  focal = await t.loginAs('focal', { unitCode: 'VL-SNNMT' });
  admin = await t.loginAs('admin');
  leader = await t.loginAs('leader');
  yte = await t.loginAs('unit', { unitCode: 'VL-SYT' });
});
afterAll(async () => t?.close());

async function lastAudit(action: string) {
  const [row] = await t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action)))
    .orderBy(desc(auditLog.at))
    .limit(1);
  return row;
}

describe("the agency's settings", () => {
  it('are read and saved by the focal department, the change audited field by field', async () => {
    const read = (await focal.get('/api/v1/settings/agency')).json<AgencySettingsDto>();
    expect(read.settings.focalDepartment.name).toBe('Sở Nông nghiệp và Môi trường');
    const next = {
      ...read.settings,
      consolidatedReport: { ...read.settings.consolidatedReport, signerName: 'Trần Văn Ký' },
    };
    const res = await focal.put('/api/v1/settings/agency', { settings: next, updatedAt: read.updatedAt });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<AgencySettingsDto>().settings.consolidatedReport.signerName).toBe('Trần Văn Ký');
    const audit = await lastAudit('settings.agency.update');
    expect(audit.data).toEqual({
      key: 'agency',
      changes: { 'consolidatedReport.signerName': { from: '', to: 'Trần Văn Ký' } },
    });
    // The administrator reads what the focal officer saved.
    const again = (await admin.get('/api/v1/settings/agency')).json<AgencySettingsDto>();
    expect(again.settings.consolidatedReport.signerName).toBe('Trần Văn Ký');
  });

  it('refuse a save made on values someone changed since (409), and change nothing', async () => {
    const read = (await focal.get('/api/v1/settings/agency')).json<AgencySettingsDto>();
    const first = await admin.put('/api/v1/settings/agency', {
      settings: {
        ...read.settings,
        consolidatedReport: { ...read.settings.consolidatedReport, signerTitle: 'GIÁM ĐỐC' },
      },
      updatedAt: read.updatedAt,
    });
    expect(first.statusCode).toBe(200);
    const stale = await focal.put('/api/v1/settings/agency', {
      settings: { ...read.settings, issuingBody: 'Ủy ban khác' },
      updatedAt: read.updatedAt,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ error: { message: string } }>().error.message).toMatch(/người khác thay đổi/);
    const now = (await focal.get('/api/v1/settings/agency')).json<AgencySettingsDto>();
    expect(now.settings.issuingBody).toBe('Ủy ban nhân dân tỉnh Vĩnh Long');
  });

  it('name the field of a bad value, and change nothing', async () => {
    const read = (await focal.get('/api/v1/settings/agency')).json<AgencySettingsDto>();
    const res = await focal.put('/api/v1/settings/agency', {
      settings: {
        ...read.settings,
        consolidatedReport: { ...read.settings.consolidatedReport, copyTo: ['Như trên;', '  '] },
      },
      updatedAt: read.updatedAt,
    });
    expect(res.statusCode).toBe(400);
    const issues = res.json<{ error: { issues: Array<{ path: string }> } }>().error.issues;
    expect(issues.map((i) => i.path)).toContain('settings.consolidatedReport.copyTo.1');
    const after = (await focal.get('/api/v1/settings/agency')).json<AgencySettingsDto>();
    expect(after.updatedAt).toBe(read.updatedAt);
  });

  it('are closed to unit officers and leaders', async () => {
    expect((await yte.get('/api/v1/settings/agency')).statusCode).toBe(403);
    expect((await leader.get('/api/v1/settings/agency')).statusCode).toBe(403);
  });
});

describe("a unit's report signer", () => {
  it('is for unit officers only', async () => {
    expect((await focal.get('/api/v1/settings/unit-signer')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/settings/unit-signer' })).statusCode).toBe(401);
  });
});

describe('the audit log', () => {
  it('is readable by leaders', async () => {
    expect((await leader.get('/api/v1/audit-log')).statusCode).toBe(200);
  });
});
