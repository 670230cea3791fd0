import { attr, childElements, childrenNamed, descendants } from '../xml/dom.js';
import type { Element } from '../xml/dom.js';
import { LONE_SURROGATE_RULE } from '../problems.js';
import type { Problems } from '../problems.js';
import { checkPairs, checkReordering } from './rulesCodes.js';
import { where } from './where.js';

/** What the inline rules need to know about one unit. */
export interface UnitContext {
  unit: Element;
  ns: string;
  parts: Element[];
  /** Inline elements of all sources / all targets of the unit, in document order. */
  source: Element[];
  target: Element[];
  dataIds: Set<string>;
  unitIds: Set<string>;
}

export const CODES: ReadonlySet<string> = new Set(['ph', 'pc', 'sc', 'ec']);

export function unitContext(unit: Element, ns: string, unitIds: Set<string>): UnitContext {
  const parts = childElements(unit).filter((e) => e.namespaceURI === ns && (e.localName === 'segment' || e.localName === 'ignorable'));
  const inline = (side: 'source' | 'target'): Element[] =>
    parts.flatMap((part) => childrenNamed(part, ns, side).flatMap((c) => descendants(c).filter((e) => e.namespaceURI === ns)));
  const dataIds = new Set<string>();
  for (const od of childrenNamed(unit, ns, 'originalData')) {
    for (const d of childrenNamed(od, ns, 'data')) dataIds.add(attr(d, 'id') ?? '');
  }
  return { unit, ns, parts, source: inline('source'), target: inline('target'), dataIds, unitIds };
}

/** Processing requirements on inline content (XLIFF 2.1 core §4.2.2–4.2.3 and the inline-code constraints). */
export function checkInlineRules(ctx: UnitContext, p: Problems): void {
  checkIds(ctx, p);
  for (const side of [ctx.source, ctx.target]) {
    for (const el of side) checkElement(ctx, el, side, p);
    checkPairs(side, p);
    checkMarkers(side, p);
  }
  checkNonRemovable(ctx, p);
  checkReordering(ctx, p);
}

function checkIds(ctx: UnitContext, p: Problems): void {
  const seen = new Set<string>();
  for (const part of ctx.parts) {
    const id = attr(part, 'id');
    if (id !== undefined) seen.add(id);
  }
  for (const el of ctx.source) {
    const id = attr(el, 'id');
    if (id === undefined || el.localName === 'cp') continue;
    if (seen.has(id)) p.add('xliff2.id.inline-unique', `id "${id}" is used twice in the unit`, where(el));
    seen.add(id);
  }
  const targetSeen = new Set<string>();
  for (const el of ctx.target) {
    const id = attr(el, 'id');
    if (id === undefined) continue;
    if (targetSeen.has(id)) p.add('xliff2.id.inline-unique', `id "${id}" is used twice in the targets of the unit`, where(el));
    targetSeen.add(id);
  }
}

const XLF_SUBTYPES: Record<string, string> = {
  'xlf:lb': 'fmt',
  'xlf:pb': 'fmt',
  'xlf:b': 'fmt',
  'xlf:i': 'fmt',
  'xlf:u': 'fmt',
  'xlf:var': 'ui',
};

function checkElement(ctx: UnitContext, el: Element, side: Element[], p: Problems): void {
  const name = el.localName ?? '';
  const at = where(el);
  if (name === 'cp') return checkCp(el, p);
  const subType = attr(el, 'subType');
  const type = attr(el, 'type');
  if (subType !== undefined && CODES.has(name)) {
    if (type === undefined) p.add('xliff2.inline.subType-needs-type', `subType "${subType}" is set without type`, at);
    const needed = XLF_SUBTYPES[subType];
    if (subType.startsWith('xlf:') && needed === undefined) {
      p.add('xliff2.inline.subType-value', `"${subType}" is not a subType the xlf: prefix defines`, at);
    } else if (needed !== undefined && type !== undefined && type !== needed) {
      p.add('xliff2.inline.subType-type-mismatch', `subType "${subType}" requires type="${needed}", not "${type}"`, at);
    }
  }
  for (const a of ['dataRef', 'dataRefStart', 'dataRefEnd']) {
    const ref = attr(el, a);
    if (ref !== undefined && !ctx.dataIds.has(ref)) {
      p.add('xliff2.inline.dataRef-unknown', `${a}="${ref}" names no <data> in the unit's <originalData>`, at);
    }
  }
  if (name === 'pc' && el.hasAttribute('dataRefStart') !== el.hasAttribute('dataRefEnd')) {
    p.add('xliff2.inline.dataRef-pair', '<pc> needs both dataRefStart and dataRefEnd, or neither', at);
  }
  if (name === 'pc' && el.hasAttribute('subFlowsStart') !== el.hasAttribute('subFlowsEnd')) {
    p.add('xliff2.inline.subFlows-pair', '<pc> needs both subFlowsStart and subFlowsEnd, or neither', at);
  }
  for (const a of ['subFlows', 'subFlowsStart', 'subFlowsEnd']) {
    const v = attr(el, a);
    if (v === undefined) continue;
    for (const id of v.trim().split(/\s+/u)) {
      if (id && !ctx.unitIds.has(id)) p.add('xliff2.inline.subFlows-unknown', `${a} names "${id}", which is no unit of this file`, at);
    }
  }
  const copyOf = attr(el, 'copyOf');
  if (copyOf !== undefined) checkCopyOf(el, copyOf, side, p);
  const reorder = attr(el, 'canReorder');
  if ((reorder === 'no' || reorder === 'firstNo') && (attr(el, 'canCopy') !== 'no' || attr(el, 'canDelete') !== 'no')) {
    p.add('xliff2.inline.reorder-needs-no-copy-delete', `canReorder="${reorder}" requires canCopy="no" and canDelete="no"`, at);
  }
  if (name === 'mrk' || name === 'sm') checkAnnotation(el, p);
}

