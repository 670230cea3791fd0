import { attr, childElements, parseXml, xmlAttr } from '../xml/dom.js';
import type { Document, Element } from '../xml/dom.js';
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
    const walk = (el: Element): void => {
      for (const c of childElements(el)) {
        if (c.namespaceURI !== ns) continue;
        if (c.localName === 'group') walk(c);
        else if (c.localName === 'trans-unit') {
          const u = readUnit(c, own, at, tl, p);
          if (!u) continue;
          if (ids.has(u.id)) p.add('xliff12.trans-unit.id-unique', `trans-unit id "${u.id}" is used twice`, at);
          ids.add(u.id);
          units.push(u);
        }
      }
    };
    for (const body of bodies) walk(body);
  });
  if (!p.empty) return { ok: false, problems: p.list };
  return { ok: true, value: { version: expected === '1.1' ? '1.1' : '1.2', srcLang, trgLang, units } };
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
  return {
    id,
    source: sources[0] ? xliff12Tagged(sources[0]) : '',
    target: target ? xliff12Tagged(target) : null,
    state: target ? scaled : 'initial',
    detail: state ?? null,
  };
}
