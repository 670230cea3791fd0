import type { GetTextTranslation } from 'gettext-parser';
import type { Lang } from '../../../../shared/index.js';
import type { Skeleton, Slot } from '../original/types.js';
import { decodeText } from '../sources/decode.js';
import { formsOf, headerFields, poLines } from './entries.js';
import { PLURAL_FORMS } from './export.js';

/**
 * The round trip of a gettext PO (or POT) file (docs/interchange.md, "The
 * original file"): the document has a paragraph per message, or per plural
 * form (po/parse.ts); the export writes the same file with msgstr filled in
 * one language. Every line outside a message's flags and msgstr lines stays
 * as it was — comments, references, msgctxt, msgid, msgid_plural, order,
 * obsolete (`#~`) entries. The header says the new language: Language,
 * Plural-Forms, PO-Revision-Date, a UTF-8 charset (a template's CHARSET), and
 * loses the template's `#, fuzzy`.
 */

/** gettext's locale names for Anor's languages (Language: header). */
export const GETTEXT_LANG: Record<Lang, string> = { en: 'en', zh: 'zh_CN', ru: 'ru', kk: 'kk', uz: 'uz' };

/** A paragraph's translation for the export: '' when it has none; `approved` false writes `#, fuzzy`. */
export interface PoCell {
  text: string;
  approved: boolean;
}

const MSGSTR = /^\s*msgstr\b/u;

/** The skeleton of a PO file: a slot per message, or per plural form, in the order po/parse.ts makes units. */
export function poSkeleton(text: string): Skeleton {
  const slots: Slot[] = [];
  poLines(text).entries.forEach((e, entry) => {
    if (!e.message || e.header) return;
    for (let form = 0; form < formsOf(e.message); form++) {
      slots.push({
        part: 0,
        start: e.start,
        end: e.end,
        prefix: '',
        suffix: '',
        text: form === 0 ? e.message.msgid : (e.message.msgid_plural ?? e.message.msgid),
        tags: {},
        mode: { kind: 'po', entry, form },
      });
    }
  });
  return { format: 'po', parts: [''], charset: null, fixed: [], slots };
}

/**
 * The file with slot i's msgstr from `cells[i]` (null: the paragraph was
 * deleted, the msgstr is empty). A plural message gets as many msgstr[n] as
 * the language's Plural-Forms names: form n from its own paragraph, and the
 * forms the file had no paragraph for from the last one it had (a template's
 * two forms exported for Russian: msgstr[2] repeats msgstr[1]). A message
 * with some forms untranslated, or any form not approved, is `#, fuzzy`.
 */
export function rebuildPo(bytes: Buffer, skeleton: Skeleton, cells: readonly (PoCell | null)[], lang: Lang, date: Date): Buffer {
  const { lines, eol, entries } = poLines(decodeText(bytes));
  const forms = new Map<number, (PoCell | null)[]>();
  skeleton.slots.forEach((s, i) => {
    if (s.mode.kind !== 'po') return;
    const list = forms.get(s.mode.entry) ?? [];
    list[s.mode.form] = cells[i] ?? null;
    forms.set(s.mode.entry, list);
  });
  const out: string[] = [];
  if (!entries.some((e) => e.header)) out.push(...rewriteHeader(['msgid ""', 'msgstr ""'], '', lang, date), '');
  let at = 0;
  entries.forEach((e, j) => {
    out.push(...lines.slice(at, e.start));
    at = e.end;
    const own = lines.slice(e.start, e.end);
    const list = forms.get(j);
    if (e.header && e.message) out.push(...rewriteHeader(own, e.message.msgstr[0] ?? '', lang, date));
    else if (e.message && list) out.push(...rewriteMessage(own, e.message, list, lang));
    else out.push(...own);
  });
  out.push(...lines.slice(at));
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(out.join(eol), 'utf8')]);
}

function nplurals(lang: Lang): number {
  return Number(/nplurals\s*=\s*(\d+)/u.exec(PLURAL_FORMS[lang])?.[1] ?? '2');
}

