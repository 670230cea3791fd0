import { attr, childElements, descendants, isElement, xmlAttr } from '../xml/dom.js';
import type { Element } from '../xml/dom.js';
import type { Problems } from '../problems.js';
import { MODULE_NS } from './ns.js';
import { isNmtoken, sameLanguage } from './values.js';
import { where } from './where.js';

/**
 * Constraints of the XLIFF 2 modules Anor meets in files from other tools
 * (Metadata, Translation Candidates, Glossary, Resource Data, Size and Length
 * Restriction, Validation). Anor imports none of their content, but a file
 * that breaks them is not a valid XLIFF file, so the importer says so.
 * ITS constraints are not checked (see docs/interchange.md).
 */
export function checkModules(root: Element, ns: string, p: Problems): void {
  const all = [root, ...descendants(root)];
  const srcLang = attr(root, 'srcLang');
  const byId = new Map<string, Element>();
  for (const e of all) {
    const id = attr(e, 'id');
    if (id !== undefined && !byId.has(id)) byId.set(id, e);
  }
  const ids = new Set(byId.keys());
  for (const el of all) {
    const at = (): string => where(el);
    checkSizeAttributes(el, ns, ids, p);
    switch (el.namespaceURI) {
      case MODULE_NS.mda:
        checkMetadata(el, ns, p, at);
        break;
      case MODULE_NS.mtc:
        if (el.localName === 'match') checkMatch(el, ns, p, at);
        break;
      case MODULE_NS.gls:
        if (
          el.localName === 'glossEntry' &&
          !childElements(el).some(
            (c) => c.namespaceURI === MODULE_NS.gls && (c.localName === 'translation' || c.localName === 'definition'),
          )
        ) {
          p.add('xliff2.module.gls-entry-content', '<gls:glossEntry> needs a <gls:translation> or a <gls:definition>', at());
        }
        break;
      case MODULE_NS.res:
        if (el.localName === 'source' || el.localName === 'target') {
          const hasContent = childElements(el).length > 0 || /\S/u.test(el.textContent ?? '');
          if (el.hasAttribute('href') === hasContent) {
            p.add('xliff2.module.res-href-xor-content', `<res:${el.localName}> needs either href or content, not both or neither`, at());
          }
          // Only the source's language is constrained: the suite's own valid files give
          // <res:target> languages other than trgLang.
          const lang = xmlAttr(el, 'lang');
          if (el.localName === 'source' && lang !== undefined && srcLang !== undefined && !sameLanguage(lang, srcLang)) {
            p.add('xliff2.module.res-lang', `xml:lang="${lang}" on <res:source> must equal the document's srcLang "${srcLang}"`, at());
          }
        }
        break;
      case MODULE_NS.val:
        if (el.localName === 'rule') checkRule(el, p, at);
        break;
      case MODULE_NS.ctr:
        if (el.localName === 'revisions') checkRevisions(el, byId, p, at);
        break;
      default:
        // The core namespace and other modules have no rules here.
        break;
    }
  }
}

const MDA_PARENTS = new Set(['xliff', 'file', 'group', 'unit']);

function checkMetadata(el: Element, ns: string, p: Problems, at: () => string): void {
  const kids = childElements(el).filter((c) => c.namespaceURI === MODULE_NS.mda);
  const id = attr(el, 'id');
  if (id !== undefined && !isNmtoken(id))
    p.add('xliff2.module.mda-id', `id "${id}" on <mda:${el.localName}> must be an XML name token`, at());
  if (el.localName === 'metadata') {
    const parent = el.parentNode;
    const fromMatch = isElement(parent) && parent.namespaceURI === MODULE_NS.mtc && parent.localName === 'match';
    if (!fromMatch && !(isElement(parent) && parent.namespaceURI === ns && MDA_PARENTS.has(parent.localName ?? ''))) {
      p.add('xliff2.module.mda-placement', '<mda:metadata> may only sit in <file>, <group>, <unit> (or a match)', at());
    }
    if (!kids.some((c) => c.localName === 'metaGroup') || kids.some((c) => c.localName !== 'metaGroup')) {
      p.add('xliff2.module.mda-content', '<mda:metadata> holds one or more <mda:metaGroup> and nothing else', at());
    }
  } else if (el.localName === 'metaGroup') {
    const appliesTo = attr(el, 'appliesTo');
    if (appliesTo !== undefined && !['source', 'target', 'ignorable'].includes(appliesTo)) {
      p.add('xliff2.module.mda-appliesTo', `appliesTo="${appliesTo}" must be source, target or ignorable`, at());
    }
    if (childElements(el).length === 0) p.add('xliff2.module.mda-content', '<mda:metaGroup> needs <mda:meta> or <mda:metaGroup>', at());
  } else if (el.localName === 'meta') {
    if (!el.hasAttribute('type')) p.add('xliff2.module.mda-meta-type', '<mda:meta> needs a type', at());
    for (const a of attributeNames(el))
      if (a !== 'type') p.add('xliff2.module.mda-meta-attribute', `<mda:meta> takes only type, not ${a}`, at());
  }
}

