import { describe, expect, it } from 'vitest';
import { cleanParagraphs, cleanText, totalRemoved } from './clean.js';

describe('cleanText', () => {
  it('removes each kind of invisible junk and counts it', () => {
    const input = '\uFEFFin\u200Bter\u00ADnational \u202Bsummit\u202C\u0007 \u200Eend\u0085';
    const r = cleanText(input);
    expect(r.text).toBe('international summit end');
    expect(r.removed).toEqual({ bom: 1, zero_width: 1, soft_hyphen: 1, bidi: 3, control: 2 });
    expect(totalRemoved(r.removed)).toBe(8);
  });

  it('normalises to NFC, also when junk separated a letter from its combining mark', () => {
    expect(cleanText('e\u0301').text).toBe('\u00E9');
    expect(cleanText('\u0439'.normalize('NFD')).text).toBe('\u0439');
    expect(cleanText('e\u00AD\u0301').text).toBe('\u00E9');
  });

  it('keeps tabs, line breaks, no-break spaces and joiners that carry meaning', () => {
    const kept = 'a\tb\nc\u00A0d 👩\u200D💻 x\u200Cy';
    const r = cleanText(kept);
    expect(r.text).toBe(kept);
    expect(r.removed).toEqual({});
  });
});

describe('cleanParagraphs', () => {
  it('drops paragraphs that were nothing but junk and sums the report over all', () => {
    const r = cleanParagraphs(['\u200B\u200B', 'Қазақстан\u00AD', ' ok\u200E ']);
    expect(r.paragraphs).toEqual(['Қазақстан', 'ok']);
    expect(r.removed).toEqual({ zero_width: 2, soft_hyphen: 1, bidi: 1 });
  });
});
