import { attr, childElements, childrenNamed, descendants, parseXml } from '../xml/dom.js';
import type { Document, Element } from '../xml/dom.js';
import { Problems } from '../problems.js';
import type { ParseOutcome } from '../problems.js';
import type { ParsedXliff, XliffState, XliffUnit } from '../units.js';
import { XLIFF2_NS, XLIFF22_NS } from './ns.js';
import { checkStructure } from './structure.js';
import { checkDocumentRules } from './rulesDocument.js';
import { checkInlineRules, unitContext } from './rulesInline.js';
import { checkExtensions } from './rulesExtensions.js';
import { checkModules } from './rulesModules.js';
import { xliff2Tagged } from '../inline/read.js';

// The 2.2 schema lets a document in the 2.2 namespace say 2.0, 2.1 or 2.2.
const VERSIONS: Record<string, readonly string[]> = { [XLIFF2_NS]: ['2.0', '2.1'], [XLIFF22_NS]: ['2.0', '2.1', '2.2'] };

/**
 * Parses and validates an XLIFF 2.x document: the core schema, then the core
 * processing requirements (the spec's "MUST"s the XSD cannot express). Pure: no
 * I/O, nothing changed. A file with any problem is refused as a whole, with all
 * problems listed.
 */
export function parseXliff2(text: string): ParseOutcome<ParsedXliff> {
  const xml = parseXml(text);
  if (!xml.ok) return xml;
  return validateXliff2(xml.value);
}

export function validateXliff2(doc: Document): ParseOutcome<ParsedXliff> {
  const root = doc.documentElement;
  const ns = root?.namespaceURI ?? '';
  if (!root || root.localName !== 'xliff' || !VERSIONS[ns]) {
    return { ok: false, problems: [{ rule: 'xliff2.root', message: `the root must be <xliff> in namespace ${XLIFF2_NS}` }] };
  }
  const p = new Problems();
  const version = attr(root, 'version') ?? '';
  if (root.hasAttribute('version') && !VERSIONS[ns].includes(version)) {
    p.add('xliff2.version', `version "${version}" does not match the namespace (expected ${VERSIONS[ns].join(' or ')})`);
  }
  const foreign = checkStructure(root, ns, p);
  checkDocumentRules(root, ns, p);
  for (const file of childrenNamed(root, ns, 'file')) {
    const units = descendants(file).filter((e) => e.namespaceURI === ns && e.localName === 'unit');
    const unitIds = new Set(units.map((u) => attr(u, 'id') ?? ''));
    for (const unit of units) checkInlineRules(unitContext(unit, ns, unitIds), p);
  }
  checkExtensions(root, ns, foreign, p);
  checkModules(root, ns, p);
  if (!p.empty) return { ok: false, problems: p.list };
  return {
    ok: true,
    value: {
      version: version as ParsedXliff['version'],
      srcLang: attr(root, 'srcLang') ?? '',
      trgLang: attr(root, 'trgLang') ?? null,
      units: descendants(root)
        .filter((e) => e.namespaceURI === ns && e.localName === 'unit')
        .map((u) => readUnit(u, ns)),
    },
  };
}

const RANK: Record<XliffState, number> = { initial: 0, translated: 1, reviewed: 2, final: 3 };

function readUnit(unit: Element, ns: string): XliffUnit {
  const parts = childElements(unit).filter((e) => e.namespaceURI === ns && (e.localName === 'segment' || e.localName === 'ignorable'));
  const source = parts.map((part) => childrenNamed(part, ns, 'source').map(xliff2Tagged).join('')).join('');
  const targets = parts
    .map((part, i) => {
      const t = childrenNamed(part, ns, 'target')[0];
      return t ? { order: Number(attr(t, 'order') ?? i + 1), text: xliff2Tagged(t) } : undefined;
    })
    .filter((t): t is { order: number; text: string } => t !== undefined)
    .sort((a, b) => a.order - b.order);
  // The unit is only as far along as its least advanced segment.
  let state: XliffState = 'final';
  let detail: string | null = null;
  for (const seg of parts.filter((e) => e.localName === 'segment')) {
    const s = (attr(seg, 'state') ?? 'initial') as XliffState;
    if (RANK[s] < RANK[state]) state = s;
    detail ??= attr(seg, 'subState') ?? null;
  }
  const target = targets.length ? targets.map((t) => t.text).join('') : null;
  return { id: attr(unit, 'id') ?? '', source, target, state, detail };
}
