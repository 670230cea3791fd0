import { attr, childElements, isElement, nextInTree, nextSkippingChildren, parseXml, xmlAttr } from '../xml/dom.js';
import type { Document, Element, Node } from '../xml/dom.js';
import { Problems } from '../problems.js';
import type { ParseOutcome } from '../problems.js';
import type { ParsedXliff, XliffState, XliffUnit } from '../units.js';
import { isLanguageTag, sameLanguage } from '../xliff2/values.js';
import { XLIFF12_NS } from './export.js';
import { xliff12Tagged } from '../inline/read.js';

/**
 * XLIFF 1.1 is read too: its elements and attributes used here are the same
 * as 1.2's, and translate-toolkit's po2xliff still writes it.
 */
export const XLIFF11_NS = 'urn:oasis:names:tc:xliff:document:1.1';
const VERSION_OF_NS: Record<string, string> = { [XLIFF12_NS]: '1.2', [XLIFF11_NS]: '1.1' };

const STATES_12 = new Set([
  'final',
  'needs-adaptation',
  'needs-l10n',
  'needs-review-adaptation',
  'needs-review-l10n',
  'needs-review-translation',
  'needs-translation',
  'new',
  'signed-off',
  'translated',
]);
/** 1.2 states on the XLIFF 2 scale used by the importer. */
const SCALE: Record<string, XliffState> = {
  final: 'final',
  'signed-off': 'reviewed',
  translated: 'translated',
  'needs-review-translation': 'translated',
  'needs-review-adaptation': 'translated',
  'needs-review-l10n': 'translated',
};

export function parseXliff12(text: string): ParseOutcome<ParsedXliff> {
  const xml = parseXml(text);
  return xml.ok ? validateXliff12(xml.value) : xml;
}

/**
 * Pure parse of XLIFF 1.2: the structure an importer relies on (files with
 * languages, a body, trans-units with unique ids, one source, at most one
 * target, known state values). Other tools' extensions are ignored, not refused.
 */
export function validateXliff12(doc: Document): ParseOutcome<ParsedXliff> {
  const root = doc.documentElement;
  const p = new Problems();
  if (!root || root.localName !== 'xliff' || (root.namespaceURI && !VERSION_OF_NS[root.namespaceURI])) {
    return { ok: false, problems: [{ rule: 'xliff12.root', message: `the root must be <xliff> in namespace ${XLIFF12_NS}` }] };
  }
  const ns = root.namespaceURI;
  const expected = ns ? VERSION_OF_NS[ns]! : attr(root, 'version') === '1.1' ? '1.1' : '1.2';
  const own = (el: Element, name: string): Element[] => childElements(el).filter((c) => c.namespaceURI === ns && c.localName === name);
  if (attr(root, 'version') !== expected) p.add('xliff12.version', `version must be "${expected}", not "${attr(root, 'version') ?? ''}"`);
  const files = own(root, 'file');
  if (files.length === 0) p.add('xliff12.file-required', '<xliff> needs at least one <file>');
  const units: XliffUnit[] = [];
  let srcLang = '';
  let trgLang: string | null = null;
  let headerLang: string | null = null;
  files.forEach((file, fi) => {
    const at = `file#${fi + 1}`;
    for (const a of ['original', 'source-language', 'datatype']) {
      if (attr(file, a) === undefined) p.add('xliff12.file.attribute-required', `<file> needs the attribute ${a}`, at);
    }
    const sl = attr(file, 'source-language') ?? '';
    const tl = attr(file, 'target-language') ?? null;
    if (sl && !isLanguageTag(sl)) p.add('xliff12.language', `source-language "${sl}" is not a language tag`, at);
    if (tl && !isLanguageTag(tl)) p.add('xliff12.language', `target-language "${tl}" is not a language tag`, at);
    if (fi === 0) [srcLang, trgLang] = [sl, tl];
    else if (!sameLanguage(sl, srcLang) || (tl ?? '') !== (trgLang ?? '')) {
      p.add('xliff12.file.languages-differ', 'all <file> elements must have the same languages to import into one document', at);
    }
    const bodies = own(file, 'body');
    if (bodies.length !== 1) p.add('xliff12.body-required', '<file> needs exactly one <body>', at);
    const ids = new Set<string>();
    // Groups nest as deep as the file says: a loop in document order, entering groups only.
    for (const body of bodies) {
      let n: Node | null = nextInTree(body, body);
      while (n) {
        const inside: boolean = isElement(n) && n.namespaceURI === ns && n.localName === 'group';
        // translate-toolkit's po2xliff writes the PO header as a unit of its own: not text to translate,
        // but its Language line is the file's target language, which po2xliff leaves out of <file>.
        if (isElement(n) && n.namespaceURI === ns && n.localName === 'trans-unit' && attr(n, 'restype') === 'x-gettext-domain-header') {
          if (fi === 0 && !tl) headerLang = gettextHeaderLanguage(own(n, 'source')[0]?.textContent ?? '');
        } else if (isElement(n) && n.namespaceURI === ns && n.localName === 'trans-unit') {
          const u = readUnit(n, own, at, tl, p);
          if (u && ids.has(u.id)) p.add('xliff12.trans-unit.id-unique', `trans-unit id "${u.id}" is used twice`, at);
          if (u) {
            ids.add(u.id);
            units.push(u);
          }
        }
        n = inside ? nextInTree(n, body) : nextSkippingChildren(n, body);
      }
    }
  });
  if (!p.empty) return { ok: false, problems: p.list };
  trgLang ??= headerLang;
  const header = files[0] ? own(files[0], 'header')[0] : undefined;
  const titleNote = header ? own(header, 'note').find((n) => attr(n, 'from') === 'anor') : undefined;
  return {
    ok: true,
    value: { version: expected === '1.1' ? '1.1' : '1.2', srcLang, trgLang, units, title: titleNote ? xliff12Tagged(titleNote) : null },
  };
}

