import type { GetTextTranslation } from 'gettext-parser';
import type { ParseOutcome } from '../problems.js';
import type { ParsedXliff, XliffUnit } from '../units.js';
import { formsOf, headerFields, poLines } from './entries.js';

/**
 * Gettext PO read into the importer's unit shape (gettext-parser does the
 * syntax). One unit per entry, or per plural form of a plural entry: form 0
 * has the msgid as its source, the others the msgid_plural, and there are as
 * many forms as the entry has msgstr[n] — the file's own plural rules, which
 * Anor neither checks nor rewrites (translate-toolkit's po2xliff makes the same
 * units, ids suffixed `[n]`). A unit's id is its msgctxt (Anor's export puts
 * the paragraph id there), else its first `#:` reference, else its position;
 * references and msgctxt are kept as `refs` for matching. Translator (`#`) and
 * extracted (`#.`) comments are its notes (on form 0 of a plural entry), after
 * the msgctxt unless that only repeats the reference (`msgctxt: menu`). A
 * fuzzy entry is a draft; a translated, not fuzzy one is final (approved,
 * where the importer may approve); obsolete (`#~`) entries and the header are not units.
 *
 * gettext-parser returns entries grouped by msgctxt, which loses their order
 * across contexts, so the file is parsed entry by entry (poLines, the same
 * entries the original-file export rewrites) to keep document order.
 */
export function parsePo(text: string): ParseOutcome<ParsedXliff> {
  const units: XliffUnit[] = [];
  let headers: Record<string, string> = {};
  let position = 0;
  try {
    for (const { message, header } of poLines(text).entries) {
      if (!message) continue;
      if (header) {
        if (Object.keys(headers).length === 0) headers = Object.fromEntries(headerFields(message.msgstr[0] ?? ''));
        continue;
      }
      position++;
      units.push(...entryUnits(message, position));
    }
  } catch (err) {
    return {
      ok: false,
      problems: [{ rule: 'po.syntax', message: `not a readable PO file: ${err instanceof Error ? err.message : String(err)}` }],
    };
  }
  if (units.length === 0) return { ok: false, problems: [{ rule: 'po.empty', message: 'the PO file has no messages' }] };
  return {
    ok: true,
    value: {
      version: 'po',
      srcLang: headers['X-Source-Language'] ?? '',
      trgLang: headers.Language?.trim() || null,
      units,
      title: headers['X-Anor-Title'] ?? null,
    },
  };
}

function entryUnits(entry: GetTextTranslation, position: number): XliffUnit[] {
  const refs = (entry.comments?.reference ?? '')
    .split(/\s+/u)
    .filter(Boolean)
    .map((r) => r.replace(/:\d+$/u, ''));
  // A msgctxt is what tells two equal msgids apart ("Open" a file, "Open" a door): the translator needs it,
  // unless it only repeats the entry's reference, as Anor's export and xliff2po write a paragraph id.
  const context = entry.msgctxt && !refs.includes(entry.msgctxt) ? `msgctxt: ${entry.msgctxt}` : undefined;
  if (entry.msgctxt) refs.unshift(entry.msgctxt);
  const id = refs[0] ?? String(position);
  const notes = [context, entry.comments?.translator, entry.comments?.extracted].filter((n): n is string => !!n && n.trim() !== '');
  const fuzzy = (entry.comments?.flag ?? '').split(/[,\s]+/u).includes('fuzzy');
  const forms = formsOf(entry);
  const out: XliffUnit[] = [];
  for (let k = 0; k < forms; k++) {
    const target = entry.msgstr[k] ?? '';
    out.push({
      id: forms === 1 ? id : `${id}[${k}]`,
      source: k === 0 ? entry.msgid : (entry.msgid_plural ?? entry.msgid),
      target: target === '' ? null : target,
      state: target === '' ? 'initial' : fuzzy ? 'translated' : 'final',
      detail: fuzzy ? 'fuzzy' : null,
      refs: forms === 1 ? refs : refs.map((r) => `${r}[${k}]`),
      // Once per entry: the forms of a plural entry are one note's paragraphs.
      notes: k === 0 ? notes : [],
    });
  }
  return out;
}

/** Whether a file is gettext PO rather than XML: by its name, else by its first line that is not a comment. */
export function looksLikePo(text: string, name?: string): boolean {
  if (name && /\.pot?$/iu.test(name)) return true;
  const first = text
    .replace(/^\uFEFF/u, '')
    .split('\n')
    .find((l) => l.trim() !== '' && !l.startsWith('#'));
  return first !== undefined && /^\s*(msgctxt|msgid)\s+"/u.test(first);
}
