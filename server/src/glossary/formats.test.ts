import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../../shared/index.js';
import { glossarySchema } from '../../../shared/qa/glossarySchema.js';
import type { GlossaryTerm } from '../../../shared/qa/types.js';
import { glossaryFromCsv, glossaryToCsv } from './csv.js';
import { glossaryFromTbx, glossaryToTbx } from './tbx.js';

/** Term text as the schema keeps it: trimmed, non-empty, no bar (the CSV variant separator) and no XML-illegal characters. */
const text = fc
  .string({ unit: fc.constantFrom('a', 'Я', 'ә', 'ʻ', '上', ' ', ',', '"', '<', '&', ';', "'", '\n', 'é'), minLength: 1, maxLength: 12 })
  .map((s) => s.trim().replace(/\s+/gu, ' '))
  .filter((s) => s.length > 0);

const term: fc.Arbitrary<GlossaryTerm> = fc
  .record(
    {
      en: text,
      zh: text,
      ru: text,
      kk: text,
      uz: text,
      note: text,
      forbidden: fc.array(fc.record({ lang: fc.constantFrom(...LANGS), text }), { maxLength: 3 }),
    },
    { requiredKeys: ['en'] },
  )
  .map((t) => {
    const out: GlossaryTerm = { ...t };
    if (!t.forbidden?.length) delete out.forbidden;
    else out.forbidden = LANGS.flatMap((l) => t.forbidden!.filter((f) => f.lang === l));
    return out;
  });

const normalise = (terms: Record<string, unknown>[]): GlossaryTerm[] => glossarySchema.parse({ terms }).terms;

describe('glossary files', () => {
  it('round-trips any glossary through TBX', () => {
    fc.assert(
      fc.property(fc.array(term, { maxLength: 5 }), (terms) => {
        expect(normalise(glossaryFromTbx(glossaryToTbx(terms)))).toEqual(terms);
      }),
    );
  });

  it('round-trips any glossary through CSV', () => {
    fc.assert(
      fc.property(fc.array(term, { maxLength: 5 }), (terms) => {
        expect(normalise(glossaryFromCsv(glossaryToCsv(terms)))).toEqual(terms);
      }),
    );
  });

  it('reads a spreadsheet CSV with its own column order, extra columns and a BOM', () => {
    const csv = '\uFEFFComment,RU,en,forbidden_ru\r\nx,Казахстан,Kazakhstan,Казакстан | Казахия\r\n';
    expect(glossaryFromCsv(csv)).toEqual([
      {
        en: 'Kazakhstan',
        ru: 'Казахстан',
        forbidden: [
          { lang: 'ru', text: 'Казакстан' },
          { lang: 'ru', text: 'Казахия' },
        ],
      },
    ]);
  });

  it('writes TBX v3 core structure with TBX-Basic administrative status', () => {
    const xml = glossaryToTbx([{ en: 'SCO', ru: 'ШОС', forbidden: [{ lang: 'ru', text: 'ШОК' }], note: 'n' }]);
    expect(xml).toContain('<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">');
    expect(xml).toMatch(/<conceptEntry id="c1">\s*<note>n<\/note>\s*<langSec xml:lang="en">\s*<termSec><term>SCO<\/term>/u);
    expect(xml).toContain('<termSec><term>ШОК</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>');
  });
  it('reads a TBX of 200,000 entries (wrapped below <text><body>) in document order, without overflowing the stack', () => {
    const entry = (t: string): string => `<termEntry><langSet xml:lang="en"><tig><term>${t}</term></tig></langSet></termEntry>`;
    const xml = `<martif><text><body>${entry('first')}${'<termEntry/>'.repeat(199_998)}${entry('last')}</body></text></martif>`;
    const terms = glossaryFromTbx(xml);
    expect(terms).toHaveLength(200_000);
    expect(terms[0]).toEqual({ en: 'first' });
    expect(terms[199_999]).toEqual({ en: 'last' });
  });
});
