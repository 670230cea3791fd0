import { closeTag, openTag, pieces, standaloneTag, tagKey, tagString, tagsOf } from './codes.js';
import type { Tag } from './codes.js';

export type TagProblemKind = 'missing' | 'extra' | 'duplicate' | 'nesting';
export interface TagProblem {
  kind: TagProblemKind;
  tag: Tag;
}

/**
 * How a target's tags differ from its source's: every tag of the source must
 * be there exactly once (`missing`, `duplicate`), no other tag (`extra`), and
 * pairs well nested — each closing tag closes the innermost open one, and
 * every opening tag is closed (`nesting`). Pure; the QA check and the exports
 * (which repair before rebuilding a file) share it.
 */
export function tagProblems(source: string, target: string): TagProblem[] {
  const want = new Map<string, Tag>();
  for (const t of tagsOf(source)) want.set(tagKey(t), t);
  const seen = new Map<string, number>();
  const out: TagProblem[] = [];
  for (const t of tagsOf(target)) {
    const k = tagKey(t);
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    if (!want.has(k)) {
      if (n === 1) out.push({ kind: 'extra', tag: t });
    } else if (n === 2) out.push({ kind: 'duplicate', tag: t });
  }
  for (const [k, t] of want) if (!seen.has(k)) out.push({ kind: 'missing', tag: t });
  for (const t of nestingFaults(target)) out.push({ kind: 'nesting', tag: t });
  return out;
}

/** Tags that break the nesting: a close that is not the innermost open's, an open never closed. */
function nestingFaults(text: string): Tag[] {
  const stack: number[] = [];
  const out: Tag[] = [];
  for (const t of tagsOf(text)) {
    if (t.kind === 'open') stack.push(t.id);
    else if (t.kind === 'close') {
      if (stack[stack.length - 1] === t.id) stack.pop();
      else out.push(t);
    }
  }
  for (const id of stack) out.push({ kind: 'open', id });
  return out;
}

/**
 * A target made fit to rebuild a file from: tags the source lacks and second
 * copies dropped; both tags of any pair that is unclosed, crossed or reversed
 * dropped (the words stay, the formatting goes); standalone tags of the source
 * that went missing (a footnote reference, an image) appended at the end, so
 * rebuilding never loses content. `repaired` says whether anything changed.
 */
export function repairTags(source: string, target: string): { text: string; repaired: boolean } {
  const want = new Set(tagsOf(source).map(tagKey));
  const seen = new Set<string>();
  let parts = pieces(target).filter((p) => {
    if ('text' in p) return true;
    const k = tagKey(p.tag);
    if (!want.has(k) || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  // Drop pairs until the nesting holds; each round removes one pair, so it ends.
  for (;;) {
    const faults = nestingFaults(parts.map((p) => ('text' in p ? p.text : tagString(p.tag))).join(''));
    const bad = faults[0];
    if (!bad) break;
    parts = parts.filter((p) => 'text' in p || p.tag.kind === 'standalone' || p.tag.id !== bad.id);
  }
  let text = parts.map((p) => ('text' in p ? p.text : tagString(p.tag))).join('');
  for (const t of tagsOf(source)) if (t.kind === 'standalone' && !seen.has(tagKey(t))) text += standaloneTag(t.id);
  return { text, repaired: text !== target };
}

/** Opening and closing tags wrapped around a text, for tests and tools. */
export const wrap = (id: number, text: string): string => `${openTag(id)}${text}${closeTag(id)}`;
