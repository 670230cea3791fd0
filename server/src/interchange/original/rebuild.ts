import { pieces, stripTags } from '../../../../shared/inline/index.js';
import { runXml } from './docxRuns.js';
import { escapeMarkdown } from './markdown.js';
import type { Skeleton, Slot, TagData } from './types.js';

/**
 * Writing a translation back into its slot: text escaped for the format,
 * each tag replaced by the markup it stands for. The text must carry the
 * slot's tags well nested (repairTags); a tag the slot does not know is dropped.
 */
export function renderSlot(slot: Slot, text: string, nested: readonly Edit[] = []): string {
  const mode = slot.mode;
  // Markup that holds a nested slot (a link's title attribute) gets that slot's text written into it.
  const inner = (raw: string, at: number | undefined): string => {
    if (at === undefined || nested.length === 0) return raw;
    const within = nested.filter((e) => e.start >= at && e.end <= at + raw.length);
    return within.length === 0
      ? raw
      : splice(
          raw,
          within.map((e) => ({ ...e, start: e.start - at, end: e.end - at })),
        );
  };
  if (mode.kind === 'attr') {
    const q = mode.quote;
    return slot.prefix + escapeHtml(stripTags(text)).replace(q === '"' ? /"/gu : /'/gu, q === '"' ? '&quot;' : '&#39;') + slot.suffix;
  }
  let out = '';
  const styles: string[] = [];
  for (const [i, p] of pieces(text).entries()) {
    if ('text' in p) {
      switch (mode.kind) {
        case 'md':
          out += escapeMarkdown(p.text, i === 0).replace(/\n/gu, mode.continuation === null ? ' ' : `\n${mode.continuation}`);
          break;
        case 'html':
          out += mode.br === null ? escapeHtml(p.text) : escapeHtml(p.text).replace(/\n/gu, mode.br);
          break;
        case 'docx':
          out += runXml(styles[styles.length - 1] ?? mode.style, p.text);
          break;
        case 'po':
          out += p.text;
          break;
      }
      continue;
    }
    const data: TagData | undefined = slot.tags[p.tag.id];
    if (!data) continue;
    if (data.kind === 'ph') {
      if (p.tag.kind === 'standalone') out += inner(data.raw, data.at);
    } else if (p.tag.kind === 'open') {
      out += inner(data.open, data.at);
      if (data.style !== undefined) styles.push(data.style);
    } else if (p.tag.kind === 'close') {
      out += data.close;
      if (data.style !== undefined) styles.pop();
    }
  }
  const suffixAt = slot.end - slot.suffix.length;
  return (
    inner(slot.prefix, mode.kind === 'docx' ? undefined : slot.start) +
    out +
    inner(slot.suffix, mode.kind === 'docx' ? undefined : suffixAt)
  );
}

export interface Edit {
  start: number;
  end: number;
  text: string;
}

function escapeHtml(s: string): string {
  return s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}

/** One part's text with the given spans replaced (spans never overlap; any order). */
export function splice(text: string, edits: readonly { start: number; end: number; text: string }[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) continue;
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}

/**
 * Every part's edits: the slots whose paragraph changed (`texts[i]` not null)
 * and the fixed rewrites. A slot inside another (an attribute inside a
 * paragraph's markup) is written through the one around it; when only the
 * inner one changed, the outer keeps its source with the inner edit applied.
 */
export function partEdits(skeleton: Skeleton, texts: readonly (string | null)[], partText: (part: number) => string): Map<number, Edit[]> {
  const byPart = new Map<number, Edit[]>();
  const add = (part: number, e: Edit): void => {
    const list = byPart.get(part) ?? [];
    list.push(e);
    byPart.set(part, list);
  };
  const order = skeleton.slots.map((s, i) => ({ s, i })).sort((a, b) => a.s.part - b.s.part || a.s.start - b.s.start || b.s.end - a.s.end);
  const outer = new Map<number, number>();
  let open: { s: Slot; i: number } | null = null;
  for (const x of order) {
    if (open && open.s.part === x.s.part && x.s.start >= open.s.start && x.s.end <= open.s.end) outer.set(x.i, open.i);
    else open = x;
  }
  const nested = new Map<number, Edit[]>();
  skeleton.slots.forEach((slot, i) => {
    const t = texts[i];
    const o = outer.get(i);
    if (o === undefined || t === null || t === undefined) return;
    nested.set(o, [...(nested.get(o) ?? []), { start: slot.start, end: slot.end, text: renderSlot(slot, t) }]);
  });
  skeleton.slots.forEach((slot, i) => {
    if (outer.has(i)) return;
    const t = texts[i];
    const inner = nested.get(i) ?? [];
    if (t !== null && t !== undefined) add(slot.part, { start: slot.start, end: slot.end, text: renderSlot(slot, t, inner) });
    else if (inner.length > 0) {
      const source = partText(slot.part).slice(slot.start, slot.end);
      add(slot.part, {
        start: slot.start,
        end: slot.end,
        text: splice(
          source,
          inner.map((e) => ({ ...e, start: e.start - slot.start, end: e.end - slot.start })),
        ),
      });
    }
  });
  for (const f of skeleton.fixed) add(f.part, f);
  return byPart;
}