function checkCp(el: Element, p: Problems): void {
  const hex = attr(el, 'hex') ?? '';
  if (!/^[0-9A-Fa-f]+$/u.test(hex)) return; // the schema check already reported it
  const c = Number.parseInt(hex, 16);
  const invalidInXml =
    c <= 0x8 || c === 0xb || c === 0xc || (c >= 0xe && c <= 0x1f) || (c >= 0xd800 && c <= 0xdfff) || c === 0xfffe || c === 0xffff;
  if (c > 0x10ffff) p.add('xliff2.inline.cp-range', `<cp hex="${hex}"> is beyond U+10FFFF`, where(el));
  else if (c >= 0xd800 && c <= 0xdfff) {
    // Half of a UTF-16 pair is no character: Anor stores well-formed Unicode only (shared/text/wellFormed.ts).
    p.add(LONE_SURROGATE_RULE, `<cp hex="${hex}"> is a lone surrogate, not a character`, where(el));
  } else if (!invalidInXml) {
    p.add(
      'xliff2.inline.cp-only-invalid-chars',
      `<cp> is for characters XML cannot carry; U+${hex.toUpperCase()} must be written as text`,
      where(el),
    );
  }
}

function checkCopyOf(el: Element, copyOf: string, side: Element[], p: Problems): void {
  const at = where(el);
  const base = side.find((e) => CODES.has(e.localName ?? '') && attr(e, 'id') === copyOf && e !== el);
  if (!base) p.add('xliff2.inline.copyOf-unknown', `copyOf="${copyOf}" names no code of the unit`, at);
  else if (attr(base, 'canCopy') === 'no')
    p.add('xliff2.inline.copyOf-not-copyable', `copyOf="${copyOf}" copies a code marked canCopy="no"`, at);
  if (['dataRef', 'dataRefStart', 'dataRefEnd'].some((a) => el.hasAttribute(a))) {
    p.add('xliff2.inline.copyOf-with-data', 'a code with copyOf takes its original data from the copied code: no dataRef allowed', at);
  }
}

function checkAnnotation(el: Element, p: Problems): void {
  const type = attr(el, 'type');
  const at = where(el);
  if ((type === undefined || type === 'generic') && attr(el, 'translate') === undefined) {
    p.add('xliff2.annotation.generic-needs-translate', `a generic <${el.localName}> annotation needs the translate attribute`, at);
  }
  if (type === 'comment') {
    const hasValue = el.hasAttribute('value');
    const hasRef = el.hasAttribute('ref');
    if (hasValue === hasRef) {
      p.add('xliff2.annotation.comment-value-or-ref', 'a comment annotation needs exactly one of value (the comment) or ref (a note)', at);
    }
  }
  if (type === 'mtc:match' && el.hasAttribute('ref')) {
    p.add('xliff2.annotation.match-no-ref', 'a mtc:match annotation is pointed at by the match; it takes no ref', at);
  }
}

/** sm must be closed by a later em of the unit (same side); em must close an earlier sm. */
function checkMarkers(side: Element[], p: Problems): void {
  const open = new Map<string, Element>();
  for (const el of side) {
    if (el.localName === 'sm') open.set(attr(el, 'id') ?? '', el);
    else if (el.localName === 'em') {
      const ref = attr(el, 'startRef') ?? '';
      if (!open.delete(ref)) p.add('xliff2.inline.em-without-sm', `<em startRef="${ref}"> closes no earlier <sm> of the unit`, where(el));
    }
  }
  for (const [id, sm] of open) p.add('xliff2.inline.sm-without-em', `<sm id="${id}"> is never closed by an <em>`, where(sm));
}

/** A code marked canDelete="no" in a source must appear in the unit's targets once any target exists. */
function checkNonRemovable(ctx: UnitContext, p: Problems): void {
  const targetKeys = new Set(ctx.target.map((e) => key(e)));
  for (const part of ctx.parts) {
    if (childrenNamed(part, ctx.ns, 'target').length === 0) continue;
    for (const src of childrenNamed(part, ctx.ns, 'source')) {
      for (const el of descendants(src)) {
        if (!CODES.has(el.localName ?? '') || attr(el, 'canDelete') !== 'no') continue;
        if (!targetKeys.has(key(el))) {
          p.add('xliff2.inline.code-not-removable', `code ${key(el)} is marked canDelete="no" but is missing from the target`, where(el));
        }
      }
    }
  }
}

function key(el: Element): string {
  const startRef = attr(el, 'startRef');
  return startRef !== undefined ? `${el.localName}→${startRef}` : `${el.localName}#${attr(el, 'id') ?? ''}`;
}
