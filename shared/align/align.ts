import type { Lang } from '../languages.js';
import { paragraphFeatures } from './features.js';
import { Evidence } from './evidence.js';
import type { ParagraphFeatures } from './features.js';
import { banded } from './search.js';
import { GaleChurchCost } from './galeChurch.js';
import { keepSafe } from './safe.js';
import { Lexicon, lexTokens } from './lexicon.js';

/**
 * Paragraph alignment: Gale & Church's length-based dynamic programme
 * (Computational Linguistics 19(1), 1993) on character lengths, with
 * - the length ratio estimated from the pair itself (total target characters
 *   over total source characters: Chinese runs at about a third of English),
 * - anchors that survive translation (numbers, Latin names, headings, lists)
 *   lowering the cost of links that share them and raising it for links whose
 *   anchors disagree,
 * - links 1–1, 1–0, 0–1, 2–1, 1–2 and 2–2,
 * - and a guard (safe.ts): where this path and plain Gale–Church's differ,
 *   Gale–Church's is kept unless shared anchors favour this one and the
 *   words (associations learnt from the links both agree on, lexicon.ts) do
 *   not argue against it, or the words alone clearly favour it, so the
 *   richer model rarely does worse than length alone where its evidence misleads.
 * Pure and synchronous (shared/ so the browser can preview an alignment).
 */
export interface AlignLink {
  source: number[];
  target: number[];
  /**
   * Confidence in 0..1: the link's length fit and anchor agreement, scaled by
   * its margin (how much worse the best alignment avoiding it is). A ranking,
   * not a calibrated probability.
   */
  score: number;
}

export interface AlignOptions {
  sourceLang: Lang;
  targetLang: Lang;
  /** Half-width of the first band searched around the diagonal (widened as needed); for tests. */
  band?: number;
  model?: Partial<AlignModel>;
}

/** The model's constants; exposed so the accuracy harness can compare settings. */
export interface AlignModel {
  /** Prior probability of each link type, in MOVES order (1–1, 1–0, 0–1, 2–1, 1–2, 2–2). */
  priors: readonly number[];
  /** Variance of target length per source character (G&C measured 6.8 for sentences). */
  s2: number;
  /** Weight of anchor agreement, in the same units (nats) as the length cost. */
  anchorWeight: number;
  /** Anchor Dice at which a link neither gains nor loses. */
  anchorPivot: number;
  /**
   * Keep plain Gale–Church's alignment wherever the aligner's own evidence does
   * not clearly beat it (safe.ts); false shows the aligner unguarded, for the harness.
   */
  guard: boolean;
}

/**
 * Paragraph-level settings, chosen on the real parallel text of
 * server/test/align/corpus.ts (see docs/align.md for the figures): G&C's
 * sentence-level priors make a dropped paragraph far less likely than a merge,
 * which is wrong for paragraphs (untranslated ones get left out; merging two
 * is rarer), and their variance (6.8) is too tight for paragraphs across
 * scripts. These were picked on the same texts they are measured on.
 */
export const DEFAULT_MODEL: AlignModel = {
  priors: [0.85, 0.03, 0.03, 0.04, 0.04, 0.01],
  s2: 30,
  anchorWeight: 3,
  anchorPivot: 0.5,
  guard: true,
};

export function alignParagraphs(source: readonly string[], target: readonly string[], opts: AlignOptions): AlignLink[] {
  const names = new Map<string, number>();
  const fs = source.map((t) => paragraphFeatures(t, opts.sourceLang, names));
  const ft = target.map((t) => paragraphFeatures(t, opts.targetLang, names));
  addSharedSounds(fs, ft);
  return alignFeatures(fs, ft, { source, target }, opts.band, { ...DEFAULT_MODEL, ...opts.model });
}

/**
 * Name sound keys become anchors only when both documents contain them: an
 * English capitalised word with no counterpart (Monday, Summit) would only
 * lower the agreement of right links. Exact anchors are kept as they are —
 * measured on the corpus, dropping one-sided exact anchors did worse.
 */
function addSharedSounds(fs: ParagraphFeatures[], ft: ParagraphFeatures[]): void {
  const inS = new Set(fs.flatMap((f) => f.sounds));
  const inT = new Set(ft.flatMap((f) => f.sounds));
  for (const f of fs) f.names = [...f.names, ...new Set(f.sounds.filter((x) => inT.has(x)))];
  for (const f of ft) f.names = [...f.names, ...new Set(f.sounds.filter((x) => inS.has(x)))];
}

export function alignFeatures(
  fs: ParagraphFeatures[],
  ft: ParagraphFeatures[],
  texts: { source: readonly string[]; target: readonly string[] },
  initialBand?: number,
  model: AlignModel = DEFAULT_MODEL,
): AlignLink[] {
  const ctx = new Evidence(fs, ft, fs.length * ft.length <= 4_000_000, model);
  let links = banded(ctx, fs.length, ft.length, initialBand);
  // The total-length ratio is skewed when one side has paragraphs the other
  // lacks; re-estimate it from the 1–1 links found and align again if it moved.
  const ratio = ctx.ratioOf(links.filter((l) => l.source.length === 1 && l.target.length === 1));
  if (ratio !== null && Math.abs(ratio / ctx.ratio - 1) > 0.02) {
    ctx.ratio = ratio;
    links = banded(ctx, fs.length, ft.length, initialBand);
  }
  if (!model.guard) return links;
  const gc = new GaleChurchCost(fs, ft);
  // The guard's third witness: words associated over the links both paths agree on (lexicon.ts).
  const learn = (agreed: [number, number][]): Lexicon =>
    new Lexicon(
      texts.source.map((t) => lexTokens(t)),
      texts.target.map((t) => lexTokens(t)),
      agreed,
    );
  return keepSafe(links, banded(gc, fs.length, ft.length, initialBand), ctx, gc, learn);
}
