import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cell, makeDoc, paragraph } from '../../test/helpers/testDoc.js';
import { exportXliff2 } from './xliff2/export.js';
import { exportXliff12 } from './xliff12/export.js';
import { exportTmx } from './tmx/export.js';
import { readInterchange } from './read.js';
import { planXliffImport } from './plan.js';
import { validateAgainst } from '../../test/helpers/officialSchema.js';
import type { CellStatus } from '../../../shared/index.js';

// Any Unicode text a cell may hold: markup characters, quotes, emoji, CJK, controls, lone surrogates.
const cellText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom(
      '&',
      '<',
      '>',
      '"',
      "'",
      ']]>',
      '\n',
      '\t',
      ' ',
      '亿',
      'ё',
      'Ғ',
      'oʻ',
      '🚀',
      '\u0007',
      '\u000c',
      '\r',
      '\r\n',
      '\u0085',
      '\u2028',
      '\u2029',
    ),
    maxLength: 30,
  }),
);
const status = fc.constantFrom<CellStatus>('draft', 'in_review', 'approved', 'changes_requested');
const XML_SAFE = (s: string): boolean => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udfff]/u.test(s);

describe('export → import round trip (property)', () => {
  it('XLIFF 2 keeps every text exactly, XML-invalid characters included, and plans no edit', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(cellText, cellText, status), { minLength: 1, maxLength: 6 }), (rows) => {
        const doc = makeDoc(
          rows.map(([en, ru, st], i) => paragraph(`p_${i}`, { en: cell(en, 'draft'), ru: cell(ru, ru === '' ? 'empty' : st) })),
        );
        const r = readInterchange(exportXliff2(doc, 'ru'));
        if (!r.ok || r.value.format !== 'xliff2') throw new Error(JSON.stringify(r));
        // Lone surrogates are not text Anor stores (shared/text/wellFormed.ts); server/test/unicode.test.ts covers them.
        expect(r.value.xliff.units.map((u) => [u.source, u.target])).toEqual(rows.map(([en, ru]) => [en, ru === '' ? null : ru]));
        const plan = planXliffImport(doc, r.value.xliff);
        expect(plan.ok && plan.value.edits).toEqual([]);
      }),
      // The example is the counterexample CI once found: xmldom folds a raw U+2028 into LF.
      {
        numRuns: 200,
        examples: [
          [
            [
              ['\u2028', '', 'draft'],
              ['\u0085x\u2029', '', 'draft'],
            ],
          ],
        ],
      },
    );
  });

  it('XLIFF 1.2 keeps every XML-safe text exactly and plans no edit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(cellText.filter(XML_SAFE), cellText.filter(XML_SAFE), status), { minLength: 1, maxLength: 6 }),
        (rows) => {
          const doc = makeDoc(
            rows.map(([en, zh, st], i) => paragraph(`p_${i}`, { en: cell(en, 'draft'), zh: cell(zh, zh === '' ? 'empty' : st) })),
          );
          const r = readInterchange(exportXliff12(doc, 'zh'));
          if (!r.ok || r.value.format !== 'xliff12') throw new Error(JSON.stringify(r));
          expect(r.value.xliff.units.map((u) => [u.source, u.target])).toEqual(rows.map(([en, zh]) => [en, zh === '' ? null : zh]));
          const plan = planXliffImport(doc, r.value.xliff);
          expect(plan.ok && plan.value.edits).toEqual([]);
        },
      ),
      // The example is the counterexample CI once found: xmldom folds a raw U+2028 into LF.
      {
        numRuns: 200,
        examples: [
          [
            [
              ['\u2028', '', 'draft'],
              ['\u0085x\u2029', '', 'draft'],
            ],
          ],
        ],
      },
    );
  });

  it('exports with hostile text still validate against the official schemas', async () => {
    const nasty = ']]> &amp; <x/> "\'\u0007\u000c\ud800 \uffff 🚀 亿 oʻ\r\n\u2028\u0085';
    const doc = makeDoc([paragraph('p_1', { en: cell(nasty, 'draft'), kk: cell(nasty, 'approved') })]);
    expect((await validateAgainst(exportXliff2(doc, 'kk'), 'xliff-2.0')).valid).toBe(true);
    expect((await validateAgainst(exportXliff12(doc, 'kk'), 'xliff-1.2')).valid).toBe(true);
    expect((await validateAgainst(exportTmx(doc), 'tmx-1.4')).valid).toBe(true);
  });
});

describe('hostile XML input', () => {
  it('refuses entity declarations (no expansion, no external fetch) with a coded problem', () => {
    const lol = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><x>&b;</x>';
    const xxe = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>';
    for (const text of [lol, xxe]) {
      const r = readInterchange(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems[0]).toMatchObject({ rule: 'xml.well-formed', message: expect.stringContaining('entity') });
    }
  });
});
