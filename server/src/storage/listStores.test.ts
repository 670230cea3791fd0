import { describe, expect, it } from 'vitest';
import type { GlossaryTermRecord, ShareRecord, TmEntryRecord } from './index.js';
import { BACKENDS, storagePerTest } from '../../test/helpers/pg.js';

const share = (id: string, docId: string, extra: Partial<ShareRecord> = {}): ShareRecord => ({
  id,
  docId,
  tokenHash: `hash-${id}`,
  createdAt: '2026-03-01T10:00:00.000Z',
  createdBy: 'u1',
  expiresAt: null,
  ...extra,
});

const term = (id: string, en: string, extra: Partial<GlossaryTermRecord> = {}): GlossaryTermRecord => ({
  id,
  en,
  ru: `${en} (ru)`,
  updatedAt: '2026-03-01T10:00:00.000Z',
  updatedBy: 'u1',
  ...extra,
});

const entry = (id: string, en: string, kk: string): TmEntryRecord => ({
  id,
  texts: { en, kk },
  importedAt: '2026-03-02T08:30:00.000Z',
  importedBy: 'u2',
  source: 'memory.tmx',
});

/** One suite, two stores: shares.json, glossary.json and tm.json, and their PostgreSQL tables. */
describe.each(BACKENDS)('share, glossary and memory stores (%s)', (backend) => {
  const { openStorage } = storagePerTest(backend);

  it('share links: adds, finds by token hash, removes one or a document’s all, and keeps them across a reopen', async () => {
    let s = await openStorage();
    await s.shares.add(share('s1', 'd1'));
    await s.shares.add(share('s2', 'd2', { expiresAt: '2026-04-01T00:00:00.000Z' }));
    await s.shares.add(share('s3', 'd1'));
    await s.shares.add(share('s4', 'd3'));
    expect(await s.shares.findByTokenHash('hash-s2')).toEqual(share('s2', 'd2', { expiresAt: '2026-04-01T00:00:00.000Z' }));
    expect(await s.shares.findByTokenHash('nope')).toBeUndefined();
    expect(await s.shares.remove('s4')).toBe(true);
    expect(await s.shares.remove('s4')).toBe(false);
    await s.close();

    s = await openStorage();
    expect((await s.shares.list()).map((x) => x.id)).toEqual(['s1', 's2', 's3']);
    expect(await s.shares.removeForDocument('d1')).toEqual([share('s1', 'd1'), share('s3', 'd1')]);
    expect(await s.shares.removeForDocument('d1')).toEqual([]);
    expect(await s.shares.list()).toEqual([share('s2', 'd2', { expiresAt: '2026-04-01T00:00:00.000Z' })]);
  });

  it('glossary: puts (a replaced term keeps its place), removes, replaces all, and keeps it across a reopen', async () => {
    let s = await openStorage();
    const forbidden = [{ lang: 'ru' as const, text: 'договорённость' }];
    await s.glossary.putMany([term('g1', 'agreement', { note: 'legal', forbidden }), term('g2', 'summit'), term('g3', 'ministry')]);
    await s.glossary.putMany([term('g1', 'treaty', { updatedBy: 'u2' }), term('g4', 'budget')]);
    expect(await s.glossary.remove('g3')).toBe(true);
    expect(await s.glossary.remove('g3')).toBe(false);
    await s.close();

    s = await openStorage();
    expect(await s.glossary.list()).toEqual([term('g1', 'treaty', { updatedBy: 'u2' }), term('g2', 'summit'), term('g4', 'budget')]);
    await s.glossary.putMany([term('g5', 'declaration', { note: 'n', forbidden })]);
    expect((await s.glossary.list()).at(-1)).toEqual(term('g5', 'declaration', { note: 'n', forbidden }));
    await s.glossary.replaceAll([term('g9', 'capital'), term('g8', 'steppe')]);
    expect((await s.glossary.list()).map((t) => t.id)).toEqual(['g9', 'g8']);
    await s.glossary.replaceAll([]);
    expect(await s.glossary.list()).toEqual([]);
  });

  it('imported memory: adds entries in order, in one write, and keeps them across a reopen', async () => {
    let s = await openStorage();
    await s.tm.addMany([]);
    await s.tm.addMany([
      entry('t1', 'Astana hosted the summit.', 'Астана саммитті қабылдады.'),
      entry('t2', 'Good morning', 'Қайырлы таң'),
    ]);
    await s.tm.addMany([{ ...entry('t3', 'Thanks', 'Рахмет'), source: null }]);
    await s.close();

    s = await openStorage();
    expect(await s.tm.list()).toEqual([
      entry('t1', 'Astana hosted the summit.', 'Астана саммитті қабылдады.'),
      entry('t2', 'Good morning', 'Қайырлы таң'),
      { ...entry('t3', 'Thanks', 'Рахмет'), source: null },
    ]);
  });

  it('hands out copies, so changing a returned record changes nothing stored', async () => {
    const s = await openStorage();
    await s.shares.add(share('s1', 'd1'));
    await s.glossary.putMany([term('g1', 'summit')]);
    const [sh] = await s.shares.list();
    const [gl] = await s.glossary.list();
    if (sh) sh.docId = 'changed';
    if (gl) gl.en = 'changed';
    expect((await s.shares.list())[0]?.docId).toBe('d1');
    expect((await s.glossary.list())[0]?.en).toBe('summit');
  });
});
