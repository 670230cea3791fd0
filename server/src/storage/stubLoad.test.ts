import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentState } from '../../../shared/index.js';
import { createStorage } from './index.js';
import type { Storage } from './index.js';
import { stubOf } from './stub.js';
import { byId, DocEventFactory, editBurst, reduceAll, tempDataDir } from '../../test/helpers/storageFactories.js';

let dir: string;
let remove: () => Promise<void>;
const open: Storage[] = [];

async function openStorage(): Promise<Storage> {
  const s = await createStorage({ dataDir: dir, log: () => {} });
  open.push(s);
  return s;
}

beforeEach(async () => {
  ({ dir, remove } = await tempDataDir());
});

afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
  await remove();
});

const snapshotFile = (id: string): string => join(dir, 'docs', `${id}.json`);

describe('embedded start-up with stubs: only what the journal touches is read whole', () => {
  it('describes untouched documents by their header, reads touched ones whole and replays them', async () => {
    const a = new DocEventFactory('docA');
    const b = new DocEventFactory('docB');
    const c = new DocEventFactory('docC');
    const first = [a.created(3), b.created(2), c.created(1), ...editBurst(a, 40, 3), b.approved('p1', 'en', 1)];
    let s = await openStorage();
    await s.documents.load({ stubs: true });
    await s.documents.append(first);
    await s.documents.checkpoint(reduceAll(first).values());
    // After the checkpoint, as after a crash: docB edited and docC deleted, only in the journal.
    const late = [b.edited('p2', 'ru', 'Второй.', 1), c.deleted()];
    await s.documents.append(late);
    await s.close();

    const expected = reduceAll([...first, ...late]);
    s = await openStorage();
    const loaded = await s.documents.load({ stubs: true });
    expect(loaded.replayed).toBe(2);
    expect(loaded.docs).toEqual([expected.get('docB')]);
    expect(loaded.stubs).toEqual([stubOf(expected.get('docA')!)]);
    expect(loaded.warnings).toEqual([]);
    // The stub stands for the whole document: reading it gives the full state, history included.
    expect(await s.documents.read('docA')).toEqual(expected.get('docA'));
  });

  it('never parses the document of an untouched snapshot at start-up', async () => {
    const a = new DocEventFactory('docA');
    const events = [a.created(2), ...editBurst(a, 10, 2)];
    let s = await openStorage();
    await s.documents.load();
    await s.documents.append(events);
    await s.documents.checkpoint(reduceAll(events).values());
    await s.close();
    // Damage everything after the header line: a start-up that parsed the document would see it.
    const text = await readFile(snapshotFile('docA'), 'utf8');
    await writeFile(snapshotFile('docA'), `${text.slice(0, text.indexOf('\n') + 1)}{"damaged":`);

    s = await openStorage();
    const loaded = await s.documents.load({ stubs: true });
    expect(loaded.docs).toEqual([]);
    expect(loaded.stubs?.map((x) => x.meta.id)).toEqual(['docA']);
    await expect(s.documents.read('docA')).rejects.toThrow();
  });

  it('reads a version 1 snapshot (no header) whole, once, and rewrites it with a header at the same seq', async () => {
    const a = new DocEventFactory('docA');
    const events = [a.created(2), ...editBurst(a, 6, 2)];
    const doc = reduceAll(events).get('docA')!;
    await mkdir(join(dir, 'docs'), { recursive: true });
    await writeFile(snapshotFile('docA'), JSON.stringify({ v: 1, seq: doc.seq, doc }));

    let s = await openStorage();
    const first = await s.documents.load({ stubs: true });
    expect(byId(first.docs)).toEqual([doc]);
    expect(first.stubs).toEqual([]);
    expect((await readFile(snapshotFile('docA'), 'utf8')).startsWith(`{"v":2,"seq":${doc.seq},`)).toBe(true);
    await s.close();

    s = await openStorage();
    const second = await s.documents.load({ stubs: true });
    expect(second.docs).toEqual([]);
    expect(second.stubs).toEqual([stubOf(doc)]);
    const whole: DocumentState | undefined = await s.documents.read('docA');
    expect(whole).toEqual(doc);
  });
});