function rewriteMessage(own: string[], m: GetTextTranslation, present: readonly (PoCell | null)[], lang: Lang): string[] {
  const kw = own.findIndex((l) => !l.startsWith('#'));
  const str = own.findIndex((l) => MSGSTR.test(l));
  if (kw < 0 || str < kw) return own;
  const plural = m.msgid_plural !== undefined;
  const cells = Array.from({ length: plural ? nplurals(lang) : 1 }, (_, k) => present[Math.min(k, present.length - 1)] ?? null);
  const texts = cells.map((c) => (c && c.text !== '' ? fitLineEnds(m.msgid, c.text) : ''));
  const some = texts.some((t) => t !== '');
  const fuzzy = some && (texts.some((t) => t === '') || cells.some((c) => c !== null && c.text !== '' && !c.approved));
  const msgstr = plural ? texts.flatMap((t, k) => poString(`msgstr[${k}]`, t)) : poString('msgstr', texts[0] ?? '');
  return [...withFuzzy(own.slice(0, kw), fuzzy), ...own.slice(kw, str), ...msgstr];
}

function rewriteHeader(own: string[], msgstr: string, lang: Lang, date: Date): string[] {
  const kw = own.findIndex((l) => !l.startsWith('#'));
  const str = own.findIndex((l) => MSGSTR.test(l));
  if (kw < 0 || str < kw) return own;
  const fields = headerFields(msgstr);
  const set = (key: string, value: string): void => {
    const f = fields.find(([k]) => k.toLowerCase() === key.toLowerCase());
    if (f) f[1] = value;
    else fields.push([key, value]);
  };
  set('PO-Revision-Date', date.toISOString().replace('T', ' ').slice(0, 16) + '+0000');
  set('Language', GETTEXT_LANG[lang]);
  const type = fields.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';
  if (!/charset=(?!CHARSET)/iu.test(type)) set('Content-Type', 'text/plain; charset=UTF-8');
  set('Plural-Forms', PLURAL_FORMS[lang]);
  return [
    ...withFuzzy(own.slice(0, kw), false),
    ...own.slice(kw, str),
    'msgstr ""',
    ...fields.map(([k, v]) => `"${escape(`${k}: ${v}\n`)}"`),
  ];
}

/** The comment lines with `fuzzy` added to or taken from the `#,` flags; unchanged lines when it already is so. */
function withFuzzy(comments: string[], fuzzy: boolean): string[] {
  const at = comments.findIndex((l) => l.startsWith('#,'));
  const flags =
    at < 0
      ? []
      : comments[at]!.slice(2)
          .split(',')
          .map((f) => f.trim())
          .filter(Boolean);
  if (flags.includes('fuzzy') === fuzzy) return comments;
  const rest = flags.filter((f) => f !== 'fuzzy');
  const line = fuzzy ? `#, ${['fuzzy', ...rest].join(', ')}` : rest.length > 0 ? `#, ${rest.join(', ')}` : null;
  if (at >= 0) return [...comments.slice(0, at), ...(line === null ? [] : [line]), ...comments.slice(at + 1)];
  // gettext's order: translator, extracted, reference comments, flags, then previous-msgid (#|) lines.
  const before = comments.findIndex((l) => l.startsWith('#|'));
  const i = before < 0 ? comments.length : before;
  return [...comments.slice(0, i), line!, ...comments.slice(i)];
}

/** msgfmt --check wants msgstr to begin and end with a line feed exactly when msgid does. */
function fitLineEnds(msgid: string, text: string): string {
  let t = text;
  if (msgid.endsWith('\n') && !t.endsWith('\n')) t += '\n';
  if (!msgid.endsWith('\n')) t = t.replace(/\n+$/u, '');
  if (msgid.startsWith('\n') && !t.startsWith('\n')) t = '\n' + t;
  if (!msgid.startsWith('\n')) t = t.replace(/^\n+/u, '');
  return t;
}

function escape(s: string): string {
  return s.replace(/\\/gu, '\\\\').replace(/"/gu, '\\"').replace(/\t/gu, '\\t').replace(/\r/gu, '\\r').replace(/\n/gu, '\\n');
}

/** A keyword and its string, split after each line feed inside it as xgettext writes them. */
function poString(keyword: string, text: string): string[] {
  if (!text.slice(0, -1).includes('\n')) return [`${keyword} "${escape(text)}"`];
  return [`${keyword} ""`, ...text.split(/(?<=\n)/u).map((p) => `"${escape(p)}"`)];
}
