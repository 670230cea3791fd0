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

  it('takes over an unreadable lock, one from another host, and its own (a reopen after a simulated crash)', async () => {
    await writeFile(join(dir, LOCK_FILE), '{"pid": 1, "ho');
    const r1 = await lockDataDir(dir);
    await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: 1, host: `not-${hostname()}`, since: 'x' }));
    const r2 = await lockDataDir(dir);
    const r3 = await lockDataDir(dir);
    // Only the newest holder's release removes the file; an older one no longer owns it.
    await r2();
    expect(await exists(join(dir, LOCK_FILE))).toBe(true);
    await r1();
    await r3();
    expect(await exists(join(dir, LOCK_FILE))).toBe(false);
  });
});
