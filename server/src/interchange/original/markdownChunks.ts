import { AppError } from '../../../../shared/index.js';

/**
 * micromark is linear on ordinary text but not on every input: measured on
 * this machine (docs/interchange.md), a line of 64 KB of `>` took over 30 s,
 * runs of backticks grow quadratically, and any file near the 16 MB import
 * limit would hold the thread for minutes. So the file is cut into top-level
 * blocks where CommonMark lets a parse restart — a line that starts at
 * column 0 after a blank line, outside a fenced code block, an HTML block
 * that runs to its end marker (types 1–5) and front matter: there every open
 * container (block quote, list item) has ended — and blocks are parsed in
 * groups of about MD_CHUNK characters. A single block larger than MAX_MD_BLOCK,
 * or a line nesting containers deeper than MAX_MD_NESTING, is refused with a
 * named rule before any parsing.
 */
export const MAX_MD_BLOCK = 256 * 1024;
export const MAX_MD_NESTING = 200;
/**
 * Inline delimiter runs (emphasis, strikethrough, code spans, link brackets)
 * one block may hold. micromark matches them in time that grows with the
 * square of their number in one paragraph: `*a*b` repeated, 16 / 32 / 64 KB,
 * took 0.6 / 1.4 / 7.0 s, and a paragraph near MAX_MD_BLOCK minutes. At this
 * bound the worst shape measured costs a fraction of a second
 * (docs/interchange.md). Counted per paragraph as far as lines tell: a
 * table row, an ATX heading and a bullet item each start their own inline
 * content, so a long table or list with bold in every row stays far below it.
 */
export const MAX_MD_INLINE_RUNS = 4096;
export const MD_CHUNK = 64 * 1024;

const FENCE = /^ {0,3}(`{3,}|~{3,})/u;
const HTML_BLOCKS: readonly [RegExp, RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/iu, /<\/(?:script|pre|style|textarea)>/iu],
  [/^ {0,3}<!--/u, /-->/u],
  [/^ {0,3}<\?/u, /\?>/u],
  [/^ {0,3}<![A-Za-z]/u, />/u],
  [/^ {0,3}<!\[CDATA\[/u, /\]\]>/u],
];
/** The container prefix of a line: block-quote markers, list markers and the indentation between them. */
const CONTAINERS = /^(?:[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*/u;

function refuse(rule: string, limit: number, message: string): never {
  throw new AppError('import_refused', message, { rule, limit });
}

/** How deep a line's leading containers nest: markers, and indentation (a nested list item is indented at least two columns). */
function nesting(line: string): number {
  // 4,096 characters of prefix already nest more than MAX_MD_NESTING levels (at most 11 characters a level,
  // `123456789. `), and a bounded slice keeps the regular expression off a 16 MB line.
  const prefix = CONTAINERS.exec(line.slice(0, 4096))?.[0] ?? '';
  let markers = 0;
  let columns = 0;
  let afterMarker = false;
  for (const ch of prefix) {
    if (ch === ' ' || ch === '\t') {
      // The space that separates a marker from its content is not indentation.
      if (!afterMarker) columns += ch === '\t' ? 4 : 1;
      afterMarker = false;
    } else if (ch === '>' || ch === '-' || ch === '+' || ch === '*' || ch === ')' || ch === '.') {
      markers++;
      afterMarker = true;
    }
  }
  return markers + Math.floor(columns / 2);
}

const WORD = /[\p{L}\p{N}]/u;
/** Lines that begin inline content of their own (they interrupt a paragraph): an ATX heading, a bullet item with text. */
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/u;
const BULLET = /^[ \t]*[-+*][ \t]+\S/u;
const TABLE_DELIMITER = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/u;

/**
 * Inline delimiters of one block, counted line by line before any parsing:
 * `runs`, every run of `*`, `~` or backticks, every `_` run that is not inside
 * a word (one there opens and closes nothing), and every bracket; `depth`, an
 * upper estimate of how deep they could nest — a run that can only open, and
 * `[`, is pushed; one that can close (or `]`) pops — since a deep nest of
 * emphasis overflows the stack of the tree walks behind micromark (gfm's
 * autolink pass recurses: 64 KB of `*a **a ` … ` a** a*` crashed the import).
 */
class InlineBudget {
  runs = 0;
  private open = 0;
  depth = 0;

  reset(): void {
    this.runs = 0;
    this.open = 0;
    this.depth = 0;
  }

  line(line: string): void {
    for (let k = 0; k < line.length; k++) {
      const ch = line[k]!;
      if (ch === '[' || ch === ']') {
        this.runs++;
        this.step(ch === '[', ch === ']');
        continue;
      }
      if (ch !== '*' && ch !== '_' && ch !== '~' && ch !== '`') continue;
      let e = k + 1;
      while (e < line.length && line[e] === ch) e++;
      const before = k > 0 ? line[k - 1]! : ' ';
      const after = e < line.length ? line[e]! : ' ';
      const opens = !/\s/u.test(after);
      const closes = !/\s/u.test(before);
      k = e - 1;
      if (ch === '`') {
        this.runs++;
        continue;
      }
      if (ch === '_' && WORD.test(before) && WORD.test(after)) continue;
      if (!opens && !closes) continue;
      this.runs++;
      this.step(opens && !closes, closes);
    }
  }

  private step(push: boolean, pop: boolean): void {
    if (pop && this.open > 0) this.open--;
    else if (push) this.open++;
    if (this.open > this.depth) this.depth = this.open;
  }
}

