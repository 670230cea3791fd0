/**
 * Cleaning of imported text: NFC, and removal of characters nobody can see
 * but that break search, matching, QA checks and alignment (a zero-width space
 * inside a word makes it a different word to every tool). Pure, shared so the
 * browser could show the same report.
 *
 * Kept on purpose: tab and line feed (paragraph text may hold line breaks),
 * ZWJ/ZWNJ (U+200D/U+200C: emoji sequences and some scripts need them, and they
 * are meaningful when present), no-break spaces (typography, e.g. French or
 * Russian numbers).
 */
export const JUNK_KINDS = ['bom', 'zero_width', 'soft_hyphen', 'bidi', 'control'] as const;
export type JunkKind = (typeof JUNK_KINDS)[number];
export type JunkCounts = Partial<Record<JunkKind, number>>;

function kindOf(cp: number): JunkKind | null {
  if (cp === 0xfeff) return 'bom';
  if (cp === 0x200b || cp === 0x2060 || cp === 0x180e) return 'zero_width';
  if (cp === 0x00ad) return 'soft_hyphen';
  if (cp === 0x200e || cp === 0x200f || cp === 0x061c || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) return 'bidi';
  // C0 except tab, LF, CR (CR is normalised by the paragraph splitter), DEL, C1.
  if ((cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) || (cp >= 0x7f && cp <= 0x9f)) return 'control';
  return null;
}

const JUNK_RE =
  /[\uFEFF\u200B\u2060\u180E\u00AD\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/gu;

export interface CleanedText {
  text: string;
  removed: JunkCounts;
}

export function cleanText(input: string, into: JunkCounts = {}): CleanedText {
  const text = input.replace(JUNK_RE, (ch) => {
    const kind = kindOf(ch.codePointAt(0) ?? 0);
    if (kind) into[kind] = (into[kind] ?? 0) + 1;
    return '';
  });
  // NFC after removal: a soft hyphen between a letter and its combining mark would otherwise block composition.
  return { text: text.normalize('NFC'), removed: into };
}

/** Cleans each paragraph, drops those left empty, and sums what was removed. */
export function cleanParagraphs(paragraphs: readonly string[]): { paragraphs: string[]; removed: JunkCounts } {
  const removed: JunkCounts = {};
  const out: string[] = [];
  for (const p of paragraphs) {
    const t = cleanText(p, removed).text.trim();
    if (t !== '') out.push(t);
  }
  return { paragraphs: out, removed };
}

export function totalRemoved(removed: JunkCounts): number {
  return Object.values(removed).reduce((a, b) => a + (b ?? 0), 0);
}
