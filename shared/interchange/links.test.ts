import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PreviewLink } from '../protocol/interchange.js';
import { mergeLinks, shiftLink, splitLink, toIndexLinks, toPreviewLinks } from './links.js';

const ids = ['p1', 'p2', 'p3', 'p4'];
const base: PreviewLink[] = toPreviewLinks(
  [
    { source: [0], target: [0], score: 0.9 },
    { source: [1], target: [1, 2], score: 0.3 },
    { source: [2], target: [], score: 0.8 },
    { source: [3], target: [3], score: 0.95 },
  ],
  ids,
);

describe('link editing', () => {
  it('flags weak links, merges and gaps; maps indexes to ids', () => {
    expect(base.map((l) => l.low)).toEqual([false, true, true, false]);
    expect(base[1]!.paragraphIds).toEqual(['p2']);
  });

  it('shifts a target paragraph to the next link and back', () => {
    const down = shiftLink(base, 1, 'down');
    expect(down.map((l) => l.target)).toEqual([[0], [1], [2], [3]]);
    expect(down[2]!.low).toBe(false);
    expect(shiftLink(down, 1, 'up').map((l) => l.target)).toEqual([[0], [1, 2], [], [3]]);
  });

  it('merges and splits', () => {
    const merged = mergeLinks(base, 0);
    expect(merged[0]).toMatchObject({ paragraphIds: ['p1', 'p2'], target: [0, 1, 2] });
    const split = splitLink(merged, 0);
    expect(split.slice(0, 2).map((l) => [l.paragraphIds, l.target])).toEqual([
      [['p1'], [0]],
      [['p2'], [1, 2]],
    ]);
  });

  it('every sequence of edits keeps each target paragraph exactly once, in order', () => {
    const op = fc.tuple(fc.constantFrom('up', 'down', 'merge', 'split'), fc.nat(5));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        let links = base;
        for (const [kind, i] of ops) {
          if (kind === 'merge') links = mergeLinks(links, i);
          else if (kind === 'split') links = splitLink(links, i);
          else links = shiftLink(links, i, kind);
        }
        expect(links.flatMap((l) => l.target)).toEqual([0, 1, 2, 3]);
        expect(links.flatMap((l) => l.paragraphIds)).toEqual(ids);
        expect(toIndexLinks(links, ids, 4).ok).toBe(true);
      }),
    );
  });
});

describe('toIndexLinks', () => {
  it('refuses unknown ids, lost or repeated targets, wrong order', () => {
    expect(toIndexLinks([{ paragraphIds: ['zz'], target: [0] }], ids, 1)).toMatchObject({ ok: false, paragraphId: 'zz' });
    expect(toIndexLinks([{ paragraphIds: ['p1'], target: [0] }], ids, 2).ok).toBe(false);
    expect(toIndexLinks([{ paragraphIds: ['p1'], target: [0, 0] }], ids, 1).ok).toBe(false);
    expect(
      toIndexLinks(
        [
          { paragraphIds: ['p2'], target: [0] },
          { paragraphIds: ['p1'], target: [1] },
        ],
        ids,
        2,
      ).ok,
    ).toBe(false);
    expect(toIndexLinks([{ paragraphIds: ['p1', 'p3'], target: [0] }], ids, 1)).toEqual({
      ok: true,
      links: [{ source: [0, 2], target: [0], score: 1 }],
    });
  });
});
