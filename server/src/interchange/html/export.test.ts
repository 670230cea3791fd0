import { describe, expect, it } from 'vitest';
import { emptyCell } from '../../../../shared/index.js';
import type { Cell, DocumentSnapshot } from '../../../../shared/index.js';
import { htmlParagraphs } from '../sources/html.js';
import { readSourceFile } from '../sources/index.js';
import { exportView } from '../view.js';
import { exportHtml, exportMarkdown } from './export.js';

const cell = (text: string, extra: Partial<Cell> = {}): Cell => ({ ...emptyCell(), text, rev: 1, status: 'draft', ...extra });

const doc: DocumentSnapshot = {
  id: 'd1',
  title: 'Q&A <summit>',
  sourceLang: 'en',
  targetLangs: ['zh', 'ru'],
  createdAt: '',
  createdBy: 'u',
  seq: 3,
  updatedAt: '',
  paragraphs: [
    {
      id: 'p1',
      cells: {
        en: cell('# Not a heading'),
        zh: cell('峰会', { status: 'approved', approvedRev: 1, approvedText: '峰会' }),
        ru: cell('<script>alert(1)</script>'),
      },
    },
    {
      id: 'p2',
      cells: { en: cell('1. first\n- item'), zh: emptyCell(), ru: cell('Черновик', { rev: 2, approvedRev: 1, approvedText: 'Одобрено' }) },
    },
  ],
};

describe('exportHtml', () => {
  it('escapes cell text, tags every cell with its language, and reads back as the same paragraphs', () => {
    const html = exportHtml(doc, ['en', 'zh', 'ru']);
    expect(html).not.toContain('<script>');
    expect(html).toContain('<td lang="ru">&lt;script&gt;alert(1)&lt;/script&gt;</td>');
    expect(html).toContain('<td lang="zh-Hans">峰会</td>');
    expect(html).toContain('<title>Q&amp;A &lt;summit&gt;</title>');
    expect(html).toMatch(/:lang\(zh\) \{ font-family: "Noto Sans CJK SC"/u);
    // The importer reads the export: title, header row, then the cells in order (empty ones skipped).
    expect(htmlParagraphs(html)).toEqual([
      'Q&A <summit>',
      'English',
      '中文（简体）',
      'Русский',
      '# Not a heading',
      '峰会',
      '<script>alert(1)</script>',
      '1. first\n- item',
      'Черновик',
    ]);
  });
});

describe('exportMarkdown', () => {
  it('escapes lines Markdown would read as markup, so the importer gets the text back', async () => {
    const md = exportMarkdown(doc, 'en');
    expect(md).toContain('\\# Not a heading');
    const back = await readSourceFile(Buffer.from(md), { name: 'x.md', lang: 'en' });
    expect(back.paragraphs.slice(1)).toEqual(['# Not a heading', '1. first\n- item']);
  });
});

describe('exportView', () => {
  it('shows approved texts only by default, the cells as they are for latest', () => {
    const approved = exportView(doc, 'approved');
    expect(approved.paragraphs.map((p) => p.cells.ru?.text)).toEqual(['', 'Одобрено']);
    expect(approved.paragraphs[0]!.cells.zh).toMatchObject({ text: '峰会', status: 'approved' });
    expect(approved.paragraphs[0]!.cells.en?.text).toBe('# Not a heading');
    expect(exportView(doc, 'latest')).toBe(doc);
  });
});
