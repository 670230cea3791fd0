import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, LOCK_FILE, lockDataDir } from './lock.js';

const exists = (p: string): Promise<boolean> =>
  stat(p).then(
    () => true,
    () => false,
  );

describe('data directory lock', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'anor-lock-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes who holds it and removes the file on release', async () => {
    const release = await lockDataDir(dir);
    const holder = JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')) as unknown;
    expect(holder).toMatchObject({ pid: process.pid, host: hostname() });
    await release();
    expect(await exists(join(dir, LOCK_FILE))).toBe(false);
  });

  it('refuses while another live process on this host holds it, and takes it over once that process is gone', async () => {
    const other = spawn('sleep', ['30'], { stdio: 'ignore' });
    const gone = new Promise((r) => other.once('exit', r));
    try {
      await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: other.pid, host: hostname(), since: '2026-11-28T00:00:00.000Z' }));
      const err = await lockDataDir(dir).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(DataDirLockedError);
      expect((err as DataDirLockedError).code).toBe('data_dir_locked');
      expect((err as DataDirLockedError).message).toContain(`pid ${other.pid}`);
      expect((JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')) as { pid: number }).pid).toBe(other.pid); // not touched
    } finally {
      other.kill('SIGKILL');
      await gone;
    }
    const release = await lockDataDir(dir);
    expect((JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')) as { pid: number }).pid).toBe(process.pid);
    await release();
  });

  it('takes over an unreadable lock and its own (a reopen after a simulated crash)', async () => {
    await writeFile(join(dir, LOCK_FILE), '{"pid": 1, "ho');
    const r1 = await lockDataDir(dir);
    const r2 = await lockDataDir(dir);
    // Only the newest holder's release removes the file; an older one no longer owns it.
    await r1();
    expect(await exists(join(dir, LOCK_FILE))).toBe(true);
    await r2();
    expect(await exists(join(dir, LOCK_FILE))).toBe(false);
  });

  it('refuses with data_dir_locked_other_host a lock from another host, even one naming a pid that is dead here, and leaves it alone', async () => {
    const other = `not-${hostname()}`;
    // A pid that surely runs nothing here, and this process's own pid: neither says anything about the other host.
    for (const pid of [2 ** 22 + 17, process.pid]) {
      const held = JSON.stringify({ pid, host: other, since: '2026-11-28T00:00:00.000Z', token: 't' });
      await writeFile(join(dir, LOCK_FILE), held);
      const err = await lockDataDir(dir).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(DataDirLockedError);
      const locked = err as DataDirLockedError;
      expect(locked.code).toBe('data_dir_locked_other_host');
      expect(locked.holder).toMatchObject({ pid, host: other });
      expect(locked.message).toContain(`host "${other}"`);
      expect(locked.message).toContain(join(dir, LOCK_FILE)); // says what to delete once someone knows it is safe
      expect(await readFile(join(dir, LOCK_FILE), 'utf8')).toBe(held);
    }
    // Once a person removed it, the directory opens again.
    await rm(join(dir, LOCK_FILE));
    const release = await lockDataDir(dir);
    await release();
  });
});
