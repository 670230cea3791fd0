import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graphemes } from '../domain/text.js';
import { merge3 } from './merge3.js';

/*
 * Properties of merge3 against an oracle that does not diff: the generator
 * knows the edits it made, so it knows which graphemes of the base each side
 * changed and what it put there.
 *
 * That is only exact when the diff cannot read the edits another way, so the
 * first properties build bases from DISTINCT graphemes and insert graphemes
 * that never occur in a base: then the longest common subsequence of the base
 * and a side is exactly the graphemes the side kept, and diff3's hunks are
 * exactly the generator's edits with touching ones joined. Real text repeats
 * letters; the last property covers that with weaker, alignment-free checks.
 *
 * Overlap, as diff3 (node-diff3's diff3MergeRegions) defines it: a side's
 * hunk replaces base graphemes [start, end) (start === end for a pure
 * insertion before grapheme `start`). Two hunks of different sides overlap
 * when the closed ranges [start, end] intersect, so changes that merely touch
 * (one ends where the other starts, two insertions at the same point, an
 * insertion right before or after a deleted span) overlap too. Overlapping
 * hunks chain into one region; a region holding both sides' hunks is a
 * conflict unless both sides turned it into the same text (a "false
 * conflict", which merges).
 */

// Base graphemes: Latin, Cyrillic (Russian, Kazakh), Chinese, combining marks, ZWJ emoji, flags, punctuation.
const BASE_UNITS = [
  ...'abcdefghijklmnopqrstuvwxyz',
  ...'абвгдежзийклмнопрстуфхцчшщъыьэюя',
  ...'әғқңөұүһі',
  ...'中国同亚五领导人举行会晤在西安首次',
  'e\u0301',
  'у\u0306',
  'a\u0308',
  'o\u0302\u0301',
  '👩‍💻',
  '👨‍👩‍👧',
  '🏳️‍🌈',
  '👩🏽‍🔬',
  '🧑🏿‍🤝‍🧑🏻',
  '🇰🇿',
  '🇺🇿',
  ...' ,.«»。，',
];
// Inserted graphemes: none of them is a base grapheme.
const INSERT_UNITS = [
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  ...'АБВГДЕЖЗИКЛМНОПРСТУФХЧШЭЮЯӘҒҚҢӨҰҮІ',
  ...'和平世界朋友',
  'n\u0303',
  'Ü\u0301',
  '👍🏽',
  '🧑‍🚀',
  '👩‍👩‍👦‍👦',
  '🇨🇳',
  '🇷🇺',
  ...'!?-\u3000',
];

/** One edit of the base: graphemes [start, end) replaced by `insert` (start === end: insertion before `start`). */
interface Edit {
  start: number;
  end: number;
  insert: readonly string[];
}

/**
 * A side's edits as hunks: sorted, an edit overlapping an earlier one dropped
 * (the generator just does not make it), no-ops dropped, and edits that touch
 * joined, since no kept base grapheme separates them.
 */
function hunksOf(raw: readonly Edit[]): Edit[] {
  const out: Edit[] = [];
  for (const e of [...raw].sort((x, y) => x.start - y.start || x.end - y.end)) {
    if (e.start === e.end && e.insert.length === 0) continue;
    const last = out.at(-1);
    if (last && e.start < last.end) continue;
    if (last && e.start === last.end) out[out.length - 1] = { start: last.start, end: e.end, insert: [...last.insert, ...e.insert] };
    else out.push(e);
  }
  return out;
}

/** The base graphemes [from, to) with the hunks inside that span applied. */
function applyHunks(base: readonly string[], hunks: readonly Edit[], from = 0, to = base.length): string[] {
  const out: string[] = [];
  let at = from;
  for (const h of hunks) {
    out.push(...base.slice(at, h.start), ...h.insert);
    at = h.end;
  }
  out.push(...base.slice(at, to));
  return out;
}

type Expected = { ok: true; text: string[] } | { ok: false; region: [number, number] };

/** What merging the two sides' hunks must give, from the hunks alone. */
function expectedMerge(base: readonly string[], a: readonly Edit[], b: readonly Edit[]): Expected {
  const all = [...a.map((h) => ({ ...h, side: 'a' })), ...b.map((h) => ({ ...h, side: 'b' }))].sort((x, y) => x.start - y.start);
  const out: string[] = [];
  let at = 0;
  for (let i = 0; i < all.length;) {
    const region = [all[i]!];
    let end = all[i]!.end;
    for (i++; i < all.length && all[i]!.start <= end; i++) {
      region.push(all[i]!);
      end = Math.max(end, all[i]!.end);
    }
    const start = region[0]!.start;
    const aText = applyHunks(
      base,
      region.filter((h) => h.side === 'a'),
      start,
      end,
    );
    const bText = applyHunks(
      base,
      region.filter((h) => h.side === 'b'),
      start,
      end,
    );
    const bothSides = region.some((h) => h.side === 'a') && region.some((h) => h.side === 'b');
    if (bothSides && aText.join('\u0000') !== bText.join('\u0000')) return { ok: false, region: [start, end] };
    out.push(...base.slice(at, start), ...(region.some((h) => h.side === 'a') ? aText : bText));
    at = end;
  }
  out.push(...base.slice(at));
  return { ok: true, text: out };
}

