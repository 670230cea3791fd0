import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Evidence } from './evidence.js';
import { paragraphFeatures } from './features.js';
import { GaleChurchCost } from './galeChurch.js';
import { DEFAULT_MODEL } from './align.js';
import { Lexicon, MAX_TOKENS, lexTokens } from './lexicon.js';
import { keepSafe } from './safe.js';
import type { AlignLink } from './align.js';

const EN = ['harbour', 'winter', 'bridge', 'garden', 'silver', 'market', 'forest', 'candle', 'letter', 'mirror'];
const EN2 = ['pillow', 'rocket', 'saddle', 'tunnel', 'violin', 'wallet', 'basket', 'cotton', 'desert', 'engine'];
const RU = ['гавань', 'зима', 'мост', 'сад', 'серебро', 'рынок', 'лес', 'свеча', 'письмо', 'зеркало'];
const RU2 = ['подушка', 'ракета', 'седло', 'тоннель', 'скрипка', 'кошелёк', 'корзина', 'хлопок', 'пустыня', 'двигатель'];
const SRC = [...EN, ...EN2];
const TGT = [...RU, ...RU2];

/** Thirty paragraphs of four words each, drawn from twenty word pairs by a fixed rule, and their word-for-word translations. */
function texts(): { en: string[]; ru: string[] } {
  const en: string[] = [];
  const ru: string[] = [];
  for (let p = 0; p < 30; p++) {
    const ids = [p % 20, (p * 7 + 3) % 20, (p * 11 + 5) % 20, (p * 13 + 9) % 20].filter((x, k, a) => a.indexOf(x) === k);
    en.push(`${ids.map((i) => SRC[i]).join(' ')}.`);
    ru.push(`${ids.map((i) => TGT[i]).join(' ')}.`);
  }
  return { en, ru };
}

/** 1–1 links, with source paragraph `drop` left out (1–0). */
function path(n: number, drop: number): AlignLink[] {
  const out: AlignLink[] = [];
  for (let i = 0, j = 0; i < n; i++) {
    if (i === drop) out.push({ source: [i], target: [], score: 1 });
    else out.push({ source: [i], target: [j++], score: 1 });
  }
  return out;
}

const key = (l: { source: number[]; target: number[] }): string => `${l.source.join('+')}-${l.target.join('+')}`;

describe('lexTokens', () => {
  it('cuts words to their stem, lower-cased, keeps Han characters one by one and leaves digits out', () => {
    expect(lexTokens('Торговля торговли выросла на 5 %')).toEqual(['торго', 'вырос', 'на']);
    expect(lexTokens('2024年贸易额达到APEC')).toEqual(['年', '贸', '易', '额', '达', '到', 'apec']);
    expect(lexTokens('a b cd')).toEqual(['cd']);
  });

  it(`keeps at most ${MAX_TOKENS} distinct tokens of a paragraph`, () => {
    const long = Array.from(
      { length: 100 },
      (_, k) => `w${String.fromCharCode(97 + (k % 26))}${String.fromCharCode(97 + Math.floor(k / 26))}`,
    ).join(' ');
    expect(lexTokens(long)).toHaveLength(MAX_TOKENS);
  });
});

describe('Lexicon', () => {
  const { en, ru } = texts();
  const tokens = { en: en.map((t) => lexTokens(t)), ru: ru.map((t) => lexTokens(t)) };

  it('learns from agreed links that right links pair associates more often than wrong ones', () => {
    const lex = new Lexicon(
      tokens.en,
      tokens.ru,
      en.map((_, i) => [i, i] as [number, number]),
    );
    expect(lex.usable).toBe(true);
    expect(lex.right).toBeGreaterThan(lex.chance);
    const link = (s: number, t: number): number => lex.link({ s0: s, s1: s + 1, t0: t, t1: t + 1 });
    expect(link(3, 3)).toBeGreaterThan(0);
    expect(link(3, 4)).toBeLessThan(0);
  });

  it('is not usable when too few links agree to learn any association', () => {
    const lex = new Lexicon(tokens.en, tokens.ru, [[0, 0]]);
    expect(lex.usable).toBe(false);
  });

  it('does not prefer a merge of two right links to the two links (property)', () => {
    const lex = new Lexicon(
      tokens.en,
      tokens.ru,
      en.map((_, i) => [i, i] as [number, number]),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 28 }), (i) => {
        const apart = lex.path([
          { s0: i, s1: i + 1, t0: i, t1: i + 1 },
          { s0: i + 1, s1: i + 2, t0: i + 1, t1: i + 2 },
        ]);
        const merged = lex.link({ s0: i, s1: i + 2, t0: i, t1: i + 2 });
        expect(apart).toBeGreaterThan(merged);
      }),
    );
  });
});

describe('the guard with lexical evidence', () => {
  const { en, ru } = texts();

  /**
   * The translation leaves source paragraph `drop` out; one path puts the
   * shift there, the other `at` instead, linking the paragraphs in between one
   * off. No anchors, lengths even: only the words tell them apart.
   */
  function guard(drop: number, at: number, oursRight: boolean): string[] {
    const target = ru.filter((_, i) => i !== drop);
    const names = new Map<string, number>();
    const fs = en.map((t) => paragraphFeatures(t, 'en', names));
    const ft = target.map((t) => paragraphFeatures(t, 'ru', names));
    const ev = new Evidence(fs, ft, true, DEFAULT_MODEL);
    const right = path(en.length, drop);
    const wrong = path(en.length, at);
    const learn = (agreed: [number, number][]): Lexicon =>
      new Lexicon(
        en.map((t) => lexTokens(t)),
        target.map((t) => lexTokens(t)),
        agreed,
      );
    const [ours, baseline] = oursRight ? [right, wrong] : [wrong, right];
    return keepSafe(ours, baseline, ev, new GaleChurchCost(fs, ft), learn).map(key);
  }

  it('keeps the path that links translated words, whichever model found it (property)', () => {
    const pos = fc.integer({ min: 2, max: 27 });
    fc.assert(
      fc.property(pos, pos, fc.boolean(), (drop, at, oursRight) => {
        // A shift of a few paragraphs: the links outside it agree, and the lexicon learns from them.
        fc.pre(Math.abs(drop - at) >= 2 && Math.abs(drop - at) <= 8);
        expect(guard(drop, at, oursRight)).toEqual(path(en.length, drop).map(key));
      }),
      { numRuns: 100 },
    );
  });

  it('without a lexicon, keeps Gale–Church where anchors say nothing', () => {
    const target = ru.filter((_, i) => i !== 10);
    const names = new Map<string, number>();
    const fs = en.map((t) => paragraphFeatures(t, 'en', names));
    const ft = target.map((t) => paragraphFeatures(t, 'ru', names));
    const out = keepSafe(path(30, 10), path(30, 14), new Evidence(fs, ft, true, DEFAULT_MODEL), new GaleChurchCost(fs, ft));
    expect(out.map(key)).toEqual(path(30, 14).map(key));
  });
});
