import { Parser } from 'htmlparser2';
import type { JunkCounts } from '../../../../shared/interchange/clean.js';
import { cleanText } from '../../../../shared/interchange/clean.js';
import { stripTags } from '../../../../shared/inline/index.js';
import { AppError } from '../../../../shared/index.js';
import { attributeSpans } from './htmlAttributes.js';
import { collapseHtmlSpace, SegmentBuilder } from './segment.js';
import type { Built, Token } from './segment.js';
import type { Extracted, Slot } from './types.js';

/**
 * HTML to paragraphs with their places in the source, for the round trip.
 * Block elements (p, headings, list items, cells …) delimit paragraphs;
 * inline elements become paired tags whose markup is the source's own, so
 * attributes and structure come back untouched; images and other void or
 * opaque elements are standalone codes. Also:
 * - `translate="no"` (HTML's own attribute): the element and its content are
 *   kept as they are — left out at block level, a standalone code inline;
 * - `<nav>` is left out unless `keepNav`: menus are site chrome, not the article;
 * - the page `<title>` and every `alt` and `title` attribute are paragraphs
 *   of their own (after the paragraph they appear in);
 * - code (`code`, `kbd`, `samp`, `var`), scripts, styles, SVG and embedded
 *   objects are never text to translate.
 * Parsing is htmlparser2's streaming parser; nesting deeper than MAX_DEPTH is
 * refused, so no input makes the walk costly.
 */
const BLOCK = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'td',
  'th',
  'caption',
  'figcaption',
  'figure',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'aside',
  'main',
  'nav',
  'ul',
  'ol',
  'dl',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'hr',
  'address',
  'details',
  'summary',
  'body',
  'html',
  'form',
  'fieldset',
  'legend',
  'option',
  'center',
  'hgroup',
]);
const SKIP = new Set(['script', 'style', 'template', 'noscript', 'textarea', 'select']);
const OPAQUE = new Set(['svg', 'math', 'iframe', 'object', 'video', 'audio', 'canvas', 'picture', 'code', 'kbd', 'samp', 'var', 'button']);
const VOID = new Set(['img', 'input', 'wbr', 'embed', 'area', 'source', 'track', 'meta', 'link', 'base', 'col', 'param']);
const ALT_ON = new Set(['img', 'area', 'input']);
export const MAX_HTML_DEPTH = 1000;

type Kind = 'block' | 'inline' | 'skip' | 'opaque' | 'void' | 'head' | 'title' | 'quiet';
interface Open {
  name: string;
  kind: Kind;
  ref: number;
  start: number;
  openEnd: number;
}

export interface HtmlOptions {
  /** Keep `<nav>` menus as paragraphs (left out by default). */
  keepNav?: boolean;
}

