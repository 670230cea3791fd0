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

export function measureAlign(sizes: readonly number[] = [100, 1000]): AlignBench[] {
  return sizes.map((n) => {
    const { en, zh } = corpus(n, n);
    alignParagraphs(en.slice(0, 20), zh.slice(0, 20), { sourceLang: 'en', targetLang: 'zh' }); // warm-up
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const links = alignParagraphs(en, zh, { sourceLang: 'en', targetLang: 'zh' });
    const cpu = process.cpuUsage(c0);
    return {
      paragraphs: n,
      ms: Math.round((performance.now() - t0) * 10) / 10,
      cpuMs: Math.round((cpu.user + cpu.system) / 100) / 10,
      links: links.length,
    };
  });
}
