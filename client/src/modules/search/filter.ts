import type { CellStatus, DocumentSnapshot, Lang } from '../../../../shared/index.js';

export interface GridFilter {
  text: string;
  status: CellStatus | 'any';
  lang: Lang | 'all';
  outdatedOnly: boolean;
  mineOnly: boolean;
}

export const NO_FILTER: GridFilter = { text: '', status: 'any', lang: 'all', outdatedOnly: false, mineOnly: false };

export function isFiltering(f: GridFilter): boolean {
  return f.text.trim() !== '' || f.status !== 'any' || f.lang !== 'all' || f.outdatedOnly || f.mineOnly;
}

export interface FilterContext {
  /** Languages on screen: the source and the chosen target columns. */
  shownLangs: readonly Lang[];
  userId: string;
  /** What a cell shows now (local unsent text included), so search finds what the user sees. */
  textOf: (paragraphId: string, lang: Lang) => string;
  /**
   * Paragraphs being edited (a cell focused, or text not yet saved): they stay
   * where they are whatever the filter says, so typing never makes the row
   * under the caret vanish (with the focus and the rest of the typing).
   */
  editing?: ReadonlySet<string>;
}

/**
 * Indexes of the paragraphs that match. A paragraph matches when, within the
 * languages in scope, some cell passes the status/outdated/mine tests and
 * some cell contains the search text (case-insensitive, any script), or
 * when it is being edited.
 */
export function filterParagraphs(doc: DocumentSnapshot, f: GridFilter, ctx: FilterContext): number[] {
  const langs = f.lang === 'all' ? ctx.shownLangs : [f.lang];
  const needle = f.text.trim().toLocaleLowerCase();
  const cellTests = f.status !== 'any' || f.outdatedOnly || f.mineOnly;
  const out: number[] = [];
  doc.paragraphs.forEach((p, i) => {
    if (ctx.editing?.has(p.id)) {
      out.push(i);
      return;
    }
    let cellOk = !cellTests;
    let textOk = needle === '';
    for (const lang of langs) {
      const c = p.cells[lang];
      if (!cellOk && c) {
        cellOk =
          (f.status === 'any' || c.status === f.status) && (!f.outdatedOnly || c.outdated) && (!f.mineOnly || c.updatedBy === ctx.userId);
      }
      if (!textOk && ctx.textOf(p.id, lang).toLocaleLowerCase().includes(needle)) textOk = true;
      if (cellOk && textOk) break;
    }
    if (cellOk && textOk) out.push(i);
  });
  return out;
}
