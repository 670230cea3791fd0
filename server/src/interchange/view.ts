import { emptyCell } from '../../../shared/index.js';
import type { DocumentSnapshot } from '../../../shared/index.js';
import type { ExportMode } from '../../../shared/protocol/interchange.js';

/**
 * The document as an export should see it. `latest` is the cells as they are.
 * `approved` (the default) is what readers see: each target cell shows its
 * last approved text, even when a newer draft is being worked on, and a cell
 * never approved is empty. The source column is exported as it is, since
 * every translation is of the current source.
 */
export function exportView(doc: DocumentSnapshot, mode: ExportMode): DocumentSnapshot {
  if (mode === 'latest') return doc;
  return {
    ...doc,
    paragraphs: doc.paragraphs.map((p) => {
      const cells: typeof p.cells = { ...p.cells };
      for (const lang of doc.targetLangs) {
        const c = p.cells[lang];
        if (!c) continue;
        cells[lang] =
          c.approvedText !== null && c.approvedRev !== null && c.approvedText !== ''
            ? { ...c, text: c.approvedText, rev: c.approvedRev, status: 'approved' }
            : { ...emptyCell(), outdated: false };
      }
      return { ...p, cells };
    }),
  };
}
