import { isElement } from '../xml/dom.js';
import type { Element } from '../xml/dom.js';

/** A readable location: `file[f1]/group[g1]/unit[u1]/segment#2/source`. */
export function where(el: Element): string {
  const parts: string[] = [];
  for (let e: Element | null = el; e; e = isElement(e.parentNode) ? e.parentNode : null) {
    const name = e.prefix ? `${e.prefix}:${e.localName}` : (e.localName ?? e.nodeName);
    if (name === 'xliff' && !isElement(e.parentNode)) break;
    const id = e.getAttribute('id') || e.getAttribute('startRef');
    if (id) parts.push(`${name}[${id}]`);
    else {
      let n = 1;
      for (let s = e.previousSibling; s; s = s.previousSibling) if (isElement(s) && s.nodeName === e.nodeName) n++;
      parts.push(n > 1 ? `${name}#${n}` : name);
    }
  }
  return parts.reverse().join('/') || 'xliff';
}