/** Whether `runs` occur in `text` one after another, without overlapping (greedy leftmost match). */
function containsInOrder(text: readonly string[], runs: readonly (readonly string[])[]): boolean {
  let from = 0;
  for (const run of runs) {
    let found = -1;
    for (let i = from; i + run.length <= text.length && found < 0; i++) {
      if (run.every((g, k) => text[i + k] === g)) found = i;
    }
    if (found < 0) return false;
    from = found + run.length;
  }
  return true;
}

const insertRun = fc.array(fc.constantFrom(...INSERT_UNITS), { maxLength: 3 });
const rawEdit = (n: number): fc.Arbitrary<Edit> =>
  fc
    .record({ start: fc.nat(n), length: fc.nat(3), insert: insertRun })
    .map(({ start, length, insert }) => ({ start, end: Math.min(n, start + length), insert }));

/**
 * A base of distinct graphemes and two concurrent edit sets. `shared` edits
 * are made by both sides, so identical changes (false conflicts) come up.
 */
const scenario = fc
  .uniqueArray(fc.constantFrom(...BASE_UNITS), { maxLength: 24, size: 'medium' })
  .chain((base) =>
    fc.record({
      base: fc.constant(base),
      own: fc.tuple(
        fc.array(rawEdit(base.length), { minLength: 1, maxLength: 2 }),
        fc.array(rawEdit(base.length), { minLength: 1, maxLength: 2 }),
      ),
      shared: fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.tuple(rawEdit(base.length)) }),
    }),
  )
  .map(({ base, own, shared }) => ({ base, a: hunksOf([...shared, ...own[0]]), b: hunksOf([...shared, ...own[1]]) }));

// Words of the five languages, with repeats: ambiguous for a diff, as real text is.
const PIECES = [
  'the ',
  'summit ',
  'мир ',
  'саммит ',
  'қала ',
  'Sammit ',
  'oʻzbek ',
  '中国',
  '中亚',
  '会晤',
  '。',
  ', ',
  '. ',
  'e\u0301',
  '👩‍💻',
  '🇰🇿',
  ' ',
  'a',
  'и',
];
/** Graphemes only side a (current) inserts, and only side b (incoming): never in a base. */
const MARKS = { a: [...'①②③④'], b: [...'ⓐⓑⓒⓓ'] } as const;

const realText = fc.array(fc.constantFrom(...PIECES), { maxLength: 10 }).map((p) => graphemes(p.join('')));
/** An inserted run: words and at least one of the side's marks, in any order. */
const markedRun = (side: 'a' | 'b'): fc.Arbitrary<string[]> =>
  fc
    .array(fc.oneof(fc.constantFrom(...MARKS[side]), fc.constantFrom(...PIECES)), { maxLength: 3 })
    .chain((parts) => fc.nat(parts.length).map((at) => graphemes([...parts.slice(0, at), MARKS[side][0]!, ...parts.slice(at)].join(''))));
const realEdit = (n: number, side: 'a' | 'b'): fc.Arbitrary<Edit> =>
  fc
    .record({ start: fc.nat(n), length: fc.nat(4), insert: fc.oneof(markedRun(side), fc.constant([])) })
    .map(({ start, length, insert }) => ({ start, end: Math.min(n, start + length), insert }));
const realScenario = realText.chain((base) =>
  fc
    .tuple(fc.array(realEdit(base.length, 'a'), { maxLength: 2 }), fc.array(realEdit(base.length, 'b'), { maxLength: 2 }))
    .map(([a, b]) => ({ base, a: hunksOf(a), b: hunksOf(b) })),
);

/** The maximal runs of consecutive graphemes of `set`, in order. */
function runsOf(text: readonly string[], set: readonly string[]): string[] {
  const runs: string[] = [];
  let run = '';
  for (const g of [...text, '']) {
    if (set.includes(g)) run += g;
    else if (run) {
      runs.push(run);
      run = '';
    }
  }
  return runs;
}

const RUNS = 3000;

