import type { JunkCounts } from '../../../../shared/interchange/clean.js';
import { decodeText } from '../sources/decode.js';
import { extractDocx, partText } from './docx.js';
import { extractHtml } from './html.js';
import type { HtmlOptions } from './html.js';
import { decodeHtml } from './htmlCharset.js';
import { htmlLangEdits } from './htmlLang.js';
import { extractMarkdown } from './markdown.js';
import { partEdits, splice } from './rebuild.js';
import type { Extracted, OriginalFormat, Skeleton } from './types.js';
import { readZip, writeZip } from './zip.js';
import type { ZipEntry } from './zip.js';

export type { Extracted, OriginalFormat, Skeleton, Slot, TagData } from './types.js';
export type { HtmlOptions } from './html.js';
export { renderSlot } from './rebuild.js';

/**
 * The round trip of DOCX, HTML and Markdown files: extract paragraphs with a
 * skeleton on import, rebuild the file from the skeleton and the translated
 * paragraphs on export (docs/interchange.md, "The original file").
 */
export async function extractOriginal(
  bytes: Buffer,
  format: OriginalFormat,
  removed: JunkCounts,
  opts: HtmlOptions = {},
): Promise<Extracted> {
  if (format === 'docx') return extractDocx(await readZip(bytes), removed);
  if (format === 'md') return extractMarkdown(decodeText(bytes), removed);
  const decoded = decodeHtml(bytes);
  const out = extractHtml(decoded.text, removed, opts);
  out.skeleton.charset = decoded.charset;
  if (decoded.declared) out.skeleton.fixed.push({ part: 0, ...decoded.declared, text: 'utf-8' });
  return out;
}

/**
 * The original file with `texts[i]` (tags well nested, see repairTags) in
 * slot i's place; null keeps the slot's original bytes. Markdown and HTML
 * come back in the encoding they came in (UTF-8, or UTF-16 with its mark),
 * except a declared legacy charset, which becomes UTF-8 and says so; a page
 * given `langTag` says it in `<html lang>`.
 */
export async function rebuildOriginal(
  bytes: Buffer,
  skeleton: Skeleton,
  texts: readonly (string | null)[],
  /** HTML: the BCP 47 tag the page is now in, for its `<html lang>`; undefined leaves it. */
  langTag?: string,
): Promise<Buffer> {
  if (skeleton.format === 'docx') {
    const entries = await readZip(bytes);
    const entryOf = (part: number): ZipEntry | undefined => entries.find((e) => e.name === skeleton.parts[part]);
    const edits = partEdits(skeleton, texts, (part) => {
      const e = entryOf(part);
      return e ? partText(e) : '';
    });
    for (const [part, list] of edits) {
      const entry = entryOf(part);
      if (entry) entry.data = Buffer.from(splice(partText(entry), list), 'utf8');
    }
    return Buffer.from(writeZip(entries));
  }
  const text = skeleton.format === 'md' ? decodeText(bytes) : decodeHtml(bytes).text;
  const edits = partEdits(skeleton, texts, () => text).get(0) ?? [];
  const out = splice(text, skeleton.format === 'html' && langTag !== undefined ? [...edits, ...htmlLangEdits(text, langTag)] : edits);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(out, 'utf16le')]);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(out, 'utf16le').swap16()]);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(out, 'utf8')]);
}
