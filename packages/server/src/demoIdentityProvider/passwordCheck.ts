import { scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

/** A password as scrypt (node:crypto defaults: N 16384, r 8, p 1) keeps it: base64url salt and 32-byte hash. */
export interface StoredPassword {
  salt: string;
  hash: string;
}

const derive = promisify(scrypt) as (password: string, salt: string, length: number) => Promise<Buffer>;

/** Whether `password` is the one stored, compared in constant time. */
export async function passwordMatches(password: string, stored: StoredPassword): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64url');
  const derived = await derive(password, stored.salt, expected.length);
  return timingSafeEqual(derived, expected);
}
