import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { merge3 } from './merge3.js';
import { graphemes } from '../domain/text.js';

describe('merge3', () => {
  it('merges edits to different parts of an English sentence', () => {
    const base = 'The summit opened in Xi’an on Monday.';
    const current = 'The first summit opened in Xi’an on Monday.';
    const incoming = 'The summit opened in Xi’an on Monday morning.';
    expect(merge3(base, current, incoming)).toEqual({ ok: true, text: 'The first summit opened in Xi’an on Monday morning.' });
  });

  it('merges Chinese, which has no spaces, character by character', () => {
    const base = '中国同中亚五国领导人举行会晤。';
    const current = '中国同中亚五国领导人在西安举行会晤。';
    const incoming = '中国同中亚五国领导人举行首次会晤。';
    expect(merge3(base, current, incoming)).toEqual({ ok: true, text: '中国同中亚五国领导人在西安举行首次会晤。' });
  });

  it('merges Russian, Kazakh and Uzbek edits', () => {
    expect(merge3('Саммит открылся.', 'Первый саммит открылся.', 'Саммит открылся в Сиане.')).toEqual({
      ok: true,
      text: 'Первый саммит открылся в Сиане.',
    });
    expect(merge3('Саммит ашылды.', 'Бірінші саммит ашылды.', 'Саммит Сиань қаласында ашылды.')).toEqual({
      ok: true,
      text: 'Бірінші саммит Сиань қаласында ашылды.',
    });
    expect(merge3('Sammit ochildi.', 'Birinchi sammit ochildi.', 'Sammit Sianda ochildi.')).toEqual({
      ok: true,
      text: 'Birinchi sammit Sianda ochildi.',
    });
  });

  it('reports a conflict when both sides changed the same span', () => {
    expect(merge3('Summit in Xi’an.', 'Summit in Beijing.', 'Summit in Astana.')).toEqual({ ok: false });
  });

  it('treats the same change on both sides as no conflict', () => {
    expect(merge3('abc', 'aXc', 'aXc')).toEqual({ ok: true, text: 'aXc' });
  });

  it('never splits a grapheme (emoji flags, combining marks)', () => {
    const base = 'Flags: 🇰🇿🇺🇿';
    const res = merge3(base, 'Flags: 🇨🇳🇰🇿🇺🇿', 'Flags: 🇰🇿🇺🇿🇷🇺');
    expect(res).toEqual({ ok: true, text: 'Flags: 🇨🇳🇰🇿🇺🇿🇷🇺' });
  });

  it('keeps every grapheme each side inserted when it merges (property)', () => {
    const alphabet = fc.constantFrom('a', 'b', 'c', '中', '亚', 'қ', 'ў', ' ', 'é');
    const text = fc.array(alphabet, { maxLength: 30 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, fc.nat(40), text, fc.nat(40), text, (base, p1, ins1, p2, ins2) => {
        const g = graphemes(base);
        const at1 = Math.min(p1, g.length);
        const at2 = Math.min(p2, g.length);
        const current = [...g.slice(0, at1), ins1, ...g.slice(at1)].join('');
        const incoming = [...g.slice(0, at2), ins2, ...g.slice(at2)].join('');
        const r = merge3(base, current, incoming);
        if (r.ok) {
          // Both insertions survive: the merged text is at least as long as each side.
          expect(graphemes(r.text).length).toBeGreaterThanOrEqual(Math.max(graphemes(current).length, graphemes(incoming).length));
          if (at1 !== at2 && ins1 && ins2)
            expect(graphemes(r.text).length).toBe(g.length + graphemes(ins1).length + graphemes(ins2).length);
        } else {
          // A conflict is only reported when both sides really changed something.
          expect(current).not.toBe(base);
          expect(incoming).not.toBe(base);
        }
      }),
    );
  });
});
