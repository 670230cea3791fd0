import { LANGS } from '../../../../shared/languages.js';
import type { Lang } from '../../../../shared/languages.js';
import type { GlossaryTermBody, GlossaryTermDto } from '../../../../shared/protocol/aids.js';

/** A term as the form edits it: every language as a string (empty = none), forbidden variants as rows. */
export interface TermDraft {
  texts: Record<Lang, string>;
  note: string;
  forbidden: { lang: Lang; text: string }[];
}

export function emptyDraft(): TermDraft {
  return { texts: { en: '', zh: '', ru: '', kk: '', uz: '' }, note: '', forbidden: [] };
}

export function draftOf(term: GlossaryTermDto): TermDraft {
  const texts = emptyDraft().texts;
  for (const l of LANGS) texts[l] = term[l] ?? '';
  return { texts, note: term.note ?? '', forbidden: (term.forbidden ?? []).map((f) => ({ ...f })) };
}

/**
 * The request body for a draft: blank renderings, a blank note and blank
 * forbidden rows are left out (the server would refuse empty strings), and a
 * forbidden variant given twice is sent once. Null when no language has a
 * rendering (the server's rule: a term needs at least one).
 */
export function bodyOf(draft: TermDraft): GlossaryTermBody | null {
  const body: GlossaryTermBody = {};
  for (const l of LANGS) {
    const text = draft.texts[l].trim();
    if (text) body[l] = text;
  }
  if (!LANGS.some((l) => body[l] !== undefined)) return null;
  const note = draft.note.trim();
  if (note) body.note = note;
  const seen = new Set<string>();
  const forbidden = draft.forbidden
    .map((f) => ({ lang: f.lang, text: f.text.trim() }))
    .filter((f) => f.text !== '' && !seen.has(`${f.lang}\u0000${f.text}`) && seen.add(`${f.lang}\u0000${f.text}`));
  if (forbidden.length) body.forbidden = forbidden;
  return body;
}

/**
 * Terms matching a search, in a stable order (by the first rendering, in the
 * English-then-other-languages column order): the query is matched, without
 * regard to case, against every rendering, the note and the forbidden variants.
 */
export function searchTerms(terms: readonly GlossaryTermDto[], query: string): GlossaryTermDto[] {
  const q = query.trim().toLocaleLowerCase();
  const hay = (t: GlossaryTermDto): string[] => [...LANGS.map((l) => t[l] ?? ''), t.note ?? '', ...(t.forbidden ?? []).map((f) => f.text)];
  const found = q === '' ? [...terms] : terms.filter((t) => hay(t).some((s) => s.toLocaleLowerCase().includes(q)));
  const key = (t: GlossaryTermDto): string => LANGS.map((l) => t[l] ?? '').find((s) => s !== '') ?? '';
  return found.sort((a, b) => key(a).localeCompare(key(b)) || a.id.localeCompare(b.id));
}
