import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocEventBody } from '../../../../shared/index.js';
import { MemoryHub } from './testing/memoryHub.js';
import type { MemoryTransport } from './testing/memoryHub.js';
import { closeAll, open, ruText, until } from './testing/syncHarness.js';

const THEIRS: DocEventBody = { type: 'cell.edited', paragraphId: 'p0', lang: 'ru', kind: 'edit', text: 'чужой', rev: 1, status: 'draft' };

/** Manual mode: the server takes every call waiting and the client gets every message, in order, until neither moves. */
async function drain(t: MemoryTransport): Promise<void> {
  for (;;) {
    await new Promise((r) => setTimeout(r, 0));
    let moved = false;
    while (t.serverStep()) moved = true;
    while (t.toClient.length > 0) {
      t.deliverAt(0);
      moved = true;
    }
    if (!moved) return;
  }
}

/**
 * `doc:stale`: the node's copy was read again (several nodes, pruned events) and the events in between were
 * never sent. In a quiet document nothing else would show the client a gap: it rejoins at once, with its
 * outbox kept exactly as on any other rejoin.
 */
describe('DocSync: the server says its copy of the document was replaced', () => {
  beforeEach(() => localStorage.clear());
  afterEach(closeAll);

  it('rejoins since its seq, shows the edit it never got, and keeps its unacknowledged edits (one on the wire, one waiting)', async () => {
    const hub = new MemoryHub('d1', ['a', 'b']);
    const a = open(hub, 'ua');
    await until(() => expect(a.sync.state).toBe('ready'));
    const start = hub.doc.seq;
    a.t.manual = true;
    a.sync.setLocalText('p1', 'ru', 'мой');
    await until(() => expect(a.t.toServer.map((m) => m.what)).toEqual(['edit p1/ru "мой"']));
    a.sync.setLocalText('p1', 'ru', 'мой текст'); // waits for the first one's ack

    hub.reread([{ by: 'u9', body: THEIRS }]);
    expect(a.sync.doc?.seq).toBe(start); // the event was never sent
    a.t.deliverAt(0); // doc:stale
    await until(() => expect(a.t.toServer.map((m) => m.what)).toEqual(['edit p1/ru "мой"', 'join']));
    expect(a.sync.waitingCount).toBe(1);
    expect(a.sync.textOf('p1', 'ru')).toBe('мой текст');

    await drain(a.t);
    expect(a.sync.textOf('p0', 'ru')).toBe('чужой');
    expect(ruText(hub, 1)).toBe('мой текст');
    expect(a.sync.textOf('p1', 'ru')).toBe('мой текст');
    expect(a.sync.waitingCount).toBe(0);
    expect(a.sync.doc?.seq).toBe(hub.doc.seq);
    // Each text sent once: neither lost nor applied twice.
    const mine = hub.log.filter((e) => e.type === 'cell.edited' && e.by === 'ua').map((e) => e.type === 'cell.edited' && e.text);
    expect(mine).toEqual(['мой', 'мой текст']);
  });

  it('ignores the notice for another document', async () => {
    const hub = new MemoryHub('d1', ['a']);
    const a = open(hub, 'ua');
    await until(() => expect(a.sync.state).toBe('ready'));
    a.t.manual = true;
    a.t.stale('d2');
    a.t.deliverAt(0);
    await new Promise((r) => setTimeout(r, 0));
    expect(a.t.toServer).toEqual([]);
  });

  it('shows the document as not found when the rejoin says it was deleted meanwhile, the unacknowledged edit kept', async () => {
    const hub = new MemoryHub('d1', ['a']);
    const a = open(hub, 'ua');
    await until(() => expect(a.sync.state).toBe('ready'));
    a.t.manual = true;
    a.sync.setLocalText('p0', 'ru', 'мой');
    await until(() => expect(a.t.toServer).toHaveLength(1));
    // The document went with the skipped events: what the server answers a join then.
    a.t.join = async () => ({ ok: false, error: { code: 'document_not_found', message: 'deleted' } });
    hub.reread([]);
    a.t.deliverAt(0);
    await until(() => expect(a.sync.state).toEqual({ error: 'document_not_found' }));
    expect(a.sync.entryFor('p0', 'ru')).toMatchObject({ text: 'мой', state: 'pending' });
  });
});
