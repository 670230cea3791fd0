import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/index.js';
import { buildDocx, buildDocxBomb, zipFiles } from '../../../test/helpers/docx.js';
import { decodeText } from './decode.js';
import { htmlParagraphs } from './html.js';
import { readSourceFile, sourceFormat } from './index.js';

async function codeOf(p: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
  return 'no error';
}

describe('htmlParagraphs', () => {
  it('makes headings, paragraphs, list items and cells paragraphs; br a line break; skips script and head', () => {
    const html = `<!doctype html><html><head><title>T</title><style>p{}</style></head><body>
      <h1>Summit  in
        Xi’an</h1><p>First <b>line</b><br>second line</p>
      <ul><li>one</li><li>two <i>items</i></li></ul>
      <table><tr><td>cell&nbsp;A</td><td>cell &amp; B</td></tr></table>
      <script>alert(1)</script><div>loose <span>text</span><p>nested</p>tail</div>
      <pre>  keep
   spacing</pre></body></html>`;
    expect(htmlParagraphs(html)).toEqual([
      'Summit in Xi’an',
      'First line\nsecond line',
      'one',
      'two items',
      'cell\u00A0A',
      'cell & B',
      'loose text',
      'nested',
      'tail',
      'keep\nspacing',
    ]);
  });

  it('tolerates broken HTML', () => {
    expect(htmlParagraphs('<p>open <b>bold<p>next</i>')).toEqual(['open bold', 'next']);
  });
});

describe('Markdown import (CommonMark)', () => {
  it('makes paragraphs of headings, list items and quotes; not of front matter, code, comments, rules or setext underlines', async () => {
    const md = [
      '---',
      'title: Front matter title',
      '---',
      '# Title #',
      '',
      'First paragraph',
      'continues here.',
      '',
      '- item one',
      '- item *two*',
      '',
      '```',
      'code()',
      '```',
      '',
      '    indented code',
      '',
      '<!-- a comment -->',
      '',
      '***',
      '',
      'Setext heading',
      '==============',
      '',
      '> quoted',
      '> text',
      '',
      '1. numbered',
    ].join('\n');
    const r = await readSourceFile(Buffer.from(md), { name: 'a.md', lang: 'en' });
    expect(r.paragraphs).toEqual([
      'Title',
      'First paragraph\ncontinues here.',
      'item one',
      'item two',
      'Setext heading',
      'quoted\ntext',
      'numbered',
    ]);
    expect(r.title).toBe('Front matter title');
    expect(r.keepsLayout).toBe(true);
  });

  it('one paragraph of lines without a blank line between them, as CommonMark reads it', async () => {
    expect((await readSourceFile(Buffer.from('a\nb\nc'), { name: 'a.md', lang: 'en' })).paragraphs).toEqual(['a\nb\nc']);
  });
});

describe('decodeText', () => {
  it('reads UTF-8 with and without BOM and UTF-16 with BOM', () => {
    const text = 'Қазақ 中文 ok';
    expect(decodeText(Buffer.from(`\uFEFF${text}`, 'utf8'))).toBe(text);
    expect(decodeText(Buffer.from(text, 'utf8'))).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toBe(text);
    const be = Buffer.from(text, 'utf16le').swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toBe(text);
  });

  it('refuses UTF-16 without a byte-order mark by name, which bytes alone would pass as UTF-8 with NULs', async () => {
    const xml = '<?xml version="1.0" encoding="UTF-16"?>\n<xliff version="2.0" srcLang="en"/>';
    for (const bytes of [Buffer.from(xml, 'utf16le'), Buffer.from(xml, 'utf16le').swap16()]) {
      expect(await codeOf(() => decodeText(bytes))).toBe('invalid_encoding');
      expect(() => decodeText(bytes)).toThrow(/UTF-16 without a byte-order mark/u);
    }
    // Two letters, or Cyrillic and Chinese in UTF-16, are not taken for it; nor is UTF-8 text.
    expect(decodeText(Buffer.from('ok', 'utf8'))).toBe('ok');
    expect(decodeText(Buffer.from('Қазақ 中文 — text', 'utf8'))).toBe('Қазақ 中文 — text');
  });

  it('refuses text that is not UTF-8 (Windows-1251 Russian)', async () => {
    const cp1251 = Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]); // "Привет"
    expect(await codeOf(() => decodeText(cp1251))).toBe('invalid_encoding');
  });
});

