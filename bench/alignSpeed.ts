import { performance } from 'node:perf_hooks';
import { alignParagraphs } from '../shared/align/index.js';

/**
 * Speed figures for `npm run bench`: aligning n × n paragraphs of a synthetic
 * English/Chinese-like pair (lengths and anchors vary as in real text; speed
 * does not depend on the words). Target: 1,000 × 1,000 in under 1 s.
 */
export interface AlignBench {
  paragraphs: number;
  /** Wall-clock time of one alignment (features + DP). */
  ms: number;
  /** CPU time of the same run: steadier than wall time on a shared, loaded machine. */
  cpuMs: number;
  links: number;
}

function corpus(n: number, seed: number): { en: string[]; zh: string[] } {
  let x = seed;
  const rnd = (): number => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
  const en: string[] = [];
  const zh: string[] = [];
  for (let i = 0; i < n; i++) {
    const words = 10 + Math.floor(rnd() * 80);
    const fig = Math.floor(rnd() * 1000);
    en.push(`${'word '.repeat(words)}In ${2000 + (i % 25)} trade reached ${fig} million with APEC.`);
    zh.push(`${'字'.repeat(Math.round(words * 1.6))}${2000 + (i % 25)}年贸易额达到${fig / 100}亿，APEC。`);
  }
  return { en, zh };
}

/**
 * A pair the two models dispute: words drawn from a vocabulary of 3,000 (the
 * "Chinese" side writes each as two Han characters), every 37th source
 * paragraph left untranslated and a short paragraph added after every 53rd.
 * The guard then decides many stretches and learns its lexicon (lexicon.ts)
 * from the links both models agree on, which the pair above never needs.
 */
function editedCorpus(n: number): { en: string[]; zh: string[] } {
  let x = 7;
  const rnd = (): number => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
  const word = (k: number): string => `w${k.toString(36)}x${(k * 7).toString(36)}`;
  const han = (k: number): string => String.fromCharCode(0x4e00 + ((k * 37) % 2000));
  const en: string[] = [];
  const zh: string[] = [];
  for (let i = 0; i < n; i++) {
    const ks = Array.from({ length: 10 + Math.floor(rnd() * 80) }, () => Math.floor(rnd() * rnd() * 3000));
    en.push(`${ks.map(word).join(' ')}.`);
    if (i % 37 !== 5) zh.push(`${ks.map((k) => han(k) + han(k + 1)).join('')}。`);
    if (i % 53 === 9) zh.push(`${ks.slice(0, 10).map(han).join('')}。`);
  }
  return { en, zh };
}

function timed(en: string[], zh: string[], paragraphs: number): AlignBench {
  alignParagraphs(en.slice(0, 20), zh.slice(0, 20), { sourceLang: 'en', targetLang: 'zh' }); // warm-up
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const links = alignParagraphs(en, zh, { sourceLang: 'en', targetLang: 'zh' });
  const cpu = process.cpuUsage(c0);
  return {
    paragraphs,
    ms: Math.round((performance.now() - t0) * 10) / 10,
    cpuMs: Math.round((cpu.user + cpu.system) / 100) / 10,
    links: links.length,
  };
}

/** The edited pair above, n source paragraphs: the guard's lexical evidence included. */
export function measureAlignEdited(n = 1000): AlignBench {
  const { en, zh } = editedCorpus(n);
  return timed(en, zh, n);
}

export function measureAlign(sizes: readonly number[] = [100, 1000]): AlignBench[] {
  return sizes.map((n) => {
    const { en, zh } = corpus(n, n);
    return timed(en, zh, n);
  });
}
