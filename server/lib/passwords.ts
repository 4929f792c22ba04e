import { hash, verify } from '@node-rs/argon2';

/** A password hash for storage (argon2id, the library's default algorithm). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// A constant hash to verify against when the account does not exist, so timing does not tell.
const DUMMY_HASH_PROMISE = hash('bioplan-dummy-password');

/**
 * Whether a password matches a stored hash. Without a hash (no such account) a dummy hash is
 * still verified, so the answer takes as long either way, and the result is false.
 */
export async function verifyPassword(storedHash: string | undefined, password: string): Promise<boolean> {
  if (storedHash === undefined) {
    await verify(await DUMMY_HASH_PROMISE, password);
    return false;
  }
  return verify(storedHash, password);
}
