import { po } from 'gettext-parser';
import type { GetTextTranslation } from 'gettext-parser';

/**
 * A PO file as a list of entries by line, so that the importer and the
 * original-file export (po/original.ts) count the same messages in the same
 * order, and the export can rewrite one entry's flags and msgstr lines while
 * every other line stays as it was.
 *
 * An entry is a run of lines that are not blank; a comment, msgctxt or msgid
 * line after a msgstr (or its continuation lines) starts the next one, so two
 * entries with no blank line between are still two. Obsolete (`#~`) entries
 * and comment-only runs are entries too, with no message.
 */
export interface PoEntry {
  /** Lines [start, end) of the file (split at line ends, `\r` dropped). */
  start: number;
  end: number;
  /** What gettext-parser reads in the entry: null for a comment-only or obsolete entry. */
  message: GetTextTranslation | null;
  /** The header entry (msgid "" without msgctxt). */
  header: boolean;
}

export interface PoLines {
  lines: string[];
  /** The file's line end, kept for the lines an export writes. */
  eol: '\n' | '\r\n';
  entries: PoEntry[];
}

const STARTS_ENTRY = /^(#|\s*(msgctxt|msgid)\b)/u;
const MSGSTR = /^\s*msgstr\b/u;

/** Throws what gettext-parser throws on an entry it cannot read. */
export function poLines(text: string): PoLines {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split(/\r?\n/u);
  const eol = /\r\n/u.test(body) ? '\r\n' : '\n';
  const spans: { start: number; end: number }[] = [];
  let open: { start: number; sawStr: boolean } | null = null;
  const close = (at: number): void => {
    if (open) spans.push({ start: open.start, end: at });
    open = null;
  };
  lines.forEach((line, i) => {
    if (line.trim() === '') return close(i);
    if (open?.sawStr && STARTS_ENTRY.test(line)) close(i);
    open ??= { start: i, sawStr: false };
    if (MSGSTR.test(line)) open.sawStr = true;
  });
  close(lines.length);
  const entries = spans.map(({ start, end }): PoEntry => {
    const table = po.parse(lines.slice(start, end).join('\n'));
    let message: GetTextTranslation | null = null;
    for (const byId of Object.values(table.translations)) for (const m of Object.values(byId)) message ??= m;
    const header = message !== null && message.msgid === '' && !message.msgctxt;
    return { start, end, message, header };
  });
  return { lines, eol, entries };
}

/** How many units (paragraphs) a message makes: one, or one per msgstr[n] of a plural entry. */
export function formsOf(m: GetTextTranslation): number {
  return m.msgid_plural === undefined ? 1 : Math.max(1, m.msgstr.length);
}

/** The header's `Key: value` lines, in order. */
export function headerFields(msgstr: string): [string, string][] {
  return msgstr.split('\n').flatMap((line): [string, string][] => {
    const at = line.indexOf(':');
    return at > 0 ? [[line.slice(0, at).trim(), line.slice(at + 1).trim()]] : [];
  });
}
