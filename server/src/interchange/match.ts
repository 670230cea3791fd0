import type { DocumentSnapshot } from '../../../shared/index.js';
import type { XliffUnit } from './units.js';

export type MatchedBy = 'id' | 'reference' | 'source';

export interface UnitMatch {
  unit: XliffUnit;
  /** The paragraph the unit belongs to, or null when nothing matched. */
  paragraphId: string | null;
  by: MatchedBy | null;
}

/** How many units were matched each way, for the person importing. */
export type MatchCounts = Record<MatchedBy | 'unmatched', number>;

/**
 * Which paragraph each unit of a file belongs to, in three passes, each over
 * the paragraphs the passes before left free:
 * 1. by unit id = paragraph id (Anor's own exports);
 * 2. by a reference or context the unit carries (`refs`): translate-toolkit's
 *    po2xliff numbers its units but keeps the PO entry's `#:` references —
 *    Anor's ids, when the PO came from Anor — as po-reference contexts; a PO
 *    entry's msgctxt;
 * 3. by source text (exact), the first free paragraph with that text in
 *    document order, so repeated texts pair up in order.
 * A unit id used twice is reported by the caller, not matched twice.
 */
export function matchUnits(doc: DocumentSnapshot, units: readonly XliffUnit[]): { matches: UnitMatch[]; counts: MatchCounts } {
  const ids = new Set(doc.paragraphs.map((p) => p.id));
  const taken = new Set<string>();
  const matches: UnitMatch[] = units.map((unit) => ({ unit, paragraphId: null, by: null }));
  const take = (m: UnitMatch, id: string, by: MatchedBy): void => {
    m.paragraphId = id;
    m.by = by;
    taken.add(id);
  };
  for (const m of matches) if (ids.has(m.unit.id) && !taken.has(m.unit.id)) take(m, m.unit.id, 'id');
  for (const m of matches) {
    if (m.paragraphId) continue;
    const ref = (m.unit.refs ?? []).find((r) => ids.has(r) && !taken.has(r));
    if (ref) take(m, ref, 'reference');
  }
  const bySource = new Map<string, string[]>();
  for (const p of doc.paragraphs) {
    if (taken.has(p.id)) continue;
    const key = p.cells[doc.sourceLang]?.text ?? '';
    const list = bySource.get(key);
    if (list) list.push(p.id);
    else bySource.set(key, [p.id]);
  }
  for (const m of matches) {
    if (m.paragraphId || ids.has(m.unit.id)) continue;
    const id = bySource.get(m.unit.source)?.shift();
    if (id) take(m, id, 'source');
  }
  const counts: MatchCounts = { id: 0, reference: 0, source: 0, unmatched: 0 };
  for (const m of matches) counts[m.by ?? 'unmatched']++;
  return { matches, counts };
}
