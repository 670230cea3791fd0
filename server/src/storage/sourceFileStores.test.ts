import { describe, expect, it } from 'vitest';
import type { SourceFileRecord } from './index.js';
import { BACKENDS, storagePerTest } from '../../test/helpers/pg.js';
import { original } from '../../test/helpers/original.js';

const record = async (docId: string, extra: Partial<SourceFileRecord> = {}): Promise<SourceFileRecord> => ({
  docId,
  name: 'pandoc.docx',
  format: 'docx',
  createdAt: '2026-03-01T10:00:00.000Z',
  createdBy: 'u1',
  bytes: await original('pandoc.docx'),
  skeleton: {
    format: 'docx',
    parts: ['word/document.xml', 'word/footnotes.xml'],
    charset: null,
    fixed: [],
    slots: [
      {
        part: 0,
        start: 120,
        end: 180,
        prefix: '',
        suffix: '',
        // A file's text may hold anything, U+0000 included: the store gives it back as it was.
        text: 'Summit in <1/>Xi\u2019an\u0000 ends',
        tags: { '1': { kind: 'ph', raw: '<w:tab/>', label: 'tab', at: 130 } },
        mode: { kind: 'docx', style: '<w:b/>' },
      },
    ],
  },
  paragraphIds: ['p1'],
  ...extra,
});

/** One suite, two stores: `sources/<docId>.json` files, and the `source_files` table. */
describe.each(BACKENDS)('source file store (%s)', (backend) => {
  const { openStorage } = storagePerTest(backend);

  it('keeps the bytes and the skeleton exactly, replaces a record, removes it, and lists what it holds', async () => {
    let s = await openStorage();
    expect(await s.sources.ids()).toEqual([]);
    const a = await record('doc-a');
    await s.sources.put(a);
    await s.sources.put(await record('doc-b', { name: 'page.html', format: 'html', bytes: Buffer.from('<p>Hi</p>') }));
    expect(await s.sources.get('doc-a')).toEqual(a);
    expect((await s.sources.get('doc-a'))?.bytes.equals(await original('pandoc.docx'))).toBe(true);
    expect(await s.sources.get('doc-c')).toBeUndefined();

    const replaced = await record('doc-a', { name: 'second.docx', bytes: Buffer.from([0, 1, 2, 255]), paragraphIds: ['x', 'y'] });
    await s.sources.put(replaced);
    await s.close();
    s = await openStorage();
    expect(await s.sources.get('doc-a')).toEqual(replaced);
    expect(await s.sources.ids()).toEqual(['doc-a', 'doc-b']);

    expect(await s.sources.remove('doc-b')).toBe(true);
    expect(await s.sources.remove('doc-b')).toBe(false);
    expect(await s.sources.get('doc-b')).toBeUndefined();
    expect(await s.sources.ids()).toEqual(['doc-a']);
  });
});
