import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS, tempStoragePlace } from '../../../test/helpers/pg.js';
import type { StoragePlace } from '../../../test/helpers/pg.js';
import { createStorage } from '../../storage/index.js';
import type { Storage } from '../../storage/index.js';
import { DocumentService } from './service.js';

/** Loading on demand and evicting when idle, over real storage (both backends), with a clock the test moves. */
describe.each(BACKENDS)('DocumentRegistry (%s)', (backend) => {
  let place: StoragePlace;
  let storage: Storage;
  let service: DocumentService;
  let now = 0;

  beforeEach(async () => {
    place = await tempStoragePlace(backend);
    storage = await createStorage({ ...place.options, log: () => {} });
    service = new DocumentService(storage.documents, { idleMs: 1000, now: () => now });
    await service.load();
  });
  afterEach(async () => {
    await service.close();
    await storage.close();
    await place.remove();
  });

  const newDoc = (title = 'T') =>
    service.engine.create({ title, sourceLang: 'en', targetLangs: ['zh'], paragraphs: ['Hello @dana.', 'World.'] }, 'u1');

  it('evicts a document idle for idleMs once its state is in a snapshot, and loads it back on the next request', async () => {
    const { id } = await newDoc();
    const ops = service.ops();
    const pid = (await service.reads.snapshot(id)).paragraphs[0]!.id;
    await ops.editCell({ docId: id, paragraphId: pid, lang: 'zh', opId: 'op-1', baseRev: 0, text: '你好。' }, 'u1');
    now += 1000;
    // Not yet in a snapshot: kept.
    expect(await service.registry.evictIdle()).toEqual([]);
    await service.checkpoint();
    // On PostgreSQL a catch-up from the table may be running (the event feed just connected): not idle until done.
    await service.engine.drain();
    expect(await service.registry.evictIdle()).toEqual([id]);
    expect(service.registry.isLive(id)).toBe(false);

    // What lists, authorisation and the four-eyes rule read needs no load.
    expect(service.reads.meta(id)).toMatchObject({ id, title: 'T', sourceLang: 'en' });
    expect(service.reads.settings(id)).toEqual({ allowSelfApproval: false });
    expect(service.reads.list()).toEqual([expect.objectContaining({ id, paragraphCount: 2 })]);
    expect(service.registry.isLive(id)).toBe(false);

    // The state comes back from the snapshot, and a retried opId is still recognised (rebuilt from history,
    // or on PostgreSQL read from the events table).
    expect((await service.reads.snapshot(id)).paragraphs[0]!.cells.zh).toMatchObject({ text: '你好。', rev: 1 });
    expect(service.registry.isLive(id)).toBe(true);
    const retried = await ops.editCell({ docId: id, paragraphId: pid, lang: 'zh', opId: 'op-1', baseRev: 0, text: 'other' }, 'u1');
    expect(retried).toMatchObject({ outcome: 'applied', rev: 1, text: '你好。' });
    expect((await service.reads.snapshot(id)).seq).toBe(2);
  });

  it('keeps a document a socket holds, and one used within idleMs', async () => {
    const a = await newDoc('A');
    const b = await newDoc('B');
    await service.checkpoint();
    service.registry.hold(a.id, 'socket-1');
    now += 600;
    await service.reads.snapshot(b.id);
    now += 600;
    expect(await service.registry.evictIdle()).toEqual([]);
    service.registry.release(a.id, 'socket-1');
    now += 1000;
    // On PostgreSQL a catch-up from the table may be running (the event feed just connected): not idle until done.
    await service.engine.drain();
    expect((await service.registry.evictIdle()).sort()).toEqual([a.id, b.id].sort());
  });

  it('answers the mentions inbox and a comment retry for an evicted document', async () => {
    const { id } = await newDoc();
    const pid = (await service.reads.snapshot(id)).paragraphs[0]!.id;
    const input = { docId: id, opId: 'op-c', paragraphId: pid, lang: 'zh' as const, text: 'Look, @dana.' };
    const first = await service.ops().addComment(input, ['u2'], 'u1');
    expect(first.applied).toBe(true);
    await service.checkpoint();
    now += 1000;
    await service.engine.drain();
    expect(await service.registry.evictIdle()).toEqual([id]);
    expect(service.reads.mentionsOf('u2', 10)).toEqual([expect.objectContaining({ docId: id, commentId: first.ack.commentId })]);
    const again = await service.ops().addComment(input, ['u2'], 'u1');
    expect(again).toEqual({ ack: { seq: first.ack.seq, commentId: first.ack.commentId }, applied: false });
  });

  it('forgets a deleted document whether it is in memory or not', async () => {
    const { id } = await newDoc();
    await service.checkpoint();
    now += 1000;
    await service.registry.evictIdle();
    await service.engine.remove(id, 'u1');
    expect(service.reads.count()).toBe(0);
    await expect(service.reads.snapshot(id)).rejects.toMatchObject({ code: 'document_not_found' });
  });
});
