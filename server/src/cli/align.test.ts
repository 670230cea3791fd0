import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from './align.js';

let dir = '';
const io = (): { out: string[]; err: string[]; io: { out: (t: string) => void; err: (t: string) => void } } => {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t) => out.push(t), err: (t) => err.push(t) } };
};

const EN = `# China–Central Asia Summit

The second China–Central Asia Summit was held in Astana on 17 June 2025.

Trade between China and the five countries reached 540 million dollars in the first quarter, up 12% on a year earlier.

Leaders signed 58 agreements. They also agreed to open 3 new border crossings by 2027.

The next summit will be held in China in 2027.
`;
// No blank lines: one paragraph per line. The fourth English paragraph is split in two.
const ZH = `# 中国—中亚峰会
第二届中国—中亚峰会于2025年6月17日在阿斯塔纳举行。
一季度中国与中亚五国贸易额达到5.4亿美元，同比增长12%。
各国领导人签署了58项协议。
他们还同意在2027年前开放3个新的边境口岸。
下一届峰会将于2027年在中国举行。
`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'anor-align-'));
  await writeFile(join(dir, 'en.md'), EN);
  await writeFile(join(dir, 'zh.txt'), ZH);
  await writeFile(join(dir, 'bad.txt'), Buffer.from([0xff, 0xfe, 0x41]));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const args = (...extra: string[]): string[] => [
  '--source',
  join(dir, 'en.md'),
  '--target',
  join(dir, 'zh.txt'),
  '--source-lang',
  'en',
  '--target-lang',
  'zh',
  ...extra,
];

describe('anor align', () => {
  it('prints JSON links covering every paragraph of both files once', async () => {
    const c = io();
    expect(await run(args(), c.io)).toBe(0);
    const links = JSON.parse(c.out.join('')) as { source: number[]; target: number[]; score: number }[];
    expect(links.map((l) => [l.source, l.target])).toEqual([
      [[0], [0]],
      [[1], [1]],
      [[2], [2]],
      [[3], [3, 4]],
      [[4], [5]],
    ]);
    for (const l of links) expect(l.score).toBeGreaterThan(0);
    expect(c.err).toEqual([]);
  });

  it('prints TSV with the texts, tabs and newlines escaped', async () => {
    const c = io();
    expect(await run(args('--format', 'tsv'), c.io)).toBe(0);
    const lines = c.out.join('').trimEnd().split('\n');
    expect(lines[0]).toBe('source\ttarget\tscore\tsource_text\ttarget_text');
    expect(lines).toHaveLength(6);
    expect(lines[4]!.split('\t').slice(0, 2)).toEqual(['3', '3,4']);
    expect(lines[4]).toContain('各国领导人签署了58项协议。 ¶ 他们还同意');
  });

  it('refuses bad usage with exit 2 and unreadable files with exit 1', async () => {
    const c = io();
    expect(await run(['--source', 'x'], c.io)).toBe(2);
    expect(c.err.join('')).toContain('missing --target');
    expect(await run(args('--format', 'xml'), io().io)).toBe(2);
    expect(await run([...args().slice(0, 6), '--target-lang', 'fr'], io().io)).toBe(2);
    expect(await run(['--bogus'], io().io)).toBe(2);
    const missing = io();
    expect(await run(['--source', join(dir, 'nope.txt'), ...args().slice(2)], missing.io)).toBe(1);
    expect(missing.err.join('')).toContain('ENOENT');
    const bad = io();
    expect(await run(['--source', join(dir, 'bad.txt'), ...args().slice(2)], bad.io)).toBe(1);
    expect(bad.err.join('')).toContain('not UTF-8');
  });
});
