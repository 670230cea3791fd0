import { MAX_UPLOAD_BYTES } from '../../shared/interchange/formats.js';

/**
 * The work one imported file may cost, for every import path (the upload
 * routes and `anor import`/`anor validate`). The byte limit is the one knob an
 * operator turns (`ANOR_MAX_IMPORT_BYTES`); the structural bounds below keep
 * the time and memory a file of that size can cost near linear in its size,
 * whatever its shape. Refusals name the bound (`limits.*` rules).
 */
export const DEFAULT_MAX_IMPORT_BYTES = MAX_UPLOAD_BYTES;

/**
 * Deepest element nesting an XML file (XLIFF, TMX, the parts of a DOCX) may
 * have. Real files stay under 30 (XLIFF groups and inline codes included).
 */
export const MAX_XML_DEPTH = 256;
/**
 * Most elements one XML file may have. xmldom's tree costs ~1.5 KB and
 * ~9 µs per element here (measured on this 2-core VM): 300,000 elements is
 * ~450 MB and ~2.5 s at worst, and holds a 16 MB XLIFF of 20,000 paragraphs
 * (Anor's own export: ~4 elements each) or a TMX of 60,000 units.
 */
export const MAX_XML_ELEMENTS = 300_000;
/**
 * Deepest HTML nesting (Blink's HTML parser stops nesting at 512, too).
 * htmlparser2 keeps open elements in an array it shifts at the front, so
 * without this bound a deeply nested page costs quadratic time.
 */
export const MAX_HTML_DEPTH = 512;
/** Most elements in one DOCX's XML parts together (mammoth holds them all as a tree). */
export const MAX_DOCX_ELEMENTS = 2_000_000;

export class LimitError extends Error {
  constructor(
    readonly rule: string,
    message: string,
  ) {
    super(message);
    this.name = 'LimitError';
  }
}
