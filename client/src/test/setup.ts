// Testing Library setup for jsdom component tests.
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

/*
 * jsdom has no layout engine: every box measures 0, so a virtualised list
 * would think its viewport is empty. Give elements the plausible box a
 * browser would (a 1200×800 viewport, ~80 px rows) so the grid renders a
 * window of rows as it does in Chromium.
 */
Object.defineProperties(HTMLElement.prototype, {
  clientHeight: { configurable: true, get: () => 800 },
  clientWidth: { configurable: true, get: () => 1200 },
  offsetHeight: { configurable: true, get: () => 80 },
  offsetWidth: { configurable: true, get: () => 300 },
});

// Also missing from jsdom, used by the grid when it focuses a cell.
if (typeof globalThis.CSS?.escape !== 'function') {
  (globalThis as { CSS?: { escape: (s: string) => string } }).CSS = { escape: (s: string) => s.replace(/["\\]/gu, '\\$&') };
}

// jsdom lays nothing out and has no scrollIntoView; the grid brings a focused cell into view with it.
if (typeof Element.prototype.scrollIntoView !== 'function') {
  Element.prototype.scrollIntoView = function scrollIntoView(): void {
    // nothing to scroll: no layout in jsdom
  };
}
