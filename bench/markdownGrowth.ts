import { extractMarkdown } from '../server/src/interchange/original/markdown.js';
import { MARKDOWN_SHAPES, markdownBlocks } from '../server/test/helpers/hostileFiles.js';
import { round } from './stats.js';
import type { Row } from './extras.js';

const MB = 1024 * 1024;

function cpuMs(text: string): { ms: number; outcome: string } {
  const c0 = process.cpuUsage();
  let outcome = 'read';
  try {
    extractMarkdown(text, {});
  } catch (e) {
    const rule = (e as { details?: { rule?: string } }).details?.rule;
    outcome = rule ? `refused: ${rule}` : `error: ${String(e)}`;
  }
  const c = process.cpuUsage(c0);
  return { ms: round((c.user + c.system) / 1000), outcome };
}

/**
 * Markdown import (extractMarkdown: chunking, micromark, the tree walk) on
 * adversarial inputs at sizes n, 2n, 4n, in CPU time of this process: each
 * shape as blocks separated by blank lines, and each as one 16 MB block or
 * line (refused before parsing). Growth = time(4n) / time(n); 4 is linear.
 */
export function measureMarkdownGrowth(quick: boolean): Row[] {
  const rows: Row[] = [];
  const n = quick ? 256 * 1024 : MB;
  for (const shape of Object.keys(MARKDOWN_SHAPES)) {
    const t = [n, 2 * n, 4 * n].map((size) => cpuMs(markdownBlocks(shape, size)));
    rows.push({
      metric: `markdown, ${shape}, 16 KB blocks: ${n / 1024} KB / ${(2 * n) / 1024} KB / ${(4 * n) / 1024} KB`,
      value: t.map((x) => x.ms).join(' / '),
      unit: 'ms CPU',
      target: 'growth ≤ 5×',
      baseline: `growth ${round(t[2]!.ms / Math.max(1, t[0]!.ms), 1)}×, ${t[2]!.outcome}`,
    });
    if (shape === 'ordinary paragraphs') continue;
    const whole = cpuMs(MARKDOWN_SHAPES[shape]!(16 * MB));
    rows.push({ metric: `markdown, ${shape}, one 16 MB block`, value: whole.ms, unit: 'ms CPU', target: '—', baseline: whole.outcome });
  }
  return rows;
}
