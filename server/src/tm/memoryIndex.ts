import { LANGS } from '../../../shared/index.js';
import type { Lang } from '../../../shared/index.js';
import { fastGraphemes, gramSize, gramsOf, prepare } from './grams.js';
import { ratioScore } from './score.js';

/** What the memory holds: texts that translate each other, one per language. */
export interface UnitInput {
  id: string;
  origin: 'document' | 'tmx';
  docId: string | null;
  paragraphId: string | null;
  texts: Partial<Record<Lang, string>>;
  at: string;
}

export interface Unit extends UnitInput {
  /** Variant id per language (index into the variant table). */
  variants: Partial<Record<Lang, number>>;
}

interface Variant {
  unit: Unit | null; // null: tombstone, skipped by lookups until the next compaction
  lang: Lang;
  norm: string;
  length: number;
  gramCount: number;
}

export interface FuzzyHit {
  unit: Unit;
  score: number;
}

export interface LookupOptions {
  minScore: number;
  limit: number;
  /** Units the caller can use (e.g. that have the wanted target language). */
  accept?: (unit: Unit) => boolean;
}

/** Variant ids containing one n-gram, ascending: growable while loading, packed once frozen. */
type Posting = number[] | Int32Array;

/** The `limit`-th best score so far. */
function weakest(hits: readonly FuzzyHit[], limit: number): number {
  const scores = hits.map((h) => h.score).sort((a, b) => b - a);
  return scores[limit - 1] ?? 0;
}

/** How many best-overlapping candidates get the exact (edit-distance) score. */
const RESCORE = 40;
/**
 * Past this many graphemes a query gets exact matches only: 40 banded
 * distances over two 2,000-grapheme texts already cost tens of milliseconds.
 */
export const MAX_FUZZY_LENGTH = 2000;
/** About 10 ms of distance tables on this machine. */
const CELL_BUDGET = 3_000_000;
/** A gram in more than this share of the variants (or this many) is "common". */
const COMMON_SHARE = 0.02;
const COMMON_FLOOR = 500;
/** Grams always counted, common or not, so a query of common words still finds candidates. */
const MIN_GRAMS = 6;

/**
 * Character n-gram inverted index per language over every variant.
 * Lookup: count shared n-grams for candidates whose length could still reach
 * the threshold (edit distance ≥ length difference), rescore the best
 * overlaps with grapheme edit distance. Removal leaves tombstones in the
 * posting lists, dropped when they outnumber the living.
 */
export class MemoryIndex {
  private readonly units = new Map<string, Unit>();
  private variants: Variant[] = [];
  private postings = new Map<Lang, Map<string, Posting>>();
  private exact = new Map<Lang, Map<string, number[]>>();
  private dead = 0;
  private counts = new Int32Array(1024);

  get size(): number {
    return this.units.size;
  }

  *all(): IterableIterator<Unit> {
    yield* this.units.values();
  }

  get(id: string): Unit | undefined {
    return this.units.get(id);
  }

  /** Adds or replaces a unit; fewer than two non-empty texts means it is not a translation, so it is removed. */
  upsert(input: UnitInput): void {
    const texts: Partial<Record<Lang, string>> = {};
    for (const l of LANGS) {
      const t = input.texts[l];
      if (t !== undefined && t.trim() !== '') texts[l] = t;
    }
    if (Object.keys(texts).length < 2) {
      this.remove(input.id);
      return;
    }
    const old = this.units.get(input.id);
    const unit: Unit = { ...input, texts, variants: {} };
    for (const l of LANGS) {
      const text = texts[l];
      const oldVid = old?.variants[l];
      if (old && oldVid !== undefined && text !== undefined && old.texts[l] === text) {
        unit.variants[l] = oldVid;
        this.variants[oldVid]!.unit = unit;
      } else {
        if (oldVid !== undefined) this.kill(oldVid);
        if (text !== undefined) unit.variants[l] = this.addVariant(unit, l, text);
      }
    }
    if (old) for (const l of LANGS) if (texts[l] === undefined && old.variants[l] !== undefined) this.kill(old.variants[l]);
    this.units.set(unit.id, unit);
    this.maybeCompact();
  }

  remove(id: string): void {
    const old = this.units.get(id);
    if (!old) return;
    for (const l of LANGS) if (old.variants[l] !== undefined) this.kill(old.variants[l]);
    this.units.delete(id);
    this.maybeCompact();
  }

