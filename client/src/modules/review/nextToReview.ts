import { needsReReview } from '../../../../shared/domain/workflow.js';
import type { Paragraph } from '../../../../shared/domain/types.js';
import type { Lang } from '../../../../shared/languages.js';

/** A cell a reviewer still has to decide on: submitted for review, or approved and then outdated by its source. */
function awaitsReview(p: Paragraph, lang: Lang): boolean {
  const c = p.cells[lang];
  return c !== undefined && (c.status === 'in_review' || needsReReview(c));
}

/**
 * The paragraph whose `lang` cell a reviewer should look at after `fromId`:
 * the next one down awaiting review, wrapping round to the top, never `fromId`
 * itself; null when nothing else awaits review.
 */
export function nextToReview(paragraphs: readonly Paragraph[], lang: Lang, fromId: string): string | null {
  const from = paragraphs.findIndex((p) => p.id === fromId);
  for (let k = 1; k < paragraphs.length; k++) {
    const p = paragraphs[(from + k + paragraphs.length) % paragraphs.length]!;
    if (p.id !== fromId && awaitsReview(p, lang)) return p.id;
  }
  return null;
}
