import { attr, isElement } from '../xml/dom.js';
import type { Element } from '../xml/dom.js';
import type { Problems } from '../problems.js';
import type { UnitContext } from './rulesInline.js';
import { where } from './where.js';

const CODE_NAMES: ReadonlySet<string> = new Set(['ph', 'pc', 'sc', 'ec']);
const DEFAULTS: Record<string, string> = { canCopy: 'yes', canDelete: 'yes', canReorder: 'yes', canOverlap: 'yes' };

/**
 * Spanning codes split in two (<sc>/<ec>): an <ec> closes an earlier <sc> of the
 * unit by startRef; a start or end without its partner must say isolated="yes"
 * (and then an isolated <ec> carries id, not startRef); partners agree on their
 * editing hints.
 */
export function checkPairs(side: Element[], p: Problems): void {
  const scs = new Map<string, Element>();
  const closed = new Set<Element>();
  for (const el of side) {
    const name = el.localName;
    if (name === 'sc') {
      scs.set(attr(el, 'id') ?? '', el);
      continue;
    }
    if (name !== 'ec') continue;
    const at = where(el);
    const isolated = attr(el, 'isolated') === 'yes';
    const startRef = attr(el, 'startRef');
    if (isolated) {
      if (startRef !== undefined || attr(el, 'id') === undefined) {
        p.add('xliff2.inline.ec-isolated-id', 'an isolated <ec> (isolated="yes") must carry id and no startRef', at);
      }
      continue;
    }
    if (startRef === undefined) {
      p.add('xliff2.inline.ec-needs-startRef', 'an <ec> that is not isolated must name its <sc> with startRef (or say isolated="yes")', at);
      continue;
    }
    if (attr(el, 'id') !== undefined) p.add('xliff2.inline.ec-id-with-startRef', 'an <ec> with startRef must not carry id', at);
    const sc = scs.get(startRef);
    if (!sc) {
      const later = side.some((e) => e.localName === 'sc' && attr(e, 'id') === startRef);
      p.add(
        later ? 'xliff2.inline.ec-before-sc' : 'xliff2.inline.ec-without-sc',
        later ? `<ec startRef="${startRef}"> comes before its <sc>` : `<ec startRef="${startRef}"> matches no <sc> of the unit`,
        at,
      );
      continue;
    }
    closed.add(sc);
    for (const hint of ['canCopy', 'canDelete', 'canOverlap', 'canReorder']) {
      const s = attr(sc, hint) ?? DEFAULTS[hint]!;
      const e = attr(el, hint) ?? DEFAULTS[hint]!;
      const expected = hint === 'canReorder' && s === 'firstNo' ? 'no' : s;
      if (e !== expected) {
        p.add(
          'xliff2.inline.sc-ec-hints-match',
          `${hint} is "${s}" on <sc id="${startRef}"> but "${e}" on its <ec> (expected "${expected}")`,
          at,
        );
      }
    }
    if (attr(sc, 'isolated') === 'yes') {
      p.add('xliff2.inline.isolated-but-paired', `<sc id="${startRef}"> says isolated="yes" but its <ec> is in the unit`, where(sc));
    }
  }
  for (const [id, sc] of scs) {
    if (closed.has(sc) || attr(sc, 'isolated') === 'yes') continue;
    p.add('xliff2.inline.sc-unmatched', `<sc id="${id}"> has no <ec> in the unit; mark it isolated="yes"`, where(sc));
  }
}

interface CodeRef {
  key: string;
  parent: string | null;
  reorder: string;
}

function codeRefs(els: Element[]): CodeRef[] {
  return els
    .filter((e) => CODE_NAMES.has(e.localName ?? ''))
    .map((e) => {
      let parent: string | null = null;
      for (let a = e.parentNode; isElement(a); a = a.parentNode) {
        if (a.localName === 'pc') {
          parent = attr(a, 'id') ?? null;
          break;
        }
        if (a.localName === 'source' || a.localName === 'target') break;
      }
      const startRef = attr(e, 'startRef');
      return {
        key: startRef !== undefined ? `end:${startRef}` : `id:${attr(e, 'id') ?? ''}`,
        parent,
        reorder: attr(e, 'canReorder') ?? 'yes',
      };
    });
}

/**
 * canReorder: a run of codes starting with "firstNo" and continued by "no" must
 * stay together and in order (and in the same enclosing <pc>) in the target of
 * its segment; a "no" can only continue such a run.
 */
export function checkReordering(ctx: UnitContext, p: Problems): void {
  const all = codeRefs(ctx.source);
  all.forEach((c, i) => {
    if (c.reorder !== 'no') return;
    const prev = all[i - 1];
    if (!prev || prev.reorder === 'yes') {
      const el = ctx.source.filter((e) => CODE_NAMES.has(e.localName ?? ''))[i];
      p.add(
        'xliff2.inline.reorder-sequence-start',
        'a code with canReorder="no" must follow a "firstNo" or "no" code (a run starts with firstNo)',
        el ? where(el) : undefined,
      );
    }
  });
  for (const part of ctx.parts) {
    const src = part.getElementsByTagNameNS(ctx.ns, 'source')[0];
    const trg = part.getElementsByTagNameNS(ctx.ns, 'target')[0];
    if (!src || !trg) continue;
    const s = codeRefs(Array.from(src.getElementsByTagNameNS(ctx.ns, '*')));
    const t = codeRefs(Array.from(trg.getElementsByTagNameNS(ctx.ns, '*')));
    for (let i = 0; i < s.length; i++) {
      if (s[i]!.reorder !== 'firstNo') continue;
      let j = i + 1;
      while (j < s.length && s[j]!.reorder === 'no') j++;
      const run = s.slice(i, j);
      const start = t.findIndex((c) => c.key === run[0]!.key);
      if (start < 0) continue; // a missing code is the non-removable rule's business
      const ok = run.every((c, k) => t[start + k]?.key === c.key && t[start + k]?.parent === c.parent);
      if (!ok) {
        p.add(
          'xliff2.inline.reorder-violated',
          `codes ${run.map((c) => c.key.slice(c.key.indexOf(':') + 1)).join(', ')} may not be reordered or separated, but the target reorders or separates them`,
          where(trg),
        );
      }
    }
  }
}
