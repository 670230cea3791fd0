import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MemoryHub } from '../../sync/testing/memoryHub.js';
import type { LiveDocState } from './useLiveDocument.js';
import { useLiveDocument } from './useLiveDocument.js';

const ruOf = (s: LiveDocState): (string | undefined)[] | undefined =>
  s.status === 'ready' ? s.doc.paragraphs.map((p) => p.cells.ru?.text) : undefined;

/** The reading view's live copy when the server says its own copy was read again (`doc:stale`). */
describe('useLiveDocument on doc:stale', () => {
  it('rejoins and shows the edit whose event was never sent', async () => {
    const hub = new MemoryHub('d1', ['a', 'b']);
    const transport = hub.connect('ua');
    const { result } = renderHook(() => useLiveDocument('d1', transport, () => undefined));
    await waitFor(() => expect(ruOf(result.current)).toEqual(['', '']));
    hub.reread([
      { by: 'u9', body: { type: 'cell.edited', paragraphId: 'p1', lang: 'ru', kind: 'edit', text: 'чужой', rev: 1, status: 'draft' } },
    ]);
    await waitFor(() => expect(ruOf(result.current)).toEqual(['', 'чужой']));
  });

  it('says the document is not found when the rejoin learns it was deleted meanwhile', async () => {
    const hub = new MemoryHub('d1', ['a']);
    const transport = hub.connect('ua');
    const { result } = renderHook(() => useLiveDocument('d1', transport, () => undefined));
    await waitFor(() => expect(result.current.status).toBe('ready'));
    transport.join = async () => ({ ok: false, error: { code: 'document_not_found', message: 'deleted' } });
    hub.reread([]);
    await waitFor(() => expect(result.current).toEqual({ status: 'error', code: 'document_not_found' }));
  });
});
