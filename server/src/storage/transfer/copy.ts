import { canonicalJson } from './canonical.js';
import { ContentHasher, describe } from './content.js';
import type { Content, Kind, TransferStores } from './content.js';

/** A record the target already has under the same key, with other content (a copy with `merge`). */
export class TransferConflictError extends Error {
  readonly code = 'target_conflict';
  constructor(
    readonly kind: Kind,
    readonly key: string,
  ) {
    super(`the target already has ${kind} ${key} with other content; nothing of it was overwritten`);
    this.name = 'TransferConflictError';
  }
}

export interface CopyResult {
  source: Content;
  /** The target described after the copy (only the source's keys, with `merge`). */
  target: Content;
  /** Records the target had already, identical, and were left as they were (`merge`). */
  skipped: number;
}

const same = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);

/**
 * Copies every record of `from` into `to`, describing the source as it reads it
 * and the target afterwards. Without `merge` the caller has checked that the
 * target is empty; with it, a record the target already holds identically is
 * skipped (so an interrupted copy can be run again) and one that differs stops
 * the copy with TransferConflictError. Nothing in the target is ever deleted.
 * Documents go one at a time, so memory holds one document, not all.
 */
export async function copyContent(from: TransferStores, to: TransferStores, opts: { merge: boolean }): Promise<CopyResult> {
  const h = new ContentHasher();
  let skipped = 0;
  /** True when the record must be written; false when the target has it already, identical. */
  const fresh = (kind: Kind, key: string, record: unknown, existing: unknown): boolean => {
    h.add(kind, key, record);
    if (!opts.merge || existing === undefined) return true;
    if (!same(record, existing)) throw new TransferConflictError(kind, key);
    skipped++;
    return false;
  };
  const byKey = <T>(items: readonly T[], key: (t: T) => string): Map<string, T> => new Map(items.map((t) => [key(t), t]));
  const targetOf = async <T>(list: () => Promise<T[]>, key: (t: T) => string): Promise<Map<string, T>> =>
    opts.merge ? byKey(await list(), key) : new Map<string, T>();

  for (const u of await from.users.list()) {
    if (fresh('users', u.id, u, opts.merge ? await to.users.getById(u.id) : undefined)) await to.users.create(u);
  }

  const sessions = await targetOf(
    () => to.sessions.exportSessions(),
    (s) => s.sid,
  );
  await to.sessions.importSessions((await from.sessions.exportSessions()).filter((s) => fresh('sessions', s.sid, s, sessions.get(s.sid))));

  const shares = await targetOf(
    () => to.shares.list(),
    (s) => s.id,
  );
  for (const s of await from.shares.list()) if (fresh('shares', s.id, s, shares.get(s.id))) await to.shares.add(s);

  const terms = await targetOf(
    () => to.glossary.list(),
    (t) => t.id,
  );
  await to.glossary.putMany((await from.glossary.list()).filter((t) => fresh('glossary', t.id, t, terms.get(t.id))));

  const tm = await targetOf(
    () => to.tm.list(),
    (e) => e.id,
  );
  await to.tm.addMany((await from.tm.list()).filter((e) => fresh('tm', e.id, e, tm.get(e.id))));

  for (const id of await from.sources.ids()) {
    const r = await from.sources.get(id);
    if (r && fresh('sources', id, r, opts.merge ? await to.sources.get(id) : undefined)) await to.sources.put(r);
  }

  for await (const doc of from.documents.exportDocuments()) {
    if (fresh('documents', doc.id, doc, opts.merge ? await to.documents.read(doc.id) : undefined)) await to.documents.importDocument(doc);
  }

  const source = h.result();
  const target = await describe(to, opts.merge ? h.keys() : undefined);
  return { source, target, skipped };
}
