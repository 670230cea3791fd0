import { planFromLinks } from '../align/import.js';
import type { CellStatus, Paragraph } from '../domain/types.js';
import type { Lang } from '../languages.js';
import type { IdLink } from '../protocol/interchange.js';
import { toIndexLinks } from './links.js';

/** A cell that already holds a translation which an import would overwrite. */
export interface Replacement {
  paragraphId: string;
  /** What the cell holds now. */
  current: string;
  status: CellStatus;
  /** What the import would write there. */
  imported: string;
}

/**
 * The cells an import of `links` would overwrite: the same plan the server
 * applies at commit (planFromLinks), kept to the cells that hold text now.
 * Empty cells are simply filled and are not listed. Pure, so the preview can
 * show it and ask before anything is written; links that no longer fit the
 * document replace nothing (the commit refuses them anyway).
 */
export function replacedCells(
  paragraphs: readonly Paragraph[],
  lang: Lang,
  target: readonly string[],
  links: readonly IdLink[],
): Replacement[] {
  const linked = toIndexLinks(
    links,
    paragraphs.map((p) => p.id),
    target.length,
  );
  if (!linked.ok) return [];
  const byId = new Map(paragraphs.map((p) => [p.id, p]));
  const out: Replacement[] = [];
  for (const e of planFromLinks(paragraphs, lang, target, linked.links, 0).edits) {
    const cell = byId.get(e.paragraphId)?.cells[lang];
    if (cell && cell.text !== '') out.push({ paragraphId: e.paragraphId, current: cell.text, status: cell.status, imported: e.text });
  }
  return out;
}