const MATCH_TYPES = ['am', 'mt', 'icm', 'idm', 'tb', 'tm', 'other'];

function checkMatch(el: Element, ns: string, p: Problems, at: () => string): void {
  const id = attr(el, 'id');
  if (id !== undefined && !isNmtoken(id)) p.add('xliff2.module.mtc-id', `match id "${id}" must be an XML name token`, at());
  const type = attr(el, 'type');
  if (type !== undefined && !MATCH_TYPES.includes(type))
    p.add('xliff2.module.mtc-type', `match type "${type}" must be one of ${MATCH_TYPES.join(', ')}`, at());
  if (el.hasAttribute('subType') && type === undefined)
    p.add('xliff2.module.mtc-subType-needs-type', 'a match with subType needs type', at());
  if (xmlAttr(el, 'lang') !== undefined) p.add('xliff2.module.mtc-no-lang', 'xml:lang must not be set on <mtc:match>', at());
  const ref = attr(el, 'ref') ?? '';
  if (!ref.startsWith('#')) {
    p.add('xliff2.module.mtc-ref', `match ref="${ref}" must be a fragment identifier (#id) into its unit`, at());
    return;
  }
  let unit: Element | null = null;
  for (let a = el.parentNode; isElement(a); a = a.parentNode) if (a.namespaceURI === ns && a.localName === 'unit') unit = a;
  const target = ref.replace(/^#(t=)?/u, '');
  const spans = unit
    ? descendants(unit).filter((e) => e.namespaceURI === ns && (e.localName === 'mrk' || e.localName === 'sm' || e.localName === 'segment'))
    : [];
  if (!spans.some((e) => attr(e, 'id') === target)) {
    p.add('xliff2.module.mtc-ref', `match ref="${ref}" must point at a span (mrk, sm or segment) of its own unit`, at());
  }
}

const RULE_ATTRS = ['isPresent', 'isNotPresent', 'startsWith', 'endsWith'];

function checkRule(el: Element, p: Problems, at: () => string): void {
  const rules = RULE_ATTRS.filter((a) => el.hasAttribute(a)).length + foreignAttributes(el).length;
  if (rules !== 1)
    p.add(
      'xliff2.module.val-one-rule',
      `a <val:rule> states exactly one rule (isPresent, isNotPresent, startsWith, endsWith or an extension), not ${rules}`,
      at(),
    );
  const yesNo = (a: string): void => {
    const v = attr(el, a);
    if (v !== undefined && v !== 'yes' && v !== 'no') p.add('xliff2.module.val-value', `${a}="${v}" must be yes or no`, at());
  };
  ['caseSensitive', 'disabled', 'existsInSource'].forEach(yesNo);
  const norm = attr(el, 'normalization');
  if (norm !== undefined && !['none', 'nfc', 'nfd'].includes(norm))
    p.add('xliff2.module.val-value', `normalization="${norm}" must be none, nfc or nfd`, at());
  const occurs = attr(el, 'occurs');
  if (occurs !== undefined && !/^[1-9]\d*$/u.test(occurs))
    p.add('xliff2.module.val-value', `occurs="${occurs}" must be a positive integer`, at());
  if (el.hasAttribute('existsInSource') && !['isPresent', 'startsWith', 'endsWith'].some((a) => el.hasAttribute(a))) {
    p.add('xliff2.module.val-existsInSource', 'existsInSource goes only with isPresent, startsWith or endsWith', at());
  }
}

/**
 * Change Tracking: a <ctr:revisions> ref names an element of the file, and each
 * item's property is `content` or an attribute that element has, once per revision.
 */
function checkRevisions(el: Element, byId: Map<string, Element>, p: Problems, at: () => string): void {
  const ref = attr(el, 'ref');
  const target = ref === undefined ? undefined : byId.get(ref);
  if (ref !== undefined && !target) {
    p.add('xliff2.module.ctr-ref', `revisions ref="${ref}" names no element of the file`, at());
    return;
  }
  for (const rev of childElements(el).filter((c) => c.namespaceURI === MODULE_NS.ctr && c.localName === 'revision')) {
    const seen = new Set<string>();
    for (const item of childElements(rev).filter((c) => c.namespaceURI === MODULE_NS.ctr && c.localName === 'item')) {
      const prop = attr(item, 'property') ?? '';
      if (seen.has(prop)) p.add('xliff2.module.ctr-property', `property "${prop}" is given twice in one revision`, where(item));
      seen.add(prop);
      if (prop !== 'content' && target && !target.hasAttribute(prop)) {
        p.add(
          'xliff2.module.ctr-property',
          `property "${prop}" is neither content nor an attribute of the element "${ref ?? ''}"`,
          where(item),
        );
      }
    }
  }
}

const SIZE_PATTERN = /^(\*|\d+|\d+,(\d+|\*))$/u;

/** Size and Length Restriction attributes, wherever they sit. */
function checkSizeAttributes(el: Element, ns: string, ids: Set<string>, p: Problems): void {
  const v = (a: string): string | undefined =>
    el.hasAttributeNS(MODULE_NS.slr, a) ? (el.getAttributeNS(MODULE_NS.slr, a) ?? '') : undefined;
  const sizeInfo = v('sizeInfo');
  const sizeInfoRef = v('sizeInfoRef');
  const equivStorage = v('equivStorage');
  // sizeInfo is profile data ("some info" is valid in the core suite), so only equivStorage must be a number.
  if (equivStorage !== undefined && !/^\d+$/u.test(equivStorage)) {
    p.add('xliff2.module.slr-integer', `slr:equivStorage="${equivStorage}" must be a non-negative integer`, where(el));
  }
  for (const a of ['sizeRestriction', 'storageRestriction']) {
    const val = v(a);
    if (val !== undefined && !SIZE_PATTERN.test(val))
      p.add('xliff2.module.slr-restriction', `slr:${a}="${val}" must be *, N, N,M or N,*`, where(el));
  }
  if (sizeInfo !== undefined && sizeInfoRef !== undefined)
    p.add('xliff2.module.slr-info-xor-ref', 'slr:sizeInfo and slr:sizeInfoRef exclude each other', where(el));
  if (sizeInfoRef !== undefined && !ids.has(sizeInfoRef))
    p.add('xliff2.module.slr-info-ref', `slr:sizeInfoRef="${sizeInfoRef}" names no element of the file`, where(el));
  const onCodeEnd = el.namespaceURI === ns && el.localName === 'ec' && attr(el, 'isolated') !== 'yes';
  if (onCodeEnd && (sizeInfo !== undefined || sizeInfoRef !== undefined || equivStorage !== undefined)) {
    p.add('xliff2.module.slr-on-ec', 'size attributes go on the <sc>; an <ec> carries them only when isolated', where(el));
  }
}

function attributeNames(el: Element): string[] {
  const out: string[] = [];
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i);
    if (a && !a.name.startsWith('xmlns')) out.push(a.name);
  }
  return out;
}

function foreignAttributes(el: Element): string[] {
  const out: string[] = [];
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i);
    if (a && a.namespaceURI && a.namespaceURI !== el.namespaceURI && !a.name.startsWith('xmlns')) out.push(a.name);
  }
  return out;
}
