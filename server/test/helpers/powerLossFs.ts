import { basename, dirname } from 'node:path';
import type { StorageFile, StorageFs } from '../../src/storage/fs.js';
import { mulberry32 } from './random.js';

/**
 * An in-memory file system for the storage layer (StorageFs) that knows what
 * is durable and can lose power, for server/test/powerLoss.test.ts.
 *
 * The model is POSIX's promise and no more, as after a real power cut:
 * - a file's bytes are durable once `datasync()`/`sync()` has run on it;
 *   bytes written since are lost (or, in `torn` mode, a random prefix of
 *   what was appended since survives, as a torn write would leave it);
 * - a directory's entries — creations, renames, unlinks, mkdirs — are durable
 *   once the directory itself is fsync'ed (`open(dir, 'r').sync()`); those
 *   made since are lost (or, in `torn` mode, the first k of them, in order,
 *   survive: a journaling file system commits metadata in order);
 * - a directory whose own entry in its parent is not durable is lost with
 *   everything in it.
 *
 * `cutPowerAt(n)` makes the n-th call from now, and every call after it, fail
 * with EIO: nothing changes after that moment. `afterPowerCut()` is the disk
 * as the next boot finds it. Every call also yields to other tasks a
 * seed-chosen number of times, so concurrent appends and checkpoints
 * interleave differently from run to run.
 */
type Entry = { kind: 'file'; ino: Inode } | { kind: 'dir'; dir: DirNode };
type Op = { op: 'set'; name: string; entry: Entry } | { op: 'delete'; name: string } | { op: 'rename'; from: string; to: string };

interface Inode {
  data: Buffer;
  durable: Buffer;
}

interface DirNode {
  entries: Map<string, Entry>;
  durable: Map<string, Entry>;
  /** Entry changes since the last sync of this directory, in order. */
  pending: Op[];
}

export type Survival = 'none' | 'torn';

function errno(code: string, path: string): Error {
  return Object.assign(new Error(`${code}: ${path}`), { code });
}

function newDir(): DirNode {
  return { entries: new Map(), durable: new Map(), pending: [] };
}

function applyOps(base: Map<string, Entry>, ops: readonly Op[]): Map<string, Entry> {
  const out = new Map(base);
  for (const o of ops) {
    if (o.op === 'set') out.set(o.name, o.entry);
    else if (o.op === 'delete') out.delete(o.name);
    else {
      const e = out.get(o.from);
      out.delete(o.from);
      if (e) out.set(o.to, e);
    }
  }
  return out;
}

export class PowerLossFs implements StorageFs {
  readonly #root: DirNode;
  readonly #random: () => number;
  #calls = 0;
  #cutAt = Infinity;
  #dead = false;
  /** Every path unlinked through this file system, in order. */
  readonly unlinked: string[] = [];

  /** `dirs`: directories that exist, durably, before the first call (e.g. the data directory). */
  constructor(opts: { seed: number; dirs?: readonly string[]; root?: DirNode }) {
    this.#random = mulberry32(opts.seed);
    this.#root = opts.root ?? newDir();
    for (const d of opts.dirs ?? []) {
      let node = this.#root;
      for (const part of d.split('/').filter(Boolean)) {
        let e = node.entries.get(part);
        if (!e) {
          e = { kind: 'dir', dir: newDir() };
          node.entries.set(part, e);
          node.durable.set(part, e);
        }
        if (e.kind !== 'dir') throw new Error(`${d} is a file`);
        node = e.dir;
      }
    }
  }

  get calls(): number {
    return this.#calls;
  }

  get powerLost(): boolean {
    return this.#dead;
  }

  /** The n-th call from now (1 = the next) and every later one fail: the power is gone. */
  cutPowerAt(n: number): void {
    this.#cutAt = this.#calls + Math.max(1, n);
  }

