import type { Lang } from '../languages.js';
import { finding, type CheckInput, type Finding, type TextRange } from './types.js';

// Full-width Chinese marks map to the same class as their ASCII counterparts: 。 ends a sentence like "."
const TERMINAL_CLASS: Record<string, string> = {
  '.': '.',
  '。': '.',
  '．': '.',
  '!': '!',
  '！': '!',
  '?': '?',
  '？': '?',
  '…': '…',
  ':': ':',
  '：': ':',
  ';': ';',
  '；': ';',
};
const TRAILING_CLOSERS = new Set([...'"\'”“»«„’‘)]）】」』》〉', ' ', '\t', '\n', '\u00A0']);

interface Ending {
  cls: string | null;
  start: number;
  end: number;
}

/** The sentence-final mark, looking through closing quotes and brackets ("…ended.”" and "…закончился»." both end in "."). */
export function ending(text: string): Ending {
  let i = text.length;
  while (i > 0 && TRAILING_CLOSERS.has(text[i - 1] ?? '')) i--;
  let j = i;
  while (j > 0 && TERMINAL_CLASS[text[j - 1] ?? ''] !== undefined) j--;
  if (j === i) return { cls: null, start: i, end: i };
  const run = text.slice(j, i);
  const cls =
    run.includes('…') || run.includes('...') ? '…' : run.includes('?') || run.includes('？') ? '?' : (TERMINAL_CLASS[run[0] ?? ''] ?? null);
  return { cls, start: j, end: i };
}

export function checkEndPunctuation({ source, target }: CheckInput): Finding[] {
  const s = ending(source);
  const t = ending(target);
  if (s.cls === t.cls) return [];
  const range: TextRange[] = [{ start: t.start, end: Math.max(t.end, t.start) }];
  if (t.cls === null) {
    return [
      finding(
        'end_punctuation',
        'missing',
        `The source ends with "${s.cls}" but the target has no final punctuation`,
        { expected: s.cls ?? '' },
        range,
      ),
    ];
  }
  if (s.cls === null) {
    return [
      finding(
        'end_punctuation',
        'extra',
        `The target ends with "${t.cls}" but the source has no final punctuation`,
        { found: t.cls },
        range,
      ),
    ];
  }
  return [
    finding(
      'end_punctuation',
      'different',
      `The source ends with "${s.cls}" but the target ends with "${t.cls}"`,
      { expected: s.cls, found: t.cls },
      range,
    ),
  ];
}

const BRACKETS: Record<string, { kind: string; open: boolean }> = {
  '(': { kind: '()', open: true },
  ')': { kind: '()', open: false },
  '（': { kind: '()', open: true },
  '）': { kind: '()', open: false },
  '[': { kind: '[]', open: true },
  ']': { kind: '[]', open: false },
  '［': { kind: '[]', open: true },
  '］': { kind: '[]', open: false },
  '【': { kind: '[]', open: true },
  '】': { kind: '[]', open: false },
  '{': { kind: '{}', open: true },
  '}': { kind: '{}', open: false },
};

interface BracketScan {
  pairs: Map<string, number>;
  unmatched: TextRange[];
}

function scanBrackets(text: string): BracketScan {
  const pairs = new Map<string, number>();
  const stack: { kind: string; at: number }[] = [];
  const unmatched: TextRange[] = [];
  for (let i = 0; i < text.length; i++) {
    const b = BRACKETS[text[i] ?? ''];
    if (!b) continue;
    if (b.open) stack.push({ kind: b.kind, at: i });
    else if (stack.length > 0 && stack[stack.length - 1]?.kind === b.kind) {
      stack.pop();
      pairs.set(b.kind, (pairs.get(b.kind) ?? 0) + 1);
    } else unmatched.push({ start: i, end: i + 1 });
  }
  for (const open of stack) unmatched.push({ start: open.at, end: open.at + 1 });
  return { pairs, unmatched: unmatched.sort((a, b) => a.start - b.start) };
}

