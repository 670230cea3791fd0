import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/index.js';
import type { DocumentState } from '../../../shared/index.js';
import type { Storage } from './index.js';
import { BACKENDS, storagePerTest } from '../../test/helpers/pg.js';
import { DocEventFactory, reduceAll } from '../../test/helpers/storageFactories.js';

async function exported(s: Storage): Promise<DocumentState[]> {
  const out: DocumentState[] = [];
  for await (const doc of s.documents.exportDocuments()) out.push(doc);
  return out;
}

/** One contract, two stores: what `anor migrate` (and anything else that imports) is told when a document's id is taken. */
describe.each(BACKENDS)('document store importDocument of a taken id (%s)', (backend) => {
  const { openStorage } = storagePerTest(backend);

  it('refuses a second import of the same id with AppError `conflict` and keeps the first copy as it was', async () => {
    const f = new DocEventFactory('docA');
    const first = [f.created(2), f.edited('p1', 'ru', 'Первый.', 1)];
    const doc = reduceAll(first).get('docA')!;
    // The same id with other content: had it overwritten anything, the first copy would read differently.
    const other = reduceAll([...first, f.edited('p2', 'zh', '第二。', 1)]).get('docA')!;

    let s = await openStorage();
    await s.documents.load();
    await s.documents.importDocument(doc);
    for (const again of [doc, other]) {
      const err = await s.documents.importDocument(again).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({ code: 'conflict', message: 'document docA exists' });
    }
    expect(await s.documents.read('docA')).toEqual(doc);
    expect(await exported(s)).toEqual([doc]);
    await s.close();

    s = await openStorage();
    await s.documents.load();
    expect(await s.documents.read('docA')).toEqual(doc);
    expect(await exported(s)).toEqual([doc]);
  });
});
