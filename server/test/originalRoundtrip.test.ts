import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partText } from '../src/interchange/original/docx.js';
import { decodeText } from '../src/interchange/sources/decode.js';
import { readSource } from '../src/interchange/sources/index.js';
import type { Skeleton } from '../src/interchange/original/index.js';
import {
  fakeKazakh,
  libreOfficeText,
  missingGap,
  normalizeSpace,
  openWorkbench,
  original,
  requireTool,
  run,
  translateAll,
  unzip,
  visiblePieces,
} from './helpers/original.js';
import type { Workbench } from './helpers/original.js';

/**
 * The round trip with files made by real tools (fixtures/original/README.md):
 * import → translate every paragraph → export the original → the file opens
 * in its tool with every translation in place, and everything outside the
 * translated spans is byte-identical.
 */
interface Case {
  file: string;
  name: string;
  docId: string;
  texts: string[];
  skeleton: Skeleton;
  bytes: Buffer;
  out: Buffer;
  outPath: string;
}

let w: Workbench;
let outDir: string;
const cases = new Map<string, Case>();
let loText: Map<string, string>;

async function roundTrip(file: string): Promise<Case> {
  const bytes = await original(file);
  const r = await w.interchange.original.createFromFile(bytes, { name: file, sourceLang: 'en', targetLangs: ['kk', 'ru'] }, 'u1');
  const texts = await translateAll(w, r.document.id, 'kk', fakeKazakh);
  const rec = (await w.storage.sources.get(r.document.id))!;
  const exported = await w.interchange.exportFile(r.document.id, { format: 'original', langs: ['kk'], mode: 'latest' });
  const out = Buffer.from(exported.body);
  const outPath = join(outDir, exported.fileName);
  await writeFile(outPath, out);
  return { file, name: exported.fileName, docId: r.document.id, texts, skeleton: rec.skeleton, bytes, out, outPath };
}

beforeAll(async () => {
  await requireTool('soffice', 'libreoffice-writer-nogui');
  await requireTool('pandoc', 'pandoc');
  w = await openWorkbench();
  outDir = await mkdtemp(join(tmpdir(), 'anor-roundtrip-'));
  for (const f of ['pandoc.docx', 'libreoffice.docx', 'news.html', 'article.md']) cases.set(f, await roundTrip(f));
  // One LibreOffice run for both DOCX files: its start-up is most of the cost.
  loText = await libreOfficeText([cases.get('pandoc.docx')!.outPath, cases.get('libreoffice.docx')!.outPath], outDir);
}, 240_000);

