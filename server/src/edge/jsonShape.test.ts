import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonShape } from './jsonShape.js';

const depthOf = (v: unknown): number =>
  typeof v === 'object' && v !== null ? 1 + Math.max(0, ...Object.values(v).map((x) => depthOf(x))) : 0;
const valuesOf = (v: unknown): number =>
  typeof v === 'object' && v !== null ? 1 + Object.values(v).reduce((n: number, x) => n + valuesOf(x), 0) : 1;

describe('jsonShape', () => {
  it('measures depth and values exactly, on text and on UTF-8 bytes', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const text = JSON.stringify(value);
        const depth = depthOf(value);
        const values = valuesOf(value);
        for (const input of [text, new TextEncoder().encode(text)]) {
          expect(jsonShape(input, { maxDepth: depth, maxValues: values })).toBe('ok');
          if (depth > 0) expect(jsonShape(input, { maxDepth: depth - 1, maxValues: values })).toBe('too_deep');
          if (values > 1) expect(jsonShape(input, { maxDepth: depth, maxValues: values - 1 })).toBe('too_many_values');
        }
      }),
    );
  });

  it('ignores brackets, commas and escaped quotes inside strings', () => {
    const text = JSON.stringify({ a: '[[[{{{,,,\\"]]]', b: ['"[', '\\', '中文[{'] });
    expect(jsonShape(text, { maxDepth: 2, maxValues: 6 })).toBe('ok');
    expect(jsonShape(text, { maxDepth: 1, maxValues: 6 })).toBe('too_deep');
  });

  it('stops at the first level past the limit, without reading the rest', () => {
    expect(jsonShape(`${'[0,'.repeat(1_000_000)}`, { maxDepth: 1e9, maxValues: 10 })).toBe('too_many_values');
    expect(jsonShape(`${'['.repeat(1_000_000)}`, { maxDepth: 32, maxValues: 1e9 })).toBe('too_deep');
  });
});
