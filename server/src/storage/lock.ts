import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { nodeFs, writeAll } from './fs.js';
import type { StorageFs } from './fs.js';

/**
 * One Anor process per data directory. The journal and the lowdb snapshots
 * assume a single writer: `anor import` appending while `anor serve` runs on
 * the same directory would interleave journal segments and lose edits. So
 * opening the storage takes `anor.lock` (created exclusively, holding pid,
 * host and start time) and closing it gives it back.
 *
 * A lock is stale, and taken over, when its process on this host is gone (a
 * crash or `kill -9` leaves the file behind). A lock held by this very process
 * is taken over too: tests reopen a directory without closing it to simulate
 * a crash. A lock written on another host is never taken over: this host
 * cannot tell whether that process still runs (a shared volume mounted by two
 * nodes would otherwise get two writers, silently), so only a person who
 * knows can remove it.
 */
export const LOCK_FILE = 'anor.lock';

export interface LockHolder {
  pid: number;
  host: string;
  since: string;
  /** Tells two opens by one process apart, so an old holder's release leaves a newer lock alone. */
  token: string;
}

/** `data_dir_locked`: a live process on this host holds it; `data_dir_locked_other_host`: a process on another host may. */
export type DataDirLockedCode = 'data_dir_locked' | 'data_dir_locked_other_host';

export class DataDirLockedError extends Error {
  readonly code: DataDirLockedCode;
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
    otherHost = false,
  ) {
    const file = join(dataDir, LOCK_FILE);
    super(
      otherHost
        ? `${dataDir} is locked by an Anor process on host ${JSON.stringify(holder.host)} (pid ${holder.pid}, since ${holder.since}), ` +
            `which this host cannot check. Two hosts writing one data directory lose edits, so it is not taken over. ` +
            `If no Anor process on ${JSON.stringify(holder.host)} uses this directory any more (for instance a container restarted under a new hostname), delete ${file}.`
        : `${dataDir} is in use by another Anor process (pid ${holder.pid}, since ${holder.since}). ` +
            `Stop it first, or work through its web app and REST API. If no Anor process runs, delete ${file}.`,
    );
    this.code = otherHost ? 'data_dir_locked_other_host' : 'data_dir_locked';
    this.name = 'DataDirLockedError';
  }
}

/** Takes the directory's lock; the returned function gives it back (only if it is still ours). */
export async function lockDataDir(dataDir: string, fs: StorageFs = nodeFs): Promise<() => Promise<void>> {
  const path = join(dataDir, LOCK_FILE);
  const mine: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString(), token: randomUUID() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fh = await fs.open(path, 'wx');
      try {
        await writeAll(fh, Buffer.from(`${JSON.stringify(mine)}\n`, 'utf8'));
      } finally {
        await fh.close();
      }
      return async () => {
        const now = await readHolder(fs, path);
        if (now?.token === mine.token) await fs.unlink(path).catch(() => undefined);
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = await readHolder(fs, path);
      if (holder && holder.host !== mine.host) throw new DataDirLockedError(dataDir, holder, true);
      if (holder && holder.pid !== process.pid && isAlive(holder.pid)) throw new DataDirLockedError(dataDir, holder);
      // Dead here, unreadable or our own: remove and try again (another process may win the race; it then holds it).
      await fs.unlink(path).catch(() => undefined);
    }
  }
  const holder = await readHolder(fs, path);
  throw new DataDirLockedError(dataDir, holder ?? { pid: 0, host: '?', since: '?', token: '' });
}

async function readHolder(fs: StorageFs, path: string): Promise<LockHolder | null> {
  try {
    const v = JSON.parse(await fs.readText(path)) as Partial<LockHolder>;
    return typeof v.pid === 'number' && typeof v.host === 'string'
      ? { pid: v.pid, host: v.host, since: String(v.since ?? '?'), token: String(v.token ?? '') }
      : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else; still alive.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
