import { pieces, stripTags } from '../../../../shared/inline/index.js';
import { runXml } from './docxRuns.js';
import { escapeMarkdown } from './markdown.js';
import type { Skeleton, Slot, TagData } from './types.js';

/**
 * Writing a translation back into its slot: text escaped for the format,
 * each tag replaced by the markup it stands for. The text must carry the
 * slot's tags well nested (repairTags); a tag the slot does not know is dropped.
 */
export function renderSlot(slot: Slot, text: string): string {
  const mode = slot.mode;
  if (mode.kind === 'attr') {
    const q = mode.quote;
    return slot.prefix + escapeHtml(stripTags(text)).replace(q === '"' ? /"/gu : /'/gu, q === '"' ? '&quot;' : '&#39;') + slot.suffix;
  }
  let out = '';
  const styles: string[] = [];
  for (const p of pieces(text)) {
    if ('text' in p) {
      switch (mode.kind) {
        case 'md':
          out += escapeMarkdown(p.text).replace(/\n/gu, mode.continuation === null ? ' ' : `\n${mode.continuation}`);
          break;
        case 'html':
          out += mode.br === null ? escapeHtml(p.text) : escapeHtml(p.text).replace(/\n/gu, mode.br);
          break;
        case 'docx':
          out += runXml(styles[styles.length - 1] ?? mode.style, p.text);
          break;
      }
      continue;
    }
    const data: TagData | undefined = slot.tags[p.tag.id];
    if (!data) continue;
    if (data.kind === 'ph') {
      if (p.tag.kind === 'standalone') out += data.raw;
    } else if (p.tag.kind === 'open') {
      out += data.open;
      if (data.style !== undefined) styles.push(data.style);
    } else if (p.tag.kind === 'close') {
      out += data.close;
      if (data.style !== undefined) styles.pop();
    }
  }
  return slot.prefix + out + slot.suffix;
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

/** Every part's edits: the slots whose paragraph changed (`texts[i]` not null) and the fixed rewrites. */
export function partEdits(
  skeleton: Skeleton,
  texts: readonly (string | null)[],
): Map<number, { start: number; end: number; text: string }[]> {
  const byPart = new Map<number, { start: number; end: number; text: string }[]>();
  const add = (part: number, e: { start: number; end: number; text: string }): void => {
    const list = byPart.get(part) ?? [];
    list.push(e);
    byPart.set(part, list);
  };
  skeleton.slots.forEach((slot, i) => {
    const t = texts[i];
    if (t !== null && t !== undefined) add(slot.part, { start: slot.start, end: slot.end, text: renderSlot(slot, t) });
  });
  for (const f of skeleton.fixed) add(f.part, f);
  return byPart;
}
