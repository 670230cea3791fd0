import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import type { Nodes, Parents, Root } from 'mdast';
import type { JunkCounts } from '../../../../shared/interchange/clean.js';
import { stripTags } from '../../../../shared/inline/index.js';
import { AppError } from '../../../../shared/index.js';
import { MD_CHUNK, definitionsFor, markdownChunks } from './markdownChunks.js';
import { SegmentBuilder } from './segment.js';
import type { Extracted, Slot } from './types.js';

/**
 * Markdown through a CommonMark parser (micromark via mdast-util-from-markdown,
 * with GFM tables, strikethrough, footnotes and autolinks, and YAML/TOML front
 * matter). Chosen over markdown-it because every node, inline ones included,
 * carries its source offsets, which the round trip needs to replace exactly
 * the text of each paragraph and nothing else; markdown-it maps block tokens to
 * lines only.
 *
 * Paragraphs are the text of paragraphs (in list items, block quotes and
 * footnote definitions too), headings (ATX and setext) and table cells. Front
 * matter, code blocks (fenced and indented), HTML blocks and comments,
 * thematic breaks and link definitions are not text to translate.
 * Inline markup becomes tags: emphasis, strong, strikethrough and links are
 * pairs whose opening and closing markup is the source's own (`**`, `[` and
 * `](url "title")`); inline code, images, inline HTML, footnote references,
 * autolinks and hard breaks are standalone codes.
 */
const MAX_DEPTH = 200;

/**
 * The document's tree, parsed chunk by chunk (markdownChunks.ts: bounded
 * blocks, so the work stays linear in the file); node offsets are the
 * document's, line and column numbers the chunk's (only offsets are used).
 */
export function parseMarkdown(text: string, chunkSize = MD_CHUNK): Root {
  const defs = definitionsFor(text);
  const root: Root = { type: 'root', children: [] };
  for (const { start, end } of markdownChunks(text, chunkSize)) {
    const chunk = text.slice(start, end);
    const part = fromMarkdown(chunk + defs(chunk), {
      extensions: [frontmatter(['yaml', 'toml']), gfm()],
      mdastExtensions: [frontmatterFromMarkdown(['yaml', 'toml']), gfmFromMarkdown()],
    });
    for (const node of part.children) {
      // Stand-in definitions come after the chunk's own text.
      if ((node.position?.start.offset ?? 0) >= chunk.length) continue;
      shiftOffsets(node, start);
      root.children.push(node);
    }
  }
  return root;
}

function shiftOffsets(top: Nodes, by: number): void {
  if (by === 0) return;
  const stack: Nodes[] = [top];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.position?.start.offset !== undefined) n.position.start.offset += by;
    if (n.position?.end.offset !== undefined) n.position.end.offset += by;
    if ('children' in n) stack.push(...n.children);
  }
}

const off = (n: Nodes): { start: number; end: number } => ({
  start: n.position?.start.offset ?? 0,
  end: n.position?.end.offset ?? 0,
});

/** `chunkSize` is for tests: Infinity parses the file in one piece. */
export function extractMarkdown(text: string, removed: JunkCounts, chunkSize = MD_CHUNK): Extracted {
  const root = parseMarkdown(text, chunkSize);
  const slots: Slot[] = [];
  let title: string | null = frontMatterTitle(root);
  // Iterative walk: the input decides the nesting, the stack must not.
  const stack: { node: Nodes; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > MAX_DEPTH) {
      // Lists nested by indentation the line bound let through (a level of list is two levels of tree).
      throw new AppError('import_refused', `the Markdown nests deeper than ${MAX_DEPTH} levels`, {
        rule: 'limits.md-nesting',
        limit: MAX_DEPTH,
      });
    }
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      const slot = paragraphSlot(text, node, removed);
      if (slot) {
        slots.push(slot);
        if (title === null && node.type === 'heading' && node.depth === 1) title = stripTags(slot.text);
      }
      continue;
    }
    if ('children' in node) {
      const kids = (node as Parents).children;
      for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, depth: depth + 1 });
    }
  }
  return { skeleton: { format: 'md', parts: [''], charset: null, fixed: [], slots }, title };
}

