import { join } from 'node:path';
import type { DocumentState } from '../../../shared/index.js';
import { timeSlicer } from '../slices.js';
import type { StorageFs } from './fs.js';
import { isErrno, replaceFile } from './fsync.js';
import { mapLimit } from './pool.js';
import { stubOf } from './stub.js';
import type { DocumentStub } from './types.js';

/**
 * One snapshot file per document: `docs/<docId>.json`, two lines of compact
 * JSON: a header `{"v":2,"seq":N,"stub":{…}}` (what lists, authorisation and
 * the inbox need: DocumentStub), then the whole document at seq N, the last
 * event seq the snapshot covers. Start-up reads only the header of a
 * document the journal does not touch (readSnapshotHeader), so it costs the
 * same whatever the document's size or history. Files of version 1 (one line
 * `{"v":1,"seq":N,"doc":{…}}`, before the header) are still read.
 * Written with replaceFile (temp file, fdatasync, rename), and the caller
 * syncs the directory once per batch before any journal segment the new
 * snapshots cover is dropped: after a power cut `<id>.json` is the old
 * snapshot or the new one, whole (header and document together).
 */
export interface SnapshotFile {
  seq: number;
  doc: DocumentState;
}

/** What the first line of a version 2 snapshot says. */
export interface SnapshotHeader {
  v: 2;
  seq: number;
  stub: DocumentStub;
}

/** Document ids become file names, so only a safe alphabet is accepted (the wire ids are the same). */
const SAFE_ID = /^[A-Za-z0-9_-]{1,128}$/;
const SNAPSHOT_RE = /^([A-Za-z0-9_-]{1,128})\.json$/;

export function snapshotPath(docsDir: string, docId: string): string {
  if (!SAFE_ID.test(docId)) throw new Error(`document id ${JSON.stringify(docId)} cannot name a file`);
  return join(docsDir, `${docId}.json`);
}

function headerLine(doc: DocumentState): string {
  const header: SnapshotHeader = { v: 2, seq: doc.seq, stub: stubOf(doc) };
  // JSON.stringify escapes every newline inside strings: the first newline of the file ends the header.
  return `${JSON.stringify(header)}\n`;
}

/** Serialises now (so the caller may keep mutating the document); compact, no indentation. */
export function serializeSnapshot(doc: DocumentState): string {
  return headerLine(doc) + JSON.stringify(doc);
}

/**
 * A snapshot taken now and written out later, in slices. History is most of a
 * long-lived document (100,000 revisions are about 16 MB of JSON and 150 ms of
 * JSON.stringify), and serialising it in one go would stall every editor on
 * the server at each checkpoint. History is append-only (the reducer only
 * pushes new revision objects), so the first `length` entries of each array
 * captured now are the history at this seq whatever is appended meanwhile;
 * everything else (paragraphs, cells, comments) is small, mutable, and
 * serialised right away. `render()` gives, in pieces to be written one after
 * the other, JSON that parses to what serializeSnapshot would have given at
 * capture time: pieces, because joining a large document's into one string and
 * encoding that at once (what writing a string does) holds the main thread up
 * for as long again.
 */
export function captureSnapshot(doc: DocumentState, sliceMs = 8): { seq: number; render: () => Promise<string[]> } {
  const { history, ...rest } = doc;
  const header = headerLine(doc);
  const head = JSON.stringify(rest);
  const captured = Object.entries(history).map(([key, revisions]) => ({ key, revisions, length: revisions.length }));
  const render = async (): Promise<string[]> => {
    // head is the document without its history, {…}: the history goes in before the closing brace.
    const open = head.slice(0, -1);
    const pieces: string[] = [`${header}${open}${open.endsWith('{') ? '' : ','}"history":{`];
    const pause = timeSlicer(sliceMs);
    let first = true;
    for (const { key, revisions, length } of captured) {
      const items: string[] = [];
      for (let i = 0; i < length; i++) {
        items.push(JSON.stringify(revisions[i]));
        // The clock is read every 256 revisions, not every one.
        if ((i & 255) === 255) await pause();
      }
      pieces.push(`${first ? '' : ','}${JSON.stringify(key)}:[${items.join(',')}]`);
      first = false;
      await pause();
    }
    pieces.push('}}');
    return pieces;
  };
  return { seq: doc.seq, render };
}

/** A snapshot file's text, either version. */
export function parseSnapshot(text: string): SnapshotFile {
  const nl = text.indexOf('\n');
  if (nl >= 0) {
    const header = parseHeader(text.slice(0, nl));
    const doc: unknown = JSON.parse(text.slice(nl + 1));
    if (!isDocument(doc, header.seq)) throw new Error('the document does not match its snapshot header');
    return { seq: header.seq, doc };
  }
  const raw: unknown = JSON.parse(text);
  if (typeof raw !== 'object' || raw === null) throw new Error('not a snapshot');
  const f = raw as Partial<Record<'v' | 'seq' | 'doc', unknown>>;
  if (f.v !== 1 || typeof f.seq !== 'number' || !isDocument(f.doc, f.seq)) throw new Error('not a version 1 snapshot');
  return { seq: f.seq, doc: f.doc };
}

