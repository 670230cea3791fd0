import { createHash } from 'node:crypto';
import type { Storage } from '../index.js';
import { KindHash } from './canonical.js';

/** What `anor migrate` reads and writes: every store but the throttles' counters (minutes of memory, nothing to keep). */
export type TransferStores = Pick<Storage, 'documents' | 'users' | 'sessions' | 'shares' | 'glossary' | 'tm' | 'sources'>;

/** Every kind of record copied, in the order they are copied and printed. */
export const KINDS = ['users', 'sessions', 'shares', 'glossary', 'tm', 'sources', 'documents'] as const;
export type Kind = (typeof KINDS)[number];

export interface KindFigures {
  count: number;
  hash: string;
}

export interface Content {
  kinds: Record<Kind, KindFigures>;
  /** SHA-256 over every kind's count and hash. */
  hash: string;
}

/** One value per kind. */
function perKind<T>(f: (kind: Kind) => T): Record<Kind, T> {
  const out: Partial<Record<Kind, T>> = {};
  for (const k of KINDS) out[k] = f(k);
  return out as Record<Kind, T>;
}

/** Restricts a description to these keys per kind (a copy into a target that held data before). */
export type KeyFilter = Record<Kind, ReadonlySet<string>>;

/** Hashes, kind by kind; `keys` keeps what each kind held, for a later filtered description. */
export class ContentHasher {
  readonly hashes = perKind(() => new KindHash());

  constructor(private readonly only?: KeyFilter) {}

  add(kind: Kind, key: string, record: unknown): void {
    if (this.only && !this.only[kind].has(key)) return;
    this.hashes[kind].add(key, record);
  }

  keys(): KeyFilter {
    return perKind((k) => this.hashes[k].keys());
  }

  result(): Content {
    const kinds = perKind((k): KindFigures => ({ count: this.hashes[k].count, hash: this.hashes[k].digest() }));
    const total = createHash('sha256');
    for (const k of KINDS) total.update(`${k}\t${kinds[k].count}\t${kinds[k].hash}\n`);
    return { kinds, hash: total.digest('hex') };
  }
}

/**
 * Reads every record of `stores` (documents one at a time) and describes it.
 * The same function describes both sides of a copy, so the figures compare.
 */
export async function describe(stores: TransferStores, only?: KeyFilter): Promise<Content> {
  const h = new ContentHasher(only);
  for (const u of await stores.users.list()) h.add('users', u.id, u);
  for (const s of await stores.sessions.exportSessions()) h.add('sessions', s.sid, s);
  for (const s of await stores.shares.list()) h.add('shares', s.id, s);
  for (const t of await stores.glossary.list()) h.add('glossary', t.id, t);
  for (const e of await stores.tm.list()) h.add('tm', e.id, e);
  for (const id of await stores.sources.ids()) {
    const r = await stores.sources.get(id);
    if (r) h.add('sources', id, r);
  }
  for await (const doc of stores.documents.exportDocuments()) h.add('documents', doc.id, doc);
  return h.result();
}

/** Whether the stores hold anything at all (stops at the first record found). */
export async function isEmpty(stores: TransferStores): Promise<boolean> {
  if ((await stores.users.count()) > 0) return false;
  if ((await stores.sessions.exportSessions()).length > 0) return false;
  if ((await stores.shares.list()).length > 0 || (await stores.glossary.list()).length > 0) return false;
  if ((await stores.tm.list()).length > 0 || (await stores.sources.ids()).length > 0) return false;
  for await (const doc of stores.documents.exportDocuments()) {
    void doc;
    return false;
  }
  return true;
}