/** [start, end) ranges of `text` to parse one by one; their concatenation is the text. */
export function markdownChunks(text: string, chunk = MD_CHUNK): { start: number; end: number }[] {
  const cuts: number[] = [0];
  let fence: { ch: string; len: number } | null = null;
  let html: RegExp | null = null;
  let blank = false;
  let pos = 0;
  const inline = new InlineBudget();
  let table = false;
  const fm = /^(?:---|\+\+\+)[ \t]*\r?\n/u.exec(text);
  if (fm) {
    const close = fm[0].startsWith('-') ? /^(?:---|\.\.\.)[ \t]*$/mu : /^\+\+\+[ \t]*$/mu;
    close.lastIndex = 0;
    const rest = text.slice(fm[0].length);
    const m = close.exec(rest);
    pos = m ? fm[0].length + m.index + m[0].length : text.length;
  }
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 ? text.length : nl + 1;
    const line = text.slice(pos, end).replace(/\r?\n$/u, '');
    if (fence) {
      const m = FENCE.exec(line);
      if (m && m[1]![0] === fence.ch && m[1]!.length >= fence.len && line.slice(m[0].length).trim() === '') fence = null;
    } else if (html) {
      if (html.test(line)) html = null;
    } else {
      const isBlank = line.trim() === '';
      if (blank && !isBlank && line[0] !== ' ' && line[0] !== '\t') {
        cuts.push(pos);
        inline.reset();
      }
      if (isBlank) {
        inline.reset();
        table = false;
      } else {
        if (table || ATX_HEADING.test(line) || BULLET.test(line)) inline.reset();
        else if (TABLE_DELIMITER.test(line) && line.includes('|')) {
          // A GFM table: from here to the next blank line every line is a row with cells of its own.
          table = true;
          inline.reset();
        }
        // A blank line ends every paragraph, so inline markup never spans one: count per run of lines.
        inline.line(line);
        if (inline.depth > MAX_MD_NESTING) {
          refuse(
            'limits.md-nesting',
            MAX_MD_NESTING,
            `inline markup of the Markdown (near character ${pos}) could nest deeper than ${MAX_MD_NESTING} levels`,
          );
        }
        if (inline.runs > MAX_MD_INLINE_RUNS) {
          refuse(
            'limits.md-inline',
            MAX_MD_INLINE_RUNS,
            `a paragraph of the Markdown (near character ${pos}) holds more than ${MAX_MD_INLINE_RUNS} emphasis, code or link delimiters`,
          );
        }
      }
      if (!isBlank && nesting(line) > MAX_MD_NESTING) {
        refuse(
          'limits.md-nesting',
          MAX_MD_NESTING,
          `a line of the Markdown nests block quotes or lists deeper than ${MAX_MD_NESTING} levels`,
        );
      }
      const f = FENCE.exec(line);
      if (f && !(f[1]![0] === '`' && line.slice(f[0].length).includes('`'))) fence = { ch: f[1]![0]!, len: f[1]!.length };
      else {
        const h = HTML_BLOCKS.find(([open]) => open.test(line));
        if (h && !h[1].test(line.slice(line.indexOf('<') + 2))) html = h[1];
      }
      blank = isBlank;
    }
    pos = end;
  }
  cuts.push(text.length);
  const chunks: { start: number; end: number }[] = [];
  let start = 0;
  for (let k = 1; k < cuts.length; k++) {
    const [a, b] = [cuts[k - 1]!, cuts[k]!];
    if (b - a > MAX_MD_BLOCK) {
      refuse('limits.md-block', MAX_MD_BLOCK, `a block of the Markdown (at character ${a}) is larger than ${MAX_MD_BLOCK} characters`);
    }
    if (b - start > chunk && a > start) {
      chunks.push({ start, end: a });
      start = a;
    }
  }
  if (start < text.length || chunks.length === 0) chunks.push({ start, end: text.length });
  return chunks;
}

const DEFINITION = /^ {0,3}\[((?:[^\]\\\n]|\\.){1,999})\]:/gmu;
const BRACKETED = /\[((?:[^[\]\\]|\\.){1,999})\]/gu;
const normal = (label: string): string => label.replace(/\s+/gu, ' ').trim().toLowerCase();

/**
 * Link and footnote definitions hold for the whole document, wherever they
 * are; a chunk parsed alone gets a stand-in definition (after its own text,
 * so its own come first) for each label it uses that is defined anywhere.
 * Only the source text of links is kept, never their target, so a stand-in
 * target is enough.
 */
export function definitionsFor(text: string): (chunk: string) => string {
  const defined = new Set<string>();
  for (const m of text.matchAll(DEFINITION)) defined.add(normal(m[1]!));
  return (chunk) => {
    if (defined.size === 0) return '';
    const used = new Set<string>();
    for (const m of chunk.matchAll(BRACKETED)) {
      const l = normal(m[1]!);
      if (defined.has(l)) used.add(m[1]!.replace(/\s+/gu, ' ').trim());
    }
    return [...used].map((l) => `\n\n[${l}]: x`).join('');
  };
}
