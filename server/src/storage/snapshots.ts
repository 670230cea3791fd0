import { link, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { DataFile } from 'lowdb/node';
import type { DocumentState } from '../../../shared/index.js';
import { timeSlicer } from '../slices.js';
import { fsyncPath, isErrno } from './fsync.js';
import { mapLimit } from './pool.js';

/**
 * One snapshot file per document: `docs/<docId>.json`, compact JSON
 * `{"v":1,"seq":N,"doc":{…}}` where N is the last event seq the snapshot covers.
 * lowdb's DataFile does the write (temp file + rename, so a reader never sees a
 * half file); we add the fsyncs it leaves out.
 *
 * lowdb renames before anything is synced, so a crash right after its rename
 * can leave `<id>.json` empty while the older snapshot it replaced is gone, and
 * the journal segments that older one covered may be deleted already. So
 * before a rewrite the current file is hard-linked to `.<id>.json.prev`
 * (durable via a directory sync); load falls back to it when `<id>.json` is
 * unreadable, and the journal from its seq on is still there because segments
 * are only dropped once the new snapshot is durable.
 */
export interface SnapshotFile {
  v: 1;
  seq: number;
  doc: DocumentState;
}

/** Document ids become file names, so only a safe alphabet is accepted (the wire ids are the same). */
const SAFE_ID = /^[A-Za-z0-9_-]{1,128}$/;
const SNAPSHOT_RE = /^([A-Za-z0-9_-]{1,128})\.json$/;

export function snapshotPath(docsDir: string, docId: string): string {
  if (!SAFE_ID.test(docId)) throw new Error(`document id ${JSON.stringify(docId)} cannot name a file`);
  return join(docsDir, `${docId}.json`);
}

/** Serialises now (so the caller may keep mutating the document); compact, no indentation. */
export function serializeSnapshot(doc: DocumentState): string {
  const file: SnapshotFile = { v: 1, seq: doc.seq, doc };
  return JSON.stringify(file);
}

/**
 * A snapshot taken now and written out later, in slices. History is most of a
 * long-lived document (100,000 revisions are about 16 MB of JSON and 150 ms of
 * JSON.stringify), and serialising it in one go would stall every editor on
 * the server at each checkpoint. History is append-only (the reducer only
 * pushes new revision objects), so the first `length` entries of each array
 * captured now are the history at this seq whatever is appended meanwhile;
 * everything else (paragraphs, cells, comments) is small, mutable, and
 * serialised right away. `render()` gives JSON that parses to what
 * serializeSnapshot would have given at capture time.
 */
export function captureSnapshot(doc: DocumentState, sliceMs = 8): { seq: number; render: () => Promise<string> } {
  const { history, ...rest } = doc;
  const head = JSON.stringify({ v: 1, seq: doc.seq, doc: rest });
  const captured = Object.entries(history).map(([key, revisions]) => ({ key, revisions, length: revisions.length }));
  const render = async (): Promise<string> => {
    const parts: string[] = [];
    const pause = timeSlicer(sliceMs);
    for (const { key, revisions, length } of captured) {
      const items: string[] = [];
      for (let i = 0; i < length; i++) {
        items.push(JSON.stringify(revisions[i]));
        // The clock is read every 256 revisions, not every one.
        if ((i & 255) === 255) await pause();
      }
      parts.push(`${JSON.stringify(key)}:[${items.join(',')}]`);
      await pause();
    }
    // head is {"v":1,"seq":N,"doc":{…}}: the history goes in before the two closing braces.
    const open = head.slice(0, -2);
    return `${open}${open.endsWith('{') ? '' : ','}"history":{${parts.join(',')}}}}`;
  };
  return { seq: doc.seq, render };
}

function parseSnapshot(text: string): SnapshotFile {
  const raw: unknown = JSON.parse(text);
  if (!isSnapshotFile(raw)) throw new Error('not a version 1 snapshot');
  return raw;
}

function isSnapshotFile(v: unknown): v is SnapshotFile {
  if (typeof v !== 'object' || v === null) return false;
  const f = v as Partial<Record<keyof SnapshotFile, unknown>>;
  if (f.v !== 1 || typeof f.seq !== 'number' || typeof f.doc !== 'object' || f.doc === null) return false;
  const d = f.doc as Partial<Record<keyof DocumentState, unknown>>;
  return typeof d.id === 'string' && d.seq === f.seq && Array.isArray(d.paragraphs) && typeof d.history === 'object' && d.history !== null;
}

/** Already-serialised text goes straight through lowdb's DataFile. */
const passThrough = { parse: (s: string): string => s, stringify: (s: string): string => s };

/** Writes one snapshot durably: lowdb's temp+rename, then fsync of the file (the directory is synced by the caller, once per batch). */
export async function writeSnapshot(docsDir: string, docId: string, json: string): Promise<void> {
  const path = snapshotPath(docsDir, docId);
  await new DataFile<string>(path, passThrough).write(json);
  await fsyncPath(path);
}

function prevPath(docsDir: string, docId: string): string {
  return join(docsDir, `.${docId}.json.prev`);
}

async function unlinkIfThere(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (e) {
    if (!isErrno(e, 'ENOENT')) throw e;
  }
}

/**
 * Keeps the current snapshot of each document reachable as `.<id>.json.prev`
 * while it is being replaced. Returns whether anything was linked; the caller
 * then syncs the directory before writing.
 */
export async function preserveSnapshot(docsDir: string, docId: string): Promise<boolean> {
  const prev = prevPath(docsDir, docId);
  await unlinkIfThere(prev);
  try {
    await link(snapshotPath(docsDir, docId), prev);
    return true;
  } catch (e) {
    if (isErrno(e, 'ENOENT')) return false; // first snapshot of this document
    throw e;
  }
}

/** Drops the preserved copy once the new snapshot is durable (no sync needed: a leftover is harmless). */
export async function releaseSnapshot(docsDir: string, docId: string): Promise<void> {
  await unlinkIfThere(prevPath(docsDir, docId));
}

/** Removes a snapshot and its preserved copy (document deleted); the caller syncs the directory. */
export async function removeSnapshot(docsDir: string, docId: string): Promise<void> {
  await unlinkIfThere(prevPath(docsDir, docId));
  await unlinkIfThere(snapshotPath(docsDir, docId));
}

export interface SnapshotRead {
  snapshots: SnapshotFile[];
  warnings: string[];
}

/**
 * Reads every snapshot. An unreadable one is reported and skipped rather than
 * stopping start-up: the journal may still hold the document's events, and the
 * other documents stay available.
 */
export async function readSnapshots(docsDir: string): Promise<SnapshotRead> {
  const names = (await readdir(docsDir)).filter((n) => SNAPSHOT_RE.test(n));
  const warnings: string[] = [];
  const snapshots: SnapshotFile[] = [];
  const read = (path: string) => new DataFile<SnapshotFile>(path, { parse: parseSnapshot, stringify: JSON.stringify }).read();
  const results = await mapLimit(names, 16, async (name) => {
    try {
      return await read(join(docsDir, name));
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      const id = name.slice(0, -'.json'.length);
      const prev = await read(prevPath(docsDir, id)).catch(() => null);
      if (prev) {
        warnings.push(`snapshot docs/${name} is unreadable (${why}); using the previous one, seq ${prev.seq}, and the journal after it`);
        return prev;
      }
      warnings.push(`snapshot docs/${name} is unreadable and was ignored: ${why}`);
      return null;
    }
  });
  for (const [i, s] of results.entries()) {
    if (!s) continue;
    if (`${s.doc.id}.json` !== names[i]) {
      warnings.push(`snapshot docs/${names[i] ?? '?'} holds document ${s.doc.id} and was ignored`);
      continue;
    }
    snapshots.push(s);
  }
  return { snapshots, warnings };
}
