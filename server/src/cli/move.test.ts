import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentSnapshot } from '../../../shared/index.js';
import { EN_PARAGRAPHS, RU_PARAGRAPHS } from '../../test/helpers/interchangeFixtures.js';
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

const KK = [
  'Қытай — Орталық Азия саммиті',
  'Бірінші саммит 2023 жылы өтті.',
  'Көшбасшылар қатысты.',
  'Декларацияға қол қойылды.',
  'Екінші саммит 2025 жылы.',
];

/** What a reader and a reviewer see of a document: ids, texts and statuses of every cell. */
function essence(doc: DocumentSnapshot): unknown {
  return {
    title: doc.title,
    sourceLang: doc.sourceLang,
    targetLangs: doc.targetLangs,
    paragraphs: doc.paragraphs.map((p) => ({
      id: p.id,
      cells: Object.fromEntries(Object.entries(p.cells).map(([l, c]) => [l, [c?.text, c?.status]])),
    })),
  };
}

/** A document moved between two installations with the command line: out as XLIFF (or TMX), in as a new document. */
describe('a document moves between installations unchanged', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'anor-move-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  async function stored(dataDir: string, docId: string): Promise<DocumentSnapshot> {
    const storage = await createStorage({ dataDir, log: () => {} });
    const documents = new DocumentService(storage.documents);
    await documents.load();
    try {
      return await documents.reads.snapshot(docId);
    } finally {
      await documents.close();
      await storage.close();
    }
  }

  async function origin(): Promise<{ dataDir: string; docId: string }> {
    const dataDir = join(dir, 'a');
    const data = ['--data-dir', dataDir];
    const en = join(dir, 'en.txt');
    await writeFile(en, EN_PARAGRAPHS.join('\n\n'));
    const io = capture();
    expect(
      await runImport(['document', en, '--title', 'Summit: 2025', '--source-lang', 'en', '--target-langs', 'ru,kk', ...data], io),
    ).toBe(0);
    const docId = io.stdout().trim();
    await writeFile(join(dir, 'ru.txt'), RU_PARAGRAPHS.join('\n\n'));
    expect(await runImport(['translation', join(dir, 'ru.txt'), '--doc', docId, '--lang', 'ru', '--approved', ...data], capture())).toBe(0);
    // Kazakh: four drafts, the last paragraph untranslated.
    await writeFile(join(dir, 'kk.txt'), KK.slice(0, 4).join('\n\n'));
    expect(await runImport(['translation', join(dir, 'kk.txt'), '--doc', docId, '--lang', 'kk', ...data], capture())).toBe(0);
    return { dataDir, docId };
  }

  it('through XLIFF 2: ids, texts and statuses of both languages', async () => {
    const a = await origin();
    for (const lang of ['ru', 'kk']) {
      const args = ['--doc', a.docId, '--format', 'xliff2', '--langs', lang, '--latest', '--out', join(dir, `${lang}.xlf`)];
      expect(await runExport([...args, '--data-dir', a.dataDir], capture())).toBe(0);
    }
    const b = ['--data-dir', join(dir, 'b')];
    const io = capture();
    expect(await runImport(['document', join(dir, 'ru.xlf'), '--target-langs', 'ru,kk', ...b], io)).toBe(0);
    const docId = io.stdout().trim();
    expect(io.stderr()).toContain('5 paragraphs, 5 translations (xliff2)');
    const io2 = capture();
    expect(await runImport(['xliff', join(dir, 'kk.xlf'), '--doc', docId, ...b], io2)).toBe(0);
    expect(io2.stdout()).toContain('units matched by id 5');
    const before = await stored(a.dataDir, a.docId);
    const after = await stored(join(dir, 'b'), docId);
    expect(essence(after)).toEqual(essence(before));
  });

  it('through gettext PO, and through TMX for the approved texts', async () => {
    const a = await origin();
    const po = join(dir, 'ru.po');
    expect(await runExport(['--doc', a.docId, '--format', 'po', '--langs', 'ru', '--out', po, '--data-dir', a.dataDir], capture())).toBe(0);
    const io = capture();
    expect(await runImport(['document', po, '--target-langs', 'ru,kk', '--data-dir', join(dir, 'b')], io)).toBe(0);
    const fromPo = await stored(join(dir, 'b'), io.stdout().trim());
    const before = await stored(a.dataDir, a.docId);
    expect(fromPo.title).toBe('Summit: 2025');
    expect(fromPo.paragraphs.map((p) => [p.id, p.cells.en?.text, p.cells.ru?.text, p.cells.ru?.status])).toEqual(
      before.paragraphs.map((p) => [p.id, p.cells.en?.text, p.cells.ru?.text, 'approved']),
    );

    const tmx = join(dir, 'doc.tmx');
    expect(await runExport(['--doc', a.docId, '--format', 'tmx', '--out', tmx, '--data-dir', a.dataDir], capture())).toBe(0);
    const io2 = capture();
    expect(await runImport(['document', tmx, '--data-dir', join(dir, 'c')], io2)).toBe(0);
    const fromTmx = await stored(join(dir, 'c'), io2.stdout().trim());
    expect(fromTmx.title).toBe('Summit: 2025');
    // Only the approved language travels in a memory file.
    expect(fromTmx.targetLangs).toEqual(['ru']);
    expect(fromTmx.paragraphs.map((p) => [p.id, p.cells.ru?.text, p.cells.ru?.status])).toEqual(
      before.paragraphs.map((p) => [p.id, p.cells.ru?.text, 'approved']),
    );
  });

  it('Markdown export then import gives the paragraphs back, without the title as one more', async () => {
    const a = await origin();
    const md = join(dir, 'en.md');
    expect(await runExport(['--doc', a.docId, '--format', 'md', '--langs', 'en', '--out', md, '--data-dir', a.dataDir], capture())).toBe(0);
    expect(await readFile(md, 'utf8')).toContain('title: "Summit: 2025"');
    const io = capture();
    const args = ['document', md, '--title', 'Again', '--source-lang', 'en', '--target-langs', 'ru', '--data-dir', join(dir, 'b')];
    expect(await runImport(args, io)).toBe(0);
    const again = await stored(join(dir, 'b'), io.stdout().trim());
    expect(again.paragraphs.map((p) => p.cells.en?.text)).toEqual(EN_PARAGRAPHS);
  });

  it('refuses a file that does not name its target language until one is given', async () => {
    const po = join(dir, 'peer.po');
    await writeFile(po, 'msgid "Good morning"\nmsgstr "Доброе утро"\n');
    const b = ['--data-dir', join(dir, 'b')];
    const io = capture();
    expect(await runImport(['document', po, ...b], io)).toBe(1);
    expect(io.stderr()).toContain('the file names no source language');
    const io2 = capture();
    expect(await runImport(['document', po, '--source-lang', 'en', '--lang', 'ru', ...b], io2)).toBe(0);
    const doc = await stored(join(dir, 'b'), io2.stdout().trim());
    expect(doc.paragraphs.map((p) => [p.cells.en?.text, p.cells.ru?.text])).toEqual([['Good morning', 'Доброе утро']]);
  });
});
