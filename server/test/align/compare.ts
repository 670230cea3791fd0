import { alignParagraphs } from '../../../shared/align/index.js';
import type { AlignModel } from '../../../shared/align/index.js';
import { perturb, score } from './accuracy.js';
import { galeChurch } from './galeChurch.js';
import type { HeldOutText } from './heldout.js';

/** One text, one variant: the aligner's and plain Gale–Church's recall and precision against the gold links. */
export interface ComparisonRow {
  name: string;
  variant: 'as found' | 'dropped+merged';
  paragraphs: number;
  ours: { recall: number; precision: number };
  galeChurch: { recall: number; precision: number };
}

export function compareWithGaleChurch(texts: readonly HeldOutText[], model?: Partial<AlignModel>): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  for (const t of texts) {
    const opts = { sourceLang: t.sourceLang, targetLang: t.targetLang, ...(model ? { model } : {}) };
    const identity = t.source.map((_, i) => ({ source: [i], target: [i] }));
    const p = perturb(t);
    for (const [variant, target, gold] of [
      ['as found', t.target, identity],
      ['dropped+merged', p.target, p.gold],
    ] as const) {
      const ours = score(alignParagraphs(t.source, target, opts), gold);
      const gc = score(
        galeChurch(t.source, target).map((l) => ({ ...l, score: 1 })),
        gold,
      );
      rows.push({
        name: t.name,
        variant,
        paragraphs: t.source.length,
        ours: { recall: ours.recall, precision: ours.precision },
        galeChurch: { recall: gc.recall, precision: gc.precision },
      });
    }
  }
  return rows;
}
