import { CELL_STATUSES, docLangs, isComplete, wordCount } from '../../../../shared/index.js';
import type { CellStatus, DocumentState, DocumentSummary, Lang, Paragraph, StatusCounts } from '../../../../shared/index.js';
import { timeSlicer } from '../../slices.js';

function zeroes(): Record<CellStatus, number> {
  const out = {} as Record<CellStatus, number>;
  for (const s of CELL_STATUSES) out[s] = 0;
  return out;
}

/**
 * Each paragraph's source word count, kept with the paragraph while its
 * source text stays the same. Counting words (Intl.Segmenter) is by far the
 * dearest part of a summary: about 5 s for a document of 19,000 paragraphs
 * imported from a 16 MB file, which the document list would otherwise pay
 * on every call, holding every editor on the server up. Keyed weakly, so a
 * paragraph deleted or a document evicted takes its entry with it.
 */
const counted = new WeakMap<Paragraph, { text: string; lang: Lang; words: number }>();

function sourceWords(p: Paragraph, lang: Lang): number {
  const text = p.cells[lang]?.text ?? '';
  const hit = counted.get(p);
  if (hit && hit.lang === lang && hit.text === text) return hit.words;
  const words = wordCount(text, lang);
  counted.set(p, { text, lang, words });
  return words;
}

/**
 * Takes word counts made elsewhere (the import worker, from the same texts
 * with the same wordCount) for a document just built from them, one per
 * paragraph in order; a list that does not fit is ignored.
 */
export function seedWordCounts(doc: DocumentState, words: readonly number[]): void {
  if (words.length !== doc.paragraphs.length) return;
  doc.paragraphs.forEach((p, i) => counted.set(p, { text: p.cells[doc.sourceLang]?.text ?? '', lang: doc.sourceLang, words: words[i]! }));
}

/**
 * Counts the words of every paragraph not counted yet, letting the event loop
 * run every `sliceMs`, so that a summary made afterwards (synchronously) is
 * cheap. For a document just made from a large file.
 */
export async function countWordsInSlices(doc: DocumentState, sliceMs = 8): Promise<void> {
  const pause = timeSlicer(sliceMs);
  const { paragraphs, sourceLang } = doc;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    if (p) sourceWords(p, sourceLang);
    // The clock is read every 64 paragraphs, not every one.
    if ((i & 63) === 63) await pause();
  }
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
    const words = sourceWords(p, doc.sourceLang);
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
