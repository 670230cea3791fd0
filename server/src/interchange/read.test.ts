import { describe, expect, it } from 'vitest';
import { makeDoc } from '../../test/helpers/testDoc.js';
import { exportXliff2 } from './xliff2/export.js';
import { exportXliff12 } from './xliff12/export.js';
import { exportTmx } from './tmx/export.js';
import { readInterchange } from './read.js';

const doc = makeDoc();
const rules = (text: string): string[] => {
  const r = readInterchange(text);
  return r.ok ? [] : r.problems.map((p) => p.rule);
};

describe('readInterchange', () => {
  it('recognises each format by its root', () => {
    expect(readInterchange(exportXliff2(doc, 'zh'))).toMatchObject({ ok: true, format: 'xliff2' });
    expect(readInterchange(exportXliff12(doc, 'zh'))).toMatchObject({ ok: true, format: 'xliff12' });
    expect(readInterchange(exportTmx(doc))).toMatchObject({ ok: true, format: 'tmx' });
  });

  it('refuses what is not XML, or not a supported format', () => {
    expect(rules('hello')).toEqual(['xml.well-formed']);
    expect(rules('<html><body/></html>')).toEqual(['interchange.format']);
  });

  it('refuses broken XLIFF 1.2 with named rules', () => {
    const xlf = exportXliff12(doc, 'ru')
      .replace('<trans-unit id="p_2"', '<trans-unit id="p_1"')
      .replace('state="translated"', 'state="almost"')
      .replace(' datatype="plaintext"', '');
    expect(rules(xlf).sort()).toEqual(['xliff12.file.attribute-required', 'xliff12.target.state', 'xliff12.trans-unit.id-unique']);
  });

  it('refuses broken TMX with named rules', () => {
    const tmx = exportTmx(doc).replace('<tmx version="1.4">', '<tmx version="2">').replace('<tuv xml:lang="ru">', '<tuv>');
    expect(rules(tmx).sort()).toEqual(['tmx.tuv.lang-required', 'tmx.version']);
  });
});
