import { describe, expect, it } from 'vitest';
import { closeTag, openTag, standaloneTag } from '../../../../shared/inline/index.js';
import { cell, makeDoc, paragraph } from '../../../test/helpers/testDoc.js';
import { validateAgainst } from '../../../test/helpers/officialSchema.js';
import { planXliffImport } from '../plan.js';
import { exportXliff12 } from '../xliff12/export.js';
import { parseXliff12 } from '../xliff12/parse.js';
import { exportXliff2 } from '../xliff2/export.js';
import { parseXliff2 } from '../xliff2/parse.js';

const o = openTag;
const c = closeTag;
const ph = standaloneTag;

/** Cells with inline codes, as imported from a DOCX/HTML/Markdown file, including a translator's broken ones. */
const source = `Leaders of ${o(1)}China${c(1)} met in ${o(2)}${o(3)}Xi’an${c(3)}${c(2)} & <agreed>.${ph(4)}`;
const doc = makeDoc([
  paragraph('p_ok', {
    en: cell(source, 'draft'),
    zh: cell(`${o(1)}中国${c(1)}领导人在${o(2)}${o(3)}西安${c(3)}${c(2)}会晤。${ph(4)}`, 'approved'),
    ru: cell(`Лидеры ${o(2)}${o(3)}Сиань${c(3)}${c(2)}: ${o(1)}Китай${c(1)}.${ph(4)}`, 'in_review'),
    kk: cell(`Көшбасшылар ${o(1)}Қытай ${o(2)}Сиань${c(1)}${o(3)}${c(2)} кездесті${ph(4)}${ph(4)}`, 'draft'),
    uz: cell(`Yetakchilar ${o(1)}Xitoy uchrashdi.`, 'draft'),
  }),
  paragraph('p_plain', {
    en: cell('No codes here.', 'draft'),
    zh: cell('', 'empty'),
    ru: cell('', 'empty'),
    kk: cell('', 'empty'),
    uz: cell('', 'empty'),
  }),
]);

describe('inline codes in XLIFF 2', () => {
  it('are <pc>/<ph> with the tag numbers as ids, and the file validates against the official core XSD', async () => {
    const xlf = exportXliff2(doc, 'zh');
    expect(xlf).toContain(
      '<source xml:space="preserve">Leaders of <pc id="1">China</pc> met in <pc id="2"><pc id="3">Xi’an</pc></pc> &amp; &lt;agreed&gt;.<ph id="4"/></source>',
    );
    expect((await validateAgainst(xlf, 'xliff-2.0')).valid).toBe(true);
  });

  it.each(['zh', 'ru', 'kk', 'uz'] as const)(
    'read back exactly as the cells were, crossed and unclosed tags included (%s)',
    async (lang) => {
      const xlf = exportXliff2(doc, lang);
      const r = await validateAgainst(xlf, 'xliff-2.0');
      expect(r.valid, r.errors).toBe(true);
      const parsed = parseXliff2(xlf);
      expect(parsed.ok ? [] : parsed.problems).toEqual([]);
      if (!parsed.ok) return;
      const unit = parsed.value.units[0]!;
      expect(unit.source).toBe(source);
      // A doubled tag is written once (inline ids are unique in a unit); everything else comes back as it was.
      const want = doc.paragraphs[0]!.cells[lang]!.text.replace(`${ph(4)}${ph(4)}`, ph(4));
      expect(unit.target).toBe(want);
      // Importing the file into the document it came from changes nothing but the doubled tag.
      const plan = planXliffImport(doc, parsed.value);
      expect(plan.ok && plan.value.edits.map((e) => e.paragraphId)).toEqual(lang === 'kk' ? ['p_ok'] : []);
    },
  );

  it('writes crossed pairs as <sc>/<ec> and a lone half as isolated', () => {
    const kk = exportXliff2(doc, 'kk');
    expect(kk).toContain(
      'Көшбасшылар <sc id="1"/>Қытай <sc id="2"/>Сиань<ec startRef="1"/><sc id="3" isolated="yes"/><ec startRef="2"/> кездесті<ph id="4"/>',
    );
    expect(exportXliff2(doc, 'uz')).toContain('Yetakchilar <sc id="1" isolated="yes"/>Xitoy uchrashdi.');
  });

  it('reads another tool’s codes with non-numeric ids as text, as before', () => {
    const xlf = `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ru"><file id="f"><unit id="u1"><segment>
<source>Hello <ph id="v1" equiv="{name}"/> and <pc id="b">bold</pc></source><target>Привет <ph id="v1" equiv="{name}"/> и <pc id="b">жирный</pc></target>
</segment></unit></file></xliff>`;
    const r = parseXliff2(xlf);
    expect(r.ok && r.value.units[0]).toMatchObject({ source: 'Hello {name} and bold', target: 'Привет {name} и жирный' });
  });
});

describe('inline codes in XLIFF 1.2', () => {
  it.each(['zh', 'ru', 'kk', 'uz'] as const)(
    'are <g>/<x> (<bx>/<ex> when crossed), valid against the 1.2 strict XSD, and read back (%s)',
    async (lang) => {
      const xlf = exportXliff12(doc, lang);
      const r = await validateAgainst(xlf, 'xliff-1.2');
      expect(r.valid, r.errors).toBe(true);
      const parsed = parseXliff12(xlf);
      expect(parsed.ok ? [] : parsed.problems).toEqual([]);
      if (!parsed.ok) return;
      expect(parsed.value.units[0]!.source).toBe(source);
      expect(parsed.value.units[0]!.target).toBe(doc.paragraphs[0]!.cells[lang]!.text.replace(`${ph(4)}${ph(4)}`, ph(4)));
    },
  );

  it('writes the source with <g> and <x>', () => {
    expect(exportXliff12(doc, 'zh')).toContain(
      '<source>Leaders of <g id="1">China</g> met in <g id="2"><g id="3">Xi’an</g></g> &amp; &lt;agreed&gt;.<x id="4"/></source>',
    );
  });
});