  /** Units whose text in `lang` normalises to the same as `text` (a 100% or 99% match). */
  exactMatches(text: string, lang: Lang, accept?: (unit: Unit) => boolean): Unit[] {
    const ids = this.exact.get(lang)?.get(prepare(text, lang).norm) ?? [];
    const out: Unit[] = [];
    for (const vid of ids) {
      const u = this.variants[vid]?.unit;
      if (u && (!accept || accept(u))) out.push(u);
    }
    return out;
  }

  lookup(text: string, lang: Lang, opts: LookupOptions): FuzzyHit[] {
    const q = prepare(text, lang);
    if (q.chars.length === 0) return [];
    if (q.chars.length > MAX_FUZZY_LENGTH) {
      // Edit distance is quadratic: on a very long paragraph only the same text is worth offering.
      return this.exactMatches(text, lang, opts.accept)
        .map((unit) => ({ unit, score: unit.texts[lang]?.normalize('NFC').trim() === text.normalize('NFC').trim() ? 100 : 99 }))
        .sort((a, b) => b.score - a.score)
        .slice(0, opts.limit);
    }
    const lists = this.postings.get(lang);
    if (!lists) return [];
    const qLen = q.chars.length;
    const ratio = opts.minScore / 100;
    const minLen = Math.ceil(qLen * ratio);
    const maxLen = Math.floor(qLen / Math.max(ratio, 1e-9));
    if (this.counts.length < this.variants.length) this.counts = new Int32Array(this.variants.length * 2);
    const counts = this.counts;
    const touched: number[] = [];
    // Rarest n-grams first. Grams shared by a large part of the memory (from
    // "the", "и", "的") say little about which entry matches and cost the most
    // to walk, so past the first few they are left out of the overlap count:
    // the exact score afterwards is computed on the whole text regardless.
    const gramLists: Posting[] = [];
    for (const g of q.grams) {
      const list = lists.get(g);
      if (list) gramLists.push(list);
    }
    gramLists.sort((a, b) => a.length - b.length);
    const common = Math.max(COMMON_FLOOR, this.variants.length * COMMON_SHARE);
    let used = 0;
    for (const list of gramLists) {
      if (used >= MIN_GRAMS && list.length > common) break;
      used++;
      for (let k = 0; k < list.length; k++) {
        const vid = list[k]!;
        const c = counts[vid]!;
        if (c < 0) continue; // already rejected by length or liveness
        if (c === 0) {
          touched.push(vid);
          const v = this.variants[vid]!;
          if (v.unit === null || v.length < minLen || v.length > maxLen) {
            counts[vid] = -1;
            continue;
          }
        }
        counts[vid] = c + 1;
      }
    }
    // Dice coefficient of the gram sets ranks the candidates for the exact score.
    const ranked: { vid: number; dice: number }[] = [];
    for (const vid of touched) {
      const c = counts[vid]!;
      counts[vid] = 0;
      if (c <= 0) continue;
      if (c * 5 < used) continue; // shares under a fifth of the counted grams: not a usable match
      ranked.push({ vid, dice: (2 * c) / (used + this.variants[vid]!.gramCount) });
    }
    ranked.sort((a, b) => b.dice - a.dice);
    const hits: FuzzyHit[] = [];
    let rescored = 0;
    // The distance costs length², so long queries rescore fewer candidates; their
    // n-gram overlap already separates them well (a long text shares many grams).
    const rescoreLimit = Math.max(8, Math.min(RESCORE, Math.floor((RESCORE * 250) / qLen)));
    let budget = CELL_BUDGET;
    for (const { vid } of ranked) {
      if (rescored >= rescoreLimit) break;
      const v = this.variants[vid]!;
      const unit = v.unit!;
      if (opts.accept && !opts.accept(unit)) continue;
      // Edit-distance work is capped per lookup (in table cells): past the budget, keep what is scored.
      const cost = qLen * Math.min(v.length, 2 * Math.ceil(qLen * (1 - opts.minScore / 100)) + 1);
      if (rescored >= opts.limit && cost > budget) break;
      budget -= cost;
      rescored++;
      // Once `limit` hits are in, a candidate must beat the weakest of them: a tighter bound, a narrower band.
      const floor = hits.length >= opts.limit ? Math.max(opts.minScore, weakest(hits, opts.limit)) : opts.minScore;
      let score = v.norm === q.norm ? 100 : ratioScore(q.chars, fastGraphemes(v.norm), floor);
      // Same letters but not the same text (case, spacing, apostrophes): never a 100%.
      if (score === 100 && unit.texts[lang]?.normalize('NFC').trim() !== text.normalize('NFC').trim()) score = 99;
      if (score >= opts.minScore) hits.push({ unit, score });
    }
    hits.sort((a, b) => b.score - a.score || (a.unit.at < b.unit.at ? 1 : a.unit.at > b.unit.at ? -1 : 0));
    return hits.slice(0, opts.limit);
  }

