import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitParagraphs } from './paragraphs.js';

describe('splitParagraphs', () => {
  it('splits on blank lines and keeps line breaks inside a block', () => {
    expect(splitParagraphs('First line\nstill first.\n\nSecond.\n\n\n\nThird.')).toEqual(['First line\nstill first.', 'Second.', 'Third.']);
  });

  it('splits per line when the text has no blank line', () => {
    expect(splitParagraphs('один\nдва\nтри\n')).toEqual(['один', 'два', 'три']);
  });

  it('normalises CRLF and CR line endings and drops a BOM', () => {
    expect(splitParagraphs('\uFEFFa\r\n\r\nb\rc')).toEqual(['a', 'b\nc']);
  });

  it('treats whitespace-only lines as blank and trims paragraphs', () => {
    expect(splitParagraphs('  你好。 \n \t \n  世界。  ')).toEqual(['你好。', '世界。']);
  });

  it('ignores leading and trailing blank lines when deciding the mode', () => {
    expect(splitParagraphs('\n\nline one\nline two\n\n')).toEqual(['line one', 'line two']);
  });

  it('returns nothing for empty or blank input', () => {
    expect(splitParagraphs('')).toEqual([]);
    expect(splitParagraphs(' \n\n \r\n')).toEqual([]);
  });

  it('keeps a single paragraph whole', () => {
    expect(splitParagraphs('Бір ғана абзац.')).toEqual(['Бір ғана абзац.']);
  });

  it('never yields empty paragraphs and never loses non-space text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'б', '字', ' ', '\n', '\r\n', '\t', '.')), (parts) => {
        const input = parts.join('');
        const out = splitParagraphs(input);
        for (const p of out) {
          expect(p).not.toBe('');
          expect(p).toBe(p.trim());
        }
        const strip = (s: string): string => s.replace(/\s/gu, '');
        expect(strip(out.join(''))).toBe(strip(input));
      }),
    );
  });
});
