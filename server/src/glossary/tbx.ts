import { AppError, LANGS } from '../../../shared/index.js';
import type { Lang } from '../../../shared/index.js';
import type { GlossaryTerm } from '../../../shared/qa/types.js';
import { childElements, isElement, parseXml, textContent, xmlAttr } from '../interchange/xml/dom.js';
import type { Element } from '../interchange/xml/dom.js';
import { escapeAttr, escapeText } from '../interchange/xml/write.js';
import { langFromTag } from '../tm/langTag.js';

/**
 * TBX (ISO 30042). Export writes TBX v3 core with the TBX-Basic dialect:
 * `<conceptEntry>` → `<langSec xml:lang>` → `<termSec><term>`, a forbidden
 * variant as a termSec with `administrativeStatus` = `deprecatedTerm-admn-sts`,
 * the note as `<note>` on the concept. Import also reads TBX 2 / TBX-Basic
 * 2008 (`<martif>`, `<termEntry>`, `<langSet>`, `<tig>` / `<ntig><termGrp>`),
 * which most CAT tools still write.
 */
const TBX_NS = 'urn:iso:std:iso:30042:ed-2';
const DEPRECATED = new Set(['deprecatedterm-admn-sts', 'supersededterm-admn-sts', 'deprecatedterm', 'supersededterm']);

export function glossaryToTbx(terms: readonly GlossaryTerm[]): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<tbx xmlns="${TBX_NS}" type="TBX-Basic" style="dca" xml:lang="en">`,
    '<tbxHeader><fileDesc><sourceDesc><p>Anor glossary</p></sourceDesc></fileDesc></tbxHeader>',
    '<text><body>',
  ];
  terms.forEach((t, i) => {
    out.push(`<conceptEntry id="c${i + 1}">`);
    if (t.note) out.push(`<note>${escapeText(t.note)}</note>`);
    for (const l of LANGS) {
      const bad = (t.forbidden ?? []).filter((f) => f.lang === l);
      if (!t[l] && bad.length === 0) continue;
      out.push(`<langSec xml:lang="${escapeAttr(l)}">`);
      if (t[l])
        out.push(
          `<termSec><term>${escapeText(t[l])}</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>`,
        );
      for (const f of bad)
        out.push(
          `<termSec><term>${escapeText(f.text)}</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>`,
        );
      out.push('</langSec>');
    }
    out.push('</conceptEntry>');
  });
  out.push('</body></text>', '</tbx>', '');
  return out.join('\n');
}

const named = (el: Element, ...names: string[]): Element[] => childElements(el).filter((c) => names.includes(c.localName ?? ''));

/**
 * Whatever sits below `el` with one of these names, at any depth (TBX puts them
 * under body, text, …), in document order, not looking inside a match. A loop
 * with its own stack: spreading a child's matches into push() overflowed the
 * call stack past ~100,000 entries (a 500 on POST /api/glossary/import).
 */
function findAll(el: Element, names: readonly string[]): Element[] {
  const out: Element[] = [];
  const stack: Element[] = [];
  const pushChildren = (parent: Element): void => {
    for (let n = parent.lastChild; n; n = n.previousSibling) if (isElement(n)) stack.push(n);
  };
  pushChildren(el);
  for (let c = stack.pop(); c; c = stack.pop()) {
    if (names.includes(c.localName ?? '')) out.push(c);
    else pushChildren(c);
  }
  return out;
}

function statusOf(termHolder: Element): string {
  for (const n of findAll(termHolder, ['termNote'])) {
    const type = n.getAttribute('type');
    if (type === 'administrativeStatus' || type === 'normativeAuthorization') return textContent(n).trim().toLowerCase();
  }
  return '';
}

/** Terms as plain objects (the caller validates them with the glossary schema). */
export function glossaryFromTbx(text: string): Record<string, unknown>[] {
  const xml = parseXml(text);
  if (!xml.ok) throw new AppError('bad_request', 'not well-formed XML', xml.problems.slice(0, 20));
  const root = xml.value.documentElement;
  if (!root || (root.localName !== 'tbx' && root.localName !== 'martif'))
    throw new AppError('bad_request', 'the root must be <tbx> (TBX v3) or <martif> (TBX 2)');
  return findAll(root, ['conceptEntry', 'termEntry']).map((entry) => {
    const term: Record<string, unknown> = {};
    const forbidden: { lang: Lang; text: string }[] = [];
    const notes = [...named(entry, 'note'), ...named(entry, 'descrip').filter((d) => d.getAttribute('type') === 'definition')];
    const note = notes
      .map((n) => textContent(n).trim())
      .filter(Boolean)
      .join('\n');
    if (note) term.note = note;
    for (const sec of named(entry, 'langSec', 'langSet')) {
      const m = langFromTag(xmlAttr(sec, 'lang') ?? sec.getAttribute('lang') ?? '');
      if (!m) continue;
      for (const holder of named(sec, 'termSec', 'tig', 'ntig')) {
        const t = findAll(holder, ['term'])[0];
        const value = t ? m.convert(textContent(t).trim()) : '';
        if (!value) continue;
        if (DEPRECATED.has(statusOf(holder))) forbidden.push({ lang: m.lang, text: value });
        else if (term[m.lang] === undefined) term[m.lang] = value;
      }
    }
    if (forbidden.length > 0) term.forbidden = forbidden;
    return term;
  });
}
