import { can } from '../../../../shared/domain/roles.js';
import { docLangs } from '../../../../shared/domain/types.js';
import type { Lang, PublicUser } from '../../../../shared/index.js';
import { api } from '../../api/http.js';
import { newOpId } from '../../api/review.js';
import type { ReviewTransport } from '../../api/review.js';
import type { DocSync } from '../sync/index.js';
import { beforeJoin, lastText } from './history.js';

/** A structure edit this tab made, with what its undo needs. */
export type StructureOp =
  | { kind: 'split'; paragraphId: string; newId: string; source: string }
  | { kind: 'join'; paragraphId: string; nextId: string }
  | { kind: 'insert'; paragraphId: string }
  | { kind: 'delete'; paragraphId: string; afterId: string | null };

export interface UndoDeps {
  sync: DocSync;
  user: PublicUser;
  send: ReviewTransport['send'];
}

type Outcome = { ok: true; focus: string | null } | { ok: false; code: string };

/** Resolves once the engine's copy of the document satisfies `ready` (the event of an acked step arrives just before or after its ack). */
export async function until(sync: DocSync, ready: () => boolean, ms = 5000): Promise<boolean> {
  const end = Date.now() + ms;
  while (!ready()) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

const has = (sync: DocSync, id: string): boolean => sync.doc?.paragraphs.some((p) => p.id === id) ?? false;

/**
 * Brings a paragraph that was deleted (or joined away) back after `afterId`,
 * each cell with the text its history last held: the server keeps a removed
 * paragraph's history, so nothing structure editing does is ever lost. Cells
 * of languages this user may not write are left empty.
 */
async function reinsert(deps: UndoDeps, docId: string, goneId: string, afterId: string | null): Promise<Outcome> {
  const doc = deps.sync.doc;
  if (!doc) return { ok: false, code: 'network' };
  const texts = new Map<Lang, string>();
  for (const lang of docLangs(doc)) {
    const h = await api.cellHistory(docId, goneId, lang);
    // A removed paragraph's cell that never had text has no history at all: it comes back empty.
    if (!h.ok && h.error.code !== 'paragraph_not_found') return { ok: false, code: h.error.code };
    texts.set(lang, h.ok ? lastText(h.data.revisions) : '');
  }
  const r = await deps.send('paragraph:insert', { docId, opId: newOpId(), afterId, text: texts.get(doc.sourceLang) ?? '' });
  if (!r.ok) return { ok: false, code: r.error.code };
  const id = r.data.paragraphId;
  await until(deps.sync, () => has(deps.sync, id));
  for (const lang of doc.targetLangs) {
    const text = texts.get(lang) ?? '';
    if (text !== '' && can(deps.user, 'cell.edit', { lang, doc })) deps.sync.setLocalText(id, lang, text);
  }
  return { ok: true, focus: id };
}

/** The inverse of one structure edit, as new steps: history is never rewritten. */
export async function undoOp(deps: UndoDeps, docId: string, op: StructureOp): Promise<Outcome> {
  const { sync, send } = deps;
  switch (op.kind) {
    case 'insert': {
      const r = await send('paragraph:delete', { docId, opId: newOpId(), paragraphId: op.paragraphId });
      return r.ok ? { ok: true, focus: null } : { ok: false, code: r.error.code };
    }
    case 'split': {
      const r = await send('paragraph:join', { docId, opId: newOpId(), paragraphId: op.paragraphId });
      if (!r.ok) return { ok: false, code: r.error.code };
      // A join puts a space between the halves where neither had one: the source goes back to exactly what it was.
      const src = sync.doc?.sourceLang;
      if (src && (await until(sync, () => !has(sync, op.newId))) && sync.textOf(op.paragraphId, src) !== op.source) {
        sync.setLocalText(op.paragraphId, src, op.source);
      }
      return { ok: true, focus: op.paragraphId };
    }
    case 'delete':
      return reinsert(deps, docId, op.paragraphId, op.afterId);
    case 'join': {
      const doc = sync.doc;
      if (!doc) return { ok: false, code: 'network' };
      for (const lang of docLangs(doc)) {
        if (!can(deps.user, 'cell.edit', { lang, doc })) continue;
        const h = await api.cellHistory(docId, op.paragraphId, lang);
        if (!h.ok) return { ok: false, code: h.error.code };
        const before = beforeJoin(h.data.revisions);
        if (before) sync.setLocalText(op.paragraphId, lang, before.text);
      }
      return reinsert(deps, docId, op.nextId, op.paragraphId);
    }
  }
}
