import type { Lang } from '../shared/languages.js';
import { checkAcrossTargets } from '../shared/qa/across.js';
import { runChecks } from '../shared/qa/run.js';

export interface QaBenchResult {
  /** Source/target pairs checked (paragraphs × targets). */
  pairs: number;
  pairsPerSecond: number;
  /** Mean time of one runChecks call: what the editor pays per keystroke batch. */
  meanPairMicros: number;
  /** Whole-document run: every pair plus the across-target vote per paragraph. */
  documentMs: number;
}

/**
 * Times the checks over a document made of `paragraphs` paragraphs cycled from
 * the given parallel samples (one source, up to four targets). Kept beside the
 * engine so `npm run bench` can list it (bench/extras.ts) and a one-off run can
 * call it from the compiled output.
 */
export function benchQa(
  samples: { source: string; sourceLang: Lang; targets: Partial<Record<Lang, string>> }[],
  paragraphs: number,
): QaBenchResult {
  const doc = Array.from({ length: paragraphs }, (_, i) => samples[i % samples.length]).filter((s) => s !== undefined);
  let pairs = 0;
  let sink = 0;
  const start = performance.now();
  for (const p of doc) {
    for (const [lang, target] of Object.entries(p.targets) as [Lang, string][]) {
      sink += runChecks({ source: p.source, target, sourceLang: p.sourceLang, targetLang: lang }).length;
      pairs++;
    }
    sink += checkAcrossTargets(p.targets).length;
  }
  const documentMs = performance.now() - start;
  // `sink` keeps the work observable so no engine can skip it.
  if (sink < 0) throw new Error('unreachable');
  return {
    pairs,
    pairsPerSecond: Math.round((pairs / documentMs) * 1000),
    meanPairMicros: Math.round((documentMs * 1000) / Math.max(pairs, 1)),
    documentMs: Math.round(documentMs),
  };
}
