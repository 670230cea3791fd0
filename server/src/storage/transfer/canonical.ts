import { createHash } from 'node:crypto';

/**
 * Canonical JSON: object keys sorted, undefined members left out (JSON has
 * no undefined, and a store that keeps "absent" as NULL gives it back absent),
 * bytes as base64. Two stores hold the same content exactly when their records
 * give the same canonical text, whatever order a database returns a jsonb
 * object's keys in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (value instanceof Uint8Array) return JSON.stringify(Buffer.from(value).toString('base64'));
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((v: unknown) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new TypeError(`cannot put a ${typeof value} in canonical JSON`);
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The hash of one kind of record: each record's canonical JSON hashed, then
 * the (key, hash) pairs in key order hashed together. Order-free, so a store
 * that lists in another order (or a document store read in any order) gives
 * the same figure; the copy keeps list order anyway.
 */
export class KindHash {
  readonly #records = new Map<string, string>();

  add(key: string, record: unknown): void {
    if (this.#records.has(key)) throw new Error(`two records with the key ${key}`);
    this.#records.set(key, sha256(canonicalJson(record)));
  }

  get count(): number {
    return this.#records.size;
  }

  keys(): Set<string> {
    return new Set(this.#records.keys());
  }

  digest(): string {
    const h = createHash('sha256');
    for (const key of [...this.#records.keys()].sort()) h.update(`${key}\t${this.#records.get(key) ?? ''}\n`);
    return h.digest('hex');
  }
}
