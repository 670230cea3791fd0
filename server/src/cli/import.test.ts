import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EN_PARAGRAPHS, RU_PARAGRAPHS } from '../../test/helpers/interchangeFixtures.js';
import { tempSchema } from '../../test/helpers/pg.js';
import { DocumentService } from '../services/documents/index.js';
import { createStorage } from '../storage/index.js';
import { run as runExport } from './export.js';
import { run as runImport } from './import.js';
import type { CliIo } from './io.js';

function capture(): CliIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return { out: (t) => void (out += t), err: (t) => void (err += t), stdout: () => out, stderr: () => err };
}

/** `anor import` / `anor export` in-process on a real data directory, read back through real storage. */
describe('anor import / anor export', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'anor-cli-import-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  async function stored(docId: string) {
    const storage = await createStorage({ dataDir: join(dir, 'data'), log: () => {} });
    const documents = new DocumentService(storage.documents);
    await documents.load();
    try {
      return await documents.reads.snapshot(docId);
    } finally {
      await documents.close();
      await storage.close();
    }
  }

  it('imports a document and its translation, then exports them', async () => {
    const data = ['--data-dir', join(dir, 'data')];
    const md = join(dir, 'summit.md');
    await writeFile(md, `# ${EN_PARAGRAPHS[0]}\n\n${EN_PARAGRAPHS.slice(1).join('\n\n')}\n`);
    const io1 = capture();
    expect(await runImport(['document', md, '--title', 'Summit', '--source-lang', 'en', '--target-langs', 'ru,kk', ...data], io1)).toBe(0);
    const docId = io1.stdout().trim();
    expect(io1.stderr()).toContain('5 paragraphs (md)');

    const ru = join(dir, 'ru.txt');
    await writeFile(ru, RU_PARAGRAPHS.join('\n\n'));
    const io2 = capture();
    expect(await runImport(['translation', ru, '--doc', docId, '--lang', 'ru', ...data], io2)).toBe(0);
    expect(io2.stdout()).toMatch(/^imported 5 cells, 0 unchanged/u);
    const io2b = capture();
    expect(await runImport(['translation', ru, '--doc', docId, '--lang', 'ru', ...data], io2b)).toBe(0);
    expect(io2b.stdout()).toMatch(/^imported 0 cells, 5 unchanged/u);
    const doc = await stored(docId);
    expect(doc.paragraphs.map((p) => p.cells.ru?.text)).toEqual(RU_PARAGRAPHS);
    expect(doc.paragraphs.every((p) => p.cells.ru?.status === 'draft')).toBe(true);

    const out = join(dir, 'ru.xlf');
    expect(await runExport(['--doc', docId, '--format', 'xliff2', '--langs', 'ru', '--latest', '--out', out, ...data], capture())).toBe(0);
    const xliff = await readFile(out, 'utf8');
    expect(xliff).toContain(RU_PARAGRAPHS[2]);
    // Approved only (the default): nothing is approved yet, so no target text.
    const io3 = capture();
    expect(await runExport(['--doc', docId, '--format', 'md', '--langs', 'ru', ...data], io3)).toBe(0);
    expect(io3.stdout()).not.toContain(RU_PARAGRAPHS[2]);

    await writeFile(out, xliff.replace(RU_PARAGRAPHS[2]!, 'Исправленный перевод.'));
    const io4 = capture();
    expect(await runImport(['xliff', out, '--doc', docId, ...data], io4)).toBe(0);
    expect((await stored(docId)).paragraphs[2]!.cells.ru?.text).toBe('Исправленный перевод.');
  });

  it('imports an approved translation and puts the document TMX into the installation memory', async () => {
    const data = ['--data-dir', join(dir, 'data')];
    const en = join(dir, 'en.txt');
    await writeFile(en, EN_PARAGRAPHS.join('\n\n'));
    const io1 = capture();
    expect(await runImport(['document', en, '--title', 'Summit', '--source-lang', 'en', '--target-langs', 'ru', ...data], io1)).toBe(0);
    const docId = io1.stdout().trim();
    const ru = join(dir, 'ru.txt');
    await writeFile(ru, RU_PARAGRAPHS.join('\n\n'));
    expect(await runImport(['translation', ru, '--doc', docId, '--lang', 'ru', '--approved', ...data], capture())).toBe(0);
    const tmx = join(dir, 'summit.tmx');
    expect(await runExport(['--doc', docId, '--format', 'tmx', '--out', tmx, ...data], capture())).toBe(0);
    expect(await readFile(tmx, 'utf8')).toContain(RU_PARAGRAPHS[4]);
    const io2 = capture();
    expect(await runImport(['tmx', tmx, ...data], io2)).toBe(0);
    expect(JSON.parse(io2.stdout())).toEqual({ added: 5, skipped: 0, duplicates: 0 });
    const storage = await createStorage({ dataDir: join(dir, 'data'), log: () => {} });
    try {
      expect((await storage.tm.list()).filter((e) => e.texts.ru !== undefined)).toHaveLength(5);
    } finally {
      await storage.close();
    }
  });

  it('with DATABASE_URL, imports a TMX into the database the servers share, not into the data directory', async () => {
    const data = ['--data-dir', join(dir, 'data')];
    const en = join(dir, 'en.txt');
    await writeFile(en, EN_PARAGRAPHS.join('\n\n'));
    const io1 = capture();
    expect(await runImport(['document', en, '--title', 'Summit', '--source-lang', 'en', '--target-langs', 'ru', ...data], io1)).toBe(0);
    const ru = join(dir, 'ru.txt');
    await writeFile(ru, RU_PARAGRAPHS.join('\n\n'));
    expect(await runImport(['translation', ru, '--doc', io1.stdout().trim(), '--lang', 'ru', '--approved', ...data], capture())).toBe(0);
    const tmx = join(dir, 'summit.tmx');
    expect(await runExport(['--doc', io1.stdout().trim(), '--format', 'tmx', '--out', tmx, ...data], capture())).toBe(0);
    const schema = await tempSchema();
    const before = process.env.DATABASE_URL;
    process.env.DATABASE_URL = schema.url;
    try {
      expect(await runImport(['tmx', tmx, ...data], capture())).toBe(0);
      const storage = await createStorage({ dataDir: join(dir, 'data'), databaseUrl: schema.url, log: () => {} });
      try {
        expect((await storage.tm.list()).filter((e) => e.texts.ru !== undefined)).toHaveLength(5);
      } finally {
        await storage.close();
      }
      await expect(readFile(join(dir, 'data', 'tm.json'), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
    } finally {
      if (before === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = before;
      await schema.drop();
    }
  });

  it('holds every kind of import to ANOR_MAX_IMPORT_BYTES: payload_too_large, exit 1, nothing written', async () => {
    const data = ['--data-dir', join(dir, 'data')];
    const en = join(dir, 'en.txt');
    await writeFile(en, EN_PARAGRAPHS.join('\n\n'));
    const io1 = capture();
    expect(await runImport(['document', en, '--title', 'Summit', '--source-lang', 'en', '--target-langs', 'ru', ...data], io1)).toBe(0);
    const docId = io1.stdout().trim();
    const big = join(dir, 'big');
    await writeFile(big, 'Astana hosted the summit. '.repeat(40));
    const before = process.env.ANOR_MAX_IMPORT_BYTES;
    process.env.ANOR_MAX_IMPORT_BYTES = '512';
    try {
      for (const args of [
        ['document', big, '--title', 'Big', '--source-lang', 'en', '--target-langs', 'ru'],
        ['translation', big, '--doc', docId, '--lang', 'ru'],
        ['xliff', big, '--doc', docId],
        ['po', big, '--doc', docId],
        ['tmx', big],
      ]) {
        const io = capture();
        expect({ args, code: await runImport([...args, ...data], io) }).toEqual({ args, code: 1 });
        expect(io.stderr()).toContain('payload_too_large');
      }
    } finally {
      if (before === undefined) delete process.env.ANOR_MAX_IMPORT_BYTES;
      else process.env.ANOR_MAX_IMPORT_BYTES = before;
    }
    expect((await stored(docId)).paragraphs.every((p) => p.cells.ru?.text === '')).toBe(true);
    const storage = await createStorage({ dataDir: join(dir, 'data'), log: () => {} });
    try {
      expect(await storage.tm.list()).toEqual([]);
      const documents = new DocumentService(storage.documents);
      await documents.load();
      expect(documents.reads.count()).toBe(1);
      await documents.close();
    } finally {
      await storage.close();
    }
  });

  it('reads a TMX as the server reads an upload: UTF-16 with a BOM accepted, an XLIFF refused as not TMX', async () => {
    const data = ['--data-dir', join(dir, 'data')];
    const tmx =
      '<?xml version="1.0" encoding="UTF-16"?><tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/><body>' +
      '<tu><tuv xml:lang="en"><seg>Good morning</seg></tuv><tuv xml:lang="ru"><seg>Доброе утро</seg></tuv></tu></body></tmx>';
    const utf16 = join(dir, 'morning.tmx');
    await writeFile(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tmx, 'utf16le')]));
    const io = capture();
    expect(await runImport(['tmx', utf16, ...data], io)).toBe(0);
    expect(JSON.parse(io.stdout())).toEqual({ added: 1, skipped: 0, duplicates: 0 });
    const xlf = join(dir, 'not.tmx');
    await writeFile(
      xlf,
      '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ru"><file id="f"><unit id="u"><segment><source>Hi</source><target>Привет</target></segment></unit></file></xliff>',
    );
    const refused = capture();
    expect(await runImport(['tmx', xlf, ...data], refused)).toBe(1);
    expect(refused.stderr()).toContain('bad_request: not a TMX 1.4 file');
  });

  it('answers refusals with the error code and exit 1, usage errors with 2', async () => {
    const data = ['--data-dir', join(dir, 'data')];
    const bad = join(dir, 'bad.txt');
    await writeFile(bad, Buffer.from([0xcf, 0xf0, 0xe8]));
    const io = capture();
    expect(await runImport(['document', bad, '--title', 'x', '--source-lang', 'ru', '--target-langs', 'en', ...data], io)).toBe(1);
    expect(io.stderr()).toContain('invalid_encoding');
    expect(await runImport(['document', bad, '--title', 'x', '--source-lang', 'xx', '--target-langs', 'en', ...data], capture())).toBe(2);
    expect(await runExport(['--doc', 'd_missing', '--format', 'md', '--langs', 'ru', ...data], capture())).toBe(1);
    expect(await runExport(['--format', 'pdf', '--doc', 'x', ...data], capture())).toBe(2);
  });

  it('keeps a DOCX it imports and exports it translated with --format original --lang', async () => {
    const data = ['--data-dir', join(dir, 'data')];
    const docx = join(dir, 'report.docx');
    await writeFile(docx, await readFile(new URL('../../test/fixtures/original/libreoffice.docx', import.meta.url)));
    const io1 = capture();
    // No --title: the document takes the file's own.
    expect(await runImport(['document', docx, '--source-lang', 'en', '--target-langs', 'kk', ...data], io1)).toBe(0);
    expect(io1.stderr()).toContain('kept the file: export it translated with --format original');
    const docId = io1.stdout().trim();
    const doc = await stored(docId);
    expect(doc.title).toBe('Summit in Xi’an');

    const refused = capture();
    const out = join(dir, 'report.kk.docx');
    expect(
      await runExport(['--doc', docId, '--format', 'original', '--lang', 'kk', '--untranslated', 'refuse', '--out', out, ...data], refused),
    ).toBe(1);
    expect(refused.stderr()).toContain('export_incomplete');
    const io2 = capture();
    expect(await runExport(['--doc', docId, '--format', 'original', '--lang', 'kk', '--out', out, ...data], io2)).toBe(0);
    expect(io2.stderr()).toMatch(/^\d+ paragraphs had no translation and kept their source text/mu);
    expect((await readFile(out)).subarray(0, 2).toString('latin1')).toBe('PK');
    // A DOCX is not written to a terminal's text output.
    const io3 = capture();
    expect(await runExport(['--doc', docId, '--format', 'original', '--lang', 'kk', ...data], io3)).toBe(2);
    expect(io3.stderr()).toContain('needs --out FILE');
  });
});
