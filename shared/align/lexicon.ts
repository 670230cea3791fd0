import type { Span } from './safe.js';

/**
 * Word associations learnt from the pair itself (Hunalign-style bootstrapping,
 * no dictionary): the links both the aligner and plain Gale–Church agree on
 * are taken as translations, and a source word and a target word that keep
 * occurring in the same agreed links are associates. A disputed stretch
 * (safe.ts) can then be judged by how well each path's links pair words with
 * their associates.
 */

/**
 * Letters of a Latin or Cyrillic word kept as its stem. Russian, Kazakh and
 * Uzbek inflect by suffix (торговля/торговли, сауда/саудасы, savdo/savdoni),
 * so whole words would split one word's counts over its forms; five letters
 * keep most roots apart (words of up to five letters are kept whole) while
 * folding the endings. English loses little (translat-ed/-ion fold together).
 */
export const STEM = 5;
/**
 * Distinct tokens kept per paragraph (the first ones): bounds the word pairs
 * a link is judged on (4 × 32² for a 2–2 link), so the work stays linear in
 * the text, whatever a paragraph's length.
 */
export const MAX_TOKENS = 32;
/** Agreed links a pair (s, t) must share to be associates: one co-occurrence is chance, not evidence. */
export const MIN_SHARED = 2;
/**
 * Dice coefficient (2·together / (links with s + links with t)) from which a
 * pair is an association: s and t occur together in at least half of the
 * agreed links either of them is in. 0.3 did as well on seeds 1–8 (docs/align.md).
 */
export const MIN_DICE = 0.5;

const HAN = /\p{Script=Han}/u;
const TOKEN = /\p{Script=Han}|(?:(?!\p{Script=Han})[\p{L}\p{M}])+/gu;

/**
 * A paragraph's lexical tokens, distinct, the first MAX_TOKENS: each Han
 * character (Chinese has no spaces, and a character is about a morpheme),
 * and every other word of two letters or more, lower-cased, cut to STEM
 * letters. Digits are left out: numbers are anchors already.
 */
export function lexTokens(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(TOKEN)) {
    if (out.size >= MAX_TOKENS) break;
    const w = m[0];
    if (HAN.test(w)) out.add(w);
    else if (w.length >= 2) out.add(w.toLowerCase().slice(0, STEM));
  }
  return [...out];
}

function intern(tokens: readonly (readonly string[])[]): Int32Array[] {
  const ids = new Map<string, number>();
  return tokens.map((ts) => {
    const out = new Int32Array(ts.length);
    ts.forEach((t, k) => {
      let id = ids.get(t);
      if (id === undefined) {
        id = ids.size;
        ids.set(t, id);
      }
      out[k] = id;
    });
    return out.sort();
  });
}

/** Size of the intersection of two sorted lists. */
function meet(a: readonly number[], b: readonly number[]): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      n++;
      i++;
      j++;
    }
  }
  return n;
}

