import { attr, childrenNamed, descendants, isElement, XML_NS } from '../xml/dom.js';
import type { Element } from '../xml/dom.js';
import type { Problems } from '../problems.js';
import { parseFragment } from './fragment.js';
import { FS_ELEMENTS, MODULE_ELEMENTS, MODULE_NS } from './ns.js';
import { where } from './where.js';

/**
 * Extensions and modules: ids of extension elements unique per scope and
 * namespace, module elements known to their module, Format Style attributes,
 * and fragment identifiers in ref attributes.
 */
export function checkExtensions(root: Element, ns: string, foreign: Element[], p: Problems): void {
  const byScope = new Map<Element, Element[]>();
  for (const f of foreign) {
    const scope = f.parentNode;
    if (!isElement(scope)) continue;
    byScope.set(scope, [...(byScope.get(scope) ?? []), f]);
    for (const el of [f, ...descendants(f)]) {
      const vocab = el.namespaceURI ? MODULE_ELEMENTS[el.namespaceURI] : undefined;
      if (vocab && !vocab.has(el.localName ?? '')) {
        p.add('xliff2.module.unknown-element', `<${el.nodeName}> is not an element of its module (${el.namespaceURI})`, where(el));
      }
      if (el.namespaceURI && el.namespaceURI !== ns) checkRef(el, p);
    }
  }
  for (const [, els] of byScope) {
    const seen = new Map<string, Set<string>>();
    for (const el of els.flatMap((e) => [e, ...descendants(e)])) {
      if (!el.namespaceURI || el.namespaceURI === ns) continue;
      const ids = seen.get(el.namespaceURI) ?? new Set<string>();
      seen.set(el.namespaceURI, ids);
      for (const id of [attr(el, 'id'), el.hasAttributeNS(XML_NS, 'id') ? el.getAttributeNS(XML_NS, 'id') : undefined]) {
        if (id === undefined || id === null) continue;
        if (ids.has(id)) p.add('xliff2.extension.id-unique', `id "${id}" is used twice among extension elements of this scope`, where(el));
        ids.add(id);
      }
    }
  }
  for (const el of [root, ...descendants(root)]) checkFs(el, ns, p);
  for (const el of descendants(root)) {
    if (el.namespaceURI === ns && (el.localName === 'mrk' || el.localName === 'sm')) {
      checkRef(el, p);
      if (attr(el, 'type') === 'comment' && attr(el, 'ref') !== undefined) checkCommentRef(el, ns, p);
    }
  }
}

function checkRef(el: Element, p: Problems): void {
  const ref = attr(el, 'ref');
  if (ref === undefined || !ref.startsWith('#')) return;
  const f = parseFragment(ref);
  if (!f.ok) p.add(f.rule, `ref="${ref}": ${f.why}`, where(el));
}

function checkFs(el: Element, ns: string, p: Problems): void {
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i);
    if (!a || a.namespaceURI !== MODULE_NS.fs) continue;
    const at = where(el);
    if (a.localName !== 'fs' && a.localName !== 'subFs') {
      p.add('xliff2.module.fs-attribute', `fs:${a.localName} is not a Format Style attribute (fs:fs, fs:subFs)`, at);
    } else if (a.localName === 'fs' && !FS_ELEMENTS.has(a.value)) {
      p.add('xliff2.module.fs-value', `fs:fs="${a.value}" is not an HTML element name`, at);
    }
    if (a.localName === 'subFs' && !el.hasAttributeNS(MODULE_NS.fs, 'fs')) {
      p.add('xliff2.module.fs-subFs-needs-fs', 'fs:subFs refines fs:fs and cannot be used without it', at);
    }
    if (el.namespaceURI === ns && el.localName === 'ec' && attr(el, 'isolated') !== 'yes') {
      p.add('xliff2.module.fs-on-ec', 'Format Style goes on the <sc>; an <ec> carries it only when isolated', at);
    }
  }
}

/** A comment annotation's ref must point at a <note> of its own unit. */
function checkCommentRef(el: Element, ns: string, p: Problems): void {
  const ref = attr(el, 'ref') ?? '';
  const at = where(el);
  let unit: Element | null = null;
  let file: Element | null = null;
  for (let a = el.parentNode; isElement(a); a = a.parentNode) {
    if (a.localName === 'unit' && !unit) unit = a;
    if (a.localName === 'file') file = a;
  }
  const f = ref.startsWith('#') ? parseFragment(ref) : undefined;
  if (!f || !f.ok || !unit) {
    p.add('xliff2.annotation.comment-ref-note', `comment ref="${ref}" must point at a note of the unit (#n=id)`, at);
    return;
  }
  const leaf = f.selectors[f.selectors.length - 1];
  const fileSel = f.selectors.find((s) => s.prefix === 'f');
  const unitSel = f.selectors.find((s) => s.prefix === 'u');
  const noteIds = new Set(childrenNamed(unit, ns, 'notes').flatMap((n) => childrenNamed(n, ns, 'note').map((x) => attr(x, 'id') ?? '')));
  const inUnit =
    leaf?.prefix === 'n' &&
    (!fileSel || (file && attr(file, 'id') === fileSel.id)) &&
    (unitSel ? attr(unit, 'id') === unitSel.id : !fileSel && !f.selectors.some((s) => s.prefix === 'g'));
  if (!inUnit) {
    p.add('xliff2.annotation.comment-ref-note', `comment ref="${ref}" does not point at a note of its own unit`, at);
  } else if (!noteIds.has(leaf.id)) {
    p.add('xliff2.annotation.comment-ref-note', `comment ref="${ref}" names note "${leaf.id}", which the unit does not have`, at);
  }
}
