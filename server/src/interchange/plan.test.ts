import { describe, expect, it } from 'vitest';
import { makeDoc } from '../../test/helpers/testDoc.js';
import { exportXliff2 } from './xliff2/export.js';
import { parseXliff2 } from './xliff2/parse.js';
import { exportXliff12 } from './xliff12/export.js';
import { parseXliff12 } from './xliff12/parse.js';
import { langFromTag, planXliffImport } from './plan.js';
import type { ParsedXliff } from './units.js';

const doc = makeDoc();

function parsed2(text: string): ParsedXliff {
  const r = parseXliff2(text);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.value;
}

describe('planXliffImport', () => {
  it('plans nothing for an unchanged round trip, in 2.0 and 1.2, for every target', () => {
    for (const lang of doc.targetLangs) {
      const r2 = planXliffImport(doc, parsed2(exportXliff2(doc, lang)));
      expect(r2.ok && r2.value.edits).toEqual([]);
      const p12 = parseXliff12(exportXliff12(doc, lang));
      if (!p12.ok) throw new Error('1.2 export did not parse');
      const r12 = planXliffImport(doc, p12.value);
      expect(r12.ok && r12.value.edits).toEqual([]);
    }
  });

  it('plans the edited targets with their statuses, matched by unit id', () => {
    const xlf = exportXliff2(doc, 'ru')
      .replace('Саммит в Сиане', 'Саммит в Сиане &amp; «Астане»')
      .replace(
        '<segment state="translated">\n    <source xml:space="preserve">  Line',
        '<segment state="final">\n    <source xml:space="preserve">  Line',
      );
    const r = planXliffImport(doc, parsed2(xlf));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.lang).toBe('ru');
    expect(r.value.edits).toEqual([
      { paragraphId: 'p_2', lang: 'ru', text: 'Саммит в Сиане & «Астане»', status: 'approved' },
      { paragraphId: 'p_3', lang: 'ru', text: 'Строка один\nстрока два', status: 'approved' },
    ]);
  });

  it('refuses unknown or repeated unit ids and changes nothing', () => {
    const before = JSON.stringify(doc);
    const xlf = exportXliff2(doc, 'zh')
      .replace('<unit id="p_2">', '<unit id="p_404">')
      .replace("The leaders' summit", 'A paragraph the document never had');
    const r = planXliffImport(doc, parsed2(xlf));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toEqual([expect.objectContaining({ rule: 'import.unknown-unit', where: 'p_404' })]);
    const twice: ParsedXliff = { ...parsed2(exportXliff2(doc, 'zh')) };
    twice.units = [...twice.units, twice.units[0]!];
    const r2 = planXliffImport(doc, twice);
    expect(!r2.ok && r2.problems.map((p) => p.rule)).toEqual(['import.unit-repeated']);
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('leaves a cell alone when the file has an empty target for it (po2xliff writes <target></target> for an untranslated entry)', () => {
    const p12 = parseXliff12(exportXliff12(doc, 'ru').replace(/(<target[^>]*>)Саммит в Сиане<\/target>/u, '<target></target>'));
    if (!p12.ok) throw new Error('1.2 file did not parse');
    const p2 = parsed2(exportXliff2(doc, 'ru').replace('>Саммит в Сиане</target>', '></target>'));
    for (const units of [p12.value, p2]) {
      expect(units.units.find((u) => u.id === 'p_2')?.target).toBe('');
      const r = planXliffImport(doc, units);
      expect(r.ok && r.value.edits).toEqual([]);
    }
  });

  it('refuses a file for another language pair', () => {
    const xlf = exportXliff2(doc, 'zh').replace('trgLang="zh-Hans"', 'trgLang="de"').replace('srcLang="en"', 'srcLang="fr"');
    const r = planXliffImport(doc, parsed2(xlf));
    expect(!r.ok && r.problems.map((p) => p.rule)).toEqual(['import.source-language', 'import.target-language']);
  });

  it('warns (not refuses) when a unit source differs from the paragraph', () => {
    const xlf = exportXliff2(doc, 'uz').replace("The leaders' summit", 'The summit');
    const r = planXliffImport(doc, parsed2(xlf));
    expect(r.ok && r.value.warnings.map((w) => w.where)).toEqual(['p_2']);
  });
});

describe('langFromTag', () => {
  it('maps region and script variants to document languages', () => {
    expect(['zh-Hans', 'zh-CN', 'ru-RU', 'kk', 'uz-Latn', 'en-US', 'de', 'uz-Cyrl', 'zh-Hant', 'zh_TW', null].map(langFromTag)).toEqual([
      'zh',
      'zh',
      'ru',
      'kk',
      'uz',
      'en',
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
