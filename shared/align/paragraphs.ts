/**
 * Splits a plain-text or Markdown file into paragraphs the way `anor align`
 * and the importer count them: a paragraph is a block separated by blank
 * lines; a file with no blank line at all is one paragraph per line (lists of
 * sentences, subtitles, exported spreadsheets). Blank blocks are not
 * paragraphs, so indexes count only paragraphs with text.
 */
export function splitParagraphs(text: string): string[] {
  const t = text.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
  const blocks = /\n[ \t]*\n/u.test(t) ? t.split(/\n(?:[ \t]*\n)+/u) : t.split('\n');
  return blocks.map((b) => b.replace(/^\n+|\s+$/gu, '')).filter((b) => b.trim() !== '');
}
