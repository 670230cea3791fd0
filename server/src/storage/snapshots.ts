import { join } from 'node:path';
import type { DocumentState } from '../../../shared/index.js';
import { timeSlicer } from '../slices.js';
import type { StorageFs } from './fs.js';
import { isErrno, replaceFile } from './fsync.js';
import { mapLimit } from './pool.js';

/**
 * One snapshot file per document: `docs/<docId>.json`, compact JSON
 * `{"v":1,"seq":N,"doc":{…}}` where N is the last event seq the snapshot covers.
 * Written with replaceFile (temp file, fdatasync, rename), and the caller
 * syncs the directory once per batch before any journal segment the new
 * snapshots cover is dropped: after a power cut `<id>.json` is the old
 * snapshot or the new one, whole.
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

/** Writes one snapshot durably (the directory is synced by the caller, once per batch). */
export async function writeSnapshot(fs: StorageFs, docsDir: string, docId: string, json: string): Promise<void> {
  await replaceFile(fs, snapshotPath(docsDir, docId), json);
}

/**
 * `.<id>.json.prev`: a copy of the snapshot that versions before issue 13
 * kept while rewriting it (lowdb renamed before syncing). Still read as a
 * fallback when `<id>.json` is unreadable, and removed with the document.
 */
function prevPath(docsDir: string, docId: string): string {
  return join(docsDir, `.${docId}.json.prev`);
}

async function unlinkIfThere(fs: StorageFs, path: string): Promise<void> {
  try {
    await fs.unlink(path);
  } catch (e) {
    if (!isErrno(e, 'ENOENT')) throw e;
  }
}

/** Drops an old copy once a new snapshot of the document is durable (no sync needed: a leftover is harmless). */
export async function removePrevCopy(fs: StorageFs, docsDir: string, docId: string): Promise<void> {
  await unlinkIfThere(fs, prevPath(docsDir, docId));
}

/** Removes a snapshot and any old copy (document deleted); the caller syncs the directory. */
export async function removeSnapshot(fs: StorageFs, docsDir: string, docId: string): Promise<void> {
  await unlinkIfThere(fs, prevPath(docsDir, docId));
  await unlinkIfThere(fs, snapshotPath(docsDir, docId));
}

/** One document's snapshot, or undefined when it has no file. */
export async function readSnapshot(fs: StorageFs, docsDir: string, docId: string): Promise<SnapshotFile | undefined> {
  let text: string;
  try {
    text = await fs.readText(snapshotPath(docsDir, docId));
  } catch (e) {
    if (isErrno(e, 'ENOENT')) return undefined;
    throw e;
  }
  return parseSnapshot(text);
}

/** The ids of every snapshot in `docsDir`, sorted. */
export async function snapshotIds(fs: StorageFs, docsDir: string): Promise<string[]> {
  return (await fs.readdir(docsDir)).flatMap((n) => SNAPSHOT_RE.exec(n)?.[1] ?? []).sort();
}

export interface SnapshotRead {
  snapshots: SnapshotFile[];
  warnings: string[];
  /** Documents with a `.prev` copy left by an older version (removed after their next snapshot). */
  prevCopies: string[];
}

const PREV_RE = /^\.([A-Za-z0-9_-]{1,128})\.json\.prev$/;

/**
 * Reads every snapshot. An unreadable one is reported and skipped rather than
 * stopping start-up: the journal may still hold the document's events, and the
 * other documents stay available.
 */
export async function readSnapshots(fs: StorageFs, docsDir: string): Promise<SnapshotRead> {
  const all = await fs.readdir(docsDir);
  const names = all.filter((n) => SNAPSHOT_RE.test(n));
  const prevCopies = all.flatMap((n) => PREV_RE.exec(n)?.[1] ?? []);
  const warnings: string[] = [];
  const snapshots: SnapshotFile[] = [];
  const read = async (path: string): Promise<SnapshotFile> => parseSnapshot(await fs.readText(path));
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
  return { snapshots, warnings, prevCopies };
}
