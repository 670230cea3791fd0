import { describe, expect, it } from 'vitest';
import type { CellHistoryDto } from '../../shared/index.js';
import { data, login } from './helpers/http.js';
import { editorPair } from './helpers/pair.js';
import { ADMIN_PASSWORD, startServer } from './helpers/server.js';
import { call, connect, joinDoc, opId } from './helpers/sockets.js';

/**
 * "Keep theirs" over the real socket: the text given up after a clash stays in
 * the cell's history as a conflict revision, can be brought back with
 * `cell:restore`, and a retry of the same operation (after a restart too)
 * is answered once.
 */
describe('cell:keepTheirs', () => {
  it('keeps the cell, records the given-up text as a conflict revision, and restores it on demand', async () => {
    const pair = await editorPair('keep', ['kk'], ['Fifth paragraph.']);
    const { server, cookie, docId, a, b } = pair;
    try {
      const pid = a.doc.paragraphs[0]!.id;
      const history = () => data<CellHistoryDto>(server.url, 'GET', `/api/documents/${docId}/cells/${pid}/kk/history`, { cookie });
      const theirs = await call(a.socket, 'cell:edit', {
        docId,
        paragraphId: pid,
        lang: 'kk',
        opId: opId(),
        baseRev: 0,
        text: 'Азат жол.',
      });
      expect(theirs).toMatchObject({ ok: true, data: { outcome: 'applied', rev: 1 } });

      const keepOp = opId();
      const payload = { docId, paragraphId: pid, lang: 'kk' as const, opId: keepOp, rev: 1, text: 'Бесінші абзац.' };
      const kept = await call(b.socket, 'cell:keepTheirs', payload);
      expect(kept).toEqual({
        ok: true,
        data: {
          outcome: 'conflict',
          seq: expect.any(Number) as number,
          rev: 1,
          text: 'Азат жол.',
          status: 'draft',
          yours: 'Бесінші абзац.',
        },
      });
      await a.reach(kept.ok ? kept.data.seq : 0);
      expect(a.doc.paragraphs[0]!.cells.kk).toMatchObject({ text: 'Азат жол.', rev: 1 });
      // A retry of the same operation: the same answer, nothing written twice.
      expect(await call(b.socket, 'cell:keepTheirs', payload)).toEqual(kept);
      expect((await history()).revisions.map((r) => [r.kind, r.rev, r.text])).toEqual([
        ['edit', 1, 'Азат жол.'],
        ['conflict', 1, 'Бесінші абзац.'],
      ]);
      // Text already in the history is not recorded again.
      expect(await call(b.socket, 'cell:keepTheirs', { ...payload, opId: opId() })).toMatchObject({
        ok: true,
        data: { outcome: 'unchanged' },
      });

      const restored = await call(b.socket, 'cell:restore', {
        docId,
        paragraphId: pid,
        lang: 'kk',
        opId: opId(),
        baseRev: 1,
        rev: 1,
        conflictOpId: keepOp,
      });
      expect(restored).toMatchObject({ ok: true, data: { outcome: 'applied', rev: 2, text: 'Бесінші абзац.' } });
      expect(
        await call(b.socket, 'cell:restore', {
          docId,
          paragraphId: pid,
          lang: 'kk',
          opId: opId(),
          baseRev: 2,
          rev: 1,
          conflictOpId: opId(),
        }),
      ).toMatchObject({ ok: false, error: { code: 'bad_revision' } });
      expect(await call(b.socket, 'cell:keepTheirs', { ...payload, opId: opId(), rev: 9 })).toMatchObject({
        ok: false,
        error: { code: 'bad_revision' },
      });
    } finally {
      await pair.close();
    }
  });

  it('answers a retry after a restart from the history, without a second revision', async () => {
    const first = await startServer();
    const cookie = await login(first.url, 'admin', ADMIN_PASSWORD);
    const created = await data<{ document: { id: string } }>(first.url, 'POST', '/api/documents', {
      cookie,
      json: { title: 'restart', sourceLang: 'en', targetLangs: ['ru'], paragraphs: ['One.'] },
    });
    const docId = created.document.id;
    let live = await joinDoc(await connect(first.url, cookie), docId);
    const pid = live.doc.paragraphs[0]!.id;
    await call(live.socket, 'cell:edit', { docId, paragraphId: pid, lang: 'ru', opId: opId(), baseRev: 0, text: 'Один.' });
    const payload = { docId, paragraphId: pid, lang: 'ru' as const, opId: opId(), rev: 1, text: 'Раз.' };
    const kept = await call(live.socket, 'cell:keepTheirs', payload);
    expect(kept).toMatchObject({ ok: true, data: { outcome: 'conflict', yours: 'Раз.' } });
    live.socket.close();
    await first.stop({ remove: false });

    const again = await startServer({ dataDir: first.dataDir });
    try {
      const cookie2 = await login(again.url, 'admin', ADMIN_PASSWORD);
      live = await joinDoc(await connect(again.url, cookie2), docId);
      expect(await call(live.socket, 'cell:keepTheirs', payload)).toMatchObject({
        ok: true,
        data: { outcome: 'conflict', rev: 1, yours: 'Раз.' },
      });
      const h = await data<CellHistoryDto>(again.url, 'GET', `/api/documents/${docId}/cells/${pid}/ru/history`, { cookie: cookie2 });
      expect(h.revisions.filter((r) => r.kind === 'conflict')).toHaveLength(1);
      live.socket.close();
    } finally {
      await again.stop();
    }
  });
});