  /** Calls the power cut planned with cutPowerAt, if it has not come yet. */
  keepPower(): void {
    if (!this.#dead) this.#cutAt = Infinity;
  }

  /** Cuts the power now, if it is still on. */
  cutPower(): void {
    this.#dead = true;
  }

  /** The disk as it is after the power cut: only what was durable (plus, in `torn` mode, an in-order part of the rest). */
  afterPowerCut(survival: Survival, seed: number): PowerLossFs {
    this.#dead = true;
    const random = mulberry32(seed);
    const inodes = new Map<Inode, Inode>();
    const copyInode = (ino: Inode): Inode => {
      let c = inodes.get(ino);
      if (!c) {
        let data = Buffer.from(ino.durable);
        const appended = ino.data.length > ino.durable.length && ino.data.subarray(0, ino.durable.length).equals(ino.durable);
        if (survival === 'torn' && appended) {
          const extra = Math.floor(random() * (ino.data.length - ino.durable.length + 1));
          data = Buffer.from(ino.data.subarray(0, ino.durable.length + extra));
        }
        c = { data, durable: Buffer.from(data) };
        inodes.set(ino, c);
      }
      return c;
    };
    const copyDir = (dir: DirNode): DirNode => {
      const kept = survival === 'torn' ? Math.floor(random() * (dir.pending.length + 1)) : 0;
      const out = newDir();
      for (const [name, e] of applyOps(dir.durable, dir.pending.slice(0, kept))) {
        const copy: Entry = e.kind === 'file' ? { kind: 'file', ino: copyInode(e.ino) } : { kind: 'dir', dir: copyDir(e.dir) };
        out.entries.set(name, copy);
        out.durable.set(name, copy);
      }
      return out;
    };
    return new PowerLossFs({ seed: Math.floor(random() * 2 ** 31), root: copyDir(this.#root) });
  }

  /** Every call goes through here: counts it, yields, and fails once the power is gone. */
  async #call(path: string): Promise<void> {
    this.#calls++;
    if (this.#calls >= this.#cutAt) this.#dead = true;
    if (this.#dead) throw errno('EIO', `${path} (power lost)`);
    for (let i = Math.floor(this.#random() * 3); i > 0; i--) await Promise.resolve();
    if (this.#dead) throw errno('EIO', `${path} (power lost)`);
  }

  #dir(path: string): DirNode {
    let node = this.#root;
    for (const part of path.split('/').filter(Boolean)) {
      const e = node.entries.get(part);
      if (!e) throw errno('ENOENT', path);
      if (e.kind !== 'dir') throw errno('ENOTDIR', path);
      node = e.dir;
    }
    return node;
  }

  #lookup(path: string): Entry | undefined {
    if (path === '/') return { kind: 'dir', dir: this.#root };
    return this.#dir(dirname(path)).entries.get(basename(path));
  }

  #set(path: string, entry: Entry): void {
    const parent = this.#dir(dirname(path));
    parent.entries.set(basename(path), entry);
    parent.pending.push({ op: 'set', name: basename(path), entry });
  }

  async open(path: string, flags: 'r' | 'w' | 'wx' | 'ax'): Promise<StorageFile> {
    await this.#call(path);
    const found = this.#lookup(path);
    if (found?.kind === 'dir') {
      if (flags !== 'r') throw errno('EISDIR', path);
      const dir = found.dir;
      const syncDir = async (): Promise<void> => {
        await this.#call(path);
        dir.durable = new Map(dir.entries);
        dir.pending = [];
      };
      return this.#handle(path, null, syncDir);
    }
    if (flags === 'r') {
      if (!found) throw errno('ENOENT', path);
      return this.#handle(path, { ino: found.ino, pos: 0, append: false, writable: false });
    }
    if (found && flags !== 'w') throw errno('EEXIST', path);
    let ino: Inode;
    if (found) {
      ino = found.ino;
      ino.data = Buffer.alloc(0);
    } else {
      ino = { data: Buffer.alloc(0), durable: Buffer.alloc(0) };
      this.#set(path, { kind: 'file', ino });
    }
    return this.#handle(path, { ino, pos: 0, append: flags === 'ax', writable: true });
  }

  #handle(
    path: string,
    file: { ino: Inode; pos: number; append: boolean; writable: boolean } | null,
    syncDir?: () => Promise<void>,
  ): StorageFile {
    let closed = false;
    const live = async (): Promise<void> => {
      await this.#call(path);
      if (closed) throw errno('EBADF', path);
    };
    const syncFile = async (): Promise<void> => {
      await live();
      if (file) file.ino.durable = Buffer.from(file.ino.data);
    };
    return {
      write: async (buffer, offset, length) => {
        await live();
        if (!file?.writable) throw errno('EBADF', path);
        const bytes = Buffer.from(buffer.subarray(offset, offset + length));
        const at = file.append ? file.ino.data.length : file.pos;
        const end = at + bytes.length;
        const data = Buffer.alloc(Math.max(end, file.ino.data.length));
        file.ino.data.copy(data);
        bytes.copy(data, at);
        file.ino.data = data;
        file.pos = end;
        return { bytesWritten: bytes.length };
      },
      read: async (buffer, offset, length, position) => {
        await live();
        if (!file) throw errno('EISDIR', path);
        const from = position ?? file.pos;
        const n = Math.max(0, Math.min(length, file.ino.data.length - from));
        file.ino.data.copy(buffer, offset, from, from + n);
        if (position === null) file.pos = from + n;
        return { bytesRead: n };
      },
      datasync: syncDir ?? syncFile,
      sync: syncDir ?? syncFile,
      close: async () => {
        await live();
        closed = true;
      },
    };
  }

  async readText(path: string): Promise<string> {
    await this.#call(path);
    const e = this.#lookup(path);
    if (!e) throw errno('ENOENT', path);
    if (e.kind === 'dir') throw errno('EISDIR', path);
    return e.ino.data.toString('utf8');
  }

  async readdir(path: string): Promise<string[]> {
    await this.#call(path);
    return [...this.#dir(path).entries.keys()].sort();
  }

  async mkdir(path: string): Promise<void> {
    await this.#call(path);
    let node = this.#root;
    for (const part of path.split('/').filter(Boolean)) {
      let e = node.entries.get(part);
      if (!e) {
        e = { kind: 'dir', dir: newDir() };
        node.entries.set(part, e);
        node.pending.push({ op: 'set', name: part, entry: e });
      }
      if (e.kind !== 'dir') throw errno('EEXIST', path);
      node = e.dir;
    }
  }

  async rename(from: string, to: string): Promise<void> {
    await this.#call(from);
    if (dirname(from) !== dirname(to)) throw new Error('PowerLossFs renames within one directory only');
    const parent = this.#dir(dirname(from));
    const e = parent.entries.get(basename(from));
    if (!e) throw errno('ENOENT', from);
    parent.entries.delete(basename(from));
    parent.entries.set(basename(to), e);
    parent.pending.push({ op: 'rename', from: basename(from), to: basename(to) });
  }

  async unlink(path: string): Promise<void> {
    await this.#call(path);
    const parent = this.#dir(dirname(path));
    const e = parent.entries.get(basename(path));
    if (!e) throw errno('ENOENT', path);
    if (e.kind === 'dir') throw errno('EISDIR', path);
    parent.entries.delete(basename(path));
    parent.pending.push({ op: 'delete', name: basename(path) });
    this.unlinked.push(path);
  }

  /** Whether a path exists now (for assertions; not a counted call). */
  exists(path: string): boolean {
    try {
      return this.#lookup(path) !== undefined;
    } catch {
      return false;
    }
  }
}
