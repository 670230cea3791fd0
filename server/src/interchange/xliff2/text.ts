import { attr, isElement, isTextNode, nextInTree, nextSkippingChildren } from '../xml/dom.js';
import type { Element, Node } from '../xml/dom.js';

/**
 * Plain text of an XLIFF 2 source/target: character data, <cp> decoded, a
 * placeholder replaced by its equiv text; markup of spanning codes and
 * annotations dropped (Anor cells are plain text). A loop over the tree,
 * not a recursion: the file decides how deep codes nest.
 */
export function inlineText(el: Element): string {
  let out = '';
  let n: Node | null = nextInTree(el, el);
  while (n) {
    if (isTextNode(n)) out += n.nodeValue ?? '';
    else if (isElement(n) && (n.localName === 'cp' || n.localName === 'ph')) {
      out += n.localName === 'cp' ? String.fromCodePoint(Number.parseInt(attr(n, 'hex') ?? '0', 16)) : (attr(n, 'equiv') ?? '');
      n = nextSkippingChildren(n, el);
      continue;
    }
    n = nextInTree(n, el);
  }
  return out;
}
