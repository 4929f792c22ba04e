import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t?.close());

interface Issue {
  path: string;
  message: string;
}

/** Validator jargon no person should read. */
const JARGON = /\bstring\b|undefined|>=|<=|expected|received|\bnumber\b|Invalid input/i;

function expectPlain(issues: Issue[], field: string, words: RegExp) {
  const issue = issues.find((i) => i.path === field);
  expect(issue, JSON.stringify(issues)).toBeDefined();
  expect(issue!.message).toMatch(words);
  for (const i of issues) expect(i.message, i.message).not.toMatch(JARGON);
}

describe('validation messages', () => {
  it('answers bad account input with Vietnamese sentences on each field, English when asked', async () => {
    const admin = await t.loginAs('admin');
    const res = await admin.post('/api/v1/users', { email: 'not-an-email', role: 'leader', password: 'short' });
    expect(res.statusCode).toBe(400);
    const { message, issues } = res.json().error as { message: string; issues: Issue[] };
    expect(message).not.toMatch(JARGON);
    expectPlain(issues, 'email', /^Email: địa chỉ email không hợp lệ/);
    expectPlain(issues, 'name', /^Họ và tên: chưa được nhập/);
    expectPlain(issues, 'password', /^Mật khẩu cần có ít nhất 10 ký tự/);

    const en = await admin.post(
      '/api/v1/users',
      { email: 'a@b.vn', name: 'A', role: 'king', password: 'short' },
      { 'accept-language': 'en' },
    );
    const enIssues = en.json().error.issues as Issue[];
    expectPlain(enIssues, 'password', /^Password must be at least 10 characters long/);
    expectPlain(enIssues, 'role', /^Role: not one of the allowed choices/);
  });

  it('answers the public feedback form with missing or empty fields in Vietnamese', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      payload: { subject: '   ', organisation: 'HTX', contact: 'a@b.vn' },
      remoteAddress: '203.0.113.77',
    });
    expect(res.statusCode).toBe(400);
    const issues = res.json().error.issues as Issue[];
    expectPlain(issues, 'subject', /^Tiêu đề: chưa được nhập/);
    expectPlain(issues, 'text', /^Nội dung: chưa được nhập/);
  });
});
