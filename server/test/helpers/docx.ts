import { strToU8, zipSync } from 'fflate';

/**
 * A real, minimal DOCX built in memory (the parts Word itself needs:
 * content types, package relationships, the document, and styles so that
 * headings carry their names), for tests of the DOCX importer.
 */
export type DocxBlock = { heading: 1 | 2; text: string } | { text: string } | { xmlText: string };

function esc(s: string): string {
  return s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** `title`: the document property Word keeps in docProps/core.xml (File › Info › Title). */
export function buildDocx(blocks: readonly DocxBlock[], opts: { title?: string } = {}): Buffer {
  const body = blocks
    .map((b) => {
      const style = 'heading' in b ? `<w:pPr><w:pStyle w:val="Heading${b.heading}"/></w:pPr>` : '';
      // `xmlText` goes in as written: character references (`&#xD800;`) included.
      const text = 'xmlText' in b ? b.xmlText : esc(b.text);
      return `<w:p>${style}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
    })
    .join('');
  return zipFiles({
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    'word/_rels/document.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    'word/styles.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style></w:styles>`,
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`,
    ...(opts.title === undefined
      ? {}
      : {
          'docProps/core.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${esc(opts.title)}</dc:title></cp:coreProperties>`,
        }),
  });
}

export function zipFiles(files: Record<string, string | Uint8Array>): Buffer {
  const input: Record<string, Uint8Array> = {};
  for (const [name, content] of Object.entries(files)) input[name] = typeof content === 'string' ? strToU8(content) : content;
  return Buffer.from(zipSync(input, { level: 9 }));
}

/**
 * A zip bomb dressed as a DOCX: a valid package whose document part is
 * megabytes of one repeated character, compressing about 1000 to 1.
 */
export function buildDocxBomb(uncompressedBytes: number): Buffer {
  const filler = `<w:p><w:r><w:t>${'a'.repeat(uncompressedBytes)}</w:t></w:r></w:p>`;
  return zipFiles({
    '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    'word/document.xml': `<w:document xmlns:w="${W}"><w:body>${filler}</w:body></w:document>`,
  });
}