  /** Concordance: units whose text contains `phrase` (normalised), in one language or all. */
  search(phrase: string, langs: readonly Lang[], limit: number): { unit: Unit; lang: Lang }[] {
    const out: { unit: Unit; lang: Lang }[] = [];
    for (const lang of langs) {
      const q = prepare(phrase, lang);
      if (q.norm === '') continue;
      const n = gramSize(lang);
      // Inner n-grams only: the padding space would demand a word boundary the phrase need not have.
      const inner = q.chars.length >= n ? [...gramsOf(q.chars, n)].filter((g) => !g.startsWith(' ') && !g.endsWith(' ')) : [];
      const lists = this.postings.get(lang);
      let candidates: Iterable<number>;
      if (inner.length > 0 && lists) {
        const sorted = inner.map((g) => lists.get(g) ?? []).sort((a, b) => a.length - b.length);
        candidates = sorted[0] ?? [];
      } else {
        candidates = this.variantIdsOf(lang);
      }
      for (const vid of candidates) {
        const v = this.variants[vid]!;
        if (v.unit === null || v.lang !== lang || !v.norm.includes(q.norm)) continue;
        out.push({ unit: v.unit, lang });
        if (out.length >= limit) return out;
      }
    }
    return out;
  }

  private *variantIdsOf(lang: Lang): IterableIterator<number> {
    for (let i = 0; i < this.variants.length; i++) if (this.variants[i]!.lang === lang) yield i;
  }

  private addVariant(unit: Unit, lang: Lang, text: string): number {
    const p = prepare(text, lang);
    const vid = this.variants.length;
    this.variants.push({ unit, lang, norm: p.norm, length: p.chars.length, gramCount: p.grams.size });
    let lists = this.postings.get(lang);
    if (!lists) this.postings.set(lang, (lists = new Map<string, Posting>()));
    for (const g of p.grams) {
      const list = lists.get(g);
      if (Array.isArray(list)) list.push(vid);
      // A frozen list thaws when it grows again; most lists of a loaded memory never do.
      else lists.set(g, list ? [...list, vid] : [vid]);
    }
    let ex = this.exact.get(lang);
    if (!ex) this.exact.set(lang, (ex = new Map<string, number[]>()));
    const same = ex.get(p.norm);
    if (same) same.push(vid);
    else ex.set(p.norm, [vid]);
    return vid;
  }

  /**
   * Packs every posting list into an Int32Array: half the bytes of a plain
   * array of small integers on 64-bit V8, and no spare capacity. Called after
   * bulk loads (start-up, TMX import, compaction).
   */
  freeze(): void {
    for (const lists of this.postings.values()) {
      for (const [g, list] of lists) if (Array.isArray(list)) lists.set(g, Int32Array.from(list));
    }
  }

  private kill(vid: number): void {
    const v = this.variants[vid];
    if (!v || v.unit === null) return;
    v.unit = null;
    this.dead++;
  }

  /** Rebuilds the tables without tombstones once they are half of them (amortised O(1) per removal). */
  private maybeCompact(): void {
    if (this.dead < 1000 || this.dead * 2 < this.variants.length) return;
    const units = [...this.units.values()];
    this.units.clear();
    this.variants = [];
    this.postings = new Map();
    this.exact = new Map();
    this.dead = 0;
    for (const u of units) {
      const fresh: Unit = { ...u, variants: {} };
      for (const l of LANGS) {
        const t = u.texts[l];
        if (t !== undefined) fresh.variants[l] = this.addVariant(fresh, l, t);
      }
      this.units.set(fresh.id, fresh);
    }
    this.freeze();
  }
}