afterAll(async () => {
  await w?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe.each(['pandoc.docx', 'libreoffice.docx'])('DOCX made by %s', (file) => {
  it('keeps every zip entry, in order, byte for byte except the parts with text', () => {
    const c = cases.get(file)!;
    const before = unzip(c.bytes);
    const after = unzip(c.out);
    expect(after.map((e) => e.name)).toEqual(before.map((e) => e.name));
    const changed = new Set(c.skeleton.slots.map((s) => c.skeleton.parts[s.part]));
    expect(changed.has('word/document.xml') && changed.has('word/footnotes.xml')).toBe(true);
    for (const [i, e] of before.entries()) {
      if (!changed.has(e.name)) expect(Buffer.from(after[i]!.data).equals(Buffer.from(e.data)), e.name).toBe(true);
    }
  });

  it('changes the XML parts only inside the paragraphs: everything between them is byte-identical', () => {
    const c = cases.get(file)!;
    const before = unzip(c.bytes);
    const after = unzip(c.out);
    c.skeleton.parts.forEach((name, part) => {
      const b = before.find((e) => e.name === name)!;
      const a = after.find((e) => e.name === name)!;
      const slots = c.skeleton.slots.filter((s) => s.part === part);
      expect(
        missingGap(partText({ ...b, stored: false, mtime: new Date() }), slots, Buffer.from(a.data).toString('utf8')),
        name,
      ).toBeNull();
    });
  });

  it('opens in LibreOffice with every translation of the body in place and no English paragraph left', () => {
    const c = cases.get(file)!;
    // LibreOffice's plain-text export leaves footnotes out: the body (word/document.xml) is what it shows.
    const text = normalizeSpace(loText.get(c.outPath)!);
    const body = c.texts.filter((_, i) => c.skeleton.slots[i]!.part === 0);
    expect(body.length).toBeGreaterThan(15);
    for (const t of body) for (const piece of visiblePieces(t)) expect(text).toContain(piece);
    expect(text).not.toContain('five Central Asian states');
    expect(text).not.toContain('The meeting lasted');
  });

  it('is read by pandoc with the translations, the footnote and the link', async () => {
    const c = cases.get(file)!;
    const r = await run('pandoc', ['-f', 'docx', '-t', 'markdown', '-s', '--wrap=none', c.outPath]);
    expect(r.code, r.stderr).toBe(0);
    // pandoc writes typographic quotes and dashes in its own way.
    const plain = (s: string): string =>
      normalizeSpace(s).replace(/[’‘]/gu, "'").replace(/[“”]/gu, '"').replace(/–/gu, '--').replace(/\\/gu, '');
    const md = plain(r.stdout);
    for (const t of c.texts) for (const piece of visiblePieces(t)) expect(md).toContain(plain(piece));
    expect(md).toMatch(/\[\^1\]: §\d+ Тхе суммит үас хелд/u);
    expect(md).toMatch(/\[Хи'ан\]\(https:\/\/en\.wikipedia\.org\/wiki\/Xi/u);
  });

  it('keeps each footnote clean: its number mark and the space or tab after it stay out of the text and in the file', () => {
    const c = cases.get(file)!;
    const note = c.skeleton.slots.find((s) => c.skeleton.parts[s.part] === 'word/footnotes.xml')!;
    expect(note.text).toBe('The summit was held on 18–19 May 2026.');
    const notes = Buffer.from(unzip(c.out).find((e) => e.name === 'word/footnotes.xml')!.data).toString('utf8');
    expect(notes).toMatch(
      file === 'pandoc.docx'
        ? /<w:footnoteRef \/>\s*<\/w:r><w:r><w:t xml:space="preserve"> <\/w:t><\/w:r><w:r><w:t xml:space="preserve">§\d+ Тхе суммит/u
        : /<w:footnoteRef\/><\/w:r><w:r><w:rPr><\/w:rPr><w:tab\/><\/w:r><w:r><w:rPr><\/w:rPr><w:t xml:space="preserve">§\d+ Тхе суммит/u,
    );
  });

  it('reads back as the same translated paragraphs, tags and all', async () => {
    const c = cases.get(file)!;
    const back = await readSource(c.out, { name: c.name, lang: 'kk' });
    expect(back.paragraphs).toEqual(c.texts.map((t) => t.normalize('NFC')));
  });
});

describe('HTML news page', () => {
  it('changes nothing outside the translated spans but <html lang>: markup, attributes, scripts, comments, navigation', () => {
    const c = cases.get('news.html')!;
    const before = decodeText(c.bytes);
    const after = decodeText(c.out);
    expect(after).toContain('<html lang="kk" class="no-js">');
    expect(missingGap(before.replace('<html lang="en"', '<html lang="kk"'), c.skeleton.slots, after)).toBeNull();
    for (const kept of [
      '<a href="https://en.wikipedia.org/wiki/Xi%27an" title="',
      'class="ext">',
      'data-story-id="88213"',
      '<!-- ad slot: inline-1 -->',
      '<li><a href="/world">World</a></li>',
      '<span translate="no">Aigerim Nurlanovna</span>',
      'Steppe Daily — wire copy, do not translate.',
      "document.documentElement.className = 'js';",
    ]) {
      expect(after).toContain(kept);
    }
  });

  it('translates the title, the alt and title attributes, and not the navigation', () => {
    const c = cases.get('news.html')!;
    const after = decodeText(c.out);
    expect(after).toMatch(/<title>§\d+ Суммит ин Хи&#39;ан|<title>§\d+ Суммит ин Хи'ан/u);
    expect(after).toMatch(/alt="§\d+ Сих леадерс ат тхе опенинг церемоны"/u);
    expect(after).toMatch(/title="§\d+ Опенинг церемоны"/u);
    expect(after).toContain('<b>Цхина</b>');
    expect(after).toContain('<em>фиве Централ Асиан статес</em>');
    expect(after).toMatch(/<a href="https:\/\/en\.wikipedia\.org\/wiki\/Xi%27an" title="§\d+ Хи'ан он Үикипедиа" class="ext">Хи'ан<\/a>/u);
  });

  it('is read by pandoc with every translation', async () => {
    const c = cases.get('news.html')!;
    const r = await run('pandoc', ['-f', 'html', '-t', 'plain', '--wrap=none', c.outPath]);
    expect(r.code, r.stderr).toBe(0);
    const text = normalizeSpace(r.stdout);
    // pandoc shows neither <title> nor attributes as text; the body's paragraphs it does.
    const body = c.skeleton.slots.map((s, i) => ({ s, t: c.texts[i]! })).filter(({ s }) => s.mode.kind === 'html');
    for (const { t } of body.slice(1)) for (const piece of visiblePieces(t)) expect(text).toContain(piece.replace(/&/gu, '&'));
  });
});

describe('Markdown article with front matter', () => {
  it('keeps front matter, code, comments, rules, tables and link targets byte for byte', () => {
    const c = cases.get('article.md')!;
    const before = decodeText(c.bytes);
    const after = decodeText(c.out);
    expect(missingGap(before, c.skeleton.slots, after)).toBeNull();
    expect(after.startsWith('---\ntitle: "Summit in Xi\'an"\nauthor: Newsroom\ndate: 2026-05-19\n---\n')).toBe(true);
    expect(after).toContain('](https://en.wikipedia.org/wiki/Xi%27an "Xi\'an on Wikipedia")');
    expect(after).toContain('```json\n{ "declaration": true }\n```');
  });

  it('is read by pandoc with every translation and the same block structure', async () => {
    const c = cases.get('article.md')!;
    const origPath = join(outDir, 'article.orig.md');
    await writeFile(origPath, c.bytes);
    const blocks = async (path: string): Promise<string[]> => {
      const r = await run('pandoc', ['-f', 'markdown', '-t', 'json', path]);
      expect(r.code, r.stderr).toBe(0);
      return (JSON.parse(r.stdout) as { blocks: { t: string }[] }).blocks.map((x) => x.t);
    };
    expect(await blocks(c.outPath)).toEqual(await blocks(origPath));
    const plain = await run('pandoc', ['-f', 'markdown', '-t', 'plain', '--wrap=none', c.outPath]);
    // pandoc's smart typography turns straight quotes into curly ones.
    const quotes = (s: string): string => normalizeSpace(s).replace(/[’‘]/gu, "'").replace(/[“”]/gu, '"');
    const text = quotes(plain.stdout);
    for (const t of c.texts) for (const piece of visiblePieces(t)) expect(text).toContain(quotes(piece));
  });
});
