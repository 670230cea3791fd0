import type { AlignLink } from '../align/align.js';
import type { IdLink, PreviewLink } from '../protocol/interchange.js';

/**
 * Alignment links as the preview shows and edits them: by paragraph id (the
 * document may change between preview and commit; ids survive, indexes do
 * not), in document order. The edits a person can make — shift a boundary,
 * merge two links, split one — are pure functions here, shared by the browser
 * (which applies them) and the tests; every edit keeps each target paragraph
 * in exactly one link, so nothing of the translation can be lost by editing.
 */
/**
 * Below this a link is "worth a look". Chosen on the tuning corpus (links at or
 * above it are right 93 % of the time there; docs/align.md), confirmed on the
 * held-out set, where no correct link of the demo's faithful translations falls under it.
 */
export const LOW_SCORE = 0.7;

export function toPreviewLinks(links: readonly AlignLink[], paragraphIds: readonly string[]): PreviewLink[] {
  return links.map((l) => ({
    paragraphIds: l.source.map((i) => paragraphIds[i]!),
    target: [...l.target],
    score: l.score,
    low: l.score < LOW_SCORE || l.source.length !== 1 || l.target.length !== 1,
  }));
}

/** Edited links are the person's decision: full confidence, nothing left flagged. */
function edited(l: Omit<PreviewLink, 'score' | 'low'>): PreviewLink {
  return { paragraphIds: l.paragraphIds, target: l.target, score: 1, low: false };
}

/**
 * Moves the boundary between link `i` and the next: `down` gives the last
 * target paragraph of `i` to the next link, `up` takes the next link's first
 * target paragraph into `i`. Links left with neither side are removed.
 */
export function shiftLink(links: readonly PreviewLink[], i: number, dir: 'up' | 'down'): PreviewLink[] {
  const a = links[i];
  const b = links[i + 1];
  if (!a || !b) return [...links];
  let na: PreviewLink;
  let nb: PreviewLink;
  if (dir === 'down') {
    if (a.target.length === 0) return [...links];
    na = edited({ paragraphIds: a.paragraphIds, target: a.target.slice(0, -1) });
    nb = edited({ paragraphIds: b.paragraphIds, target: [a.target[a.target.length - 1]!, ...b.target] });
  } else {
    if (b.target.length === 0) return [...links];
    na = edited({ paragraphIds: a.paragraphIds, target: [...a.target, b.target[0]!] });
    nb = edited({ paragraphIds: b.paragraphIds, target: b.target.slice(1) });
  }
  return [...links.slice(0, i), na, nb, ...links.slice(i + 2)].filter((l) => l.paragraphIds.length + l.target.length > 0);
}

/** Link `i` and the next become one (their paragraphs and targets together). */
export function mergeLinks(links: readonly PreviewLink[], i: number): PreviewLink[] {
  const a = links[i];
  const b = links[i + 1];
  if (!a || !b) return [...links];
  const merged = edited({ paragraphIds: [...a.paragraphIds, ...b.paragraphIds], target: [...a.target, ...b.target] });
  return [...links.slice(0, i), merged, ...links.slice(i + 2)];
}

/**
 * Link `i` split in two after its first paragraph and first target (a 2–2
 * becomes two 1–1s, a 1–2 a 1–1 and a 0–1); a 1–1 or smaller stays as it is.
 */
export function splitLink(links: readonly PreviewLink[], i: number): PreviewLink[] {
  const l = links[i];
  if (!l || l.paragraphIds.length + l.target.length <= 2) return [...links];
  const a = edited({ paragraphIds: l.paragraphIds.slice(0, 1), target: l.target.slice(0, 1) });
  const b = edited({ paragraphIds: l.paragraphIds.slice(1), target: l.target.slice(1) });
  return [...links.slice(0, i), a, b, ...links.slice(i + 1)];
}

/**
 * Links by id back to index links for planFromLinks, checked against the
 * document as it is now and the translation's paragraph count. Returns a
 * reason instead when the links do not describe a complete, ordered alignment:
 * every target paragraph exactly once and ascending, every paragraph id known
 * and used at most once, paragraphs in document order.
 */
export function toIndexLinks(
  links: readonly IdLink[],
  paragraphIds: readonly string[],
  targetCount: number,
): { ok: true; links: AlignLink[] } | { ok: false; reason: string; paragraphId?: string } {
  const index = new Map(paragraphIds.map((id, i) => [id, i]));
  const out: AlignLink[] = [];
  let nextTarget = 0;
  let lastSource = -1;
  for (const l of links) {
    const source: number[] = [];
    for (const id of l.paragraphIds) {
      const i = index.get(id);
      if (i === undefined) return { ok: false, reason: `paragraph ${id} is no longer in the document`, paragraphId: id };
      if (i <= lastSource) return { ok: false, reason: `paragraph ${id} is out of order or used twice` };
      lastSource = i;
      source.push(i);
    }
    for (const t of l.target) {
      if (t !== nextTarget)
        return { ok: false, reason: `translation paragraph ${t} is out of order, missing or repeated (expected ${nextTarget})` };
      nextTarget++;
    }
    out.push({ source, target: [...l.target], score: 1 });
  }
  if (nextTarget !== targetCount) return { ok: false, reason: `the links cover ${nextTarget} of ${targetCount} translation paragraphs` };
  return { ok: true, links: out };
}
