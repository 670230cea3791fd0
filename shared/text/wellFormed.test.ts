import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loneSurrogateAt, surrogateCharRefAt, wellFormedText } from './wellFormed.js';

describe('well-formed Unicode', () => {
  it('finds lone surrogates, never a proper pair', () => {
    expect(loneSurrogateAt('Сәлем\uD800')).toBe(5);
    expect(loneSurrogateAt('\uDC00x')).toBe(0);
    expect(loneSurrogateAt('emoji 😀 and 𠀀')).toBe(-1);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(loneSurrogateAt(s)).toBe(-1);
      }),
    );
  });

  it('refuses them in a zod text field, with the field in the path', () => {
    const r = wellFormedText().min(1).safeParse('a\uDFFF');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toContain('lone surrogate');
    expect(wellFormedText().safeParse('Қазақ 😀').success).toBe(true);
  });

  it('finds character references to surrogates, hexadecimal and decimal, and nothing else', () => {
    for (const ref of ['&#xD800;', '&#xdfff;', '&#XDB7F;', '&#x0000d800;', '&#55296;', '&#57343;', '&#056000;']) {
      expect(surrogateCharRefAt(`<t>a${ref}</t>`), ref).toBe(4);
    }
    for (const ok of ['&#xD7FF;', '&#xE000;', '&#55295;', '&#57344;', '&#x1F600;', '&amp;#xD800;', '&#xD800']) {
      expect(surrogateCharRefAt(`<t>${ok}</t>`), ok).toBe(-1);
    }
    // Decimal 55296..57343 is exactly hexadecimal D800..DFFF.
    for (let c = 55_290; c < 57_350; c++) expect(surrogateCharRefAt(`&#${c};`) === 0).toBe(c >= 0xd800 && c <= 0xdfff);
  });
});
