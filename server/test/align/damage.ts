import type { ParallelText } from './corpus.js';
import { mulberry32 } from '../helpers/random.js';

type Link = { source: number[]; target: number[] };

function hash(s: string): number {
  let h = 2166136261;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 16777619);
  return h >>> 0;
}

/** Splits a paragraph at the sentence end nearest its middle, or returns null when it holds one sentence. */
function splitSentence(p: string): [string, string] | null {
  let best: number | null = null;
  for (const m of p.matchAll(/[.!?。！？](?=\s+\S|[^\s.!?。！？”"»)）])/gu)) {
    const at = m.index + 1;
    if (at >= p.length - 1) continue;
    if (best === null || Math.abs(at - p.length / 2) < Math.abs(best - p.length / 2)) best = at;
  }
  if (best === null) return null;
  const a = p.slice(0, best).trim();
  const b = p.slice(best).trim();
  return a && b ? [a, b] : null;
}

/**
 * Random paragraph-boundary edits with a fixed seed (unlike perturb() in
 * accuracy.ts, whose edits fall at fixed positions): each source paragraph
 * is, with the probabilities below, left untranslated (1–0), missing from
 * the source while its translation stays (0–1), merged with the next in the
 * translation (2–1), split in two at a sentence end in the translation (1–2),
 * or kept (1–1). An edit is always followed by a kept pair, so the gold
 * alignment is unambiguous. Words are never changed.
 */
export function damage(text: ParallelText, seed: number): { source: string[]; target: string[]; gold: Link[] } {
  const rnd = mulberry32(seed ^ hash(text.name));
  const source: string[] = [];
  const target: string[] = [];
  const gold: Link[] = [];
  const n = text.source.length;
  for (let i = 0; i < n; i++) {
    const r = rnd();
    const keepNext = (): void => {
      if (i + 1 >= n) return;
      i++;
      gold.push({ source: [source.length], target: [target.length] });
      source.push(text.source[i]!);
      target.push(text.target[i]!);
    };
    if (r < 0.06) {
      gold.push({ source: [source.length], target: [] });
      source.push(text.source[i]!);
      keepNext();
    } else if (r < 0.1) {
      gold.push({ source: [], target: [target.length] });
      target.push(text.target[i]!);
      keepNext();
    } else if (r < 0.16 && i + 1 < n) {
      const sep = /[\u4e00-\u9fff。！？，]$/u.test(text.target[i]!) ? '' : ' ';
      gold.push({ source: [source.length, source.length + 1], target: [target.length] });
      source.push(text.source[i]!, text.source[i + 1]!);
      target.push(`${text.target[i]!}${sep}${text.target[i + 1]!}`);
      i++;
      keepNext();
    } else if (r < 0.2 && splitSentence(text.target[i]!)) {
      const [a, b] = splitSentence(text.target[i]!)!;
      gold.push({ source: [source.length], target: [target.length, target.length + 1] });
      source.push(text.source[i]!);
      target.push(a, b);
      keepNext();
    } else {
      gold.push({ source: [source.length], target: [target.length] });
      source.push(text.source[i]!);
      target.push(text.target[i]!);
    }
  }
  return { source, target, gold };
}
