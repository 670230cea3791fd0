import { emptyCell } from '../../../shared/index.js';
import type { Cell, CellStatus, DocumentSnapshot, Lang, Paragraph } from '../../../shared/index.js';

/**
 * Test factory: a document in the five languages whose texts exercise escaping
 * (&, <, quotes), emoji, Chinese and Cyrillic, with every cell status present.
 */
export function cell(text: string, status: CellStatus, extra: Partial<Cell> = {}): Cell {
  return {
    ...emptyCell(),
    text,
    rev: text === '' ? 0 : 1,
    status,
    updatedBy: text === '' ? null : 'u_test',
    updatedAt: text === '' ? null : '2026-01-01T00:00:00.000Z',
    approvedRev: status === 'approved' ? 1 : null,
    approvedText: status === 'approved' ? text : null,
    ...extra,
  };
}

export function paragraph(id: string, cells: Partial<Record<Lang, Cell>>): Paragraph {
  return { id, cells };
}

export function makeDoc(paragraphs?: Paragraph[]): DocumentSnapshot {
  return {
    id: 'd_test',
    title: 'Summit & "Partners" <2026>',
    sourceLang: 'en',
    targetLangs: ['zh', 'ru', 'kk', 'uz'],
    createdAt: '2026-01-01T00:00:00.000Z',
    createdBy: 'u_test',
    seq: 1,
    updatedAt: '2026-01-01T00:00:00.000Z',
    paragraphs: paragraphs ?? [
      paragraph('p_1', {
        en: cell('Trade reached 540 million & grew "fast" <really> 🚀', 'draft'),
        zh: cell('贸易额达到5.4亿，增长“很快” <真的> 🚀', 'approved'),
        ru: cell('Товарооборот достиг 540 млн & рос «быстро»', 'in_review'),
        kk: cell('Тауар айналымы 540 млн жетті', 'changes_requested'),
        uz: cell('', 'empty'),
      }),
      paragraph('p_2', {
        en: cell("The leaders' summit in Xi'an", 'draft'),
        zh: cell('西安峰会', 'draft'),
        ru: cell('Саммит в Сиане', 'approved'),
        kk: cell('Сиандағы саммит', 'approved', { outdated: true }),
        uz: cell('Sian sammiti', 'approved'),
      }),
      paragraph('p_3', {
        en: cell('  Line one\nline two\twith a tab  ', 'draft'),
        zh: cell('', 'empty'),
        ru: cell('Строка один\nстрока два', 'draft'),
        kk: cell('', 'empty'),
        uz: cell('Birinchi qator', 'in_review'),
      }),
    ],
  };
}
