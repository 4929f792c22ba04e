import { describe, expect, it } from 'vitest';
import { passwordWeakness } from './passwords.js';

const me = { email: 'nguyen.van.an@tinh.gov.vn', name: 'Nguyễn Văn An' };

describe('passwordWeakness', () => {
  it.each(['1234567890', 'password12', 'matkhau123', 'anhyeuem2026', 'qwertyuiop', 'aaaaaaaaaaaa'])(
    'refuses %s with a Vietnamese reason',
    (password) => {
      expect(passwordWeakness(password, me)?.vi).toMatch(/^Mật khẩu /);
    },
  );

  it.each(['nguyen.van.an@tinh.gov.vn', 'NguyenVanAn!2026', 'nguyễn văn an 99'])(
    'refuses %s: the user’s own e-mail or name',
    (password) => {
      expect(passwordWeakness(password, me)?.vi).toBe('Mật khẩu không được chứa tên hoặc email của bạn');
    },
  );

  it.each(['Cay-lua-xanh-ven-song-2026', 'Mat-khau-moi-2026', 'Demo@2025bioplan'])('accepts %s', (password) => {
    expect(passwordWeakness(password, me)).toBeNull();
  });

  it('names the minimum length', () => {
    expect(passwordWeakness('Ab1!', me)?.vi).toBe('Mật khẩu cần có ít nhất 10 ký tự');
  });
});
