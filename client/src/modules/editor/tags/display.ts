import { displayTag, tagKey, tagString, tagsOf, TAG_RE, tagOf } from '../../../../../shared/inline/index.js';
import type { Tag } from '../../../../../shared/inline/index.js';

/**
 * Inline codes in the editor. A cell stores each tag as one private-use code
 * point (shared/inline); a textarea shows it as a token a person can read —
 * ⟨1⟩ opening, ⟨/1⟩ closing, ⟨1/⟩ standalone. These functions map between
 * the two and tell where the tokens are, so that an edit can move a token
 * whole but never cut into one (useTagGuard).
 */
const TOKEN_RE = /⟨(\/?)(\d{1,5})(\/?)⟩/gu;

function tokenTag(slash: string, id: string, end: string): Tag | null {
  if (slash && end) return null;
  const n = Number(id);
  if (!Number.isInteger(n) || n < 1) return null;
  return { kind: slash ? 'close' : end ? 'standalone' : 'open', id: n };
}

export function toDisplay(text: string): string {
  return text.replace(TAG_RE, (ch) => {
    const tag = tagOf(ch.codePointAt(0) ?? 0);
    return tag ? displayTag(tag) : ch;
  });
}

/** The tags a cell may hold: its source's and its own. A token naming any other stays text. */
export function allowedTags(...texts: readonly string[]): ReadonlySet<string> {
  return new Set(texts.flatMap((t) => tagsOf(t).map(tagKey)));
}

export function fromDisplay(shown: string, allowed: ReadonlySet<string>): string {
  if (allowed.size === 0) return shown;
  return shown.replace(TOKEN_RE, (whole, slash: string, id: string, end: string) => {
    const tag = tokenTag(slash, id, end);
    return tag && allowed.has(tagKey(tag)) ? tagString(tag) : whole;
  });
}

export interface TokenSpan {
  start: number;
  end: number;
  tag: Tag;
}

export function tokenSpans(shown: string, allowed: ReadonlySet<string>): TokenSpan[] {
  if (allowed.size === 0) return [];
  const out: TokenSpan[] = [];
  for (const m of shown.matchAll(TOKEN_RE)) {
    const tag = tokenTag(m[1] ?? '', m[2] ?? '', m[3] ?? '');
    if (tag && allowed.has(tagKey(tag))) out.push({ start: m.index, end: m.index + m[0].length, tag });
  }
  return out;
}

/** A range grown so that it cuts no token: any token it enters is taken whole. */
export function wholeTokens(spans: readonly TokenSpan[], start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  for (const t of spans) {
    if (t.start < s && s < t.end) s = t.start;
    if (t.start < e && e < t.end) e = t.end;
  }
  return { start: s, end: e };
}

/** A caret inside a token moves to the token's nearer edge (its end when typing). */
export function outsideToken(spans: readonly TokenSpan[], at: number, prefer: 'end' | 'nearest' = 'nearest'): number {
  const t = spans.find((x) => x.start < at && at < x.end);
  if (!t) return at;
  if (prefer === 'end') return t.end;
  return at - t.start <= t.end - at ? t.start : t.end;
}
