import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentState } from '../../../shared/index.js';
import { createStorage } from './index.js';
import type { Storage } from './index.js';
import { byId, DocEventFactory, reduceAll, tempDataDir } from '../../test/helpers/storageFactories.js';

let dirs: Array<{ dir: string; remove: () => Promise<void> }> = [];
const open: Storage[] = [];

async function openAt(dir: string): Promise<Storage> {
  const s = await createStorage({ dataDir: dir, log: () => {} });
  open.push(s);
  return s;
}

async function freshDir(): Promise<string> {
  const d = await tempDataDir();
  dirs.push(d);
  return d.dir;
}

async function exported(s: Storage): Promise<DocumentState[]> {
  const out: DocumentState[] = [];
  for await (const doc of s.documents.exportDocuments()) out.push(doc);
  return byId(out);
}

beforeEach(() => {
  dirs = [];
});

afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
  for (const d of dirs) await d.remove();
});

describe('embedded document store: importDocument and exportDocuments (anor migrate)', () => {
  it('exports every live document at its latest seq, journal events included, and never a deleted one', async () => {
    const dir = await freshDir();
    const a = new DocEventFactory('docA');
    const b = new DocEventFactory('docB');
    const c = new DocEventFactory('docC');
    let s = await openAt(dir);
    await s.documents.load();
    const early = [a.created(2), b.created(1), c.created(1), a.edited('p1', 'zh', '一。', 1)];
    await s.documents.append(early);
    await s.documents.checkpoint(reduceAll(early).values());
    // After the checkpoint: only in the journal, as after a crash.
    const late = [a.edited('p1', 'zh', '一段。', 2), b.approved('p1', 'en', 1), c.deleted()];
    await s.documents.append(late);
    await s.close();

    s = await openAt(dir);
    await s.documents.load();
    const docs = await exported(s);
    expect(docs).toEqual(byId(reduceAll([...early, ...late]).values()));
    expect(docs.map((d) => [d.id, d.seq])).toEqual([
      ['docA', 3],
      ['docB', 2],
    ]);
  });

  it('imports a whole document as a snapshot that later events and restarts build on, and refuses a taken id', async () => {
    const from = await openAt(await freshDir());
    await from.documents.load();
    const a = new DocEventFactory('docA');
    const events = [a.created(3), a.edited('p1', 'ru', 'Один.', 1), a.approved('p1', 'ru', 1), a.inserted(1, 'p9', 'New.')];
    await from.documents.append(events);
    await from.documents.checkpoint(reduceAll(events).values());
    const [doc] = await exported(from);
    if (!doc) throw new Error('nothing exported');

    const dir = await freshDir();
    let to = await openAt(dir);
    await to.documents.load();
    await to.documents.importDocument(doc);
    expect(await readdir(join(dir, 'docs'))).toEqual(['docA.json']);
    const err = await to.documents.importDocument(doc).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'conflict' });
    expect(await exported(to)).toEqual([doc]);

    // The next seq after an imported document goes to the journal and replays over it.
    const more = a.edited('p9', 'ru', 'Новый.', 1);
    await to.documents.append([more]);
    await to.close();
    to = await openAt(dir);
    const loaded = await to.documents.load();
    expect(loaded.replayed).toBe(1);
    expect(byId(loaded.docs)).toEqual(byId(reduceAll([...events, more]).values()));
    expect(await exported(to)).toEqual(byId(reduceAll([...events, more]).values()));
  });

  it('runs only after load()', async () => {
    const s = await openAt(await freshDir());
    await expect(s.documents.importDocument(reduceAll([new DocEventFactory('d').created(1)]).get('d')!)).rejects.toThrow(/after load/u);
    await expect(exported(s)).rejects.toThrow(/after load/u);
  });
});
