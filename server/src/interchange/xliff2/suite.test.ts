import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseXliff2 } from './parse.js';
import { EXPECTED_RULE } from './suite-expectations.js';

const SUITE = fileURLToPath(new URL('../../../test/fixtures/validators/xliff/xliff-21/test-suite/core/', import.meta.url));
const list = (dir: string): string[] => readdirSync(join(SUITE, dir)).filter((f) => f.endsWith('.xlf')).sort();
const read = (dir: string, f: string): string => readFileSync(join(SUITE, dir, f), 'utf8');

describe('OASIS XLIFF 2.1 core test suite', () => {
  it.each([...list('valid').map((f) => ['valid', f]), ...list('in-out').map((f) => ['in-out', f])])('%s/%s imports', (dir, f) => {
    const r = parseXliff2(read(dir, f));
    expect(r.ok ? [] : r.problems).toEqual([]);
  });

  it('has an expected rule for every invalid file (119)', () => {
    const names = list('invalid').map((f) => f.replace(/^bad_|\.xlf$/gu, ''));
    expect(names).toHaveLength(119);
    expect(Object.keys(EXPECTED_RULE).sort()).toEqual(names.sort());
  });

  it.each(list('invalid'))('invalid/%s is refused, naming the rule it breaks', (f) => {
    const r = parseXliff2(read('invalid', f));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.rule)).toContain(EXPECTED_RULE[f.replace(/^bad_|\.xlf$/gu, '')]);
    for (const p of r.problems) {
      expect(p.rule).toMatch(/^(xml|xliff2)(\.[a-zA-Z0-9-]+)+$/u);
      expect(p.message.length).toBeGreaterThan(10);
    }
  });

  it('refuses malformed XML with a clear message', () => {
    const r = parseXliff2('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en"><file id="f"></xliff>');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ rule: 'xml.well-formed', message: expect.stringContaining('not well-formed') });
  });
});
