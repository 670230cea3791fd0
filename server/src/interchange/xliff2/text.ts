import { attr, isElement, isTextNode } from '../xml/dom.js';
import type { Element } from '../xml/dom.js';

/**
 * Plain text of an XLIFF 2 source/target: character data, <cp> decoded, a
 * placeholder replaced by its equiv text; markup of spanning codes and
 * annotations dropped (Anor cells are plain text).
 */
export function inlineText(el: Element): string {
  let out = '';
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (isTextNode(n)) out += n.nodeValue ?? '';
    else if (isElement(n)) {
      if (n.localName === 'cp') out += String.fromCodePoint(Number.parseInt(attr(n, 'hex') ?? '0', 16));
      else if (n.localName === 'ph') out += attr(n, 'equiv') ?? '';
      else out += inlineText(n);
    }
  }
  return out;
}
