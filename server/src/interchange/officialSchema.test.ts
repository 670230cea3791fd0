import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeDoc } from '../../test/helpers/testDoc.js';
import { checkOfficialSchema, schemasDir, SCHEMA_FILES } from './officialSchema.js';
import { exportTmx } from './tmx/export.js';
import { exportXliff12 } from './xliff12/export.js';

const XLIFF = fileURLToPath(new URL('../../test/fixtures/validators/xliff/', import.meta.url));
const files = async (dir: string): Promise<string[]> => (await readdir(dir)).filter((n) => n.endsWith('.xlf')).map((n) => join(dir, n));

describe('official schemas in process (libxml2-wasm, no xmllint)', () => {
  it('ships every schema it names', async () => {
    for (const rel of Object.values(SCHEMA_FILES)) expect((await readFile(join(schemasDir(), rel), 'utf8')).length).toBeGreaterThan(1000);
  });

  it('accepts every valid file of the OASIS XLIFF 2.1 and 2.2 core suites, by their namespace', async () => {
    for (const [dir, schema] of [
      ['xliff-21/test-suite/core/valid', 'xliff-2.0'],
      ['xliff-22/test-suite/core/valid', 'xliff-2.2'],
    ] as const) {
      for (const f of await files(join(XLIFF, dir))) {
        const r = await checkOfficialSchema(await readFile(f, 'utf8'));
        expect(r, f).toMatchObject({ schema, valid: true, problems: [] });
      }
    }
  });

  it('rejects the 30 invalid XLIFF 2.1 suite files an XSD can catch, as xmllint did (the other 89 break processing rules)', async () => {
    let rejected = 0;
    const all = await files(join(XLIFF, 'xliff-21/test-suite/core/invalid'));
    for (const f of all) {
      const r = await checkOfficialSchema(await readFile(f, 'utf8'));
      if (r?.valid === false) {
        rejected++;
        expect(r.problems[0]).toMatchObject({ rule: 'schema.xliff-2.0', where: expect.stringMatching(/^line \d+$/u) });
      }
    }
    expect(all).toHaveLength(119);
    expect(rejected).toBe(30);
  });

  it('checks XLIFF 1.2 against the strict XSD and TMX against the 1.4 DTD', async () => {
    const doc = makeDoc();
    expect(await checkOfficialSchema(exportXliff12(doc, 'ru'))).toMatchObject({ schema: 'xliff-1.2', valid: true });
    const bad12 = exportXliff12(doc, 'ru').replace('<body>', '<body><bogus/>');
    expect(await checkOfficialSchema(bad12)).toMatchObject({ schema: 'xliff-1.2', valid: false });
    const tmx = exportTmx(doc);
    expect(await checkOfficialSchema(tmx)).toMatchObject({ schema: 'tmx-1.4', valid: true });
    // What tmexchange writes: the DTD fixes version="1.4".
    const r = await checkOfficialSchema(tmx.replace('<tmx version="1.4">', '<tmx version="1.4b">'));
    expect(r).toMatchObject({ schema: 'tmx-1.4', valid: false });
    expect(r?.problems[0]?.message).toContain('attribute version');
  });

  it('reads nothing a document points at: no external DTD, no entity, no network', async () => {
    const tmx = exportTmx(makeDoc()).replace(/^<\?xml[^>]*>/u, '');
    const seg = /<seg>[^<]*<\/seg>/u.exec(tmx)?.[0] ?? '';
    const xxe = `<!DOCTYPE tmx SYSTEM "/etc/passwd" [<!ENTITY x SYSTEM "file:///etc/passwd">]>${tmx.replace(seg, '<seg>&x;</seg>')}`;
    const r = await checkOfficialSchema(xxe);
    // Parsed and judged against Anor's copy of the DTD; the entity stays unexpanded, /etc/passwd unread.
    expect(r?.schema).toBe('tmx-1.4');
    expect(JSON.stringify(r)).not.toContain('root:');
    expect(await checkOfficialSchema('<html/>')).toBeUndefined();
    expect(await checkOfficialSchema('<xliff')).toBeUndefined();
  });
});
