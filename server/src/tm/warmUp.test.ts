import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS, tempStoragePlace } from '../../test/helpers/pg.js';
import type { StoragePlace } from '../../test/helpers/pg.js';
import { decideImport } from '../services/interchange/decideImport.js';
import { DocumentService } from '../services/documents/index.js';
import { createStorage } from '../storage/index.js';
import type { Storage } from '../storage/index.js';
import { TmService } from './service.js';

/** The memory after a restart: documents left on disk join it at warmUp, whatever happened to them before. */
describe.each(BACKENDS)('translation memory warm-up (%s)', (backend) => {
  let place: StoragePlace;
  let storage: Storage;
  let documents: DocumentService;

  async function open(): Promise<void> {
    storage = await createStorage({ ...place.options, log: () => {} });
    documents = new DocumentService(storage.documents);
    await documents.load();
  }

  beforeEach(async () => {
    place = await tempStoragePlace(backend);
    await open();
  });
  afterEach(async () => {
    await documents.close();
    await storage.close();
    await place.remove();
  });

  it('indexes every row of a document opened and edited before the warm-up, not only the row the edit touched', async () => {
    const created = await documents.engine.create(
      { title: 'Rivers', sourceLang: 'en', targetLangs: ['kk', 'ru'], paragraphs: ['The river froze early.', 'The lake is deep.'] },
      'u1',
    );
    const [p1, p2] = (await documents.reads.snapshot(created.id)).paragraphs;
    await documents.ops().importCells(created.id, 'u1', (d) =>
      decideImport(d, [
        { paragraphId: p1!.id, lang: 'kk', text: 'Өзен ерте қатты.', status: 'approved' as const },
        { paragraphId: p2!.id, lang: 'kk', text: 'Көл терең.', status: 'approved' as const },
      ]),
    );
    await documents.close();
    await storage.close();
    await open();
    expect(documents.registry.isLive(created.id)).toBe(false);

    const tm = new TmService(documents, storage.tm);
    await tm.start();
    try {
      // Before warming: opened and edited, so one of its rows is indexed by the commit.
      await documents
        .ops()
        .editCell({ docId: created.id, paragraphId: p2!.id, lang: 'ru', opId: 'op-ru', baseRev: 0, text: 'Озеро глубокое.' }, 'u1');
      expect((await tm.search('lake', 'en', 10)).map((h) => h.texts.kk)).toEqual(['Көл терең.']);
      tm.warmUp();
      const hits = await tm.search('river froze', 'en', 10);
      expect(hits.map((h) => h.texts.kk)).toEqual(['Өзен ерте қатты.']);
    } finally {
      tm.close();
    }
  });
});
