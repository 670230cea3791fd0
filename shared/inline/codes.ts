/**
 * Inline codes in cell text: the bold, italics, links, footnote references
 * and other markup of an imported DOCX, HTML or Markdown paragraph, kept as
 * protected tags so a translator moves them with the words they belong to
 * and the original file can be rebuilt around the translation.
 *
 * One tag is ONE code point of Supplementary Private Use Area-A (plane 15):
 *   opening tag n  U+F0000 + n
 *   closing tag n  U+F4000 + n
 *   standalone n   U+F8000 + n        (n = 1 … MAX_TAG_ID)
 * Why a single code point and not a bracket syntax such as `{1}…{/1}`:
 * - the three-way merge of concurrent edits (shared/merge) works on graphemes,
 *   and a lone private-use code point is always a grapheme of its own (a
 *   combining mark typed after it may join its cluster, never split it), so no
 *   merge can leave half a tag behind; a bracket syntax is several graphemes
 *   that two editors could cut apart;
 * - ordinary text never needs escaping: a `{1}` or `<b>` a journalist writes
 *   stays text. Plane 15 and not the BMP private-use block because that block
 *   is in real use (icon fonts, GB 18030's rare Chinese characters);
 * - the text stays readable: stripTags() gives the plain text exactly (no
 *   escapes to undo), and the editor shows each tag as ⟨1⟩, ⟨/1⟩ or ⟨1/⟩.
 * What a tag stands for (the markup itself) is not in the cell: it lives in
 * the document's source file record (server), keyed by the tag's number.
 */
export const MAX_TAG_ID = 0x3fff;
const OPEN_BASE = 0xf0000;
const CLOSE_BASE = 0xf4000;
const STANDALONE_BASE = 0xf8000;
const END = STANDALONE_BASE + MAX_TAG_ID;

export type TagKind = 'open' | 'close' | 'standalone';
export interface Tag {
  kind: TagKind;
  id: number;
}

/** Matches one tag code point (a surrogate pair in UTF-16). */
export const TAG_RE = /[\u{F0001}-\u{FBFFF}]/gu;

function check(id: number): number {
  if (!Number.isInteger(id) || id < 1 || id > MAX_TAG_ID) throw new RangeError(`tag id ${id} out of range`);
  return id;
}

export const openTag = (id: number): string => String.fromCodePoint(OPEN_BASE + check(id));
export const closeTag = (id: number): string => String.fromCodePoint(CLOSE_BASE + check(id));
export const standaloneTag = (id: number): string => String.fromCodePoint(STANDALONE_BASE + check(id));

export function tagString(tag: Tag): string {
  return tag.kind === 'open' ? openTag(tag.id) : tag.kind === 'close' ? closeTag(tag.id) : standaloneTag(tag.id);
}

/** The tag a code point stands for, or null for any other character. */
export function tagOf(cp: number): Tag | null {
  if (cp <= OPEN_BASE || cp > END) return null;
  if (cp < CLOSE_BASE) return { kind: 'open', id: cp - OPEN_BASE };
  if (cp === CLOSE_BASE) return null;
  if (cp < STANDALONE_BASE) return { kind: 'close', id: cp - CLOSE_BASE };
  if (cp === STANDALONE_BASE) return null;
  return { kind: 'standalone', id: cp - STANDALONE_BASE };
}

export type Piece = { text: string } | { tag: Tag };

/** Text and tags in order; adjacent characters form one text piece. */
export function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  let last = 0;
  for (const m of text.matchAll(TAG_RE)) {
    const tag = tagOf(m[0].codePointAt(0) ?? 0);
    if (!tag) continue;
    if (m.index > last) out.push({ text: text.slice(last, m.index) });
    out.push({ tag });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}

export function hasTags(text: string): boolean {
  TAG_RE.lastIndex = 0;
  return TAG_RE.test(text);
}

/** The tags of a text, in order. */
export function tagsOf(text: string): Tag[] {
  const out: Tag[] = [];
  for (const p of pieces(text)) if ('tag' in p) out.push(p.tag);
  return out;
}

/** The plain text: what a reader, the translation memory and the text checks see. */
export function stripTags(text: string): string {
  return text.replace(TAG_RE, '');
}

export const tagKey = (tag: Tag): string => `${tag.kind === 'open' ? '' : tag.kind === 'close' ? '/' : '!'}${tag.id}`;

/** How a tag is shown to people (editor, QA messages, exports for reading): ⟨1⟩ opening, ⟨/1⟩ closing, ⟨1/⟩ standalone. */
export function displayTag(tag: Tag): string {
  return tag.kind === 'open' ? `⟨${tag.id}⟩` : tag.kind === 'close' ? `⟨/${tag.id}⟩` : `⟨${tag.id}/⟩`;
}
