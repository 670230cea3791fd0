import { cleanText } from '../../../../shared/interchange/clean.js';
import type { JunkCounts } from '../../../../shared/interchange/clean.js';
import { closeTag, MAX_TAG_ID, openTag, standaloneTag, stripTags } from '../../../../shared/inline/index.js';
import { AppError } from '../../../../shared/index.js';
import type { TagData } from './types.js';

/**
 * One paragraph as the extractors see it: text and markup tokens with their
 * places in the source. The builder pairs opening and closing markup, turns
 * whatever does not pair into standalone codes, moves codes at the edges out
 * of the translatable text, and numbers the rest as tags (shared/inline).
 */
export type Token =
  | { t: 'text'; value: string; raw: string; start: number; end: number }
  | { t: 'open'; ref: number; raw: string; style?: string; label: string; start: number; end: number }
  | { t: 'close'; ref: number; raw: string; start: number; end: number }
  | { t: 'ph'; raw: string; label: string; start: number; end: number };

export interface Built {
  /** Tokens moved out of the text at each edge (kept as they are on export). */
  before: Token[];
  inner: Token[];
  after: Token[];
  /** The cell text: tags for markup, cleaned (junk removed, NFC), trimmed. */
  text: string;
  tags: Record<string, TagData>;
}

const isBlank = (tok: Token): boolean => tok.t === 'text' && tok.value.trim() === '';

export class SegmentBuilder {
  private tokens: Token[] = [];
  private nextRef = 1;

  get empty(): boolean {
    return this.tokens.length === 0;
  }

  ref(): number {
    return this.nextRef++;
  }

  push(tok: Token): void {
    this.tokens.push(tok);
  }

  /** Takes the tokens gathered so far (and starts afresh); null when they hold no text to translate. */
  take(normalize: (s: string) => string, removed: JunkCounts, collapseAcrossTags = false): Built | null {
    const tokens = pairUp(this.tokens);
    this.tokens = [];
    const before: Token[] = [];
    const after: Token[] = [];
    let lo = 0;
    let hi = tokens.length;
    for (;;) {
      const first = tokens[lo];
      const last = tokens[hi - 1];
      if (!first || !last || lo >= hi) return null;
      if (first.t === 'ph' || isBlank(first)) before.push(tokens[lo++]!);
      else if (last.t === 'ph' || isBlank(last)) after.unshift(tokens[--hi]!);
      else if (first.t === 'open' && first.raw !== '' && last.t === 'close' && last.ref === first.ref) {
        before.push(tokens[lo++]!);
        after.unshift(tokens[--hi]!);
      } else break;
    }
    const inner = tokens.slice(lo, hi);
    const tags: Record<string, TagData> = {};
    const ids = new Map<number, number>();
    let next = 1;
    let text = '';
    let run = '';
    const flushRun = (): void => {
      text += normalize(run);
      run = '';
    };
    for (const tok of inner) {
      if (tok.t === 'text') {
        run += tok.value;
        continue;
      }
      flushRun();
      if (next > MAX_TAG_ID) throw new AppError('import_refused', `a paragraph has more than ${MAX_TAG_ID} inline codes`);
      if (tok.t === 'open') {
        const id = next++;
        ids.set(tok.ref, id);
        const close = inner.find((x): x is Extract<Token, { t: 'close' }> => x.t === 'close' && x.ref === tok.ref);
        tags[id] = {
          kind: 'pair',
          open: tok.raw,
          close: close?.raw ?? '',
          label: tok.label,
          at: tok.start,
          ...(tok.style !== undefined ? { style: tok.style } : {}),
        };
        text += openTag(id);
      } else if (tok.t === 'close') {
        text += closeTag(ids.get(tok.ref) ?? 0);
      } else {
        const id = next++;
        tags[id] = { kind: 'ph', raw: tok.raw, label: tok.label, at: tok.start };
        text += standaloneTag(id);
      }
    }
    flushRun();
    // "a <b> b</b>" shows one space in a browser: so should the cell.
    if (collapseAcrossTags) text = text.replace(/ ((?:[\u{F0001}-\u{F7FFF}])+) /gu, ' $1');
    const cleaned = cleanText(text, removed).text.trim();
    if (stripTags(cleaned).trim() === '') return null;
    return { before, inner, after, text: cleaned, tags };
  }
}

/** Opening tokens without their closing one in the paragraph (and closings without opening) become standalone codes. */
function pairUp(tokens: Token[]): Token[] {
  const opens = new Set<number>();
  const closes = new Set<number>();
  for (const t of tokens) {
    if (t.t === 'open') opens.add(t.ref);
    else if (t.t === 'close') closes.add(t.ref);
  }
  return tokens.map((t): Token => {
    if (t.t === 'open' && !closes.has(t.ref)) return { t: 'ph', raw: t.raw, label: t.label, start: t.start, end: t.end };
    if (t.t === 'close' && !opens.has(t.ref)) return { t: 'ph', raw: t.raw, label: '/', start: t.start, end: t.end };
    return t;
  });
}

/** HTML's whitespace: every run of spaces, tabs and line feeds is one space (line breaks from <br> arrive as U+2028 and become \n). */
export function collapseHtmlSpace(s: string): string {
  return s.replace(/[ \t\n\r\f]+/gu, ' ').replace(/\u2028/gu, '\n');
}
