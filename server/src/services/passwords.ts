import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt's work factors. */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/**
 * Current guidance for scrypt (OWASP Password Storage Cheat Sheet): N = 2^17,
 * r = 8, p = 1 — 128 MiB and, measured on this project's 2-core CI machine,
 * ~0.35 s per hash when idle (docs/review.md, "Passwords"). Hashes made
 * with other factors still verify (the factors are stored in each hash) and
 * are re-hashed with these at the next successful sign-in.
 */
export const SCRYPT_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };
const KEY_LEN = 32;
/**
 * Each derivation takes 128·N·r bytes (128 MiB at the cost above) on a libuv
 * thread. At most this many run at once, so a burst of sign-ins queues
 * instead of taking 128 MiB per threadpool thread.
 */
const MAX_CONCURRENT = 2;
// Memory note (measured at N = 2^14): glibc keeps such blocks in per-thread
// arenas, so RSS stays higher after the first sign-ins; starting Node with
// MALLOC_MMAP_THRESHOLD_=131072 returns them. A deployment setting.

let running = 0;
const waiting: (() => void)[] = [];

async function limited<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await fn();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function derive(password: string, salt: Buffer, cost: ScryptCost, len: number): Promise<Buffer> {
  // Node refuses unless maxmem covers 128·N·r (plus a little); stated per call so any cost works.
  const maxmem = 128 * cost.N * cost.r + 32 * 1024 * 1024;
  return limited(
    () =>
      new Promise((resolve, reject) => {
        scrypt(password, salt, len, { N: cost.N, r: cost.r, p: cost.p, maxmem }, (err, key) => (err ? reject(err) : resolve(key)));
      }),
  );
}

/** `scrypt$N$r$p$salt$hash`, base64 parts (the format UserRecord.passwordHash documents). */
export async function hashPassword(password: string, cost: ScryptCost = SCRYPT_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost, KEY_LEN);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

interface ParsedHash {
  cost: ScryptCost;
  salt: Buffer;
  key: Buffer;
}

function parseHash(stored: string): ParsedHash | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (![N, r, p].every((x) => Number.isInteger(x) && x > 0)) return undefined;
  const key = Buffer.from(parts[5] ?? '', 'base64');
  if (key.length === 0) return undefined;
  return { cost: { N, r, p }, salt: Buffer.from(parts[4] ?? '', 'base64'), key };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const actual = await derive(password, parsed.salt, parsed.cost, parsed.key.length);
  return timingSafeEqual(actual, parsed.key);
}

/** True when a stored hash is weaker than `cost` (to re-hash after a good sign-in); a stronger one is kept. */
export function needsRehash(stored: string, cost: ScryptCost = SCRYPT_COST): boolean {
  const parsed = parseHash(stored);
  if (!parsed) return true;
  return parsed.cost.N < cost.N || parsed.cost.r < cost.r || parsed.cost.p < cost.p || parsed.key.length < KEY_LEN;
}

/** A password for generated accounts: 18 random bytes, URL-safe. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}