function readUnit(
  tu: Element,
  own: (el: Element, name: string) => Element[],
  fileAt: string,
  trgLang: string | null,
  p: Problems,
): XliffUnit | undefined {
  const id = attr(tu, 'id');
  const at = `${fileAt}/trans-unit[${id ?? '?'}]`;
  if (id === undefined || id === '') {
    p.add('xliff12.trans-unit.id-required', '<trans-unit> needs an id', at);
    return undefined;
  }
  const sources = own(tu, 'source');
  const targets = own(tu, 'target');
  if (sources.length !== 1) p.add('xliff12.trans-unit.source', '<trans-unit> needs exactly one <source>', at);
  if (targets.length > 1) p.add('xliff12.trans-unit.target', '<trans-unit> has more than one <target>', at);
  const approved = attr(tu, 'approved');
  if (approved !== undefined && approved !== 'yes' && approved !== 'no') {
    p.add('xliff12.trans-unit.approved', `approved must be "yes" or "no", not "${approved}"`, at);
  }
  const target = targets[0];
  const state = target ? attr(target, 'state') : undefined;
  if (state !== undefined && !STATES_12.has(state) && !state.startsWith('x-')) {
    p.add('xliff12.target.state', `state "${state}" is not an XLIFF 1.2 state value`, at);
  }
  const lang = target ? xmlAttr(target, 'lang') : undefined;
  if (lang !== undefined && trgLang !== null && !sameLanguage(lang, trgLang)) {
    p.add('xliff12.target.lang', `target xml:lang "${lang}" differs from the file's target-language "${trgLang}"`, at);
  }
  const scaled: XliffState = approved === 'yes' ? 'final' : (SCALE[state ?? ''] ?? 'initial');
  // po2xliff keeps a PO entry's `#:` references as po-reference contexts (sourcefile), and its comments as notes.
  const refs: string[] = [];
  for (const group of own(tu, 'context-group')) {
    if (attr(group, 'name') !== 'po-reference') continue;
    for (const c of own(group, 'context')) if (attr(c, 'context-type') === 'sourcefile') refs.push((c.textContent ?? '').trim());
  }
  const notes = own(tu, 'note')
    .map(xliff12Tagged)
    .filter((t) => t.trim() !== '');
  return {
    id,
    refs,
    notes,
    source: sources[0] ? xliff12Tagged(sources[0]) : '',
    target: target ? xliff12Tagged(target) : null,
    state: target ? scaled : 'initial',
    detail: state ?? null,
  };
}

/** The `Language:` line of a gettext header (`ru`, `kk_KZ`, `uz@cyrillic` as uz-Cyrl), or null. */
function gettextHeaderLanguage(header: string): string | null {
  const m = /^Language:[ \t]*(\S+)/mu.exec(header);
  // uz@cyrillic is Uzbek in Cyrillic, which is not Anor's uz (Latin).
  return m?.[1] ? m[1].replace(/@cyrillic$/iu, '-Cyrl').replace(/@.*$/u, '') : null;
}
