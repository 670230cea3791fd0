import { describe, expect, it } from 'vitest';
import { closeTag, openTag, standaloneTag } from '../../../../../shared/inline/index.js';
import { allowedTags, fromDisplay, outsideToken, tokenSpans, toDisplay, wholeTokens } from './display.js';

const source = `Leaders of ${openTag(1)}China${closeTag(1)} met.${standaloneTag(2)}`;

describe('tags in the editor', () => {
  it('show as ⟨n⟩ tokens and come back as the same tags', () => {
    const shown = toDisplay(source);
    expect(shown).toBe('Leaders of ⟨1⟩China⟨/1⟩ met.⟨2/⟩');
    expect(fromDisplay(shown, allowedTags(source))).toBe(source);
    // A moved token is the moved tag.
    expect(fromDisplay('⟨2/⟩Лидеры ⟨1⟩Китая⟨/1⟩.', allowedTags(source))).toBe(
      `${standaloneTag(2)}Лидеры ${openTag(1)}Китая${closeTag(1)}.`,
    );
  });

  it('leave text alone where the source has no such tag, and cells without tags as they are', () => {
    expect(fromDisplay('⟨7⟩ and ⟨1/⟩ and ⟨/1/⟩', allowedTags(source))).toBe('⟨7⟩ and ⟨1/⟩ and ⟨/1/⟩');
    expect(fromDisplay('a ⟨1⟩ b', allowedTags('plain'))).toBe('a ⟨1⟩ b');
    expect(toDisplay('plain ⟨1⟩')).toBe('plain ⟨1⟩');
  });

  it('know where tokens are, so a range or caret never cuts one', () => {
    const shown = toDisplay(source);
    const spans = tokenSpans(shown, allowedTags(source));
    expect(spans.map((s) => shown.slice(s.start, s.end))).toEqual(['⟨1⟩', '⟨/1⟩', '⟨2/⟩']);
    const mid = shown.indexOf('⟨/1⟩') + 2;
    expect(wholeTokens(spans, shown.indexOf('China'), mid)).toEqual({ start: shown.indexOf('China'), end: shown.indexOf(' met') });
    expect(outsideToken(spans, mid)).toBe(shown.indexOf('⟨/1⟩'));
    expect(outsideToken(spans, mid, 'end')).toBe(shown.indexOf(' met'));
    expect(outsideToken(spans, 3)).toBe(3);
  });
});
