import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { graphemes } from '../domain/text.js';
import { merge3 } from '../merge/merge3.js';
import { checkTags } from '../qa/tags.js';
import { runChecks } from '../qa/run.js';
import { closeTag, displayTag, hasTags, openTag, pieces, repairTags, standaloneTag, stripTags, tagProblems, tagsOf } from './index.js';

const o = openTag;
const c = closeTag;
const ph = standaloneTag;

describe('inline codes', () => {
  it('are one code point each, apart from any text, and strip to the plain text', () => {
    const text = `Leaders of ${o(1)}China${c(1)} met${ph(2)}.`;
    expect([...text].filter((ch) => hasTags(ch))).toHaveLength(3);
    expect(stripTags(text)).toBe('Leaders of China met.');
    expect(tagsOf(text).map(displayTag)).toEqual(['⟨1⟩', '⟨/1⟩', '⟨2/⟩']);
    expect(pieces(text)).toEqual([
      { text: 'Leaders of ' },
      { tag: { kind: 'open', id: 1 } },
      { text: 'China' },
      { tag: { kind: 'close', id: 1 } },
      { text: ' met' },
      { tag: { kind: 'standalone', id: 2 } },
      { text: '.' },
    ]);
    // What people type stays text, brackets and the BMP private-use area included.
    expect(hasTags('{1}<b>⟨1⟩\uE000\uF8FF')).toBe(false);
    expect(() => openTag(0)).toThrow(RangeError);
  });

  it('are single graphemes: a merge of concurrent edits can move or drop a tag, never cut one', () => {
    const base = `${o(1)}ab${c(1)} cd${ph(2)} ef`;
    expect(graphemes(base).filter(hasTags)).toHaveLength(3);
    const arb = fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.constantFrom('x', 'й', '中', '\u0301', ' ', o(3))), { maxLength: 4 });
    const edit = (s: string, ops: [number, number, string][]): string => {
      let g = graphemes(s);
      for (const [at, del, ins] of ops) {
        const i = g.length === 0 ? 0 : at % (g.length + 1);
        g = [...g.slice(0, i), ins, ...g.slice(i + del)];
      }
      return g.join('');
    };
    fc.assert(
      fc.property(arb, arb, (a, b) => {
        const r = merge3(base, edit(base, a), edit(base, b));
        if (!r.ok) return;
        // No lone surrogate: every tag that is there is whole.
        expect(r.text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u);
        for (const t of tagsOf(r.text)) expect([1, 2, 3]).toContain(t.id);
      }),
    );
  });
});

describe('tagProblems and repairTags', () => {
  const source = `A ${o(1)}b ${o(2)}c${c(2)}${c(1)} d${ph(3)}`;

  it('find missing, extra, doubled and crossed tags', () => {
    expect(tagProblems(source, `X ${o(1)}y ${o(2)}z${c(2)}${c(1)} w${ph(3)}`)).toEqual([]);
    expect(tagProblems(source, `X ${o(1)}y ${o(2)}z${c(1)}${c(2)}`).map((p) => `${p.kind}:${displayTag(p.tag)}`)).toEqual([
      'missing:⟨3/⟩',
      'nesting:⟨/1⟩',
      'nesting:⟨1⟩',
    ]);
    expect(tagProblems(source, `${ph(3)}${ph(3)}${ph(9)} ${o(1)}${o(2)}${c(2)}${c(1)}`).map((p) => p.kind)).toEqual(['duplicate', 'extra']);
  });

  it('repair drops what does not fit and keeps standalone codes', () => {
    const r = repairTags(source, `X ${o(1)}y ${o(2)}z${c(1)}${c(2)} ${ph(9)}`);
    expect(r.repaired).toBe(true);
    expect(tagProblems(source, r.text).filter((p) => p.kind !== 'missing')).toEqual([]);
    expect(r.text.endsWith(ph(3))).toBe(true);
    expect(stripTags(r.text)).toBe('X y z ');
    expect(repairTags(source, `X ${o(1)}y ${o(2)}z${c(2)}${c(1)}${ph(3)}`).repaired).toBe(false);
  });
});

describe('the tag check (shared/qa)', () => {
  it('is an error naming the tags, and the other checks read the plain text', () => {
    const input = {
      source: `The ${o(1)}summit${c(1)} ended.${ph(2)}`,
      target: `Саммит аяқталды${ph(2)}${ph(2)}`,
      sourceLang: 'en' as const,
      targetLang: 'kk' as const,
    };
    const found = checkTags(input);
    expect(found.map((f) => [f.messageKey, f.params.tags, f.severity])).toEqual([
      ['qa.finding.tags_missing', '⟨1⟩ ⟨/1⟩', 'error'],
      ['qa.finding.tags_duplicate', '⟨2/⟩', 'error'],
    ]);
    // The duplicate's range points at the tags in the tagged target.
    expect(found[1]!.ranges.map((r) => input.target.slice(r.start, r.end))).toEqual([ph(2), ph(2)]);
    // "ended." vs "аяқталды": the end-punctuation check sees the text before the trailing tag.
    const all = runChecks(input);
    expect(all.find((f) => f.check === 'end_punctuation')?.messageKey).toBe('qa.finding.end_punctuation_missing');
    expect(
      runChecks({ ...input, target: `Саммит ${o(1)}аяқталды${c(1)}.${ph(2)}` }).filter(
        (f) => f.check === 'tags' || f.check === 'end_punctuation',
      ),
    ).toEqual([]);
  });

  it('maps ranges of the plain-text checks back onto the tagged text', () => {
    const target = `${o(1)}Саммит${c(1)}  аяқталды.`;
    const f = runChecks({ source: `${o(1)}The summit${c(1)} ended.`, target, sourceLang: 'en', targetLang: 'kk' }).find(
      (x) => x.check === 'whitespace',
    );
    expect(f && target.slice(f.ranges[0]!.start, f.ranges[0]!.end)).toBe('  ');
  });
});
