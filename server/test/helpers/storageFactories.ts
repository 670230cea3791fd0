import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocEvent, DocEventBody, DocumentState, Lang } from '../../../shared/index.js';
import { applyEvent, documentFromCreated, emptyCell } from '../../../shared/index.js';

/**
 * Builders for storage tests and the storage benchmark: events that form a
 * valid history for one document, so replay exercises the real reducer.
 */
export class DocEventFactory {
  readonly docId: string;
  #seq = 0;
  #clock = Date.UTC(2026, 0, 1);

  constructor(docId: string) {
    this.docId = docId;
  }

  get seq(): number {
    return this.#seq;
  }

  #next(body: DocEventBody, by = 'u1'): DocEvent {
    this.#seq++;
    this.#clock += 1000;
    return { docId: this.docId, seq: this.#seq, at: new Date(this.#clock).toISOString(), by, opId: null, ...body };
  }

  /** A document with `paragraphs` source paragraphs `p1…pN` in English, translated to zh and ru. */
  created(paragraphs = 2): DocEvent {
    const ps = Array.from({ length: paragraphs }, (_, i) => ({
      id: `p${i + 1}`,
      cells: {
        en: { ...emptyCell(), text: `Paragraph ${i + 1}.`, rev: 1, status: 'draft' as const },
        zh: emptyCell(),
        ru: emptyCell(),
      },
    }));
    return this.#next({
      type: 'document.created',
      doc: {
        id: this.docId,
        title: `Document ${this.docId}`,
        sourceLang: 'en',
        targetLangs: ['zh', 'ru'],
        createdAt: new Date(this.#clock).toISOString(),
        createdBy: 'u1',
        paragraphs: ps,
      },
    });
  }

  /** An edit of a cell at `rev` (the revision it produces). */
  edited(paragraphId: string, lang: Lang, text: string, rev: number, by = 'u1'): DocEvent {
    return this.#next({ type: 'cell.edited', paragraphId, lang, kind: 'edit', text, rev, status: 'draft' }, by);
  }

  inserted(index: number, paragraphId: string, text: string): DocEvent {
    return this.#next({ type: 'paragraph.inserted', index, paragraphId, text });
  }

  approved(paragraphId: string, lang: Lang, rev: number): DocEvent {
    return this.#next({ type: 'cell.status', paragraphId, lang, status: 'approved', rev }, 'reviewer');
  }

  deleted(): DocEvent {
    return this.#next({ type: 'document.deleted' });
  }
}

/**
 * `n` edits of one document after its creation: round-robin over paragraphs
 * and target languages, each edit ~200 bytes of JSON like a real typing burst.
 */
export function editBurst(f: DocEventFactory, n: number, paragraphs: number): DocEvent[] {
  const langs: Lang[] = ['zh', 'ru'];
  const revs = new Map<string, number>();
  const out: DocEvent[] = [];
  for (let i = 0; i < n; i++) {
    const p = `p${(i % paragraphs) + 1}`;
    const lang = langs[Math.floor(i / paragraphs) % langs.length]!;
    const key = `${p}:${lang}`;
    const rev = (revs.get(key) ?? 0) + 1;
    revs.set(key, rev);
    out.push(f.edited(p, lang, `Перевод ${i}: 译文 ${rev} — text`, rev));
  }
  return out;
}

/** A fresh temporary data directory and its removal. */
export async function tempDataDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'anor-storage-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** What the server would hold in memory after these events: the expected result of a reload. */
export function reduceAll(events: readonly DocEvent[], into = new Map<string, DocumentState>()): Map<string, DocumentState> {
  for (const ev of events) {
    if (ev.type === 'document.created') {
      const d = documentFromCreated(ev, true);
      into.set(ev.docId, { ...d, history: d.history ?? {} });
    } else if (ev.type === 'document.deleted') {
      into.delete(ev.docId);
    } else {
      const doc = into.get(ev.docId);
      if (!doc) throw new Error(`test events reference unknown document ${ev.docId}`);
      applyEvent(doc, ev);
    }
  }
  return into;
}

/** Documents in id order, for deep-equal comparisons independent of load order. */
export function byId(docs: Iterable<DocumentState>): DocumentState[] {
  return [...docs].sort((a, b) => a.id.localeCompare(b.id));
}
