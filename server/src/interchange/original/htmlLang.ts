import type { Edit } from './rebuild.js';

const HTML_START = /<html(?=[\s>/])[^>]*>/giu;
const LANG_ATTR = /(\s)((?:xml:)?lang)(\s*=\s*)("[^"]*"|'[^']*'|[^\s"'>]+)/giu;

/**
 * The edits that make a page say it is in `tag` (BCP 47): the `lang` and
 * `xml:lang` values of its `<html>` start tag, or a `lang` attribute added
 * when it has none. A translated page that still said `lang="en"` would be
 * read aloud, hyphenated and indexed as English. Nothing when there is no
 * `<html>` tag (a fragment) — outside comments, which may quote one.
 */
export function htmlLangEdits(html: string, tag: string): Edit[] {
  for (const m of html.matchAll(HTML_START)) {
    const at = m.index;
    if (html.lastIndexOf('<!--', at) > html.lastIndexOf('-->', at)) continue;
    const edits: Edit[] = [];
    for (const a of m[0].matchAll(LANG_ATTR)) {
      const value = a[4]!;
      const quoted = value.startsWith('"') || value.startsWith("'");
      const start = at + a.index + a[1]!.length + a[2]!.length + a[3]!.length + (quoted ? 1 : 0);
      edits.push({ start, end: start + value.length - (quoted ? 2 : 0), text: tag });
    }
    if (edits.length === 0) edits.push({ start: at + '<html'.length, end: at + '<html'.length, text: ` lang="${tag}"` });
    return edits;
  }
  return [];
}
