import { childElements, hasOwnText, XML_NS } from '../xml/dom.js';
import type { Element } from '../xml/dom.js';
import type { Problems } from '../problems.js';
import { CORE, CORE_22, INLINE_ELEMENTS } from './schema.js';
import { XLIFF22_NS } from './ns.js';
import type { Content, ElementSpec } from './schema.js';
import { INLINE_MODULE_NS } from './ns.js';
import { checkValue } from './values.js';
import { where } from './where.js';

const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/**
 * Checks a core element tree against the schema table (the XSD's share of the
 * rules). Elements of other namespaces met where the schema allows them are
 * returned for the module and extension checks.
 */
export function checkStructure(root: Element, ns: string, p: Problems): Element[] {
  const foreign: Element[] = [];
  const schema = ns === XLIFF22_NS ? CORE_22 : CORE;
  // Depth-first in document order with an explicit stack: the input decides the depth.
  const stack: Element[] = [root];
  for (let el = stack.pop(); el; el = stack.pop()) {
    const name = el.localName ?? '';
    const s = schema[name];
    if (!s) {
      p.add('xliff2.schema.unknown-element', `<${name}> is not an XLIFF 2 core element`, where(el));
      continue;
    }
    checkAttributes(el, name, s, p);
    const kids = checkContent(el, name, s.content, ns, p, foreign);
    for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k]!);
  }
  return foreign;
}

function checkAttributes(el: Element, name: string, s: ElementSpec, p: Problems): void {
  const at = where(el);
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i);
    if (!a) continue;
    const ans = a.namespaceURI;
    const local = a.localName ?? a.name;
    if (ans === XMLNS_NS || a.name === 'xmlns' || a.name.startsWith('xmlns:')) continue;
    if (!ans) {
      const type = s.attrs[local];
      if (!type) {
        p.add('xliff2.schema.attribute-not-allowed', `<${name}> does not take the attribute ${local}`, at);
        continue;
      }
      const why = checkValue(type, a.value);
      if (why) p.add('xliff2.schema.attribute-value', `${local}="${a.value}" on <${name}> ${why}`, at);
      continue;
    }
    if (ans === XML_NS && (local === 'lang' || local === 'space')) {
      if (!s.xmlAttrs.includes(local) && s.foreign !== 'any') {
        p.add('xliff2.schema.attribute-not-allowed', `<${name}> does not take xml:${local}`, at);
      } else if (local === 'space' && a.value !== 'default' && a.value !== 'preserve') {
        p.add('xliff2.xml-space.value', `xml:space must be "default" or "preserve", not "${a.value}"`, at);
      } else if (local === 'space' && name === 'data' && a.value !== 'preserve') {
        p.add('xliff2.xml-space.value', 'xml:space on <data> is fixed to "preserve"', at);
      } else if (local === 'lang' && checkValue('language', a.value)) {
        p.add('xliff2.xml-lang.well-formed', `xml:lang="${a.value}" is not a well-formed BCP 47 tag`, at);
      }
      continue;
    }
    if (s.foreign === 'any') continue;
    if (s.foreign === 'modules' && INLINE_MODULE_NS.has(ans)) continue;
    p.add(
      'xliff2.extension.attribute-not-allowed',
      `<${name}> takes no extension attribute: ${a.name} (namespace ${ans})` +
        (s.foreign === 'modules' ? '; inline codes take only module attributes (fs, slr, its)' : ''),
      at,
    );
  }
  for (const r of s.required) {
    if (!el.hasAttribute(r)) p.add('xliff2.schema.attribute-required', `<${name}> needs the attribute ${r}`, at);
  }
}

/** Returns the core children to visit. */
function checkContent(el: Element, name: string, c: Content, ns: string, p: Problems, foreign: Element[]): Element[] {
  const at = where(el);
  const kids = childElements(el);
  const core = kids.filter((k) => k.namespaceURI === ns);
  const other = kids.filter((k) => k.namespaceURI !== ns);
  switch (c.kind) {
    case 'foreign':
      for (const k of core) p.add('xliff2.schema.element-not-allowed', `<${k.localName}> may not be inside <${name}>`, where(k));
      foreign.push(...other);
      return [];
    case 'empty':
      if (kids.length > 0 || hasOwnText(el)) p.add('xliff2.schema.must-be-empty', `<${name}> must be empty`, at);
      return [];
    case 'text':
      for (const k of kids) p.add('xliff2.schema.element-not-allowed', `<${name}> holds text only, not <${k.localName}>`, where(k));
      return [];
    case 'data':
      for (const k of kids) {
        if (k.namespaceURI !== ns || k.localName !== 'cp') {
          p.add('xliff2.schema.element-not-allowed', `<data> holds text and <cp> only, not <${k.nodeName}>`, where(k));
        }
      }
      return core.filter((k) => k.localName === 'cp');
    case 'inline':
      for (const k of kids) {
        if (k.namespaceURI !== ns || !INLINE_ELEMENTS.has(k.localName ?? '')) {
          p.add('xliff2.schema.element-not-allowed', `<${k.nodeName}> is not an inline element and may not be inside <${name}>`, where(k));
        }
      }
      return core.filter((k) => INLINE_ELEMENTS.has(k.localName ?? ''));
    case 'sequence': {
      if (hasOwnText(el)) p.add('xliff2.schema.text-not-allowed', `<${name}> may not contain text directly`, at);
      return matchSequence(el, name, c.particles, kids, ns, p, foreign);
    }
  }
}

function matchSequence(
  el: Element,
  name: string,
  particles: Extract<Content, { kind: 'sequence' }>['particles'],
  kids: Element[],
  ns: string,
  p: Problems,
  foreign: Element[],
): Element[] {
  const visit: Element[] = [];
  let i = 0;
  for (const part of particles) {
    if ('other' in part) {
      while (i < kids.length && kids[i]!.namespaceURI !== ns) foreign.push(kids[i++]!);
      continue;
    }
    const names = 'el' in part ? [part.el] : part.choice;
    let n = 0;
    while (i < kids.length && n < part.max && kids[i]!.namespaceURI === ns && names.includes(kids[i]!.localName ?? '')) {
      visit.push(kids[i++]!);
      n++;
    }
    if (n < part.min) {
      p.add(
        'xliff2.schema.element-required',
        `<${name}> needs ${part.min === 1 ? 'a' : `at least ${part.min}`} <${names.join('> or <')}>` +
          (i < kids.length ? ` where <${kids[i]!.localName}> is` : ''),
        where(el),
      );
    }
  }
  for (; i < kids.length; i++) {
    const k = kids[i]!;
    const isCore = k.namespaceURI === ns;
    p.add(
      isCore ? 'xliff2.schema.element-order' : 'xliff2.extension.element-not-allowed',
      isCore
        ? `<${k.localName}> is not allowed at this place inside <${name}> (wrong order or too many)`
        : `extension element <${k.nodeName}> is not allowed at this place inside <${name}>`,
      where(k),
    );
  }
  return visit;
}
