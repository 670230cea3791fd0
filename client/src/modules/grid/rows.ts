import type { DocSync } from '../sync/index.js';

/**
 * Paragraphs being edited, which a filter must not take off the screen: the
 * one with the caret, and every one with text not yet saved (the outbox).
 */
export function editingRows(sync: DocSync, focused: string | null): Set<string> {
  const rows = new Set<string>();
  if (focused) rows.add(focused);
  for (const e of sync.docEntries()) rows.add(e.paragraphId);
  return rows;
}
