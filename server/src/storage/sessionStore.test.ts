import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SessionData } from 'express-session';
import { describe, expect, it } from 'vitest';
import { createStorage } from './index.js';
import type { Storage } from './index.js';
import { BACKENDS, storagePerTest } from '../../test/helpers/pg.js';

/** A session as express-session hands it to a store (cookie with an absolute expiry). */
function sess(userId: string, expiresInMs: number): SessionData {
  const data = {
    cookie: { originalMaxAge: expiresInMs, expires: new Date(Date.now() + expiresInMs), httpOnly: true, path: '/' },
    userId,
  };
  return data as SessionData;
}

function call<T>(fn: (cb: (err: unknown, v?: T) => void) => void): Promise<T | undefined> {
  return new Promise((resolve, reject) =>
    fn((err, v) => (err ? reject(err instanceof Error ? err : new Error(JSON.stringify(err))) : resolve(v))),
  );
}

const get = (s: Storage, sid: string) => call<SessionData | null>((cb) => s.sessions.get(sid, cb));
const set = (s: Storage, sid: string, data: SessionData) => call<void>((cb) => s.sessions.set(sid, data, cb));
const destroy = (s: Storage, sid: string) => call<void>((cb) => s.sessions.destroy(sid, cb));
const userOf = (d: SessionData | null | undefined): unknown => (d ? Reflect.get(d, 'userId') : undefined);

/** One suite, two stores: sessions.json and connect-pg-simple's `session` table. */
describe.each(BACKENDS)('session store (%s)', (backend) => {
  const { openStorage } = storagePerTest(backend);

  it('sets, gets and destroys sessions, and keeps them across a reopen', async () => {
    let s = await openStorage();
    await set(s, 'sid-a', sess('u1', 60_000));
    await set(s, 'sid-b', sess('u2', 60_000));
    expect(userOf(await get(s, 'sid-a'))).toBe('u1');
    await destroy(s, 'sid-b');
    expect(await get(s, 'sid-b')).toBeNull();
    await s.close();

    s = await openStorage();
    const back = await get(s, 'sid-a');
    expect(userOf(back)).toBe('u1');
    expect(typeof back?.cookie.expires).toBe('string');
    expect(await get(s, 'sid-b')).toBeNull();
  });

  it('ends every session of one user and leaves the others', async () => {
    let s = await openStorage();
    await set(s, 'a1', sess('alice', 60_000));
    await set(s, 'a2', sess('alice', 60_000));
    await set(s, 'b1', sess('bob', 60_000));
    await s.sessions.destroyForUser('alice');
    expect(await get(s, 'a1')).toBeNull();
    expect(await get(s, 'a2')).toBeNull();
    await s.close();
    s = await openStorage();
    expect(await get(s, 'a1')).toBeNull();
    expect(userOf(await get(s, 'b1'))).toBe('bob');
  });

  // connect-pg-simple keeps expiries to the second, so "expired" here is seconds ago.
  it('treats an expired session as gone', async () => {
    const s = await openStorage();
    await set(s, 'old', sess('u1', -5_000));
    await set(s, 'fresh', sess('u2', 60_000));
    expect(await get(s, 'old')).toBeNull();
    expect(userOf(await get(s, 'fresh'))).toBe('u2');
  });

  it('honours maxAge when the cookie has no absolute expiry', async () => {
    const s = await openStorage();
    await set(s, 'gone', { cookie: { originalMaxAge: -5_000, maxAge: -5_000 } } as SessionData);
    await set(s, 'kept', { cookie: { originalMaxAge: 60_000, maxAge: 60_000 } } as SessionData);
    expect(await get(s, 'gone')).toBeNull();
    expect(await get(s, 'kept')).not.toBeNull();
  });

  it('touch moves the expiry, and the later expiry holds after a reopen', async () => {
    let s = await openStorage();
    await set(s, 'sid', sess('u1', 1_000));
    const later = sess('u1', 3_600_000);
    await new Promise<void>((resolve) => s.sessions.touch!('sid', later, resolve));
    await s.close();
    s = await openStorage();
    expect(userOf(await get(s, 'sid'))).toBe('u1');
    await new Promise((r) => setTimeout(r, 2_100)); // past the first expiry even rounded up to the second
    expect(userOf(await get(s, 'sid'))).toBe('u1'); // alive by the touched expiry
  });

  it('treats an id like __proto__ as a plain key', async () => {
    const s = await openStorage();
    await set(s, '__proto__', sess('u1', 60_000));
    expect(userOf(await get(s, '__proto__'))).toBe('u1');
    expect(await get(s, 'toString')).toBeNull();
  });
});

/** What only the file store does: prune the file, batch touches, survive a damaged file. */
describe('session store (embedded file)', () => {
  const { openStorage, dir } = storagePerTest('embedded');

  it('prunes an expired session from the file', async () => {
    const s = await openStorage();
    await set(s, 'old', sess('u1', -1_000));
    await set(s, 'fresh', sess('u2', 60_000));
    expect(await get(s, 'old')).toBeNull();
    const file = JSON.parse(await readFile(join(dir(), 'sessions.json'), 'utf8')) as { sessions: Record<string, unknown> };
    expect(Object.keys(file.sessions)).toEqual(['fresh']);
  });

  it('touch moves the expiry without rewriting the file; close writes it', async () => {
    let s = await openStorage();
    await set(s, 'sid', sess('u1', 60_000));
    const before = await readFile(join(dir(), 'sessions.json'), 'utf8');
    const later = sess('u1', 3_600_000);
    await new Promise<void>((resolve) => s.sessions.touch!('sid', later, resolve));
    expect(await readFile(join(dir(), 'sessions.json'), 'utf8')).toBe(before);
    await s.close();
    s = await openStorage();
    const back = await get(s, 'sid');
    expect(back?.cookie.expires).toBe((later.cookie.expires as Date).toISOString());
  });

  it('starts with no sessions when sessions.json is unreadable, and says so', async () => {
    await writeFile(join(dir(), 'sessions.json'), '{"sessions": {"a": ');
    const logged: string[] = [];
    const s = await createStorage({ dataDir: dir(), log: (m) => logged.push(m) });
    try {
      expect(await get(s, 'a')).toBeNull();
      expect(logged.some((m) => /sessions\.json is unreadable/.test(m))).toBe(true);
      await set(s, 'b', sess('u1', 60_000));
      expect(Object.keys((JSON.parse(await readFile(join(dir(), 'sessions.json'), 'utf8')) as { sessions: object }).sessions)).toEqual([
        'b',
      ]);
    } finally {
      await s.close();
    }
  });
});
