import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/index.js';
import { MARKDOWN_SHAPES } from '../../../test/helpers/hostileFiles.js';
import { extractMarkdown } from './markdown.js';
import { MAX_MD_BLOCK, markdownChunks } from './markdownChunks.js';

/** One section of a real-looking article, with every construct that may span a blank line. */
const section = (k: number): string =>
  [
    `## Section ${k}`,
    '',
    `A paragraph with *emphasis*, a [reference link][ref${k}], a footnote[^n${k}] and \`code\`.`,
    '',
    '- a list item',
    '',
    '  its second paragraph, indented',
    '- another item',
    '',
    '```js',
    'const a = 1;',
    '',
    'Not a paragraph: inside a fence.',
    '```',
    '',
    '<!--',
    '',
    'Not a paragraph either: inside a comment.',
    '',
    '-->',
    '',
    '> A quote',
    '>',
    '> in two paragraphs.',
    '',
    '    indented code',
    '',
    'See [the end][last].',
    '',
  ].join('\n');

const article = (sections: number): string =>
  [
    '---',
    'title: "Chunked"',
    '',
    'note: a blank line inside front matter',
    '---',
    '',
    ...Array.from({ length: sections }, (_, k) => section(k)),
    ...Array.from({ length: sections }, (_, k) => `[ref${k}]: https://example.com/${k}\n[^n${k}]: Footnote ${k}.\n`),
    '[last]: https://example.com/last',
    '',
  ].join('\n');

describe('Markdown parsed in chunks', () => {
  it('cuts only where a top-level block starts, and the pieces make the file', () => {
    const text = article(30);
    const chunks = markdownChunks(text, 1024);
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.map((c) => text.slice(c.start, c.end)).join('')).toBe(text);
    for (const c of chunks.slice(1)) expect(text.slice(c.start - 2, c.start + 1)).toMatch(/^\n\n[^\s]/u);
  });

  it('extracts exactly what one parse of the whole file does: fences, comments, lists, quotes, links and footnotes defined in other chunks', () => {
    const text = article(30);
    const chunked = extractMarkdown(text, {}, 1024);
    const whole = extractMarkdown(text, {}, Number.POSITIVE_INFINITY);
    expect(chunked).toEqual(whole);
    expect(whole.skeleton.slots.length).toBeGreaterThan(30 * 6);
    expect(whole.skeleton.slots.some((s) => s.text.includes('inside a fence') || s.text.includes('inside a comment'))).toBe(false);
    expect(chunked.title).toBe('Chunked');
  });

  it('refuses a line that nests deeper than the bound before parsing, and a single block larger than the bound', () => {
    const nested = (): unknown => extractMarkdown(MARKDOWN_SHAPES['block quotes nested on one line']!(1_000_000), {});
    expect(nested).toThrow(AppError);
    expect(nested).toThrow(/deeper than 200 levels/u);
    const big = (): unknown => extractMarkdown('['.repeat(MAX_MD_BLOCK + 1), {});
    expect(big).toThrow(/larger than 262144 characters/u);
    try {
      big();
    } catch (e) {
      expect((e as AppError).details).toEqual({ rule: 'limits.md-block', limit: MAX_MD_BLOCK });
    }
    // Within the bounds, nesting is read as it is.
    expect(extractMarkdown(`${'> '.repeat(150)}deep but allowed\n`, {}).skeleton.slots).toHaveLength(1);
  });
});
