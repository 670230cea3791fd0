import { describe, expect, it } from 'vitest';
import { closeTag, openTag, standaloneTag } from '../../../../shared/inline/index.js';
import { AppError } from '../../../../shared/index.js';
import { zipFiles } from '../../../test/helpers/docx.js';
import { extractOriginal, rebuildOriginal } from './index.js';
import { unzipSync } from 'fflate';

const o = openTag;
const c = closeTag;
const ph = standaloneTag;

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
  return 'no error';
}

const W =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
function docx(body: string): Buffer {
  return zipFiles({
    '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
  });
}

describe('Markdown slots', () => {
  it('write a translation back with the markup of its tags, escaped, and quote prefixes on new lines', async () => {
    const md = '> A *quoted* line\n> and [a link](http://x.org "T").\n\nHard  \nbreak here.\n';
    const x = await extractOriginal(Buffer.from(md), 'md', {});
    expect(x.skeleton.slots.map((s) => s.text)).toEqual([
      `A ${o(1)}quoted${c(1)} line\nand ${o(2)}a link${c(2)}.`,
      `Hard${ph(1)}break here.`,
    ]);
    const out = await rebuildOriginal(Buffer.from(md), x.skeleton, [
      `Жол ${o(1)}*цитата*${c(1)}\nжәне ${o(2)}сілтеме${c(2)} #1.`,
      `Қатты${ph(1)}үзіліс.`,
    ]);
    expect(out.toString('utf8')).toBe('> Жол *\\*цитата\\**\n> және [сілтеме](http://x.org "T") #1.\n\nҚатты  \nүзіліс.\n');
  });
});

describe('HTML slots', () => {
  it('keep <pre> whitespace, write line breaks as the page wrote them, and refuse runaway nesting', async () => {
    const html = '<p>One<br/>two &amp; <i>three</i></p><pre>  keep\n  this</pre>';
    const x = await extractOriginal(Buffer.from(html), 'html', {});
    expect(x.skeleton.slots.map((s) => s.text)).toEqual([`One\ntwo & ${o(1)}three${c(1)}`, 'keep\n  this']);
    const out = await rebuildOriginal(Buffer.from(html), x.skeleton, [`Бір\nекі < ${o(1)}үш${c(1)}`, null]);
    expect(out.toString('utf8')).toBe('<p>Бір<br/>екі &lt; <i>үш</i></p><pre>  keep\n  this</pre>');
    expect(await code(extractOriginal(Buffer.from('<div>'.repeat(5000)), 'html', {}))).toBe('import_refused');
  });

  it('keeps an unclosed inline element as a standalone code rather than inventing its end', async () => {
    const html = '<p>Open <b>bold<p>next</p>';
    const x = await extractOriginal(Buffer.from(html), 'html', {});
    expect(x.skeleton.slots.map((s) => s.text)).toEqual([`Open ${ph(1)}bold`, 'next']);
    const out = await rebuildOriginal(Buffer.from(html), x.skeleton, [`Ашық ${ph(1)}жуан`, 'келесі']);
    expect(out.toString('utf8')).toBe('<p>Ашық <b>жуан<p>келесі</p>');
  });
});

describe('HTML lang', () => {
  it('says the language of the translation in <html lang> (and xml:lang), adding lang when the page has none', async () => {
    const page = (open: string): string =>
      `<!DOCTYPE html><!-- <html lang="en"> -->\n${open}<head><title>News</title></head><body><p>Hello</p></body></html>`;
    const cases: [string, string][] = [
      ['<html lang="en">', '<html lang="kk">'],
      ["<html class=x LANG='en-GB' xml:lang=en>", "<html class=x LANG='kk' xml:lang=kk>"],
      ['<html>', '<html lang="kk">'],
    ];
    for (const [before, after] of cases) {
      const x = await extractOriginal(Buffer.from(page(before)), 'html', {});
      const out = await rebuildOriginal(Buffer.from(page(before)), x.skeleton, ['Жаңалықтар', 'Сәлем'], 'kk');
      expect(out.toString('utf8')).toBe(page(after).replace('News', 'Жаңалықтар').replace('Hello', 'Сәлем'));
    }
    // No langTag (the source language exported), or a fragment without <html>: left as it is.
    const x = await extractOriginal(Buffer.from(page('<html lang="en">')), 'html', {});
    expect((await rebuildOriginal(Buffer.from(page('<html lang="en">')), x.skeleton, [null, null])).toString('utf8')).toBe(
      page('<html lang="en">'),
    );
    const fragment = '<p>Hello</p>';
    const f = await extractOriginal(Buffer.from(fragment), 'html', {});
    expect((await rebuildOriginal(Buffer.from(fragment), f.skeleton, ['Сәлем'], 'kk')).toString('utf8')).toBe('<p>Сәлем</p>');
  });
});

describe('DOCX slots', () => {
  it('keep fields whole, leave code listings out, and move a link around the whole paragraph out of the text', async () => {
    const body =
      '<w:p><w:r><w:t>Page </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t> of the report</w:t></w:r></w:p>' +
      '<w:p><w:pPr><w:pStyle w:val="SourceCode"/></w:pPr><w:r><w:t>x = 1</w:t></w:r></w:p>' +
      '<w:p><w:hyperlink r:id="rId9"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>Whole link</w:t></w:r></w:hyperlink></w:p>' +
      '<w:p><w:r><w:t xml:space="preserve">Tab</w:t><w:tab/><w:t>and</w:t><w:br/><w:t>break</w:t></w:r></w:p>';
    const bytes = docx(body);
    const x = await extractOriginal(bytes, 'docx', {});
    expect(x.skeleton.slots.map((s) => s.text)).toEqual([`Page ${ph(1)} of the report`, 'Whole link', 'Tab\tand\nbreak']);
    const out = await rebuildOriginal(bytes, x.skeleton, [`Бет ${ph(1)}, есеп`, 'Толық сілтеме', 'Таб\tжәне\nүзіліс']);
    const xml = Buffer.from(unzipSync(out)['word/document.xml']!).toString('utf8');
    expect(xml).toContain(
      '<w:r><w:t xml:space="preserve">Бет </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText>',
    );
    expect(xml).toContain('<w:r><w:t>x = 1</w:t></w:r>');
    expect(xml).toContain(
      '<w:hyperlink r:id="rId9"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t xml:space="preserve">Толық сілтеме</w:t></w:r></w:hyperlink>',
    );
    expect(xml).toContain(
      '<w:t xml:space="preserve">Таб</w:t><w:tab/><w:t xml:space="preserve">және</w:t><w:br/><w:t xml:space="preserve">үзіліс</w:t>',
    );
  });
});