const ins = (at: number, text: string): Edit => ({ start: at, end: at, insert: graphemes(text) });
const repl = (start: number, end: number, text: string): Edit => ({ start, end, insert: graphemes(text) });
/** The edges of "overlap", always checked before the generated cases. */
const EDGES: { base: string[]; a: Edit[]; b: Edit[] }[] = [
  // Two insertions at the same point touch: a conflict.
  { base: [...'ab'], a: [ins(1, 'X')], b: [ins(1, 'Y')] },
  // An insertion right where the other side's deletion ends, or starts: a conflict.
  { base: [...'abc'], a: [ins(1, 'X')], b: [repl(0, 1, '')] },
  { base: [...'abc'], a: [ins(1, 'X')], b: [repl(1, 2, '')] },
  // Neighbouring replacements: a conflict.
  { base: [...'中亚五'], a: [repl(0, 1, '和')], b: [repl(1, 2, '平')] },
  // One kept grapheme between them: a merge.
  { base: [...'мир'], a: [repl(0, 1, 'М')], b: [repl(2, 3, 'Р')] },
  // The same insertion into an empty cell on both sides: a false conflict, merged.
  { base: [], a: [ins(0, '👩‍💻')], b: [ins(0, '👩‍💻')] },
  // A chain: b's change touches both of a's, which are apart; a conflict.
  { base: [...'abcde'], a: [repl(0, 1, 'A'), repl(2, 3, 'C')], b: [repl(1, 2, 'B')] },
];

describe('merge3 properties', () => {
  it('merges exactly the two sides’ changes when they do not overlap, and reports a conflict exactly when they do', () => {
    const seen = { conflict: 0, touching: 0, merged: 0, falseConflict: 0 };
    fc.assert(
      fc.property(scenario, ({ base, a, b }) => {
        const current = applyHunks(base, a);
        const incoming = applyHunks(base, b);
        // The generator's units are whole graphemes, and stay so side by side.
        expect(graphemes(base.join(''))).toEqual(base);
        expect(graphemes(current.join(''))).toEqual(current);
        expect(graphemes(incoming.join(''))).toEqual(incoming);

        const expected = expectedMerge(base, a, b);
        const r = merge3(base.join(''), current.join(''), incoming.join(''));
        if (!expected.ok) {
          seen.conflict++;
          // Conflicts where no two changes share a base grapheme: they only touch.
          if (!a.some((h) => b.some((k) => Math.max(h.start, k.start) < Math.min(h.end, k.end)))) seen.touching++;
          expect(r).toEqual({ ok: false });
          return;
        }
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const merged = graphemes(r.text);
        // Every run either side inserted is there, in that side's order.
        expect(
          containsInOrder(
            merged,
            a.map((h) => h.insert),
          ),
        ).toBe(true);
        expect(
          containsInOrder(
            merged,
            b.map((h) => h.insert),
          ),
        ).toBe(true);
        // Every base grapheme either side deleted is gone; every one both kept is still there (base graphemes are distinct).
        const deleted = new Set([...a, ...b].flatMap((h) => base.slice(h.start, h.end)));
        expect(merged.filter((g) => deleted.has(g))).toEqual([]);
        expect(merged.filter((g) => base.includes(g))).toEqual(base.filter((g) => !deleted.has(g)));
        // And the whole text is the base with both sides' hunks applied.
        expect(merged).toEqual(expected.text);
        if (a.length > 0 && b.length > 0) {
          if (a.some((h) => b.some((k) => h.start <= k.end && k.start <= h.end))) seen.falseConflict++;
          else seen.merged++;
        }
      }),
      { numRuns: RUNS, examples: EDGES.map((e) => [e]) },
    );
    // The generator reaches every case, so the property is not vacuous.
    expect(seen.conflict).toBeGreaterThan(RUNS * 0.15);
    expect(seen.touching).toBeGreaterThan(RUNS * 0.1);
    expect(seen.merged).toBeGreaterThan(RUNS * 0.15);
    expect(seen.falseConflict).toBeGreaterThan(RUNS * 0.05);
  });

  it('on real text, where letters repeat and the diff chooses the alignment: symmetric, and every inserted mark kept, in order and in runs', () => {
    const seen = { conflict: 0, merged: 0 };
    fc.assert(
      fc.property(realScenario, ({ base, a, b }) => {
        const current = applyHunks(base, a);
        const incoming = applyHunks(base, b);
        const r = merge3(base.join(''), current.join(''), incoming.join(''));
        // Which side is "current" does not matter.
        expect(merge3(base.join(''), incoming.join(''), current.join(''))).toEqual(r);
        if (!r.ok) {
          seen.conflict++;
          expect(current).not.toEqual(base);
          expect(incoming).not.toEqual(base);
          expect(current).not.toEqual(incoming);
          return;
        }
        if (a.length > 0 && b.length > 0) seen.merged++;
        if (a.length === 0) expect(r.text).toBe(incoming.join(''));
        if (b.length === 0) expect(r.text).toBe(current.join(''));
        // A mark matches nothing in the base, so whatever the alignment it lies in its side's hunk,
        // and a clean merge copies every hunk whole: each side's runs of marks come through as they were.
        const merged = graphemes(r.text);
        expect(runsOf(merged, MARKS.a)).toEqual(runsOf(current, MARKS.a));
        expect(runsOf(merged, MARKS.b)).toEqual(runsOf(incoming, MARKS.b));
      }),
      { numRuns: RUNS },
    );
    expect(seen.conflict).toBeGreaterThan(RUNS * 0.15);
    expect(seen.merged).toBeGreaterThan(RUNS * 0.15);
  });
});
