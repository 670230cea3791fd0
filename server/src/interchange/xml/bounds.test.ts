import { describe, expect, it } from 'vitest';
import { flatTmx, nestedGXliff12, nestedHiTmx, nestedHtml, nestedPcXliff } from '../../../test/helpers/hostileFiles.js';
import { readInterchange } from '../read.js';
import { readSourceFile } from '../sources/index.js';
import { parseXml } from './dom.js';
import { xmlShapeCheck } from './shape.js';

const rules = (r: ReturnType<typeof readInterchange>): string[] => (r.ok ? [] : r.problems.map((p) => p.rule));

describe('bounded XML parsing', () => {
  it.each([
    ['XLIFF 2 <pc>', nestedPcXliff(300)],
    ['XLIFF 1.2 <g>', nestedGXliff12(300)],
    ['TMX <hi>', nestedHiTmx(300)],
  ])('refuses %s nested past 256 levels with limits.xml-depth', (_, text) => {
    expect(rules(readInterchange(text))).toEqual(['limits.xml-depth']);
  });

  it('reads the same files nested within the bound, text intact (the walks are loops)', () => {
    const x2 = readInterchange(nestedPcXliff(240));
    expect(x2.ok && x2.value.format === 'xliff2' && x2.value.xliff.units[0]?.source).toBe('x');
    const x12 = readInterchange(nestedGXliff12(240));
    expect(x12.ok && x12.value.format === 'xliff12' && x12.value.xliff.units[0]?.source).toBe('x');
    const tmx = readInterchange(nestedHiTmx(240));
    expect(tmx.ok && tmx.value.format === 'tmx' && tmx.value.tmx.units[0]?.variants[0]?.text).toBe('x');
  });

  it('stops building the tree at the element bound', () => {
    expect(rules(readInterchange(flatTmx(100)))).toEqual([]);
    const r = parseXml(flatTmx(100), { depth: 256, elements: 200 });
    expect(r.ok ? [] : r.problems).toEqual([{ rule: 'limits.xml-elements', message: 'the file has more than 200 elements' }]);
  });

  it('keeps XLIFF 1.2 units in document order across nested groups', () => {
    const x12 =
      '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="x" source-language="en" datatype="plaintext"><body>' +
      '<trans-unit id="a"><source>A</source></trans-unit><group><trans-unit id="b"><source>B</source></trans-unit>' +
      '<group><trans-unit id="c"><source>C</source></trans-unit></group></group><trans-unit id="d"><source>D</source></trans-unit></body></file></xliff>';
    const r = readInterchange(x12);
    expect(r.ok && r.value.format === 'xliff12' && r.value.xliff.units.map((u) => u.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('checks the shape of a stream across chunk boundaries', () => {
    const check = xmlShapeCheck({ depth: 3, elements: 100 });
    check.write(Buffer.from('<a><b><c'));
    expect(() => check.write(Buffer.from('/><d><e>'))).toThrow(/deeper than 3/u);
    const ok = xmlShapeCheck({ depth: 3, elements: 100 });
    for (const part of ['<a><b>', '<c/></b>', '<b>x</b></a>']) ok.write(Buffer.from(part));
    expect(() => ok.end()).not.toThrow();
  });
});

describe('bounded HTML parsing', () => {
  const read = (html: string) => readSourceFile(Buffer.from(html), { name: 'page.html', lang: 'en' });

  it('refuses nesting past 512 levels as import_refused with the rule limits.html-depth', async () => {
    await expect(read(nestedHtml(600))).rejects.toMatchObject({
      code: 'import_refused',
      details: { rule: 'limits.html-depth', limit: 512 },
    });
  });

  it('reads deep but bounded pages, implied and void elements included', async () => {
    expect((await read(nestedHtml(500))).paragraphs).toEqual(['x']);
    // Unclosed <p> and <li> close implicitly and <br>/<img> are void: the depth follows the parser's stack.
    const page = `<ul>${'<li>item<br><img src=x>'.repeat(2000)}</ul>${'<p>para'.repeat(2000)}`;
    expect((await read(page)).paragraphs.length).toBeGreaterThanOrEqual(2);
  });
});
