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
 * Text for places that take no markup (a note, a property): XML-invalid
 * characters become U+FFFD, so the file stays well-formed. Cell text never
 * goes this way: see escapeTextWithCodes.
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
  return escapeTextWithCodes(text, (hex) => `<cp hex="${hex}"/>`);
}

/**
 * Text with every XML-invalid character (C0 controls but tab/LF/CR,
 * U+FFFE/U+FFFF) written as the markup `code` gives for its hex code: XLIFF 2
 * has <cp>; XLIFF 1.2 and TMX have no such element, so they carry it as a
 * placeholder whose type names the character (CONTROL_CODE_PREFIX), which
 * Anor's importers turn back into it and other tools keep as a code. A lone
 * surrogate is not a character at all: it becomes U+FFFD first.
 */
export function escapeTextWithCodes(text: string, code: (hex: string, n: number) => string): string {
  const s = text.replace(LONE_SURROGATE, '\uFFFD');
  let out = '';
  let last = 0;
  let n = 0;
  for (const m of s.matchAll(NOT_XML_CHAR)) {
    out += escapeText(s.slice(last, m.index));
    out += code(m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0'), ++n);
    last = m.index + m[0].length;
  }
  return out + escapeText(s.slice(last));
}

/** The placeholder type (XLIFF 1.2 ctype, TMX ph type) that carries a character XML cannot: `x-cp-0007`. */
export const CONTROL_CODE_PREFIX = 'x-cp-';

/**
 * XLIFF 1.2: `<x id="cp1" ctype="x-cp-0007"/>`. One escaper per source or
 * target, called for each stretch of text between inline codes, so the ids
 * stay unique within the element.
 */
export function escaperXliff12(): (s: string) => string {
  let n = 0;
  return (s) => escapeTextWithCodes(s, (hex) => `<x id="cp${++n}" ctype="${CONTROL_CODE_PREFIX}${hex}"/>`);
}

/** TMX: `<ph type="x-cp-0007"/>` (an empty ph: no native code, the type says which character). */
export function escapeTextTmx(s: string): string {
  return escapeTextWithCodes(s, (hex, n) => `<ph x="${n}" type="${CONTROL_CODE_PREFIX}${hex}"/>`);
}

/** The character a placeholder of type `x-cp-HHHH` stands for, or undefined for any other type. */
export function controlFromCode(type: string | undefined): string | undefined {
  const m = type ? /^x-cp-([0-9A-Fa-f]{4})$/u.exec(type) : null;
  if (!m) return undefined;
  const code = Number.parseInt(m[1]!, 16);
  // Half a UTF-16 pair is no character (Anor refuses them on input): as every export writes it, U+FFFD.
  return code >= 0xd800 && code <= 0xdfff ? '\uFFFD' : String.fromCharCode(code);
}
