import { afterEach, describe, expect, it } from 'vitest';
import { cellOf, isCellEditable } from './useFocusedCell.js';

function textarea(cell: string, readOnly: boolean): HTMLTextAreaElement {
  const el = document.createElement('textarea');
  el.dataset.cell = cell;
  el.readOnly = readOnly;
  document.body.append(el);
  return el;
}

describe('focused cell helpers', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('reads the grid cell from data-cell, paragraph ids with colons included', () => {
    expect(cellOf(textarea('p_a:b:kk', false))).toEqual({ paragraphId: 'p_a:b', lang: 'kk' });
    expect(cellOf(textarea('p1:xx', false))).toBeNull();
    expect(cellOf(document.createElement('input'))).toBeNull();
  });

  it('lets aids write only where typing could: not into a read-only (reading view or no right) cell', () => {
    textarea('p1:kk', true);
    textarea('p1:ru', false);
    expect(isCellEditable({ paragraphId: 'p1', lang: 'kk' })).toBe(false);
    expect(isCellEditable({ paragraphId: 'p1', lang: 'ru' })).toBe(true);
    expect(isCellEditable({ paragraphId: 'p2', lang: 'ru' })).toBe(false);
  });
});
