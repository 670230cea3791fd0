import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/index.js';
import { MARKDOWN_SHAPES } from '../../../test/helpers/hostileFiles.js';
import { extractMarkdown } from './markdown.js';
import { MAX_MD_BLOCK, MAX_MD_INLINE_RUNS, markdownChunks } from './markdownChunks.js';

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
    const big = (): unknown => extractMarkdown('a'.repeat(MAX_MD_BLOCK + 1), {});
    expect(big).toThrow(/larger than 262144 characters/u);
    try {
      big();
    } catch (e) {
      expect((e as AppError).details).toEqual({ rule: 'limits.md-block', limit: MAX_MD_BLOCK });
    }
    // Lists nested 127 deep by indentation pass the line bound (a level every two columns) but make a tree
    // 254 levels deep: the walk refuses them by the same rule.
    const lists = `${Array.from({ length: 127 }, (_, k) => `${' '.repeat(2 * k)}- x`).join('\n')}\n`;
    expect(() => extractMarkdown(lists, {})).toThrow(/nests deeper than 200 levels/u);
    try {
      extractMarkdown(lists, {});
    } catch (e) {
      expect((e as AppError).details).toEqual({ rule: 'limits.md-nesting', limit: 200 });
    }
    // Within the bounds, nesting is read as it is.
    expect(extractMarkdown(`${'> '.repeat(150)}deep but allowed\n`, {}).skeleton.slots).toHaveLength(1);
  });

  it('refuses a paragraph with more inline delimiters than the bound, or nesting them deeper, before parsing', () => {
    const rule = (text: string): unknown => {
      try {
        extractMarkdown(text, {});
      } catch (e) {
        return e instanceof AppError ? e.details : e;
      }
      return 'read';
    };
    // One run over the bound in one paragraph; the same text as paragraphs under it is read.
    const runs = '*a*b'.repeat(MAX_MD_INLINE_RUNS / 2 + 1);
    expect(rule(runs)).toEqual({ rule: 'limits.md-inline', limit: MAX_MD_INLINE_RUNS });
    expect(rule('*a*b'.repeat(MAX_MD_INLINE_RUNS / 2))).toBe('read');
    expect(rule(Array.from({ length: 8 }, () => '*a*b'.repeat(MAX_MD_INLINE_RUNS / 8)).join('\n\n'))).toBe('read');
    expect(rule(`${'[x] '.repeat(MAX_MD_INLINE_RUNS / 2 + 1)}\n`)).toEqual({ rule: 'limits.md-inline', limit: MAX_MD_INLINE_RUNS });
    // 64 KB of emphasis nested in one paragraph overflowed the stack of gfm's tree walk.
    expect(rule(MARKDOWN_SHAPES['emphasis nested in one paragraph']!(65_536))).toEqual({ rule: 'limits.md-nesting', limit: 200 });
    expect(rule(`${'*a **a '.repeat(50)}b${' a** a*'.repeat(50)}`)).toBe('read');
  });

  it('counts what can be emphasis in one paragraph only: table rows, headings and bullet items each start anew; words with _ and code fences are not counted', () => {
    const rows = Array.from({ length: 3000 }, (_, k) => `| **row ${k}** | [link](https://example.com/${k}) | ~~old~~ |`);
    const table = ['| name | link | was |', '|---|:-:|---|', ...rows, ''].join('\n');
    expect(extractMarkdown(table, {}).skeleton.slots.length).toBeGreaterThanOrEqual(3000);
    const list = `${Array.from({ length: 3000 }, (_, k) => `- **item ${k}** with *stress*`).join('\n')}\n`;
    expect(extractMarkdown(list, {}).skeleton.slots).toHaveLength(3000);
    const headings = `${Array.from({ length: 3000 }, (_, k) => `# **Part ${k}** *a*`).join('\n')}\n`;
    expect(extractMarkdown(headings, {}).skeleton.slots).toHaveLength(3000);
    const words = `${'see user_name and max_depth_limit '.repeat(3000)}\n`;
    expect(extractMarkdown(words, {}).skeleton.slots).toHaveLength(1);
    const code = `Before.\n\n\`\`\`c\n${'int *p = *q * *r;\n'.repeat(3000)}\`\`\`\n\nAfter.\n`;
    expect(extractMarkdown(code, {}).skeleton.slots.map((s) => s.text)).toEqual(['Before.', 'After.']);
    // A paragraph whose lines only look like table rows (no delimiter row) is one paragraph, counted whole.
    const fake = `${Array.from({ length: MAX_MD_INLINE_RUNS }, () => 'a | *b*').join('\n')}\n`;
    expect(() => extractMarkdown(fake, {})).toThrow(/more than 4096/u);
  });
});
