import type { DocumentState, Lang } from '../../../../shared/index.js';
import type { Glossary } from '../../../../shared/qa/types.js';
import { timeSlicer } from '../../slices.js';
import { blockingIn } from '../../../../shared/decide/decideStatus.js';
import { checkedKey } from '../../../../shared/decide/prechecked.js';
import type { Prechecked } from '../../../../shared/decide/prechecked.js';

/**
 * Runs the quality checks of every cell in review in `lang` ahead of a batch
 * approval, in slices of about `sliceMs` with the event loop let in between.
 * The checks are the slow part of approving a long document (about 0.2 ms a
 * cell); run inside the synchronous decision they would hold up every other
 * editor's edits for the whole batch. Anything that changes meanwhile gets a
 * new revision, so its key no longer matches and decideBatch checks it again
 * on the spot; the result is the one a synchronous run would give (except
 * for a glossary edited in those milliseconds, which counts from the next
 * approval on).
 */
export async function precheckApprovals(doc: DocumentState, lang: Lang, glossary: Glossary | undefined, sliceMs = 8): Promise<Prechecked> {
  const counts = new Map<string, number>();
  if (lang === doc.sourceLang) return counts;
  const pause = timeSlicer(sliceMs);
  // A copy of the order: paragraphs may be inserted or removed while we yield.
  for (const p of [...doc.paragraphs]) {
    if (p.cells[lang]?.status !== 'in_review') continue;
    counts.set(checkedKey(doc, p, lang), blockingIn(doc, p, lang, [], glossary));
    await pause();
  }
  return counts;
}
