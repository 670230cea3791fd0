import { describe, expect, it } from 'vitest';
import { merge3 } from './merge3.js';

// The properties (what merges, what conflicts, nothing inserted lost) are in merge3Properties.test.ts.
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
});
