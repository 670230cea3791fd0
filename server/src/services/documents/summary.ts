import { CELL_STATUSES, docLangs, isComplete, wordCount } from '../../../../shared/index.js';
import type { CellStatus, DocumentState, DocumentSummary, Lang, StatusCounts } from '../../../../shared/index.js';

function zeroes(): Record<CellStatus, number> {
  const out = {} as Record<CellStatus, number>;
  for (const s of CELL_STATUSES) out[s] = 0;
  return out;
}

/**
 * Per-language progress. Words are counted in the SOURCE text of each
 * paragraph, grouped by the status of that language's cell: that is how
 * translation work is measured (an empty target still stands for the source
 * words left to translate), and it makes the languages comparable.
 */
export function summarize(doc: DocumentState): DocumentSummary {
  const progress: Partial<Record<Lang, StatusCounts>> = {};
  const langs = docLangs(doc);
  for (const lang of langs) progress[lang] = { paragraphs: zeroes(), words: zeroes(), outdated: 0 };
  for (const p of doc.paragraphs) {
    const words = wordCount(p.cells[doc.sourceLang]?.text ?? '', doc.sourceLang);
    for (const lang of langs) {
      const counts = progress[lang]!;
      const cell = p.cells[lang];
      const status = cell?.status ?? 'empty';
      counts.paragraphs[status]++;
      counts.words[status] += words;
      if (cell?.outdated) counts.outdated++;
    }
  }
  const complete: Partial<Record<Lang, boolean>> = {};
  for (const lang of langs) complete[lang] = isComplete(doc.paragraphs.map((p) => p.cells[lang]));
  return {
    id: doc.id,
    title: doc.title,
    sourceLang: doc.sourceLang,
    targetLangs: [...doc.targetLangs],
    createdAt: doc.createdAt,
    createdBy: doc.createdBy,
    paragraphCount: doc.paragraphs.length,
    updatedAt: doc.updatedAt,
    progress,
    complete,
  };
}
