import type { Page } from 'playwright-core';

/** What the layout e2e test measures on the editor screen, in CSS px (evaluated in the page). */
export interface LayoutFigures {
  viewport: { width: number; height: number };
  /** document.scrollingElement.scrollWidth − innerWidth: > 0 means the page scrolls sideways. */
  pageOverflowX: number;
  /** The page's own vertical scroll room: > 0 means more than the grid scrolls. */
  pageOverflowY: number;
  /** The grid's scroll box overflows sideways inside itself. */
  gridOverflowX: number;
  gridWidth: number;
  columnWidths: number[];
  switcher: boolean;
  drawerOpen: boolean;
  /** Visible controls of the header and the editor toolbar that stick out of the viewport. */
  controlsOutside: string[];
  /** The focused cell's box is inside the grid's visible area, below the sticky column heads, and nothing covers it. */
  editorVisible: boolean | null;
  /** The first row starts below the sticky column heads (nothing covers its first line). */
  firstRowUncovered: boolean;
}

/** A plain string, not a function: the page runs it as is (tsx/esbuild would add helpers it lacks). */
const MEASURE = `(() => {
  const vw = innerWidth, vh = innerHeight;
  const se = document.scrollingElement;
  const box = (el) => el.getBoundingClientRect();
  // Inside a closed <details> an element keeps a box (content-visibility) but is not on screen.
  const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden' && !el.closest('details:not([open]) > :not(summary)');
  const grid = document.querySelector('[data-testid="grid"]');
  const head = document.querySelector('.grid-header');
  const g = box(grid);
  const h = box(head);
  const controlsOutside = [];
  for (const el of document.querySelectorAll('.app-header a, .app-header button, .app-header select, .editor-toolbar a, .editor-toolbar button, .editor-toolbar summary, .editor-toolbar input, .editor-toolbar output')) {
    if (!shown(el)) continue;
    const r = box(el);
    if (r.left < -0.5 || r.top < -0.5 || r.right > vw + 0.5 || r.bottom > vh + 0.5) controlsOutside.push((el.textContent || el.getAttribute('aria-label') || el.tagName).trim());
  }
  const active = document.activeElement;
  let editorVisible = null;
  if (active && active.matches('textarea[data-cell]')) {
    const r = box(active);
    // Inside the grid's visible area, below the sticky heads, and not under anything (a drawer, a menu).
    const top = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
    editorVisible = r.top >= h.bottom - 0.5 && r.bottom <= g.bottom + 0.5 && r.left >= g.left - 0.5 && r.right <= g.right + 0.5 && r.bottom <= vh && r.right <= vw && top === active;
  }
  const firstRow = document.querySelector('.grid-row[data-index="0"]');
  return {
    viewport: { width: vw, height: vh },
    pageOverflowX: se.scrollWidth - vw,
    pageOverflowY: se.scrollHeight - vh,
    gridOverflowX: grid.scrollWidth - grid.clientWidth,
    gridWidth: g.width,
    columnWidths: [...document.querySelectorAll('.grid-header .col-head')].map((el) => Math.round(box(el).width)),
    switcher: document.querySelector('[data-testid="target-switcher"]') !== null,
    drawerOpen: document.querySelector('[data-testid="side-drawer"]').dataset.open === 'true',
    controlsOutside,
    editorVisible,
    firstRowUncovered: grid.scrollTop > 0 || !firstRow || box(firstRow).top >= h.bottom - 0.5,
  };
})()`;

export function measureLayout(page: Page): Promise<LayoutFigures> {
  return page.evaluate<LayoutFigures>(MEASURE);
}

/** Horizontal overflow of the page and of every element inside `selector` that shows a scrollbar for it. */
export function sidewaysScroll(page: Page, selector = 'body'): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const out = [];
    const se = document.scrollingElement;
    if (se.scrollWidth > innerWidth) out.push('page ' + (se.scrollWidth - innerWidth) + 'px');
    for (const el of document.querySelectorAll(${JSON.stringify(selector)} + ' *')) {
      const s = getComputedStyle(el);
      if ((s.overflowX === 'auto' || s.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1) out.push(el.className + ' ' + (el.scrollWidth - el.clientWidth) + 'px');
    }
    return out;
  })()`);
}
