import { strToU8, zipSync } from 'fflate';

/**
 * Hostile files of the kinds issue 15 lists, built in memory: each one is
 * small enough to upload, and was enough to stall or crash an importer that
 * recursed over the input or kept its open elements in a front-shifted array.
 */
const XLIFF2_HEAD =
  '<?xml version="1.0" encoding="UTF-8"?><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ru"><file id="f1">';

/** XLIFF 2 with `depth` nested <pc> in one source. */
export function nestedPcXliff(depth: number): string {
  let open = '';
  for (let i = 0; i < depth; i++) open += `<pc id="p${i}">`;
  return `${XLIFF2_HEAD}<unit id="u1"><segment><source>${open}x${'</pc>'.repeat(depth)}</source></segment></unit></file></xliff>`;
}

/** XLIFF 1.2 with `depth` nested <g> in one source. */
export function nestedGXliff12(depth: number): string {
  let open = '';
  for (let i = 0; i < depth; i++) open += `<g id="g${i}">`;
  return (
    '<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="x" source-language="en" target-language="ru" datatype="plaintext"><body>' +
    `<trans-unit id="t1"><source>${open}x${'</g>'.repeat(depth)}</source></trans-unit></body></file></xliff>`
  );
}

const TMX_HEAD =
  '<?xml version="1.0"?><tmx version="1.4"><header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/><body>';

/** TMX whose English segment nests `depth` <hi> elements. */
export function nestedHiTmx(depth: number): string {
  return `${TMX_HEAD}<tu><tuv xml:lang="en"><seg>${'<hi>'.repeat(depth)}x${'</hi>'.repeat(depth)}</seg></tuv><tuv xml:lang="ru"><seg>y</seg></tuv></tu></body></tmx>`;
}

/** A flat TMX of `units` two-language units (~90 bytes each): an element bomb without depth. */
export function flatTmx(units: number): string {
  const tu = '<tu><tuv xml:lang="en"><seg>a</seg></tuv><tuv xml:lang="ru"><seg>б</seg></tuv></tu>';
  return `${TMX_HEAD}${tu.repeat(units)}</body></tmx>`;
}

/** HTML nested `depth` <div>s deep around one word. */
export function nestedHtml(depth: number): string {
  return `<!doctype html><html><body>${'<div>'.repeat(depth)}x${'</div>'.repeat(depth)}</body></html>`;
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/**
 * A DOCX whose body nests `depth` content controls (<w:sdt><w:sdtContent>),
 * stored without compression so that the zip-bomb ratio does not refuse it first.
 */
export function nestedDocx(depth: number): Buffer {
  const open = '<w:sdt><w:sdtContent>'.repeat(depth);
  const close = '</w:sdtContent></w:sdt>'.repeat(depth);
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${open}<w:p><w:r><w:t>x</w:t></w:r></w:p>${close}</w:body></w:document>`,
    ),
  };
  return Buffer.from(zipSync(files, { level: 0 }));
}

/**
 * Markdown that drives micromark past linear time when it is one block (docs/interchange.md,
 * "Markdown: linear parsing"), each as blocks of about `block` characters separated by blank
 * lines, `total` characters in all; `whole` gives one block (or one line) of the shape.
 */
export const MARKDOWN_SHAPES: Record<string, (n: number) => string> = {
  'block quotes nested on one line': (n) => `${'>'.repeat(n)} x\n`,
  'list items nested by indentation': (n) => {
    let s = '';
    for (let k = 0; s.length < n; k++) s += `${' '.repeat(2 * (k % 5000))}- x\n`;
    return s;
  },
  'runs of *a': (n) => '*a'.repeat(n / 2),
  'emphasis *a*b': (n) => '*a*b'.repeat(n / 4),
  'emphasis closers a_': (n) => 'a_ '.repeat(Math.floor(n / 3)),
  'emphasis nested in one paragraph': (n) => `${'*a **a '.repeat(Math.floor(n / 14))}b${' a** a*'.repeat(Math.floor(n / 14))}`,
  'runs of _a': (n) => '_a'.repeat(n / 2),
  'runs of [': (n) => '['.repeat(n),
  'growing backtick runs': (n) => {
    let s = '';
    for (let k = 1; s.length < n; k++) s += `${'`'.repeat(k)} `;
    return s;
  },
  'link definitions and references': (n) => {
    let s = '';
    for (let k = 0; s.length < n; k++) s += `[d${k}]: /u${k}\n[d${k}] `;
    return s;
  },
  'ordinary paragraphs': (n) => 'Some *text* with a [link](x) and `code`.\n\n'.repeat(Math.ceil(n / 44)),
};

export function markdownBlocks(shape: string, total: number, block = 16_384): string {
  const one = MARKDOWN_SHAPES[shape]!(block).replace(/\n+$/u, '');
  const n = Math.max(1, Math.floor(total / (one.length + 2)));
  return `${Array.from({ length: n }, () => one).join('\n\n')}\n`;
}
