import { attr, childElements, childrenNamed, descendants, hasOwnText, inheritedXml } from '../xml/dom.js';
import type { Element } from '../xml/dom.js';
import type { Problems } from '../problems.js';
import { sameLanguage } from './values.js';
import { where } from './where.js';

/**
 * Processing requirements of XLIFF 2.0/2.1 core that concern the document's
 * structure: unique ids per scope, languages, xml:space, skeleton, segments,
 * state/subState and target order. Inline content has its own file.
 */
export function checkDocumentRules(root: Element, ns: string, p: Problems): void {
  const files = childrenNamed(root, ns, 'file');
  unique(files, 'xliff2.id.file-unique', 'file', p);
  const srcLang = attr(root, 'srcLang');
  const trgLang = attr(root, 'trgLang');
  for (const file of files) {
    const groups = descendants(file).filter((e) => e.namespaceURI === ns && e.localName === 'group');
    const units = descendants(file).filter((e) => e.namespaceURI === ns && e.localName === 'unit');
    unique(groups, 'xliff2.id.group-unique', 'group', p);
    unique(units, 'xliff2.id.unit-unique', 'unit', p);
    for (const skel of childrenNamed(file, ns, 'skeleton')) checkSkeleton(skel, p);
    for (const scope of [file, ...groups, ...units]) {
      for (const notes of childrenNamed(scope, ns, 'notes')) unique(childrenNamed(notes, ns, 'note'), 'xliff2.id.note-unique', 'note', p);
    }
    for (const unit of units) checkUnit(unit, ns, srcLang, trgLang, p);
  }
}

function unique(els: Element[], rule: string, what: string, p: Problems): void {
  const seen = new Set<string>();
  for (const el of els) {
    const id = attr(el, 'id');
    if (id === undefined) continue;
    if (seen.has(id)) p.add(rule, `${what} id "${id}" is used twice in the same scope`, where(el));
    seen.add(id);
  }
}

function checkSkeleton(skel: Element, p: Problems): void {
  const href = attr(skel, 'href');
  const hasContent = childElements(skel).length > 0 || hasOwnText(skel);
  if (href !== undefined && hasContent) {
    p.add('xliff2.skeleton.href-xor-content', '<skeleton> with href must be empty', where(skel));
  } else if (href === undefined && !hasContent) {
    p.add('xliff2.skeleton.href-xor-content', '<skeleton> without href must hold the skeleton itself', where(skel));
  }
}

function checkUnit(unit: Element, ns: string, srcLang: string | undefined, trgLang: string | undefined, p: Problems): void {
  const parts = childElements(unit).filter((e) => e.namespaceURI === ns && (e.localName === 'segment' || e.localName === 'ignorable'));
  if (parts.length > 0 && !parts.some((e) => e.localName === 'segment')) {
    p.add('xliff2.unit.segment-required', 'a <unit> needs at least one <segment> (ignorables alone are not enough)', where(unit));
  }
  unique(parts, 'xliff2.id.part-unique', 'segment/ignorable', p);
  for (const od of childrenNamed(unit, ns, 'originalData')) unique(childrenNamed(od, ns, 'data'), 'xliff2.id.data-unique', 'data', p);

  const usedOrders = new Map<number, Element>();
  parts.forEach((part, i) => {
    const source = childrenNamed(part, ns, 'source')[0];
    const target = childrenNamed(part, ns, 'target')[0];
    if (part.localName === 'segment') checkState(part, target, p);
    if (source) {
      const lang = inheritedXml(source, 'lang');
      if (lang !== undefined && srcLang !== undefined && !sameLanguage(lang, srcLang)) {
        p.add('xliff2.srcLang.match', `source language "${lang}" (xml:lang) differs from srcLang "${srcLang}"`, where(source));
      }
    }
    if (!target) return;
    if (trgLang === undefined) {
      p.add('xliff2.trgLang.required', '<target> present but <xliff> has no trgLang', where(target));
    } else {
      const lang = inheritedXml(target, 'lang');
      if (lang !== undefined && !sameLanguage(lang, trgLang)) {
        p.add('xliff2.trgLang.match', `target language "${lang}" (xml:lang) differs from trgLang "${trgLang}"`, where(target));
      }
    }
    if (source && (inheritedXml(source, 'space') ?? 'default') !== (inheritedXml(target, 'space') ?? 'default')) {
      p.add('xliff2.xml-space.target-matches-source', '<target> must have the same xml:space as its <source>', where(target));
    }
    const orderAttr = attr(target, 'order');
    const order = orderAttr === undefined ? i + 1 : Number(orderAttr);
    if (!Number.isInteger(order)) return;
    if (order < 1 || order > parts.length) {
      p.add(
        'xliff2.target.order-range',
        `order ${order} is outside 1..${parts.length} (the unit's segments and ignorables)`,
        where(target),
      );
    }
    const clash = usedOrders.get(order);
    if (clash) {
      p.add('xliff2.target.order-unique', `order ${order} is taken twice in the unit (explicitly or by position)`, where(target));
    }
    usedOrders.set(order, target);
  });
}

function checkState(segment: Element, target: Element | undefined, p: Problems): void {
  const state = attr(segment, 'state');
  const subState = attr(segment, 'subState');
  if (subState !== undefined) {
    if (state === undefined) p.add('xliff2.segment.subState-needs-state', 'subState is set without state', where(segment));
    if (!/^[^\s:]+:[^\s:]+$/u.test(subState)) {
      p.add('xliff2.segment.subState-value', `subState "${subState}" must have the form prefix:value`, where(segment));
    }
  }
  if ((state === 'translated' || state === 'reviewed' || state === 'final') && !target) {
    p.add('xliff2.segment.state-needs-target', `state="${state}" needs a <target>`, where(segment));
  }
}
