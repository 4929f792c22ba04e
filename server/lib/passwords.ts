import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnEn from '@zxcvbn-ts/language-en';
import { LIMITS } from '../../shared/limits.js';
import { foldText } from '../../shared/text.js';
import { msg, type Message } from './errors.js';

/**
 * The argon2 calls, behind one object so a test can watch them (the sign-in of an unknown account
 * must hash as much as that of a known one).
 */
export const hasher = {
  hash: (password: string) => hash(password),
  verify: (storedHash: string, password: string) => verify(storedHash, password),
};

/** A password hash for storage (argon2id, the library's default algorithm). */
export function hashPassword(password: string): Promise<string> {
  return hasher.hash(password);
}

// A constant hash to verify against when the account does not exist, so timing does not tell.
let dummyHash: Promise<string> | null = null;

/**
 * Whether a password matches a stored hash. Without a hash (no such account) a dummy hash is
 * still verified, so the answer takes as long either way, and the result is false.
 */
export async function verifyPassword(storedHash: string | undefined, password: string): Promise<boolean> {
  if (storedHash === undefined) {
    dummyHash ??= hash('bioplan-dummy-password');
    await hasher.verify(await dummyHash, password);
    return false;
  }
  return hasher.verify(storedHash, password);
}

/**
 * Passwords and words Vietnamese users often pick, which the English and common lists miss.
 * Written without diacritics, as typed into a password field.
 */
export const VIETNAMESE_COMMON_PASSWORDS = [
  'matkhau',
  'matkhau123',
  'matkhau2025',
  'matkhau2026',
  'doimatkhau',
  'anhyeuem',
  'emyeuanh',
  'yeuem',
  'yeuanh',
  'yeuemnhieu',
  'anhyeuemnhieu',
  'iloveyou',
  'vietnam',
  'vietnam123',
  'hanoi',
  'saigon',
  'hochiminh',
  'bentre',
  'vinhlong',
  'travinh',
  'mekong',
  'xinchao',
  'taikhoan',
  'dangnhap',
  'baomat',
  'quantri',
  'quantrivien',
  'admin123',
  'conmeo',
  'concho',
  'hoahong',
  'bautroi',
  'mattroi',
  'thanhcong',
  'hanhphuc',
  'giadinh',
  'tinhyeu',
  'banbe',
  'nguyen',
  'tran',
  'hoang',
  'huynh',
  'pham',
  'phan',
  'dang',
  'duong',
  'ngoc',
  'thanh',
  'minh',
  'tuan',
  'hung',
  'huong',
  'trang',
  'linh',
  'anh',
  'khoa',
  'phuong',
  'thao',
  'ubnd',
  'sotaichinh',
  'sotnmt',
  'sonnmt',
  'bioplan',
  '123456789',
  '1234567890',
  '0123456789',
  '12345678',
  '987654321',
  '123123123',
  '11111111',
  '88888888',
  '66666666',
  '68686868',
  '99999999',
  '19001900',
  '0987654321',
  'qwerty123',
  'abc123456',
];

let factory: ZxcvbnFactory | null = null;
function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEn.dictionary, vi: VIETNAMESE_COMMON_PASSWORDS },
    graphs: zxcvbnCommon.adjacencyGraphs,
    translations: zxcvbnEn.translations,
  });
  return factory;
}

/** The lowest zxcvbn score accepted: 3, "safely unguessable" (under 10^10 guesses is refused). */
export const MIN_PASSWORD_SCORE = 3;

const compact = (s: string) => foldText(s).replace(/[^a-z0-9]/g, '');

/**
 * Why a password is too weak, or null when it is strong enough: checked against the common
 * password lists (English, common, Vietnamese), sequences, repeats and keyboard patterns, and
 * the account's own name and e-mail. The reason is in Vietnamese and English.
 */
export function passwordWeakness(password: string, personal: { email?: string; name?: string } = {}): Message | null {
  if (password.length < LIMITS.passwordMin) {
    return msg(
      `Mật khẩu cần có ít nhất ${LIMITS.passwordMin} ký tự`,
      `Password must be at least ${LIMITS.passwordMin} characters long`,
    );
  }
  const email = personal.email?.toLowerCase() ?? '';
  const local = email.split('@')[0] ?? '';
  const inputs = [
    email,
    local,
    personal.name ?? '',
    compact(personal.name ?? ''),
    ...foldText(personal.name ?? '').split(/\s+/),
  ]
    .map((s) => s.trim())
    .filter((s) => s.length >= 3);
  const plain = compact(password);
  // The whole name or e-mail, or an e-mail name long enough to be personal ("admin" is not).
  const own = [compact(email), compact(personal.name ?? ''), compact(local).length >= 6 ? compact(local) : ''].filter(
    (s) => s.length >= 4,
  );
  if (own.some((s) => plain.includes(s))) return personalReason();
  const result = zxcvbn().check(password, inputs);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  // The longest recognised part says what made it guessable.
  const parts = [...result.sequence].sort((a, b) => b.token.length - a.token.length);
  const main = parts.find((p) => p.pattern !== 'bruteforce');
  if (main?.pattern === 'dictionary' && main.dictionaryName === 'userInputs') return personalReason();
  if (main?.pattern === 'dictionary') {
    return msg(
      'Mật khẩu quá phổ biến, dễ bị đoán ra; hãy chọn một cụm từ riêng của bạn',
      'This password is too common and easy to guess; choose a phrase of your own',
    );
  }
  if (main && ['sequence', 'repeat', 'spatial'].includes(main.pattern)) {
    return msg(
      'Mật khẩu là dãy ký tự dễ đoán (như 123456, aaaaaa, qwerty); hãy chọn mật khẩu khác',
      'The password is an easy pattern (like 123456, aaaaaa, qwerty); choose another',
    );
  }
  if (main && ['date', 'regex'].includes(main.pattern)) {
    return msg(
      'Mật khẩu chủ yếu là năm hoặc ngày tháng, dễ đoán; hãy thêm các từ khác',
      'The password is mostly a year or a date, easy to guess; add other words',
    );
  }
  return msg(
    'Mật khẩu quá dễ đoán; hãy dùng cụm từ dài hơn, trộn chữ hoa, chữ thường, số và ký hiệu',
    'The password is too easy to guess; use a longer phrase mixing cases, digits and symbols',
  );
}

function personalReason(): Message {
  return msg('Mật khẩu không được chứa tên hoặc email của bạn', 'The password must not contain your name or e-mail');
}
