import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseXliff2 } from './parse.js';
import { EXPECTED_MODULE_RULE, KNOWN_MODULE_GAPS } from '../../../test/helpers/xliffSuiteModulesExpectations.js';

const ROOT = fileURLToPath(new URL('../../../test/fixtures/validators/xliff/xliff-22/test-suite/modules/', import.meta.url));
const list = (dir: string): string[] =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.xlf'))
    .sort();
const name = (f: string): string => f.replace(/^Bad-|\.xlf$/gu, '');
const read = (dir: string, f: string): ReturnType<typeof parseXliff2> => parseXliff2(readFileSync(join(ROOT, dir, f), 'utf8'));
// Declares the prefix `mda` but uses `pgs:`: not namespace-well-formed, so no XML parser may accept it.
const BROKEN_VALID = 'Good-pgs_plural.xlf';

describe('OASIS XLIFF 2.2 modules test suite', () => {
  it.each(list('valid').filter((f) => f !== BROKEN_VALID))('valid/%s imports', (f) => {
    const r = read('valid', f);
    expect(r.ok ? [] : r.problems).toEqual([]);
  });

  it(`refuses ${BROKEN_VALID}, which uses an undeclared prefix`, () => {
    const r = read('valid', BROKEN_VALID);
    expect(!r.ok && r.problems.map((p) => p.rule)).toEqual(['xml.well-formed']);
  });

  it('accounts for every invalid file: caught with an expected rule, or a listed gap', () => {
    const names = list('invalid').map(name);
    expect(names).toHaveLength(43);
    expect([...Object.keys(EXPECTED_MODULE_RULE), ...KNOWN_MODULE_GAPS].sort()).toEqual(names.sort());
  });

  it.each(list('invalid').filter((f) => !KNOWN_MODULE_GAPS.includes(name(f))))('invalid/%s is refused, naming the rule', (f) => {
    const r = read('invalid', f);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.rule)).toContain(EXPECTED_MODULE_RULE[name(f)]);
  });
});
