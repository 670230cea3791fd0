import { pieces, tagKey } from '../../../../shared/inline/index.js';
import type { Tag } from '../../../../shared/inline/index.js';

/**
 * A cell's tags as XLIFF inline codes. Id = the tag's number, the same in
 * source and target, so a tool pairs them and Anor maps them back.
 * - a pair well nested in its text → XLIFF 2 `<pc id="n">…</pc>` / 1.2 `<g id="n">…</g>`;
 * - a pair that crosses another → `<sc id="n"/>…<ec startRef="n"/>` / `<bx id="n" rid="n"/>…<ex id="n-end" rid="n"/>`;
 * - half a pair (the other half deleted) → XLIFF 2 `<sc>`/`<ec>` with isolated="yes" / 1.2 `<bx>`/`<ex>`;
 * - a standalone tag → `<ph id="n"/>` / `<x id="n"/>`.
 * A tag a translator doubled is written once (the QA check reports it):
 * inline ids must be unique in a unit.
 */
type Kind = 'pc' | 'sc' | 'isolated';

function classify(tags: readonly Tag[]): Map<number, Kind> {
  const kinds = new Map<number, Kind>();
  const closes = new Set(tags.filter((t) => t.kind === 'close').map((t) => t.id));
  const opens = new Set(tags.filter((t) => t.kind === 'open').map((t) => t.id));
  const stack: number[] = [];
  for (const t of tags) {
    if (t.kind === 'open') {
      if (!closes.has(t.id)) kinds.set(t.id, 'isolated');
      else stack.push(t.id);
    } else if (t.kind === 'close') {
      // Its opening was already made a start marker by a crossing pair: this is its end marker.
      if (kinds.get(t.id) === 'sc') continue;
      if (!opens.has(t.id) || !stack.includes(t.id)) {
        kinds.set(t.id, 'isolated');
        continue;
      }
      if (stack[stack.length - 1] === t.id) {
        stack.pop();
        if (!kinds.has(t.id)) kinds.set(t.id, 'pc');
      } else {
        // Crossing: this pair and every pair opened inside it become start/end markers.
        const at = stack.lastIndexOf(t.id);
        for (const id of stack.splice(at)) kinds.set(id, 'sc');
      }
    }
  }
  for (const id of stack) kinds.set(id, 'isolated');
  return kinds;
}

function render(text: string, escape: (s: string) => string, code: (tag: Tag, kind: Kind) => string): string {
  const parts = pieces(text);
  const seen = new Set<string>();
  const tags = parts.flatMap((p) => ('tag' in p ? [p.tag] : []));
  const unique = tags.filter((t) => !seen.has(tagKey(t)) && seen.add(tagKey(t)));
  const kinds = classify(unique);
  const written = new Set<string>();
  let out = '';
  for (const p of parts) {
    if ('text' in p) {
      out += escape(p.text);
      continue;
    }
    const k = tagKey(p.tag);
    if (written.has(k)) continue;
    written.add(k);
    out += code(p.tag, p.tag.kind === 'standalone' ? 'pc' : (kinds.get(p.tag.id) ?? 'isolated'));
  }
  return out;
}

export function toXliff2Inline(text: string, escape: (s: string) => string): string {
  return render(text, escape, (t, kind) => {
    if (t.kind === 'standalone') return `<ph id="${t.id}"/>`;
    if (kind === 'pc') return t.kind === 'open' ? `<pc id="${t.id}">` : '</pc>';
    if (kind === 'sc') return t.kind === 'open' ? `<sc id="${t.id}"/>` : `<ec startRef="${t.id}"/>`;
    return t.kind === 'open' ? `<sc id="${t.id}" isolated="yes"/>` : `<ec id="${t.id}" isolated="yes"/>`;
  });
}

export function toXliff12Inline(text: string, escape: (s: string) => string): string {
  return render(text, escape, (t, kind) => {
    if (t.kind === 'standalone') return `<x id="${t.id}"/>`;
    if (kind === 'pc') return t.kind === 'open' ? `<g id="${t.id}">` : '</g>';
    return t.kind === 'open' ? `<bx id="${t.id}" rid="${t.id}"/>` : `<ex id="${t.id}-end" rid="${t.id}"/>`;
  });
}
