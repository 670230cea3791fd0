import { performance } from 'node:perf_hooks';
import { TM_MIN_SCORE } from '../shared/index.js';
import { MemoryIndex } from '../server/src/tm/memoryIndex.js';
import { mulberry32 } from '../server/test/helpers/random.js';

/**
 * `npm run bench` entry for the translation memory: lookups against 100,000
 * entries of synthetic news-like English with a Russian side. Words follow a
 * Zipf distribution over a 20,000-word vocabulary (common English words at the
 * head, made-up names and terms in the tail), sentences 6–40 words, so common
 * n-grams have the long posting lists real text gives them. Queries: 70%
 * are stored sentences with 1–4 words changed (real fuzzy matches), 30% new.
 */
const HEAD = (
  'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were ' +
  'their one all we can her has there been if more when will would who so no president government minister country ' +
  'said year years people new state agreement cooperation economic development meeting summit trade energy security ' +
  'international national between after also other two first last during region bank investment project programme ' +
  'talks leaders parties signed visit official week million billion percent growth market policy council capital'
).split(' ');

function vocabulary(rand: () => number, size: number): string[] {
  const syll = ['ka', 'ro', 'ta', 'ne', 'mi', 'sh', 'an', 'er', 'ol', 'us', 'tr', 'in', 'ek', 'ar', 'ya', 'st', 'om', 'ul', 'ch', 'ev'];
  const out = [...HEAD];
  while (out.length < size) {
    let w = '';
    const n = 2 + Math.floor(rand() * 3);
    for (let i = 0; i < n; i++) w += syll[Math.floor(rand() * syll.length)];
    out.push(w);
  }
  return out;
}

function zipfSampler(rand: () => number, n: number): () => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cdf[i] = sum += 1 / (i + 1);
  return () => {
    const x = rand() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const CYR: Record<string, string> = {
  a: 'а',
  b: 'б',
  c: 'ц',
  d: 'д',
  e: 'е',
  f: 'ф',
  g: 'г',
  h: 'х',
  i: 'и',
  j: 'ж',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  q: 'к',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'у',
  v: 'в',
  w: 'в',
  x: 'кс',
  y: 'ы',
  z: 'з',
};

export interface TmBenchResult {
  entries: number;
  queries: number;
  buildMs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** Share of perturbed queries whose original sentence came back among the top 3. */
  recallTop3: number;
}

export function benchTm(opts: { entries?: number; queries?: number; seed?: number } = {}): TmBenchResult {
  const entries = opts.entries ?? 100_000;
  const queries = opts.queries ?? 300;
  const rand = mulberry32(opts.seed ?? 7);
  const vocab = vocabulary(rand, 20_000);
  const pick = zipfSampler(rand, vocab.length);
  const sentence = (): string[] => {
    const n = 6 + Math.floor(rand() * 35);
    return Array.from({ length: n }, () => vocab[pick()]!);
  };
  const render = (words: string[]): string => {
    const s = words.join(' ');
    return s.charAt(0).toUpperCase() + s.slice(1) + '.';
  };
  const ru = (words: string[]): string => render(words.map((w) => [...w].map((c) => CYR[c] ?? c).join('')));

  const index = new MemoryIndex();
  const stored: string[][] = [];
  const t0 = performance.now();
  for (let i = 0; i < entries; i++) {
    const words = sentence();
    stored.push(words);
    index.upsert({
      id: `e${i}`,
      origin: 'tmx',
      docId: null,
      paragraphId: null,
      texts: { en: render(words), ru: ru(words) },
      at: '2026-01-01T00:00:00Z',
    });
  }
  index.freeze();
  const buildMs = performance.now() - t0;

  const times: number[] = [];
  let fuzzy = 0;
  let found = 0;
  for (let q = 0; q < queries; q++) {
    let words: string[];
    let expect: string | null = null;
    if (rand() < 0.7) {
      const k = Math.floor(rand() * entries);
      words = [...stored[k]!];
      const changes = 1 + Math.floor(rand() * 4);
      for (let c = 0; c < changes; c++) words[Math.floor(rand() * words.length)] = vocab[pick()]!;
      expect = `e${k}`;
    } else words = sentence();
    const start = performance.now();
    const hits = index.lookup(render(words), 'en', { minScore: TM_MIN_SCORE, limit: 3, accept: (u) => u.texts.ru !== undefined });
    times.push(performance.now() - start);
    if (expect) {
      fuzzy++;
      if (hits.some((h) => h.unit.id === expect)) found++;
    }
  }
  times.sort((a, b) => a - b);
  const at = (p: number): number => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
  const round = (x: number): number => Math.round(x * 100) / 100;
  return {
    entries,
    queries,
    buildMs: Math.round(buildMs),
    p50Ms: round(at(0.5)),
    p95Ms: round(at(0.95)),
    maxMs: round(times[times.length - 1] ?? 0),
    recallTop3: fuzzy === 0 ? 1 : round(found / fuzzy),
  };
}