function frontMatterTitle(root: Root): string | null {
  const fm = root.children[0];
  if (fm?.type !== 'yaml') return null;
  const m = /^title:[ \t]*(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\n#]*?))[ \t]*$/mu.exec(fm.value);
  const t = (m?.[1] ?? m?.[2]?.replace(/''/gu, "'") ?? m?.[3] ?? '').trim();
  return t === '' ? null : t;
}

/** What a line break in the translation is written as: the first line's container prefix, list markers blanked. */
function continuationOf(text: string, start: number): string {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  return text.slice(lineStart, start).replace(/[^>\s]/gu, ' ');
}

function paragraphSlot(text: string, block: Nodes & Parents, removed: JunkCounts): Slot | null {
  const b = new SegmentBuilder();
  const continuation = block.type === 'paragraph' ? continuationOf(text, off(block).start) : null;
  const stack: { node: Nodes; close?: { ref: number; raw: string; start: number; end: number } }[] = [];
  for (let i = block.children.length - 1; i >= 0; i--) stack.push({ node: block.children[i]! });
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (item.close) {
      b.push({ t: 'close', ...item.close });
      continue;
    }
    const n = item.node;
    const { start, end } = off(n);
    if (n.type === 'text') {
      b.push({ t: 'text', value: n.value.replace(/\r\n?/gu, '\n'), raw: text.slice(start, end), start, end });
    } else if (n.type === 'break') {
      // The break's own markup, then the container prefix of the next line.
      b.push({ t: 'ph', raw: text.slice(start, end) + (continuation ?? ''), label: '↵', start, end });
    } else if (
      (n.type === 'emphasis' || n.type === 'strong' || n.type === 'delete' || n.type === 'link' || n.type === 'linkReference') &&
      n.children.length > 0
    ) {
      const first = off(n.children[0]!).start;
      const last = off(n.children[n.children.length - 1]!).end;
      const only = n.children[0];
      const isAutolink =
        n.type === 'link' && n.children.length === 1 && only?.type === 'text' && (only.value === n.url || `mailto:${only.value}` === n.url);
      if (first === start || isAutolink) {
        // An autolink (<https://…>, www.example.com): its text is the address, not words to translate.
        b.push({ t: 'ph', raw: text.slice(start, end), label: 'link', start, end });
        continue;
      }
      const ref = b.ref();
      b.push({ t: 'open', ref, raw: text.slice(start, first), label: labelOf(n.type), start, end: first });
      stack.push({ node: n, close: { ref, raw: text.slice(last, end), start: last, end } });
      for (let i = n.children.length - 1; i >= 0; i--) stack.push({ node: n.children[i]! });
    } else {
      // inlineCode, image, imageReference, html, footnoteReference, autolinks <…>, empty links.
      b.push({ t: 'ph', raw: text.slice(start, end), label: labelOf(n.type), start, end });
    }
  }
  const built = b.take((s) => s, removed);
  if (!built) return null;
  const first = built.before[0] ?? built.inner[0];
  const last = built.after[built.after.length - 1] ?? built.inner[built.inner.length - 1];
  const innerStart = built.inner[0]?.start ?? 0;
  const innerEnd = built.inner[built.inner.length - 1]?.end ?? 0;
  const start = first?.start ?? innerStart;
  const end = last?.end ?? innerEnd;
  return {
    part: 0,
    start,
    end,
    prefix: text.slice(start, innerStart),
    suffix: text.slice(innerEnd, end),
    text: built.text,
    tags: built.tags,
    mode: { kind: 'md', continuation },
  };
}

function labelOf(type: string): string {
  switch (type) {
    case 'emphasis':
      return 'i';
    case 'strong':
      return 'b';
    case 'delete':
      return 's';
    case 'link':
    case 'linkReference':
      return 'link';
    case 'inlineCode':
      return 'code';
    case 'image':
    case 'imageReference':
      return 'img';
    case 'footnoteReference':
      return 'fn';
    default:
      return type;
  }
}

/**
 * Markdown-escapes a translation's text: every ASCII punctuation mark that
 * could start markup gets a backslash, and so does what would open a block at
 * the start of a line (`#`, `-`, `+`, `=`, `1.`) — at the start of the slot
 * (`atStart`) or after a line break, not in mid-line.
 */
export function escapeMarkdown(s: string, atStart: boolean): string {
  const inline = s.replace(/[\\`*_[\]<>&|~]/gu, '\\$&');
  return inline.replace(
    /(^|\n)([ \t]*)([#+=-]|\d+(?=[.)]))(\d*)([.)]?)/gu,
    (m, nl: string, sp: string, mark: string, digits: string, dot: string, at: number) => {
      if (at === 0 && nl === '' && !atStart) return m;
      return /^\d/u.test(mark) ? `${nl}${sp}${mark}${digits}${dot ? `\\${dot}` : ''}` : `${nl}${sp}\\${mark}${digits}${dot}`;
    },
  );
}
