import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseXliff2 } from './parse.js';
import { EXPECTED_RULE } from '../../../test/helpers/xliffSuiteExpectations.js';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/validators/xliff/', import.meta.url));
// The 2.2 core suite holds the same 119 invalid files, in the 2.2 namespace.
const SUITES = { '2.1': join(FIXTURES, 'xliff-21/test-suite/core'), '2.2': join(FIXTURES, 'xliff-22/test-suite/core') };
const list = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.xlf'))
    .sort();
const ruleOf = (f: string): string | undefined => EXPECTED_RULE[f.replace(/^bad_|\.xlf$/gu, '')];

describe.each(Object.entries(SUITES))('OASIS XLIFF %s core test suite', (_version, root) => {
  const importable = ['valid', 'in-out'].flatMap((d) =>
    d === 'in-out' && !readdirSync(root).includes(d) ? [] : list(join(root, d)).map((f) => join(d, f)),
  );

  it.each(importable)('%s imports', (f) => {
    const r = parseXliff2(readFileSync(join(root, f), 'utf8'));
    expect(r.ok ? [] : r.problems).toEqual([]);
  });

  it('has an expected rule for every invalid file (119)', () => {
    const names = list(join(root, 'invalid')).map((f) => f.replace(/^bad_|\.xlf$/gu, ''));
    expect(names).toHaveLength(119);
    expect(Object.keys(EXPECTED_RULE).sort()).toEqual(names.sort());
  });

  it.each(list(join(root, 'invalid')))('invalid/%s is refused, naming the rule it breaks', (f) => {
    const r = parseXliff2(readFileSync(join(root, 'invalid', f), 'utf8'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.rule)).toContain(ruleOf(f));
    for (const p of r.problems) {
      expect(p.rule).toMatch(/^(xml|xliff2)(\.[a-zA-Z0-9-]+)+$/u);
      expect(p.message.length).toBeGreaterThan(10);
    }
  });
});

describe('XLIFF 2 parse', () => {
  it('refuses malformed XML with a clear message', () => {
    const r = parseXliff2('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en"><file id="f"></xliff>');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ rule: 'xml.well-formed', message: expect.stringContaining('not well-formed') });
  });

  it('refuses a version that does not match the namespace', () => {
    const r = parseXliff2(
      '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.2" srcLang="en"><file id="f"><unit id="u"><segment><source>a</source></segment></unit></file></xliff>',
    );
    expect(!r.ok && r.problems.map((p) => p.rule)).toEqual(['xliff2.version']);
  });

  it('reads units with targets in their order, cp decoded and ph equiv kept', () => {
    const r = parseXliff2(`<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ru">
 <file id="f"><unit id="u1">
  <segment id="a" state="translated"><source>One. </source><target order="2">Раз.</target></segment>
  <segment id="b" state="final"><source>Two<cp hex="0007"/> <ph id="p" equiv="{x}"/>.</source><target order="1">Два <ph id="p" equiv="{x}"/>. </target></segment>
 </unit></file></xliff>`);
    expect(r.ok && r.value.units).toEqual([
      { id: 'u1', source: 'One. Two\u0007 {x}.', target: 'Два {x}. Раз.', state: 'translated', detail: null },
    ]);
  });
});
