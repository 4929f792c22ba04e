import { describe, expect, it } from 'vitest';
import { stripBidiControls, hasLoneSurrogate } from '../../shared/text.js';
import { dbErrorAnswer, pgErrorOf } from './db-errors.js';
import { safeFileName } from './storage.js';
import { multipartError } from './uploads.js';
import { findUnstorableText, unstorableTextError } from './validation.js';

describe('findUnstorableText', () => {
  it('finds NUL and lone surrogates anywhere, with the field path', () => {
    expect(findUnstorableText({ q: 'a\u0000b' })).toEqual({ path: 'q', kind: 'nul' });
    expect(findUnstorableText({ sections: [{ results: 'ok' }, { results: 'x\ud800y' }] })).toEqual({
      path: 'sections.1.results',
      kind: 'surrogate',
    });
    expect(findUnstorableText({ a: { 'b\u0000': 1 } })).toEqual({ path: 'a.b\\0', kind: 'nul' });
    expect(findUnstorableText(['\udc00'])).toEqual({ path: '0', kind: 'surrogate' });
    expect(findUnstorableText('\u0000')).toEqual({ path: '', kind: 'nul' });
  });

  it('accepts ordinary text, pairs, numbers and nulls', () => {
    expect(findUnstorableText({ a: 'Sở Tài chính 🌱', b: [1, null, true, { c: 'Hòa' }], d: undefined })).toBeNull();
  });

  it('walks very deep input without overflowing the stack', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 50_000; i += 1) deep = [deep];
    expect(findUnstorableText(deep)?.kind).toBe('nul');
  });

  it('names the field in both languages', () => {
    const e = unstorableTextError({ path: 'title', kind: 'nul' }, 'body');
    expect(e.status).toBe(400);
    expect(e.messages.vi).toContain('title');
    expect(e.messages.en).toContain('title');
    expect(e.localIssues('vi')).toEqual([{ path: 'title', message: expect.stringContaining('NUL') }]);
    expect(unstorableTextError({ path: '', kind: 'surrogate' }, 'querystring').messages.vi).toContain('tham số');
  });
});

describe('text helpers', () => {
  it('detect lone surrogates and strip bidi controls', () => {
    expect(hasLoneSurrogate('a\ud800')).toBe(true);
    expect(hasLoneSurrogate('\udfffa')).toBe(true);
    expect(hasLoneSurrogate('🌱')).toBe(false);
    expect(stripBidiControls('a\u202Eb\u2067c\u200Fd\u061C')).toBe('abcd');
  });
});

describe('safeFileName', () => {
  it('keeps Vietnamese names and drops folders, controls, quotes, bidi controls and lone surrogates', () => {
    expect(safeFileName('Báo cáo năm 2026.pdf')).toBe('Báo cáo năm 2026.pdf');
    expect(safeFileName('..\\..\\etc/passwd')).toBe('passwd');
    expect(safeFileName('hoa-don\u202Efdp.exe')).toBe('hoa-donfdp.exe');
    expect(safeFileName('\u2066a\u2069"b\u0000\u0085c\ud800.pdf')).toBe('abc.pdf');
    expect(safeFileName('\u202E', { fallback: 'tep-dinh-kem' })).toBe('tep-dinh-kem');
    expect(safeFileName(undefined)).toBe('tep');
  });

  it('does not leave half a surrogate pair when it cuts a long name', () => {
    const name = `${'a'.repeat(199)}🌱.pdf`;
    const cut = safeFileName(name);
    expect(cut).toBe('a'.repeat(199));
    expect(hasLoneSurrogate(cut)).toBe(false);
  });
});

describe('database errors caused by the input', () => {
  it('finds the SQLSTATE through Drizzle’s wrapping', () => {
    const driver = Object.assign(new Error('duplicate key'), { code: '23505', constraint: 'app_user_email_unique' });
    const wrapped = Object.assign(new Error('Failed query'), { cause: driver });
    expect(pgErrorOf(wrapped)).toEqual({ code: '23505', constraint: 'app_user_email_unique' });
    expect(pgErrorOf(Object.assign(new Error('fs'), { code: 'ENOENT' }))).toBeNull();
  });

  it('maps unique violations to 409, naming the field when the constraint is known', () => {
    const email = dbErrorAnswer({ cause: { code: '23505', constraint: 'app_user_email_unique' } });
    expect(email?.status).toBe(409);
    expect(email?.code).toBe('CONFLICT');
    expect(email?.localIssues('vi')).toEqual([{ path: 'email', message: 'Email đã được sử dụng' }]);
    const other = dbErrorAnswer({ code: '23505', constraint: 'some_other_uq' });
    expect(other?.status).toBe(409);
    expect(other?.messages.vi).toMatch(/đã tồn tại/);
  });

  it('maps unstorable characters to 400 and leaves real faults alone', () => {
    expect(dbErrorAnswer({ code: '22P05' })?.status).toBe(400);
    expect(dbErrorAnswer({ code: '22021' })?.status).toBe(400);
    expect(dbErrorAnswer({ code: '40P01' })).toBeNull();
    expect(dbErrorAnswer(new Error('boom'))).toBeNull();
  });
});

describe('multipartError', () => {
  it('turns parser errors into 400 MALFORMED_MULTIPART and keeps the plugin’s own', () => {
    const e = multipartError(new Error('Unexpected end of multipart data')) as { status: number; code: string };
    expect(e.status).toBe(400);
    expect(e.code).toBe('MALFORMED_MULTIPART');
    const limit = Object.assign(new Error('reach files limit'), { code: 'FST_FILES_LIMIT', statusCode: 413 });
    expect(multipartError(limit)).toBe(limit);
  });
});
