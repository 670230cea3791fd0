import { DOMParser } from '@xmldom/xmldom';
import type { Document, Element, Node } from '@xmldom/xmldom';
import { loneSurrogateAt } from '../../../../shared/text/wellFormed.js';
import { LONE_SURROGATE_RULE } from '../problems.js';
import type { ParseOutcome, Problem } from '../problems.js';

export type { Document, Element, Node };

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_NODE = 4;

/**
 * Parses XML text into a namespace-aware DOM. Any parser error (not only a fatal
 * one) refuses the file: an importer that guessed around a broken tag could
 * write the wrong text into a cell. External entities and DTDs are never fetched.
 */
export function parseXml(text: string): ParseOutcome<Document> {
  const messages: string[] = [];
  // A byte-order mark is legal before the declaration; the parser would see it as content.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let doc: Document | undefined;
  try {
    doc = new DOMParser({
      onError: (level, msg) => {
        if (level !== 'warning') messages.push(msg);
      },
    }).parseFromString(body, 'application/xml');
  } catch (e) {
    if (messages.length === 0) messages.push(e instanceof Error ? e.message : String(e));
  }
  if (!doc || messages.length > 0 || !doc.documentElement) {
    const first = messages[0] ?? 'no root element';
    return {
      ok: false,
      problems: [{ rule: 'xml.well-formed', message: `not well-formed XML: ${first.split('\n')[0]}` }],
    };
  }
  const lone = loneSurrogateIn(doc);
  if (lone) return { ok: false, problems: [lone] };
  return { ok: true, value: doc };
}

/**
 * A character reference to half a UTF-16 pair (`&#xD800;`) is no character,
 * and XML 1.0 forbids it, but the parser lets it through; Anor refuses it.
 * Text, CDATA and attribute values are searched, without recursion.
 */
function loneSurrogateIn(doc: Document): Problem | undefined {
  const stack: Node[] = [doc];
  for (let n = stack.pop(); n; n = stack.pop()) {
    if (isTextNode(n) && loneSurrogateAt(n.nodeValue ?? '') >= 0) return loneSurrogateProblem(n.parentNode?.nodeName);
    if (isElement(n)) {
      for (let i = 0; i < n.attributes.length; i++) {
        const a = n.attributes.item(i);
        if (a && loneSurrogateAt(a.value) >= 0) return loneSurrogateProblem(`${n.nodeName}/@${a.name}`);
      }
    }
    for (let c = n.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  return undefined;
}

function loneSurrogateProblem(at: string | undefined): Problem {
  const message = 'a character reference to a lone surrogate (half of a UTF-16 pair) is not a character';
  return at === undefined ? { rule: LONE_SURROGATE_RULE, message } : { rule: LONE_SURROGATE_RULE, message, where: at };
}

export function isElement(n: Node | null | undefined): n is Element {
  return !!n && n.nodeType === ELEMENT_NODE;
}

export function childElements(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (isElement(n)) out.push(n);
  return out;
}

export function childrenNamed(el: Element, ns: string, local: string): Element[] {
  return childElements(el).filter((c) => c.namespaceURI === ns && c.localName === local);
}

export function firstChildNamed(el: Element, ns: string, local: string): Element | undefined {
  return childElements(el).find((c) => c.namespaceURI === ns && c.localName === local);
}

/** All descendant elements in document order (not the element itself). */
export function descendants(el: Element): Element[] {
  const out: Element[] = [];
  const walk = (e: Element): void => {
    for (const c of childElements(e)) {
      out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

/** Non-whitespace character data directly inside an element (text and CDATA). */
export function hasOwnText(el: Element): boolean {
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if ((n.nodeType === TEXT_NODE || n.nodeType === CDATA_NODE) && /\S/u.test(n.nodeValue ?? '')) return true;
  }
  return false;
}

export function isTextNode(n: Node): boolean {
  return n.nodeType === TEXT_NODE || n.nodeType === CDATA_NODE;
}

/** An attribute without namespace, or undefined when absent (an empty value is kept). */
export function attr(el: Element, name: string): string | undefined {
  return el.hasAttribute(name) ? (el.getAttribute(name) ?? '') : undefined;
}

export function xmlAttr(el: Element, local: 'lang' | 'space' | 'id'): string | undefined {
  return el.hasAttributeNS(XML_NS, local) ? (el.getAttributeNS(XML_NS, local) ?? '') : undefined;
}

/** The nearest xml:lang / xml:space on the element or its ancestors. */
export function inheritedXml(el: Element, local: 'lang' | 'space'): string | undefined {
  for (let e: Element | null = el; e; e = isElement(e.parentNode) ? e.parentNode : null) {
    const v = xmlAttr(e, local);
    if (v !== undefined) return v;
  }
  return undefined;
}

export function textContent(el: Element): string {
  return el.textContent ?? '';
}
