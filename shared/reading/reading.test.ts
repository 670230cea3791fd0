import { describe, expect, it } from 'vitest';
import { emptyCell } from '../domain/types.js';
import type { Cell, Paragraph } from '../domain/types.js';
import type { ReaderDocument } from '../protocol/share.js';
import { buildReadingModel, pickLangs, withReaderText } from './model.js';
import { standaloneReadingHtml } from './html.js';
import { toReaderDocument } from './reader.js';

const cell = (over: Partial<Cell>): Cell => ({ ...emptyCell(), ...over });

function paragraph(id: string, cells: Paragraph['cells']): Paragraph {
  return { id, cells };
}

const doc = {
  title: 'Summit <news>',
  sourceLang: 'en' as const,
  targetLangs: ['kk' as const, 'uz' as const, 'zh' as const],
  paragraphs: [
    paragraph('p1', {
      en: cell({ text: 'The summit opened.', rev: 1, status: 'draft' }),
      kk: cell({ text: 'Саммит салтанатты ашылды.', rev: 3, status: 'draft', approvedRev: 2, approvedText: 'Саммит ашылды.' }),
      uz: cell({ text: 'Sammit ochildi.', rev: 1, status: 'approved', approvedRev: 1, approvedText: 'Sammit ochildi.' }),
      zh: cell({ text: '峰会开幕。', rev: 1, status: 'in_review' }),
    }),
    paragraph('p2', {
      en: cell({ text: 'Source reviewed, then edited.', rev: 2, status: 'draft', approvedRev: 1, approvedText: 'Source reviewed.' }),
    }),
  ],
};

describe('reader document', () => {
  it('keeps approved texts only; an unreviewed source stands as it is, a reviewed one as approved', () => {
    expect(toReaderDocument(doc)).toEqual({
      title: 'Summit <news>',
      sourceLang: 'en',
      langs: ['en', 'kk', 'uz', 'zh'],
      paragraphs: [
        { id: 'p1', texts: { en: 'The summit opened.', kk: 'Саммит ашылды.', uz: 'Sammit ochildi.', zh: null } },
        { id: 'p2', texts: { en: 'Source reviewed.', kk: null, uz: null, zh: null } },
      ],
    });
  });
});

describe('reading model', () => {
  const reader: ReaderDocument = toReaderDocument(doc);
  const latest = new Map(doc.paragraphs.map((p) => [p.id, Object.fromEntries(Object.entries(p.cells).map(([l, c]) => [l, c.text]))]));

  it('picks 2–5 of the document languages in document order', () => {
    expect(pickLangs(reader.langs, ['zh', 'en'])).toEqual(['en', 'zh']);
    expect(pickLangs(reader.langs, ['kk'])).toEqual(['en', 'kk']);
    expect(pickLangs(reader.langs, ['ru', 'kk', 'uz'])).toEqual(['kk', 'uz']);
    expect(pickLangs(reader.langs, [])).toEqual(['en', 'kk']);
    expect(pickLangs(reader.langs, ['zh'])).toEqual(['en', 'zh']);
    expect(pickLangs(['en', 'ru'], ['kk', 'uz'])).toEqual(['en', 'ru']);
  });

  it('shows approved text by default and the latest drafts, marked, when asked', () => {
    const approved = buildReadingModel(reader, { langs: ['en', 'kk', 'zh'], mode: 'approved' }, latest);
    expect(approved.rows[0]?.cells.map((c) => [c.text, c.draft])).toEqual([
      ['The summit opened.', false],
      ['Саммит ашылды.', false],
      [null, false],
    ]);
    const drafts = buildReadingModel(reader, { langs: ['en', 'kk', 'zh'], mode: 'latest' }, latest);
    expect(drafts.rows[0]?.cells.map((c) => [c.text, c.draft])).toEqual([
      ['The summit opened.', false],
      ['Саммит салтанатты ашылды.', true],
      ['峰会开幕。', true],
    ]);
    expect(drafts.rows[1]?.cells.map((c) => [c.text, c.draft])).toEqual([
      ['Source reviewed, then edited.', true],
      [null, false],
      [null, false],
    ]);
  });

  it('writes Kazakh and Uzbek in the script asked for, with a matching language tag', () => {
    const m = buildReadingModel(reader, { langs: ['kk', 'uz'], mode: 'approved', scripts: { kk: 'Latn', uz: 'Cyrl' } });
    expect(m.columns).toEqual([
      { lang: 'kk', script: 'Latn', tag: 'kk-Latn' },
      { lang: 'uz', script: 'Cyrl', tag: 'uz-Cyrl' },
    ]);
    expect(m.rows[0]?.cells.map((c) => c.text)).toEqual(['Sammit aşyldy.', 'Саммит очилди.']);
    // A conversion that does not exist (Kazakh to Cyrillic is the default, Chinese has none) leaves the text alone.
    const same = buildReadingModel(reader, { langs: ['en', 'zh'], mode: 'approved', scripts: { zh: 'Latn' } });
    expect(same.columns.map((c) => c.tag)).toEqual(['en', 'zh-Hans']);
  });

  it('updates one cell without touching the other rows', () => {
    const next = withReaderText(reader, 'p2', 'kk', 'Дереккөз.');
    expect(next.paragraphs[0]).toBe(reader.paragraphs[0]);
    expect(next.paragraphs[1]?.texts.kk).toBe('Дереккөз.');
  });
});

describe('standalone HTML', () => {
  it('is one file with the same rows, scripts and marks as the model, everything escaped', () => {
    const model = buildReadingModel(
      toReaderDocument(doc),
      { langs: ['en', 'kk', 'zh'], mode: 'latest', scripts: { kk: 'Latn' } },
      new Map([['p1', { zh: '<b>峰会</b>' }]]),
    );
    const html = standaloneReadingHtml(model, {
      columns: ['English', 'Kazakh (Latin)', 'Chinese'],
      draft: 'Draft',
      missing: 'Not translated yet',
      grid: 'Parallel text',
      uiLang: 'en',
    });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<link|<script|src=/u);
    expect(html).toContain('<title>Summit &lt;news&gt;</title>');
    expect(html).toContain('lang="kk-Latn"');
    expect(html).toContain('Sammit aşyldy.');
    expect(html).toContain('&lt;b&gt;峰会&lt;/b&gt;');
    expect(html.match(/class="reading-row"/gu)).toHaveLength(2);
    expect(html.match(/class="reading-badge"/gu)).toHaveLength(1);
    expect(html).toContain('--reading-cols: 3');
  });
});
