import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, needsRehash, SCRYPT_COST, verifyPassword } from './passwords.js';

describe('passwords', () => {
  it('hashes with scrypt at N = 2^17, r = 8, p = 1 by default', async () => {
    expect(SCRYPT_COST).toEqual({ N: 131072, r: 8, p: 1 });
    const hash = await hashPassword('пароль-密码-parol');
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword('пароль-密码-parol', hash)).toBe(true);
    expect(await verifyPassword('пароль-密码-paroL', hash)).toBe(false);
    expect(needsRehash(hash)).toBe(false);
  });

  it('verifies hashes of other costs, salted, and tells which need re-hashing', async () => {
    const old = await hashPassword('пароль-密码-parol', { N: 16384, r: 8, p: 1 });
    expect(old).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await hashPassword('пароль-密码-parol', { N: 16384, r: 8, p: 1 })).not.toBe(old);
    expect(await verifyPassword('пароль-密码-parol', old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(old, { N: 16384, r: 8, p: 1 })).toBe(false);
    // A stronger hash than asked for is kept as it is.
    expect(needsRehash(old, { N: 1024, r: 8, p: 1 })).toBe(false);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$0$8$1$c2FsdA==$aGFzaA==')).toBe(false);
  });

  it('generates distinct URL-safe passwords', () => {
    const a = generatePassword();
    expect(a).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(generatePassword()).not.toBe(a);
  });
});
