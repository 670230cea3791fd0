/**
 * Splits pasted or uploaded text into source paragraphs.
 *
 * A paragraph is a block separated by one or more blank lines. Text with no
 * blank line at all but several lines (subtitles, lists, one-sentence-per-line
 * exports) is split per line instead, because treating it as one huge
 * paragraph would make it untranslatable in the grid.
 * Line endings are normalised (CRLF/CR), a byte-order mark is dropped, lines
 * inside a block are kept as written (joined by "\n"), and surrounding
 * whitespace of each paragraph is trimmed; empty paragraphs are never produced.
 */
export function splitParagraphs(input: string): string[] {
  const text = input.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
  const lines = text.split('\n');
  const hasBlankLine = lines.some((l, i) => l.trim() === '' && i > 0 && i < lines.length - 1 && hasContentAround(lines, i));
  if (!hasBlankLine) {
    return lines.map((l) => l.trim()).filter((l) => l !== '');
  }
  const out: string[] = [];
  let block: string[] = [];
  const flush = (): void => {
    const p = block.join('\n').trim();
    if (p !== '') out.push(p);
    block = [];
  };
  for (const line of lines) {
    if (line.trim() === '') flush();
    else block.push(line.trimEnd());
  }
  flush();
  return out;
}

/** A blank line only separates blocks if there is text before and after it. */
function hasContentAround(lines: readonly string[], i: number): boolean {
  return lines.slice(0, i).some((l) => l.trim() !== '') && lines.slice(i + 1).some((l) => l.trim() !== '');
}
