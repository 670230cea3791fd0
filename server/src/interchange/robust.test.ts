import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readInterchange } from './read.js';
import { makeDoc } from '../../test/helpers/testDoc.js';
import { exportXliff12 } from './xliff12/export.js';
import { exportTmx } from './tmx/export.js';

const CORE = fileURLToPath(new URL('../../test/fixtures/validators/xliff/xliff-21/test-suite/core/', import.meta.url));
const samples = [
  ...['valid', 'invalid'].flatMap((d) =>
    readdirSync(join(CORE, d))
      .filter((f) => f.endsWith('.xlf'))
      .map((f) => readFileSync(join(CORE, d, f), 'utf8')),
  ),
  exportXliff12(makeDoc(), 'ru'),
  exportTmx(makeDoc()),
];

/** Removes one element or attribute (found by a crude tag/attribute scan), or swaps an attribute value. */
function mutate(text: string, pick: number, how: number): string {
  const tags = [...text.matchAll(/<([A-Za-z][\w:.-]*)[^<>]*?(\/>|>[\s\S]*?<\/\1>)/gu)];
  const attrs = [...text.matchAll(/\s[\w:.-]+="[^"]*"/gu)];
  if (how === 0 && tags.length) {
    const m = tags[pick % tags.length]!;
    return text.slice(0, m.index) + text.slice(m.index + m[0].length);
  }
  if (attrs.length) {
    const m = attrs[pick % attrs.length]!;
    const replacement = how === 1 ? '' : m[0].replace(/"[^"]*"/u, '"x y"');
    return text.slice(0, m.index) + replacement + text.slice(m.index + m[0].length);
  }
  return text;
}

describe('importers on damaged files (property)', () => {
  it('answer with a value or coded problems, never by throwing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: samples.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 2 })), { minLength: 1, maxLength: 4 }),
        (i, edits) => {
          const text = edits.reduce((t, [pick, how]) => mutate(t, pick, how), samples[i]!);
          const r = readInterchange(text);
          if (!r.ok) {
            expect(r.problems.length).toBeGreaterThan(0);
            for (const p of r.problems) expect(p.rule).toMatch(/^[a-z0-9]+(\.[a-zA-Z0-9-]+)+$/u);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
