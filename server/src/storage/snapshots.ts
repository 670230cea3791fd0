import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { DataFile } from 'lowdb/node';
import type { DocumentState } from '../../../shared/index.js';
import { fsyncPath, isErrno } from './fsync.js';
import { mapLimit } from './pool.js';

/**
 * One snapshot file per document: `docs/<docId>.json`, compact JSON
 * `{"v":1,"seq":N,"doc":{…}}` where N is the last event seq the snapshot covers.
 * lowdb's DataFile does the write (temp file + rename, so a reader never sees a
 * half file); we add the fsyncs it leaves out.
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
  return (
    typeof d.id === 'string' &&
    d.seq === f.seq &&
    Array.isArray(d.paragraphs) &&
    typeof d.history === 'object' &&
    d.history !== null
  );
}

/** Already-serialised text goes straight through lowdb's DataFile. */
const passThrough = { parse: (s: string): string => s, stringify: (s: string): string => s };

/** Writes one snapshot durably: lowdb's temp+rename, then fsync of the file (the directory is synced by the caller, once per batch). */
export async function writeSnapshot(docsDir: string, docId: string, json: string): Promise<void> {
  const path = snapshotPath(docsDir, docId);
  await new DataFile<string>(path, passThrough).write(json);
  await fsyncPath(path);
}

/** Removes a snapshot (document deleted); the caller syncs the directory. */
export async function removeSnapshot(docsDir: string, docId: string): Promise<void> {
  try {
    await unlink(snapshotPath(docsDir, docId));
  } catch (e) {
    if (!isErrno(e, 'ENOENT')) throw e;
  }
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
  const results = await mapLimit(names, 16, async (name) => {
    try {
      return await new DataFile<SnapshotFile>(join(docsDir, name), { parse: parseSnapshot, stringify: JSON.stringify }).read();
    } catch (e) {
      warnings.push(`snapshot docs/${name} is unreadable and was ignored: ${e instanceof Error ? e.message : String(e)}`);
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
