/**
 * The reading view's stylesheet, one string used twice: the page puts it in a
 * <style> element and the standalone HTML export inlines it, so the file
 * looks like the screen without any shared asset.
 *
 * Layout: every paragraph is a grid row with one column per language, all
 * rows on the same template of equal fractions (`minmax(0, 1fr)`, which no
 * content can widen), so columns line up down the page and the counterparts
 * of a paragraph start at the same height whatever their lengths (alignment
 * is structural, not measured); the whole page scrolls as one, which keeps
 * the columns in step for free. Rows are `content-visibility: auto`: the
 * browser lays out only the rows near the viewport, which is what makes a
 * 2,000-paragraph document open in about a second (a shared `subgrid` would
 * forbid that: containment ends a subgrid). Below 44rem the rows become
 * blocks: each source paragraph followed by its translations.
 *
 * Type: line height 1.65 for alphabetic scripts and 1.85 for Chinese (denser
 * glyphs); a Simplified-Chinese-first font stack so that shared Han code
 * points are drawn in mainland forms; `hyphens: auto` relies on each cell's
 * `lang`. Columns are capped near 38em so that two-language reading keeps a
 * comfortable line length on wide screens.
 */
export const READING_CSS = `
.reading { --reading-cols: 2; max-width: min(100%, calc(var(--reading-cols) * 38em)); margin: 0 auto; padding: 0 1rem 3rem; color: #1b1b1b; }
.reading-title { font-size: 1.6rem; line-height: 1.3; margin: 1rem 0 1.25rem; }
.reading-grid { overflow-anchor: none; }
.reading-head, .reading-row { display: grid; grid-template-columns: repeat(var(--reading-cols), minmax(0, 1fr)); column-gap: 1.5rem; }
.reading-head { position: sticky; top: 0; z-index: 1; background: #fff; border-bottom: 2px solid #c9c9c9; }
.reading-colhead { font-weight: 600; font-size: .9rem; padding: .5rem 0; color: #3d3d3d; }
.reading-row { border-bottom: 1px solid #e4e4e4; cursor: pointer; content-visibility: auto; contain-intrinsic-size: auto 7rem; }
.reading-row:hover > .reading-cell, .reading-row[data-active="true"] > .reading-cell { background: #fff6d6; }
.reading-row:focus-visible { outline: 2px solid #1a5fb4; outline-offset: 2px; }
.reading-cell { padding: .65rem .5rem; font-size: 1.0625rem; line-height: 1.65; white-space: pre-wrap; overflow-wrap: anywhere; hyphens: auto; }
.reading-cell:lang(zh) { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Hiragino Sans GB", sans-serif; line-height: 1.85; line-break: strict; hyphens: manual; }
.reading-cell:lang(ru), .reading-cell:lang(kk), .reading-cell:lang(uz), .reading-cell:lang(en) { font-family: "Noto Serif", "PT Serif", Georgia, "Times New Roman", serif; }
.reading-missing { color: #5f5f5f; font-style: italic; font-size: .9rem; }
.reading-badge { display: inline-block; margin-inline-end: .4rem; padding: 0 .35rem; border-radius: .25rem; background: #7a4b00; color: #fff; font: 600 .7rem/1.5 system-ui, sans-serif; text-transform: uppercase; vertical-align: .15em; }
.reading-cell.is-draft { border-inline-start: 3px dashed #a86a00; }
.reading-cell-label { display: none; }
@media screen and (max-width: 44rem) {
  .reading { max-width: none; }
  .reading-grid { display: block; }
  .reading-head { display: none; }
  .reading-row { display: block; padding: .5rem 0; }
  .reading-cell { padding: .35rem .25rem; }
  .reading-cell + .reading-cell { margin-inline-start: .75rem; border-inline-start: 2px solid #d5d5d5; padding-inline-start: .6rem; }
  .reading-cell-label { display: block; font: 600 .7rem/1.4 system-ui, sans-serif; color: #4d4d4d; text-transform: uppercase; }
}
@media print {
  .reading { max-width: none; padding: 0; }
  .reading-head { position: static; }
  .reading-row { break-inside: avoid; cursor: auto; content-visibility: visible; }
  .reading-row:hover > .reading-cell, .reading-row[data-active="true"] > .reading-cell { background: none; }
  .reading-cell { font-size: 10.5pt; padding: 4pt 3pt; }
  .reading-badge { border: 1px solid #000; background: none; color: #000; }
}
`;
