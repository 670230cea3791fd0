/**
 * Escaping for the XML Anor writes. Cell text is arbitrary Unicode; XML 1.0
 * cannot carry most C0 controls, lone surrogates or U+FFFE/U+FFFF at all.
 */

const NOT_XML_CHAR =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

/**
 * A literal CR would reach the reader as LF (XML end-of-line handling), so it goes
 * as a reference. So do NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR: XML 1.1
 * parsers (and @xmldom/xmldom, whatever the version) fold them into LF too, and
 * character references are exempt from that folding.
 */
export function escapeText(s: string): string {
  return s
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/[\r\u0085\u2028\u2029]/gu, (c) => `&#${c.charCodeAt(0)};`);
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/gu, '&quot;').replace(/\n/gu, '&#10;').replace(/\t/gu, '&#9;');
}

/**
 * Text for formats without an escape for XML-invalid characters (XLIFF 1.2, TMX):
 * such characters become U+FFFD, so the file stays well-formed; this is lossy,
 * and only control characters no translator types are affected.
 */
export function escapeTextLossy(s: string): string {
  return escapeText(s.replace(NOT_XML_CHAR, '\uFFFD'));
}

const LONE_SURROGATE = /\p{Cs}/gu;

/**
 * XLIFF 2 text: XML-invalid characters are kept, as <cp hex="…"/> (core §4.2.2.1).
 * A lone surrogate is no character: Anor refuses them on input, and one in
 * data stored before that is written as U+FFFD, as every other export does.
 */
export function escapeTextWithCp(text: string): string {
  const s = text.replace(LONE_SURROGATE, '\uFFFD');
  let out = '';
  let last = 0;
  for (const m of s.matchAll(NOT_XML_CHAR)) {
    out += escapeText(s.slice(last, m.index));
    out += `<cp hex="${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}"/>`;
    last = m.index + m[0].length;
  }
  return out + escapeText(s.slice(last));
}
