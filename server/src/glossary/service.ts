import { AppError, LANGS } from '../../../shared/index.js';
import type { GlossaryFormat, GlossaryImportResult, GlossaryTermBody, GlossaryTermDto } from '../../../shared/index.js';
import { glossarySchema } from '../../../shared/qa/glossarySchema.js';
import type { Glossary, GlossaryTerm } from '../../../shared/qa/types.js';
import { badRequest, issuesOf } from '../errors.js';
import { newId } from '../services/ids.js';
import type { GlossaryStore, GlossaryTermRecord } from '../storage/types.js';
import { glossaryFromCsv, glossaryToCsv } from './csv.js';
import { glossaryFromTbx, glossaryToTbx } from './tbx.js';

function termOnly(r: GlossaryTermRecord): GlossaryTerm {
  const { id: _id, updatedAt: _at, updatedBy: _by, ...term } = r;
  return term;
}

/** Two terms are "the same" on import when they agree on the first language both render (English first). */
function identity(t: GlossaryTerm): string | null {
  for (const l of LANGS) if (t[l]) return `${l}:${t[l].normalize('NFC').toLowerCase()}`;
  return null;
}

/**
 * The project glossary (one per installation). Kept in memory, written
 * through to glossary.json. Read by everyone signed in, changed by admins
 * (see the routes), and handed to the QA engine for whole-document checks.
 */
export class GlossaryService {
  private terms: GlossaryTermRecord[] = [];
  private changed: () => void = () => {};
  /** Changes made here whose store write has not finished: a reload then would read the store without them. */
  private writing = 0;
  /** Counts changes made here: a reload that saw one start while it read drops what it read. */
  private generation = 0;

  constructor(private readonly store: GlossaryStore) {}

  /**
   * Reads the terms from the store: at start, and when another node changed
   * them (several nodes share one store). Skipped while a change of this
   * node's own is being written, which announces itself when done.
   */
  async load(): Promise<void> {
    if (this.writing > 0) return;
    const before = this.generation;
    const terms = await this.store.list();
    if (this.writing === 0 && this.generation === before) this.terms = terms;
  }

  /** Called after every change made here, once stored (the other nodes then reload). */
  onChange(listener: () => void): void {
    this.changed = listener;
  }

  private async write(fn: () => Promise<unknown>): Promise<void> {
    this.writing++;
    this.generation++;
    try {
      await fn();
    } finally {
      this.writing--;
    }
    this.changed();
  }

  list(): GlossaryTermDto[] {
    return structuredClone(this.terms);
  }

  /** The shape the QA engine takes. */
  glossary(): Glossary {
    return { terms: this.terms.map(termOnly) };
  }

  async create(body: GlossaryTermBody, by: string): Promise<GlossaryTermDto> {
    const rec: GlossaryTermRecord = { ...body, id: newId('g_'), updatedAt: new Date().toISOString(), updatedBy: by };
    // Memory first, in the same tick as the store's own copy, so concurrent changes cannot overwrite each other.
    this.terms.push(rec);
    await this.write(() => this.store.putMany([rec]));
    return structuredClone(rec);
  }

  async update(id: string, body: GlossaryTermBody, by: string): Promise<GlossaryTermDto> {
    const i = this.terms.findIndex((t) => t.id === id);
    if (i < 0) throw new AppError('not_found', `no glossary term ${id}`);
    const rec: GlossaryTermRecord = { ...body, id, updatedAt: new Date().toISOString(), updatedBy: by };
    this.terms[i] = rec;
    await this.write(() => this.store.putMany([rec]));
    return structuredClone(rec);
  }

  async remove(id: string): Promise<void> {
    if (!this.terms.some((t) => t.id === id)) throw new AppError('not_found', `no glossary term ${id}`);
    this.terms = this.terms.filter((t) => t.id !== id);
    await this.write(() => this.store.remove(id));
  }

  export(format: GlossaryFormat): string {
    const terms = this.terms.map(termOnly);
    return format === 'csv' ? glossaryToCsv(terms) : glossaryToTbx(terms);
  }

  /**
   * Parses the whole file and validates every term before anything is
   * written: a file with one bad term changes nothing (all problems are
   * reported at once, with the term's position).
   */
  async import(format: GlossaryFormat, content: string, mode: 'merge' | 'replace', by: string): Promise<GlossaryImportResult> {
    const raw = format === 'csv' ? glossaryFromCsv(content) : glossaryFromTbx(content);
    const parsed = glossarySchema.safeParse({ terms: raw });
    if (!parsed.success) throw badRequest(issuesOf(parsed.error, format));
    const incoming = parsed.data.terms.filter((t) => identity(t) !== null);
    const at = new Date().toISOString();
    const base = mode === 'replace' ? [] : [...this.terms];
    const byIdentity = new Map<string, number>();
    base.forEach((t, i) => {
      const k = identity(t);
      if (k) byIdentity.set(k, i);
    });
    let added = 0;
    let updated = 0;
    const changed: GlossaryTermRecord[] = [];
    for (const t of incoming) {
      const k = identity(t)!;
      const at_ = byIdentity.get(k);
      if (at_ !== undefined) {
        const rec: GlossaryTermRecord = { ...t, id: base[at_]!.id, updatedAt: at, updatedBy: by };
        base[at_] = rec;
        changed.push(rec);
        updated++;
      } else {
        const rec: GlossaryTermRecord = { ...t, id: newId('g_'), updatedAt: at, updatedBy: by };
        byIdentity.set(k, base.length);
        base.push(rec);
        changed.push(rec);
        added++;
      }
    }
    this.terms = base;
    await this.write(() => (mode === 'replace' ? this.store.replaceAll(base) : this.store.putMany(changed)));
    return { added, updated, total: base.length };
  }
}
