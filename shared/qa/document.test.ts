import { describe, expect, it } from 'vitest';
import { emptyCell, type Paragraph } from '../domain/types.js';
import type { Lang } from '../languages.js';
import { checkDocumentState, filterFindings, summarizeFindings } from './document.js';
import { MESSAGE_KEYS } from './types.js';

function paragraph(id: string, texts: Partial<Record<Lang, string>>): Paragraph {
  const cells: Paragraph['cells'] = {};
  for (const [lang, text] of Object.entries(texts) as [Lang, string][]) cells[lang] = { ...emptyCell(), text, rev: 1, status: 'draft' };
  return { id, cells };
}

const doc = {
  sourceLang: 'en' as const,
  targetLangs: ['zh', 'ru', 'kk', 'uz'] as Lang[],
  paragraphs: [
    paragraph('p1', {
      en: 'A total of 12 cooperation documents were signed.',
      zh: '共签署了12份合作文件。',
      ru: 'Всего подписано 12 документов о сотрудничестве.',
      kk: 'Барлығы 21 ынтымақтастық құжатына қол қойылды.',
      uz: 'Jami 12 ta hamkorlik hujjati imzolandi.',
    }),
    paragraph('p2', {
      en: 'Education and science are the foundation of the future.',
      zh: '',
      ru: 'Образование и наука — фундамент будущего',
      kk: '',
      uz: '',
    }),
  ],
};

describe('checkDocumentState', () => {
  it('lists the cells with findings, in order, with the cross-target vote on the odd cell', () => {
    const cells = checkDocumentState(doc);
    expect(cells.map((c) => [c.paragraphId, c.index, c.lang, c.findings.map((f) => f.check)])).toEqual([
      ['p1', 0, 'kk', ['number_missing', 'target_disagreement']],
      ['p2', 1, 'ru', ['end_punctuation']],
    ]);
    for (const f of cells.flatMap((c) => c.findings)) expect(MESSAGE_KEYS).toContain(f.messageKey);
  });

  it('filters by severity, check and language and counts what is left', () => {
    const cells = checkDocumentState(doc);
    expect(filterFindings(cells, { severity: 'error' }).map((c) => [c.lang, c.findings.map((f) => f.check)])).toEqual([
      ['kk', ['number_missing']],
    ]);
    expect(filterFindings(cells, { checks: ['end_punctuation'] }).map((c) => c.paragraphId)).toEqual(['p2']);
    expect(filterFindings(cells, { lang: 'uz' })).toEqual([]);
    expect(summarizeFindings(cells)).toEqual({
      errors: 1,
      warnings: 2,
      byCheck: { number_missing: 1, target_disagreement: 1, end_punctuation: 1 },
    });
  });
});