export function checkBrackets({ source, target }: CheckInput): Finding[] {
  const s = scanBrackets(source);
  const t = scanBrackets(target);
  const out: Finding[] = [];
  // "1)" list markers are unbalanced in both; only an imbalance the source does not have is news.
  if (t.unmatched.length > s.unmatched.length) {
    out.push(finding('brackets', 'unbalanced', 'The target has an unmatched bracket', { count: t.unmatched.length }, t.unmatched));
  }
  // A pair count that differs only because a bracket is unmatched is the same problem, reported once.
  if (out.length > 0) return out;
  for (const kind of new Set([...s.pairs.keys(), ...t.pairs.keys()])) {
    const a = s.pairs.get(kind) ?? 0;
    const b = t.pairs.get(kind) ?? 0;
    if (a !== b) {
      out.push(
        finding('brackets', 'count', `The source has ${a} pair(s) of ${kind} brackets, the target ${b}`, { kind, source: a, target: b }),
      );
    }
  }
  return out;
}

/**
 * Quotation marks by language: « » (outer) and „ “ (inner) in Russian and
 * Kazakh; “ ” in Chinese and Uzbek; “ ” or straight " in English.
 */
// `expected` is shown inside a translated message: alternatives are joined by "/", not an English "or".
const QUOTE_STYLE: Record<Lang, { wrong: string; expected: string }> = {
  ru: { wrong: '"”「」', expected: '« » / „ “' },
  kk: { wrong: '"”「」', expected: '« » / „ “' },
  zh: { wrong: '"«»„「」', expected: '“ ”' },
  uz: { wrong: '"«»„「」', expected: '“ ”' },
  en: { wrong: '«»„「」', expected: '“ ” / " "' },
};

export function checkQuotes({ target, targetLang }: CheckInput): Finding[] {
  const style = QUOTE_STYLE[targetLang];
  const wrong: TextRange[] = [];
  let lowOpen = 0;
  for (let i = 0; i < target.length; i++) {
    const ch = target[i] ?? '';
    if (ch === '„') lowOpen++;
    // In ru/kk “ is the closing half of „ “, so it is only wrong without a „ before it.
    if ((targetLang === 'ru' || targetLang === 'kk') && ch === '“') {
      if (lowOpen > 0) lowOpen--;
      else wrong.push({ start: i, end: i + 1 });
      continue;
    }
    if (style.wrong.includes(ch)) wrong.push({ start: i, end: i + 1 });
  }
  const out: Finding[] = [];
  if (wrong.length > 0) {
    const found = [...new Set(wrong.map((r) => target.slice(r.start, r.end)))].join(' ');
    out.push(
      finding(
        'quotes',
        'style',
        `Quotation marks ${found} are not used in ${targetLang}; expected ${style.expected}`,
        { found, expected: style.expected, lang: targetLang },
        wrong,
      ),
    );
  }
  const count = (ch: string) => [...target].filter((c) => c === ch).length;
  if (count('«') !== count('»') || (targetLang !== 'ru' && targetLang !== 'kk' && count('“') !== count('”'))) {
    out.push(finding('quotes', 'unbalanced', 'Opening and closing quotation marks do not pair up in the target'));
  }
  return out;
}

export function checkWhitespace({ source, target }: CheckInput): Finding[] {
  const out: Finding[] = [];
  const lead = /^\s+/u.exec(target)?.[0].length ?? 0;
  if (lead > 0 && !/^\s/u.test(source)) {
    out.push(finding('whitespace', 'leading', 'The target starts with a space', {}, [{ start: 0, end: lead }]));
  }
  const trail = /\s+$/u.exec(target)?.[0].length ?? 0;
  if (trail > 0 && trail < target.length && !/\s$/u.test(source)) {
    out.push(finding('whitespace', 'trailing', 'The target ends with a space', {}, [{ start: target.length - trail, end: target.length }]));
  }
  if (!/[ \u00A0]{2}/u.test(source)) {
    const doubles = [...target.matchAll(/(?<=\S)[ \u00A0]{2,}(?=\S)/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    if (doubles.length > 0) out.push(finding('whitespace', 'double', 'The target has double spaces', { count: doubles.length }, doubles));
  }
  return out;
}