describe('readSourceFile', () => {
  it('reads a real DOCX: headings and paragraphs in order', async () => {
    const docx = buildDocx([
      { heading: 1, text: 'China–Central Asia Summit' },
      { text: 'The leaders met in Xi’an.' },
      { heading: 2, text: 'Outcomes' },
      { text: 'They signed a declaration.' },
    ]);
    const r = await readSourceFile(docx, { name: 'summit.docx', lang: 'en' });
    expect(r.paragraphs).toEqual(['China–Central Asia Summit', 'The leaders met in Xi’an.', 'Outcomes', 'They signed a declaration.']);
    expect(r.report.format).toBe('docx');
  });

  it('refuses a zip bomb disguised as DOCX before expanding it', async () => {
    const bomb = buildDocxBomb(60 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await codeOf(readSourceFile(bomb, { name: 'report.docx', lang: 'en' }))).toBe('import_refused');
    // Under the size cap but expanding far more than 100×.
    expect(await codeOf(readSourceFile(buildDocxBomb(5 * 1024 * 1024), { name: 'r.docx', lang: 'en' }))).toBe('import_refused');
  });

  it('refuses a zip that is no Word document, a damaged zip, and a .txt that is a zip', async () => {
    expect(await codeOf(readSourceFile(zipFiles({ 'a.txt': 'hello' }), { name: 'x.docx', lang: 'en' }))).toBe('unsupported_format');
    const docx = buildDocx([{ text: 'hello' }]);
    expect(await codeOf(readSourceFile(docx.subarray(0, docx.length - 40), { name: 'x.docx', lang: 'en' }))).toBe('malformed_file');
    expect(await codeOf(readSourceFile(docx, { name: 'x.txt', lang: 'en' }))).toBe('unsupported_format');
    expect(await codeOf(readSourceFile(Buffer.from('plain'), { name: 'x.docx', lang: 'en' }))).toBe('unsupported_format');
  });

  it('cleans junk, reports it, and checks the declared language', async () => {
    const text = 'Бірінші\u200B «Қытай – Орталық Азия» саммиті\u00AD Сиань қаласында өтті.\n\nАлты елдің басшылары декларацияға қол қойды.';
    const r = await readSourceFile(Buffer.from(text), { name: 'kk.txt', lang: 'ru' });
    expect(r.paragraphs[0]).toBe('Бірінші «Қытай – Орталық Азия» саммиті Сиань қаласында өтті.');
    expect(r.report.removed).toEqual({ zero_width: 1, soft_hyphen: 1 });
    expect(r.report.language.verdict).toBe('language_mismatch');
    expect(r.report.language.detected.lang).toBe('kk');
  });

  it('knows formats by extension and refuses others or empty files', async () => {
    expect(sourceFormat('a.HTM')).toBe('html');
    expect(sourceFormat('a.bin', 'md')).toBe('md');
    expect(await codeOf(() => sourceFormat('a.pdf'))).toBe('unsupported_format');
    expect(await codeOf(readSourceFile(Buffer.from('\u200B\n\n  '), { name: 'e.txt', lang: 'en' }))).toBe('import_refused');
  });
});

describe('the title a new document gets from its file', () => {
  const read = (text: string, name: string) => readSourceFile(Buffer.from(text), { name, lang: 'en' });

  it('is the first H1 of an HTML page, else its <title>', async () => {
    const page = '<html><head><title>Site · Summit</title></head><body><h1>Summit in Astana</h1><p>Text.</p></body></html>';
    expect((await read(page, 'summit-2026.html')).title).toBe('Summit in Astana');
    expect((await read('<html><head><title>Summit news</title></head><body><p>Text.</p></body></html>', 'x.htm')).title).toBe(
      'Summit news',
    );
  });

  it('is the first level-one heading of Markdown, else its front matter title', async () => {
    expect((await read('Intro line.\n\n# Summit in Astana\n\nText.', 'notes.md')).title).toBe('Summit in Astana');
    expect((await read('---\ntitle: From front matter\n---\n\n# Heading\n', 'notes.md')).title).toBe('From front matter');
  });

  it('is the DOCX title property, else its first Title or Heading 1 paragraph', async () => {
    const blocks = [{ heading: 1, text: 'Summit in Astana' }, { text: 'Leaders met.' }] as const;
    const name = 'Document1.docx';
    expect((await readSourceFile(buildDocx(blocks), { name, lang: 'en' })).title).toBe('Summit in Astana');
    expect((await readSourceFile(buildDocx(blocks, { title: 'Press release & notes' }), { name, lang: 'en' })).title).toBe(
      'Press release & notes',
    );
  });

  it('is left to the file name for plain text', async () => {
    expect((await read('Summit in Astana\n\nText.', 'summit.txt')).title).toBeNull();
  });
});
