import { describe, expect, it } from 'vitest';
import { wordCount } from '../../../../shared/index.js';
import type { SourceRead } from '../sources/index.js';
import { runJob } from './jobs.js';

describe('runJob (what the import worker runs)', () => {
  it('counts each paragraph’s words in the source language when asked, and only then', async () => {
    const text = '# 峰会开幕\n\n各国领导人在阿斯塔纳会面。\n\nThe leaders met in *Astana*.\n';
    const bytes = Buffer.from(text);
    const opts = { name: 'summit.md', lang: 'zh' as const };
    const withWords = (await runJob({ kind: 'source', bytes, opts, withWords: true })) as SourceRead;
    expect(withWords.paragraphs).toHaveLength(3);
    expect(withWords.words).toEqual(withWords.paragraphs.map((p) => wordCount(p, 'zh')));
    expect(withWords.words?.[0]).toBe(4);
    const without = (await runJob({ kind: 'source', bytes, opts })) as SourceRead;
    expect(without.words).toBeUndefined();
    expect(without.paragraphs).toEqual(withWords.paragraphs);
  });
});
