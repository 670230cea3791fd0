import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL, alignParagraphs } from './align.js';
import { LOW_SCORE } from '../interchange/links.js';
import { Evidence } from './evidence.js';
import { paragraphFeatures } from './features.js';
import { GaleChurchCost } from './galeChurch.js';
import { LENGTH_SDS, keepSafe, spans, stretches } from './safe.js';

const link = (source: number[], target: number[]): { source: number[]; target: number[] } => ({ source, target });
const key = (l: { source: number[]; target: number[] }): string => `${l.source.join('+')}-${l.target.join('+')}`;

describe('stretches', () => {
  it('splits two paths at the points both pass through', () => {
    const a = spans([link([0], [0]), link([1], [1]), link([2], []), link([3], [2]), link([4], [3])]);
    const b = spans([link([0], [0]), link([1, 2], [1]), link([3], [2]), link([4], [3])]);
    const st = stretches(a, b).map((s) => `${s.ours.length}/${s.theirs.length}`);
    expect(st).toEqual(['1/1', '2/1', '1/1', '1/1']);
  });

  it('covers both paths exactly, whatever they are (property)', () => {
    const path = fc.array(fc.constantFrom([1, 1], [1, 0], [0, 1], [2, 1], [1, 2], [2, 2]), { maxLength: 30 });
    fc.assert(
      fc.property(path, path, (pa, pb) => {
        const toLinks = (p: readonly (readonly number[])[]): { source: number[]; target: number[] }[] => {
          let i = 0;
          let j = 0;
          return p.map(([ds, dt]) => {
            const l = link(
              Array.from({ length: ds! }, (_, k) => i + k),
              Array.from({ length: dt! }, (_, k) => j + k),
            );
            i += ds!;
            j += dt!;
            return l;
          });
        };
        const a = spans(toLinks(pa));
        const b = spans(toLinks(pb));
        // Both paths must end at the same point to be two alignments of the same texts: pad the shorter.
        const end = (s: typeof a): [number, number] => [s.at(-1)?.s1 ?? 0, s.at(-1)?.t1 ?? 0];
        const [ai, aj] = end(a);
        const [bi, bj] = end(b);
        const pad = (s: typeof a, di: number, dj: number): void => {
          let [i, j] = end(s);
          for (; di > 0; di--, i++) s.push({ s0: i, s1: i + 1, t0: j, t1: j });
          for (; dj > 0; dj--, j++) s.push({ s0: i, s1: i, t0: j, t1: j + 1 });
        };
        pad(a, Math.max(0, bi - ai), Math.max(0, bj - aj));
        pad(b, Math.max(0, ai - bi), Math.max(0, aj - bj));
        const st = stretches(a, b);
        expect(st.flatMap((s) => s.ours)).toEqual(a);
        expect(st.flatMap((s) => s.theirs)).toEqual(b);
        for (const s of st) {
          expect(s.ours.at(-1)!.s1).toBe(s.theirs.at(-1)!.s1);
          expect(s.ours.at(-1)!.t1).toBe(s.theirs.at(-1)!.t1);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('the guard', () => {
  it('keeps a merge Gale–Church prefers where no anchor tells a drop from it', () => {
    // Short strings of even length: the model alone explains the merged translation as a dropped
    // paragraph; nothing but its priors says so, and plain Gale–Church merges.
    const en = ['Open file', 'Save file', 'Close window', 'Print page', 'Quit'];
    const ru = ['Открыть файл', 'Сохранить файл Закрыть окно', 'Печать страницы', 'Выход'];
    const run = (guard: boolean): ReturnType<typeof alignParagraphs> =>
      alignParagraphs(en, ru, { sourceLang: 'en', targetLang: 'ru', model: { guard } });
    expect(run(false).map(key)).toEqual(['0-0', '1-', '2-1', '3-2', '4-3']);
    const guarded = run(true);
    expect(guarded.map(key)).toEqual(['0-0', '1+2-1', '3-2', '4-3']);
    // The two models disagreed there: the link taken from Gale–Church is flagged for a look.
    expect(guarded[1]!.score).toBeLessThan(LOW_SCORE);
  });

  it('lets shared numbers override Gale–Church over a stretch they pin', () => {
    // One item left untranslated and a translator's note added three items later: lengths are
    // even, so Gale–Church runs the diagonal, one item off in between; the model links the
    // numbers of every item there (four more anchors over a stretch of six links).
    const w = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
    const en = w.map((x, i) => `Item ${i + 1}: the committee approved ${x} hundred new posts in ${2010 + i}.`);
    const ru = w.map((_, i) => `Пункт ${i + 1}: комитет одобрил ${(i + 2) * 100} новых должностей в ${2010 + i} году.`);
    const note = 'Примечание переводчика: цифры уточняются в приложении.';
    const edited = [...ru.slice(0, 2), ...ru.slice(3, 6), note, ...ru.slice(6)];
    expect(alignParagraphs(en, edited, { sourceLang: 'en', targetLang: 'ru' }).map(key)).toEqual([
      '0-0',
      '1-1',
      '2-',
      '3-2',
      '4-3',
      '5-4',
      '-5',
      '6-6',
      '7-7',
    ]);
  });

  it('does not let contradictions avoided alone override Gale–Church', () => {
    // Leaving a paragraph out contradicts nothing, so avoiding contradictions is no evidence
    // that links anything: Gale–Church's merge stays, flagged for a look.
    const en = [
      'Customs published its annual report on foreign trade on Monday morning.',
      'Exports grew by 17 per cent in 2019 according to customs.',
      'Exports grew by 23 per cent in 2020 according to customs.',
      'The report also covers imports of machinery and of food.',
    ];
    const ru = [
      'В понедельник утром таможня опубликовала ежегодный отчёт о внешней торговле.',
      'По данным таможни, в 2020 году экспорт вырос на 23%.',
      'Отчёт также охватывает импорт машин и продовольствия.',
    ];
    const run = (guard: boolean): ReturnType<typeof alignParagraphs> =>
      alignParagraphs(en, ru, { sourceLang: 'en', targetLang: 'ru', model: { guard } });
    expect(run(false).map(key)).toEqual(['0-0', '1-', '2-1', '3-2']);
    const guarded = run(true);
    expect(guarded.map(key)).toEqual(['0+1-0', '2-1', '3-2']);
    expect(guarded[0]!.score).toBeLessThan(LOW_SCORE);
  });

  describe('where neither the words nor the lengths can judge a stretch', () => {
    // Six paragraphs a side. The aligner's path leaves en 1 out and has ru 4 added; Gale–Church's
    // runs the diagonal. Only figures tell them apart: `figures` of them in en 3 and ru 2, which
    // the aligner's path links and the diagonal does not. No lexicon, as for a text too short to
    // learn words from.
    const en = [
      'The board met.',
      'It approved the budget.',
      'Members discussed roads.',
      'Trade grew',
      'Farmers asked for water.',
      'The meeting closed.',
    ];
    const ru = [
      'Совет собрался.',
      'Члены обсудили дороги.',
      'Торговля выросла',
      'Фермеры просили воды.',
      'Примечание переводчика.',
      'Заседание закрылось.',
    ];
    const fillEn = ' then the committee heard reports from every district and discussed them at length before the vote.';
    const fillRu = ' затем комитет заслушал доклады всех районов и подробно обсудил их перед голосованием.';
    const ours = [link([0], [0]), link([1], []), link([2], [1]), link([3], [2]), link([4], [3]), link([], [4]), link([5], [5])];
    const diagonal = en.map((_, i) => link([i], [i]));
    const guard = (figures: number, long: boolean): { links: string[]; sds: number } => {
      const nums = [7, 2019, 12].slice(0, figures).join(' ');
      const source = en.map((p, i) => (i === 3 ? `${p} ${nums}.` : p) + (long ? fillEn.repeat(2) : ''));
      const target = ru.map((p, i) => (i === 2 ? `${p} ${nums}.` : p) + (long ? fillRu.repeat(2) : ''));
      const names = new Map<string, number>();
      const fs = source.map((t) => paragraphFeatures(t, 'en', names));
      const ft = target.map((t) => paragraphFeatures(t, 'ru', names));
      const ev = new Evidence(fs, ft, true, DEFAULT_MODEL);
      const out = keepSafe(
        ours.map((l) => ({ ...l, score: 1 })),
        diagonal,
        ev,
        new GaleChurchCost(fs, ft),
      );
      return { links: out.map(key), sds: ev.lengthSds(1, 5, 1, 5) };
    };
    const oursKeys = ours.map(key);
    const diagonalKeys = diagonal.map(key);

    it('takes Gale–Church where one figure decides five short links', () => {
      const { links, sds } = guard(1, false);
      expect(sds).toBeLessThan(LENGTH_SDS);
      // The anchor rule alone (one extra linked anchor per ten links) kept the aligner's path here.
      expect(links).toEqual(diagonalKeys);
    });

    it('keeps the aligner where the paragraphs are long enough for lengths to tell', () => {
      const { links, sds } = guard(1, true);
      expect(sds).toBeGreaterThanOrEqual(LENGTH_SDS);
      expect(links).toEqual(oursKeys);
    });

    it('keeps the aligner on short paragraphs where the figures pin most of the stretch', () => {
      // Three figures over five links: one more linked anchor per two links.
      expect(guard(3, false).links).toEqual(oursKeys);
    });
  });
});