function parseHeader(line: string): SnapshotHeader {
  const raw: unknown = JSON.parse(line);
  if (typeof raw !== 'object' || raw === null) throw new Error('not a snapshot header');
  const h = raw as Partial<Record<keyof SnapshotHeader, unknown>>;
  const stub = h.stub as Partial<DocumentStub> | undefined;
  if (h.v !== 2 || typeof h.seq !== 'number' || typeof stub?.meta?.id !== 'string' || typeof stub.summary !== 'object') {
    throw new Error('not a version 2 snapshot header');
  }
  return raw as SnapshotHeader;
}

function isDocument(v: unknown, seq: number): v is DocumentState {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Partial<Record<keyof DocumentState, unknown>>;
  return typeof d.id === 'string' && d.seq === seq && Array.isArray(d.paragraphs) && typeof d.history === 'object' && d.history !== null;
}

const HEADER_CHUNK = 16 * 1024;
const V2_PREFIX = '{"v":2,';
/** A header is a few KB (its mentioning comments are the only part that grows); past this, read the file whole. */
const MAX_HEADER_BYTES = 4 * 1024 * 1024;

/**
 * The header of `docs/<docId>.json`, read up to its newline without reading
 * the document after it; undefined for a version 1 file (no header) or one
 * whose header is unreadable, which the caller then reads whole.
 */
export async function readSnapshotHeader(fs: StorageFs, docsDir: string, docId: string): Promise<SnapshotHeader | undefined> {
  const fh = await fs.open(snapshotPath(docsDir, docId), 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    while (total < MAX_HEADER_BYTES) {
      const buf = Buffer.allocUnsafe(HEADER_CHUNK);
      const { bytesRead } = await fh.read(buf, 0, HEADER_CHUNK, null);
      if (bytesRead === 0) return undefined;
      const nl = buf.subarray(0, bytesRead).indexOf(0x0a);
      if (nl >= 0) {
        chunks.push(buf.subarray(0, nl));
        const header = parseHeader(Buffer.concat(chunks).toString('utf8'));
        return header.stub.meta.id === docId ? header : undefined;
      }
      // Version 1 has no header to find: say so at once rather than read the whole file looking for a newline.
      if (total === 0 && !buf.subarray(0, bytesRead).toString('latin1').startsWith(V2_PREFIX.slice(0, bytesRead))) return undefined;
      chunks.push(buf.subarray(0, bytesRead));
      total += bytesRead;
    }
    return undefined;
  } catch {
    return undefined;
  } finally {
    await fh.close();
  }
}

/** Writes one snapshot durably (the directory is synced by the caller, once per batch). */
export async function writeSnapshot(fs: StorageFs, docsDir: string, docId: string, json: string | readonly string[]): Promise<void> {
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
  /** Documents read by their header alone (`full` said no, and the file had one). */
  headers: SnapshotHeader[];
  /** Of `snapshots`, those read whole only because they are version 1 files (no header): worth rewriting once. */
  unversioned: string[];
  warnings: string[];
  /** Documents with a `.prev` copy left by an older version (removed after their next snapshot). */
  prevCopies: string[];
}

const PREV_RE = /^\.([A-Za-z0-9_-]{1,128})\.json\.prev$/;

/**
 * Reads every snapshot: whole, or, where `full(id)` says no, only its header.
 * An unreadable one is reported and skipped rather than stopping start-up:
 * the journal may still hold the document's events, and the other documents
 * stay available.
 */
export async function readSnapshots(fs: StorageFs, docsDir: string, full: (id: string) => boolean = () => true): Promise<SnapshotRead> {
  const all = await fs.readdir(docsDir);
  const names = all.filter((n) => SNAPSHOT_RE.test(n));
  const prevCopies = all.flatMap((n) => PREV_RE.exec(n)?.[1] ?? []);
  const warnings: string[] = [];
  const out: SnapshotRead = { snapshots: [], headers: [], unversioned: [], warnings, prevCopies };
  const read = async (path: string): Promise<SnapshotFile> => parseSnapshot(await fs.readText(path));
  const results = await mapLimit(names, 16, async (name): Promise<SnapshotFile | SnapshotHeader | null> => {
    const id = name.slice(0, -'.json'.length);
    if (!full(id)) {
      const header = await readSnapshotHeader(fs, docsDir, id);
      if (header) return header;
    }
    try {
      return await read(join(docsDir, name));
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
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
    if ('stub' in s) {
      out.headers.push(s);
      continue;
    }
    if (`${s.doc.id}.json` !== names[i]) {
      warnings.push(`snapshot docs/${names[i] ?? '?'} holds document ${s.doc.id} and was ignored`);
      continue;
    }
    out.snapshots.push(s);
    if (!full(s.doc.id)) out.unversioned.push(s.doc.id);
  }
  return out;
}
