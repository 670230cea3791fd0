import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paragraphFeatures } from '../../../shared/align/index.js';
import { GaleChurchCost } from '../../../shared/align/galeChurch.js';
import { banded } from '../../../shared/align/search.js';
import { pathCost, spans } from '../../../shared/align/safe.js';
import { galeChurch } from './galeChurch.js';

describe('the guard’s Gale–Church', () => {
  it('finds an alignment as good, by the paper’s cost, as the separately written baseline of the comparisons (property)', () => {
    const text = fc.array(fc.string({ minLength: 1, maxLength: 60 }), { maxLength: 30 });
    fc.assert(
      fc.property(text, text, (s, t) => {
        const names = new Map<string, number>();
        const fs = s.map((x) => paragraphFeatures(x, 'en', names));
        const ft = t.map((x) => paragraphFeatures(x, 'ru', names));
        const gc = new GaleChurchCost(fs, ft);
        const ours = banded(gc, fs.length, ft.length);
        const theirs = galeChurch(s, t);
        // The same optimum; where two paths cost the same, rounding may pick either.
        expect(pathCost(spans(ours), gc)).toBeCloseTo(pathCost(spans(theirs), gc), 6);
      }),
      { numRuns: 200 },
    );
  });
});
