import { DEFAULT_SCRIPT, LANGS, type Lang } from '../languages.js';
import { dateKey, extractDates, extractTimes, timeKey } from '../text/dates.js';
import { figuresOutsideDates } from './numbers.js';
import { finding, type Finding, type TextRange } from './types.js';

/** Below three targets there is no majority to trust: two that disagree are one against one. */
export const MIN_TARGETS_FOR_VOTE = 3;

interface Item {
  key: string;
  label: string;
  range: TextRange;
}

type Extract = (text: string, lang: Lang) => Item[];

function figureKey(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
}

const numbers: Extract = (text, lang) =>
  figuresOutsideDates(text, lang).map((n) => ({
    key: figureKey(n.value),
    label: n.raw,
    range: { start: n.index, end: n.index + n.raw.length },
  }));

// Times vote with dates: both are moments, and neither is compared as bare figures.
const dates: Extract = (text, lang) => [
  ...extractDates(text, lang).map((d) => ({ key: dateKey(d), label: d.raw, range: { start: d.index, end: d.end } })),
  ...extractTimes(text).map((t) => ({ key: timeKey(t), label: t.raw, range: { start: t.index, end: t.end } })),
];

const LATIN_TOKEN =
  /(?<![\p{L}\p{N}])(?=[\p{N}-]*\p{Script=Latin})[\p{Script=Latin}\p{N}][\p{Script=Latin}\p{N}-]*[\p{Script=Latin}\p{N}]/gu;

function latinTokens(text: string): Item[] {
  return [...text.matchAll(LATIN_TOKEN)].map((m) => ({ key: m[0], label: m[0], range: { start: m.index, end: m.index + m[0].length } }));
}

function levenshtein(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] ?? 0;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] ?? 0;
      prev[j] = Math.min(up + 1, (prev[j - 1] ?? 0) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length] ?? 0;
}

type Kind = 'number' | 'date' | 'name';

/**
 * Votes one kind of item (figures, dates or Latin-script names) across the
 * targets and reports each target that departs from a strict majority: it
 * lacks what most have, or (figures and dates) has what all others lack.
 * Names only vote one way: a name spelt out in Cyrillic in one target is not
 * an error, a Latin name missing where most targets keep it usually is a typo.
 */
function vote(kind: Kind, cells: [Lang, string][], extract: Extract, candidates?: Set<string>): Finding[] {
  const items = new Map<Lang, Item[]>(cells.map(([lang, text]) => [lang, extract(text, lang)]));
  const n = cells.length;
  const keys = candidates ?? new Set([...items.values()].flat().map((i) => i.key));
  const out: Finding[] = [];
  for (const [lang] of cells) {
    const mine = items.get(lang) ?? [];
    const missing: string[] = [];
    const extra: Item[] = [];
    for (const key of keys) {
      const holders = cells.filter(([l]) => (items.get(l) ?? []).some((i) => i.key === key)).map(([l]) => l);
      const has = holders.includes(lang);
      if (!has && holders.length > n / 2) missing.push(key);
      if (kind !== 'name' && has && holders.length === 1) extra.push(...mine.filter((i) => i.key === key));
    }
    if (missing.length === 0 && extra.length === 0) continue;
    let ranges = extra.map((i) => i.range);
    if (kind === 'name') {
      // Point at the likely misspelling: the Latin token closest to a missing name.
      ranges = missing.flatMap((name) => mine.filter((i) => levenshtein(i.key.toLowerCase(), name.toLowerCase()) <= 2).map((i) => i.range));
    }
    const others = missing.length > 0 ? missing.join(', ') : '—';
    const own = extra.map((i) => i.label).join(', ');
    const message =
      `${lang}: ${kind}s differ from the other targets` +
      (missing.length > 0 ? `; most others have ${others}` : '') +
      (own ? `; only this one has ${own}` : '');
    const f = finding('target_disagreement', kind, message, { kind, missing: missing.join(', '), extra: own }, ranges);
    f.lang = lang;
    out.push(f);
  }
  return out;
}

/**
 * Compares the targets of one paragraph with each other (pass the target cells,
 * not the source): when at least three are filled and one disagrees with the
 * majority about a figure, a date or a Latin-script name, that one is flagged.
 */
export function checkAcrossTargets(cells: Partial<Record<Lang, string>>): Finding[] {
  const filled = LANGS.flatMap((l): [Lang, string][] => {
    const text = cells[l];
    return text && text.trim() ? [[l, text]] : [];
  });
  if (filled.length < MIN_TARGETS_FOR_VOTE) return [];
  // Candidate names come from non-Latin-script cells, where any Latin word is a name, brand or code.
  const names = new Set(filled.filter(([l]) => DEFAULT_SCRIPT[l] !== 'Latn').flatMap(([, t]) => latinTokens(t).map((i) => i.key)));
  return [
    ...vote('number', filled, numbers),
    ...vote('date', filled, dates),
    ...(names.size > 0 ? vote('name', filled, (t) => latinTokens(t), names) : []),
  ];
}
