import type { ReadingModel } from './model.js';
import { READING_CSS } from './css.js';

export function escapeHtml(s: string): string {
  return s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;').replace(/'/gu, '&#39;');
}

/** The words the reading view shows besides the texts, already translated into the UI language. */
export interface ReadingLabels {
  /** Column heading per column (language name, with the script when switched). */
  columns: string[];
  draft: string;
  missing: string;
  grid: string;
  /** The UI language: the words above are in it, not in the cell's language. */
  uiLang: string;
}

/**
 * The reading grid as markup. The React view renders the same structure
 * (ReadingGrid.tsx) and both use READING_CSS; the export wraps this in a
 * standalone page, so a downloaded file is the screen without the toolbar.
 */
export function readingGridHtml(model: ReadingModel, labels: ReadingLabels): string {
  const head = model.columns
    .map((c, i) => `<div role="columnheader" class="reading-colhead">${escapeHtml(labels.columns[i] ?? c.lang)}</div>`)
    .join('');
  const rows = model.rows.map((row) => {
    const cells = row.cells.map((cell, i) => {
      const col = model.columns[i];
      const tag = col?.tag ?? cell.lang;
      const ui = escapeHtml(labels.uiLang);
      const label = `<span class="reading-cell-label" aria-hidden="true" lang="${ui}">${escapeHtml(labels.columns[i] ?? cell.lang)}</span>`;
      const body =
        cell.text === null
          ? `<span class="reading-missing" lang="${ui}">${escapeHtml(labels.missing)}</span>`
          : `${cell.draft ? `<span class="reading-badge" lang="${ui}">${escapeHtml(labels.draft)}</span>` : ''}<span class="reading-text">${escapeHtml(cell.text)}</span>`;
      return `<div role="cell" class="reading-cell${cell.draft ? ' is-draft' : ''}" lang="${tag}" data-lang="${cell.lang}">${label}${body}</div>`;
    });
    return `<div role="row" class="reading-row" data-pid="${escapeHtml(row.id)}">${cells.join('')}</div>`;
  });
  return [
    `<div class="reading-grid" role="table" aria-label="${escapeHtml(labels.grid)}">`,
    `<div role="row" class="reading-head">${head}</div>`,
    ...rows,
    '</div>',
  ].join('\n');
}

/** One self-contained HTML file: inline CSS only, so it works mailed or opened from a disk. */
export function standaloneReadingHtml(model: ReadingModel, labels: ReadingLabels): string {
  const uiLang = labels.uiLang;
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(uiLang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(model.title)}</title>`,
    `<style>body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; background: #fff; }${READING_CSS}</style>`,
    '</head>',
    '<body>',
    `<article class="reading" style="--reading-cols: ${model.columns.length}">`,
    `<h1 class="reading-title">${escapeHtml(model.title)}</h1>`,
    readingGridHtml(model, labels),
    '</article>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
