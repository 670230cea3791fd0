import { pathToFileURL } from 'node:url';
import { alignParagraphs } from '../../../shared/align/index.js';
import type { AlignLink, AlignModel } from '../../../shared/align/index.js';
import type { Lang } from '../../../shared/index.js';
import { catalogPair, manPagePairs } from './corpus.js';
import type { ParallelText } from './corpus.js';
import type { PairText } from './exposed.js';

/**
 * Alignment accuracy on the real parallel text of corpus.ts. Each text is
 * aligned as found (gold: paragraph i ↔ i), and again after structural edits
 * a translator makes (every 7th target paragraph dropped → 1–0 links, every
 * 11th pair of target paragraphs merged → 2–1 links) — the words stay real,
 * only the paragraph boundaries are edited, and the gold follows the edits.
 */
export interface AccuracyRow {
  name: string;
  pair: string;
  variant: 'as found' | 'dropped+merged';
  paragraphs: number;
  /** Share of gold links the aligner found exactly. */
  recall: number;
  /** Share of the aligner's links that are gold links. */
  precision: number;
  /** Mean score of correct links and of wrong ones (is the confidence informative?). */
  scoreRight: number;
  scoreWrong: number | null;
}

type Link = { source: number[]; target: number[] };

export function perturb(text: ParallelText): { target: string[]; gold: Link[] } {
  const target: string[] = [];
  const gold: Link[] = [];
  for (let i = 0; i < text.source.length; i++) {
    if (i % 7 === 3) {
      gold.push({ source: [i], target: [] });
      continue;
    }
    if (i % 11 === 5 && i + 1 < text.source.length && (i + 1) % 7 !== 3) {
      const sep = /[\u4e00-\u9fff]$/u.test(text.target[i]!) ? '' : ' ';
      gold.push({ source: [i, i + 1], target: [target.length] });
      target.push(`${text.target[i]!}${sep}${text.target[i + 1]!}`);
      i++;
      continue;
    }
    gold.push({ source: [i], target: [target.length] });
    target.push(text.target[i]!);
  }
  return { target, gold };
}

const key = (l: Link): string => `${l.source.join(',')}|${l.target.join(',')}`;

export function score(found: AlignLink[], gold: Link[]): Pick<AccuracyRow, 'recall' | 'precision' | 'scoreRight' | 'scoreWrong'> {
  const goldKeys = new Set(gold.map(key));
  const right = found.filter((l) => goldKeys.has(key(l)));
  const wrong = found.filter((l) => !goldKeys.has(key(l)));
  const mean = (ls: AlignLink[]): number => ls.reduce((a, l) => a + l.score, 0) / Math.max(1, ls.length);
  return {
    recall: round(right.length / Math.max(1, gold.length)),
    precision: round(right.length / Math.max(1, found.length)),
    scoreRight: round(mean(right)),
    scoreWrong: wrong.length ? round(mean(wrong)) : null,
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export const MAN_PAGES = [
  'man1/passwd.1',
  'man1/man.1',
  'man1/chage.1',
  'man1/chfn.1',
  'man1/chsh.1',
  'man1/login.1',
  'man1/newgrp.1',
  'man1/gpasswd.1',
  'man1/apropos.1',
  'man1/whatis.1',
  'man1/manpath.1',
  'man5/passwd.5',
  'man5/shadow.5',
  'man8/groupadd.8',
  'man8/groupdel.8',
  'man8/groupmod.8',
  'man1/pstree.1',
  'man1/killall.1',
  'man1/fuser.1',
  'man5/gshadow.5',
  'man8/chpasswd.8',
  'man8/catman.8',
  'man8/accessdb.8',
];
const TAG_LANG: Record<string, Lang> = { ru: 'ru', zh_CN: 'zh', kk: 'kk', uz: 'uz' };

export function corpus(): ParallelText[] {
  const texts: ParallelText[] = [...manPagePairs('ru', MAN_PAGES), ...manPagePairs('zh_CN', MAN_PAGES)];
  for (const [lang, domain] of [
    ['ru', 'coreutils'],
    ['zh_CN', 'coreutils'],
    ['kk', 'coreutils'],
    ['kk', 'shadow'],
    ['kk', 'glib20'],
    ['uz', 'gtk30'],
    ['ru', 'shadow'],
    ['zh_CN', 'shadow'],
  ] as const) {
    const t = catalogPair(lang, domain);
    if (t) texts.push(t);
  }
  return texts;
}

/** The tuning set with its languages, for the comparison with Gale–Church that the held-out set gets too (compare.ts). */
export function tuningTexts(): PairText[] {
  return corpus().map((t) => ({ ...t, sourceLang: 'en', targetLang: TAG_LANG[/→(\w+)$/u.exec(t.name)?.[1] ?? ''] ?? 'ru' }));
}

export function measureAlignAccuracy(texts: ParallelText[] = corpus(), model?: Partial<AlignModel>): AccuracyRow[] {
  const rows: AccuracyRow[] = [];
  for (const text of texts) {
    const lang = TAG_LANG[/→(\w+)$/u.exec(text.name)?.[1] ?? ''] ?? 'ru';
    const pair = `en-${lang}`;
    const identity = text.source.map((_, i) => ({ source: [i], target: [i] }));
    const found = alignParagraphs(text.source, text.target, { sourceLang: 'en', targetLang: lang, model });
    rows.push({ name: text.name, pair, variant: 'as found', paragraphs: text.source.length, ...score(found, identity) });
    const p = perturb(text);
    const found2 = alignParagraphs(text.source, p.target, { sourceLang: 'en', targetLang: lang, model });
    rows.push({ name: text.name, pair, variant: 'dropped+merged', paragraphs: text.source.length, ...score(found2, p.gold) });
  }
  return rows;
}

/**
 * Is the score worth showing? Over the edited texts: the probability that a
 * right link scores above a wrong one (ROC AUC), and the precision of the
 * links kept above a few thresholds.
 */
export function measureScoreAuc(texts: ParallelText[] = corpus()): {
  auc: number;
  right: number;
  wrong: number;
  kept: { threshold: number; keptRight: number; precision: number }[];
} {
  const right: number[] = [];
  const wrong: number[] = [];
  for (const text of texts) {
    const lang = TAG_LANG[/→(\w+)$/u.exec(text.name)?.[1] ?? ''] ?? 'ru';
    const p = perturb(text);
    const gold = new Set(p.gold.map(key));
    for (const l of alignParagraphs(text.source, p.target, { sourceLang: 'en', targetLang: lang }))
      (gold.has(key(l)) ? right : wrong).push(l.score);
  }
  let wins = 0;
  for (const r of right) for (const w of wrong) wins += r > w ? 1 : r === w ? 0.5 : 0;
  const kept = [0.3, 0.5, 0.7].map((threshold) => {
    const a = right.filter((x) => x >= threshold).length;
    const b = wrong.filter((x) => x >= threshold).length;
    return { threshold, keptRight: round(a / Math.max(1, right.length)), precision: round(a / Math.max(1, a + b)) };
  });
  return { auc: round(wins / Math.max(1, right.length * wrong.length)), right: right.length, wrong: wrong.length, kept };
}

// `node dist/server/src/align/accuracy.js` prints the table docs/align.md quotes.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const r of measureAlignAccuracy()) {
    console.log(
      [r.name, r.variant, r.paragraphs, r.recall.toFixed(3), r.precision.toFixed(3), r.scoreRight, r.scoreWrong ?? '-'].join('\t'),
    );
  }
  console.log(JSON.stringify(measureScoreAuc()));
}