export function extractHtml(html: string, removed: JunkCounts, opts: HtmlOptions = {}): Extracted {
  const slots: Slot[] = [];
  const pendingAttrs: Slot[] = [];
  const b = new SegmentBuilder();
  const stack: Open[] = [];
  let quiet = 0;
  let pre = 0;
  let inHead = 0;
  let inTitle = 0;
  let h1: string | null = null;
  let pageTitle: string | null = null;

  const flush = (): string | null => {
    const built = b.take(
      pre > 0 ? (s) => s.replace(/\u2028/gu, '\n') : (s) => collapseHtmlSpace(s).replace(/ *\n */gu, '\n'),
      removed,
      pre === 0,
    );
    let text: string | null = null;
    if (built) {
      slots.push(sourceSlot(html, built, pre > 0));
      text = stripTags(built.text);
    }
    slots.push(...pendingAttrs.splice(0));
    return text;
  };

  const attrSlots = (name: string, attribs: Record<string, string>, tagStart: number, raw: string): void => {
    if (attribs.translate === 'no') return;
    for (const a of attributeSpans(raw)) {
      if (!(a.name === 'title' || (a.name === 'alt' && ALT_ON.has(name)))) continue;
      const text = cleanText(attribs[a.name] ?? '', removed).text.trim();
      if (text === '') continue;
      pendingAttrs.push({
        part: 0,
        start: tagStart + a.start,
        end: tagStart + a.end,
        prefix: a.quote === '' ? '"' : '',
        suffix: a.quote === '' ? '"' : '',
        text,
        tags: {},
        mode: { kind: 'attr', quote: a.quote === "'" ? "'" : '"' },
      });
    }
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const start = parser.startIndex;
        const openEnd = parser.endIndex + 1;
        if (stack.length >= MAX_HTML_DEPTH) throw new AppError('import_refused', `the HTML nests deeper than ${MAX_HTML_DEPTH} elements`);
        const push = (kind: Kind, ref = 0): void => void stack.push({ name, kind, ref, start, openEnd });
        if (quiet > 0) {
          quiet++;
          return push('quiet');
        }
        const raw = html.slice(start, openEnd);
        if (name === 'head') {
          inHead++;
          return push('head');
        }
        if (inHead > 0) {
          if (name === 'title') {
            inTitle++;
            return push('title');
          }
          if (VOID.has(name)) return push('void');
          quiet++;
          return push('skip');
        }
        const noTranslate = attribs.translate === 'no';
        if (SKIP.has(name) || (name === 'nav' && !opts.keepNav) || (noTranslate && BLOCK.has(name))) {
          flush();
          quiet++;
          return push('skip');
        }
        if (noTranslate || OPAQUE.has(name)) {
          quiet++;
          return push('opaque');
        }
        if (BLOCK.has(name)) {
          flush();
          if (name === 'pre') pre++;
          attrSlots(name, attribs, start, raw);
          return push('block');
        }
        if (name === 'br') {
          b.push({ t: 'text', value: '\u2028', raw, start, end: openEnd });
          return push('void');
        }
        if (VOID.has(name)) {
          b.push({ t: 'ph', raw, label: name, start, end: openEnd });
          attrSlots(name, attribs, start, raw);
          return push('void');
        }
        const ref = b.ref();
        b.push({
          t: 'open',
          ref,
          raw,
          label: name === 'strong' ? 'b' : name === 'em' ? 'i' : name === 'a' ? 'link' : name,
          start,
          end: openEnd,
        });
        attrSlots(name, attribs, start, raw);
        return push('inline', ref);
      },
      ontext(data) {
        if (quiet > 0 || (inHead > 0 && inTitle === 0)) return;
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        b.push({ t: 'text', value: data, raw: html.slice(start, end), start, end });
      },
      onclosetag(_name, isImplied) {
        const open = stack.pop();
        if (!open) return;
        const start = isImplied ? (VOID.has(open.name) || open.name === 'br' ? open.openEnd : parser.startIndex) : parser.startIndex;
        const end = isImplied ? start : parser.endIndex + 1;
        switch (open.kind) {
          case 'quiet':
            quiet--;
            return;
          case 'skip':
            quiet--;
            return;
          case 'opaque':
            quiet--;
            b.push({ t: 'ph', raw: html.slice(open.start, end), label: open.name, start: open.start, end });
            return;
          case 'head':
            inHead--;
            return;
          case 'title': {
            inTitle--;
            const t = flush();
            pageTitle ??= t;
            return;
          }
          case 'block': {
            const t = flush();
            if (open.name === 'h1') h1 ??= t;
            if (open.name === 'pre') pre--;
            return;
          }
          case 'inline':
            b.push({ t: 'close', ref: open.ref, raw: html.slice(start, end), start, end });
            return;
          case 'void':
            return;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return { skeleton: { format: 'html', parts: [''], charset: null, fixed: [], slots }, title: h1 ?? pageTitle };
}

function sourceSlot(html: string, built: Built, inPre: boolean): Slot {
  const first: Token | undefined = built.before[0] ?? built.inner[0];
  const last: Token | undefined = built.after[built.after.length - 1] ?? built.inner[built.inner.length - 1];
  const innerStart = built.inner[0]?.start ?? 0;
  const innerEnd = built.inner[built.inner.length - 1]?.end ?? 0;
  const start = first?.start ?? innerStart;
  const end = last?.end ?? innerEnd;
  const br = built.inner.find((t) => t.t === 'text' && t.value === '\u2028');
  return {
    part: 0,
    start,
    end,
    prefix: html.slice(start, innerStart),
    suffix: html.slice(innerEnd, end),
    text: built.text,
    tags: built.tags,
    mode: { kind: 'html', br: inPre ? null : (br?.raw ?? '<br>') },
  };
}
