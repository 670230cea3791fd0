import { closeTag, MAX_TAG_ID, openTag, standaloneTag } from '../../../../shared/inline/index.js';
import { attr, isElement, isTextNode } from '../xml/dom.js';
import type { Element, Node } from '../xml/dom.js';

/**
 * XLIFF inline codes back into cell tags. A code whose id (or rid/startRef)
 * is a number n becomes tag n — the ids Anor writes; any other code is
 * treated as before inline codes existed: a placeholder gives its `equiv`
 * text, paired markup is dropped around its content. Walked with an explicit
 * stack, so the input's nesting never deepens the call stack.
 */
const num = (v: string | undefined): number | null => {
  if (v === undefined || !/^\d{1,5}$/u.test(v)) return null;
  const n = Number(v);
  return n >= 1 && n <= MAX_TAG_ID ? n : null;
};

type Item = { node: Node } | { close: string };

function walk(root: Element, visit: (el: Element) => { before: string; after: string; descend: boolean }): string {
  let out = '';
  const stack: Item[] = [];
  for (let n = root.lastChild; n; n = n.previousSibling) stack.push({ node: n });
  while (stack.length > 0) {
    const item = stack.pop()!;
    if ('close' in item) {
      out += item.close;
      continue;
    }
    const n = item.node;
    if (isTextNode(n)) out += n.nodeValue ?? '';
    else if (isElement(n)) {
      const v = visit(n);
      out += v.before;
      stack.push({ close: v.after });
      if (v.descend) for (let c = n.lastChild; c; c = c.previousSibling) stack.push({ node: c });
    }
  }
  return out;
}

const none = { before: '', after: '', descend: false };

/** XLIFF 2 source/target: pc, ph, sc, ec as tags; cp decoded; annotations (mrk) and markers (sm, em) left out. */
export function xliff2Tagged(el: Element): string {
  return walk(el, (n) => {
    const id = num(attr(n, 'id'));
    switch (n.localName) {
      case 'cp':
        return { ...none, before: String.fromCodePoint(Number.parseInt(attr(n, 'hex') ?? '0', 16)) };
      case 'ph':
        return { ...none, before: id !== null ? standaloneTag(id) : (attr(n, 'equiv') ?? '') };
      case 'pc':
        return id !== null ? { before: openTag(id), after: closeTag(id), descend: true } : { ...none, descend: true };
      case 'sc':
        return { ...none, before: id !== null ? openTag(id) : '' };
      case 'ec': {
        const ref = num(attr(n, 'startRef')) ?? id;
        return { ...none, before: ref !== null ? closeTag(ref) : '' };
      }
      case 'sm':
      case 'em':
        return none;
      default:
        return { ...none, descend: true };
    }
  });
}

// XLIFF 1.2 elements whose content is native code, not text.
const CODE_CONTENT = new Set(['bpt', 'ept', 'it', 'ph', 'sub']);

/** XLIFF 1.2 source/target: g, x, bx, ex as tags; native-code elements (bpt, ept, ph …) left out; mrk read through. */
export function xliff12Tagged(el: Element): string {
  return walk(el, (n) => {
    const id = num(attr(n, 'id'));
    const rid = num(attr(n, 'rid'));
    const name = n.localName ?? '';
    if (name === 'g') return id !== null ? { before: openTag(id), after: closeTag(id), descend: true } : { ...none, descend: true };
    if (name === 'x') return { ...none, before: id !== null ? standaloneTag(id) : '' };
    if (name === 'bx') return { ...none, before: (rid ?? id) !== null ? openTag((rid ?? id)!) : '' };
    if (name === 'ex') return { ...none, before: rid !== null ? closeTag(rid) : '' };
    if (CODE_CONTENT.has(name)) return none;
    return { ...none, descend: true };
  });
}