function postings(paras: readonly Int32Array[], at: readonly number[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  at.forEach((p, k) => {
    for (const id of paras[p]!) {
      const list = out.get(id);
      if (list) list.push(k);
      else out.set(id, [k]);
    }
  });
  return out;
}

/** Agreed links sampled to estimate how often right and wrong links pair associates: bounds the work on long texts. */
const SAMPLE = 200;

export class Lexicon {
  private readonly src: Int32Array[];
  private readonly tgt: Int32Array[];
  private readonly inS: Map<number, number[]>;
  private readonly inT: Map<number, number[]>;
  private readonly memo = new Map<number, number>();
  /**
   * Whether the lexicon can judge at all: some association was found across
   * the right links, and associations occur across them more often than
   * across wrong ones. Otherwise (a text too short to learn from, or one
   * whose words do not repeat, like a list of country names) it is not asked.
   */
  readonly usable: boolean;
  /** Share of tokens with an associate across agreed links (each judged without itself) and across shifted ones. */
  readonly right: number;
  readonly chance: number;

  /**
   * `agreed`: the 1–1 links both paths share, as (source, target) paragraph
   * indices; associations are counted over them only.
   */
  constructor(
    source: readonly (readonly string[])[],
    target: readonly (readonly string[])[],
    agreed: readonly (readonly [number, number])[],
  ) {
    this.src = intern(source);
    this.tgt = intern(target);
    this.inS = postings(
      this.src,
      agreed.map(([s]) => s),
    );
    this.inT = postings(
      this.tgt,
      agreed.map(([, t]) => t),
    );
    // Rates of association across right links (agreed ones, each left out of its own
    // counts) and across wrong ones (each agreed source with the next agreed target).
    let hit = 0;
    let all = 0;
    let hitW = 0;
    let allW = 0;
    const step = Math.max(1, Math.floor(agreed.length / SAMPLE));
    for (let k = 0; k + 1 < agreed.length; k += step) {
      const [s, t] = agreed[k]!;
      const r = this.cover(this.src[s]!, this.tgt[t]!, 1);
      hit += r.hitA + r.hitB;
      all += r.a + r.b;
      const w = this.cover(this.src[s]!, this.tgt[agreed[k + 1]![1]]!, 0);
      hitW += w.hitA + w.hitB;
      allW += w.a + w.b;
    }
    // Laplace's rule keeps both rates inside (0, 1).
    this.right = (hit + 1) / (all + 2);
    this.chance = (hitW + 1) / (allW + 2);
    this.usable = hit > 0 && this.right > this.chance;
  }

  /** How many agreed links hold s on the source side and t on the target side. */
  private together(s: number, t: number): number {
    const key = s * 0x100000 + t;
    let v = this.memo.get(key);
    if (v === undefined) {
      v = meet(this.inS.get(s) ?? [], this.inT.get(t) ?? []);
      this.memo.set(key, v);
    }
    return v;
  }

  /** Associates: together at least MIN_SHARED times, Dice at least MIN_DICE (counts less `own`, the link judged itself). */
  private associated(s: number, t: number, own: number): boolean {
    const ns = (this.inS.get(s)?.length ?? 0) - own;
    const nt = (this.inT.get(t)?.length ?? 0) - own;
    if (ns < MIN_SHARED || nt < MIN_SHARED) return false;
    const st = this.together(s, t) - own;
    return st >= MIN_SHARED && (2 * st) / (ns + nt) >= MIN_DICE;
  }

  /** Tokens of each side with an associate on the other side, and each side's tokens. */
  private cover(a: Int32Array, b: Int32Array, own: number): { hitA: number; hitB: number; a: number; b: number } {
    const seenB = new Uint8Array(b.length);
    let hitA = 0;
    for (const s of a) {
      let found = false;
      for (let k = 0; k < b.length; k++) {
        if (this.associated(s, b[k]!, own)) {
          found = true;
          seenB[k] = 1;
        }
      }
      if (found) hitA++;
    }
    let hitB = 0;
    for (const x of seenB) hitB += x;
    return { hitA, hitB, a: a.length, b: b.length };
  }

  private joined(paras: readonly Int32Array[], a: number, b: number): Int32Array {
    if (b - a === 1) return paras[a]!;
    return Int32Array.from(new Set(paras.slice(a, b).flatMap((p) => [...p]))).sort();
  }

  /**
   * Evidence, in nats, that a link is a translation rather than a chance
   * pairing: naive Bayes over its tokens, with the rates of association
   * measured on the pair. A token facing k paragraphs on the other side has
   * an associate there at rate 1 − (1 − right)(1 − chance)^(k−1) if the link
   * is right (its own counterpart and k − 1 chance ones) and 1 − (1 −
   * chance)^k if it is not, so a merge is not favoured merely for offering
   * more words to match. A paragraph left out claims nothing: 0.
   */
  link(l: Span): number {
    if (l.s0 === l.s1 || l.t0 === l.t1) return 0;
    const c = this.cover(this.joined(this.src, l.s0, l.s1), this.joined(this.tgt, l.t0, l.t1), 0);
    return this.weigh(c.hitA, c.a, l.t1 - l.t0) + this.weigh(c.hitB, c.b, l.s1 - l.s0);
  }

  private weigh(hit: number, all: number, k: number): number {
    const miss = (1 - this.chance) ** (k - 1);
    const right = 1 - (1 - this.right) * miss;
    const chance = 1 - (1 - this.chance) * miss;
    return hit * Math.log(right / chance) + (all - hit) * Math.log((1 - right) / (1 - chance));
  }

  path(p: readonly Span[]): number {
    let sum = 0;
    for (const l of p) sum += this.link(l);
    return sum;
  }
}
