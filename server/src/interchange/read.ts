import { parseXml } from './xml/dom.js';
import type { ParseOutcome, Problem } from './problems.js';
import type { ParsedXliff } from './units.js';
import { validateXliff2 } from './xliff2/parse.js';
import { XLIFF2_NS, XLIFF22_NS } from './xliff2/ns.js';
import { validateXliff12, XLIFF11_NS } from './xliff12/parse.js';
import { XLIFF12_NS } from './xliff12/export.js';
import { validateTmx } from './tmx/parse.js';
import type { ParsedTmx } from './tmx/parse.js';
import { looksLikePo, parsePo } from './po/parse.js';

export type InterchangeFile =
  | { format: 'xliff2'; xliff: ParsedXliff }
  | { format: 'xliff12'; xliff: ParsedXliff }
  | { format: 'po'; xliff: ParsedXliff }
  | { format: 'tmx'; tmx: ParsedTmx };

export type Format = InterchangeFile['format'];

/**
 * Reads an interchange file of any supported format, deciding the format by
 * its root element (gettext PO by its name or its first entry) — the one entry
 * point for the importer and `anor validate`, so both judge a file the same way.
 */
export function readInterchange(text: string, name?: string): ParseOutcome<InterchangeFile> & { format?: Format } {
  if (looksLikePo(text, name)) {
    const r = parsePo(text);
    return r.ok ? { ok: true, format: 'po', value: { format: 'po', xliff: r.value } } : { ...r, format: 'po' };
  }
  const xml = parseXml(text);
  if (!xml.ok) return xml;
  const root = xml.value.documentElement;
  const ns = root?.namespaceURI ?? null;
  if (root?.localName === 'xliff' && (ns === XLIFF2_NS || ns === XLIFF22_NS)) {
    const r = validateXliff2(xml.value);
    return r.ok ? { ok: true, format: 'xliff2', value: { format: 'xliff2', xliff: r.value } } : { ...r, format: 'xliff2' };
  }
  if (
    root?.localName === 'xliff' &&
    (ns === XLIFF12_NS || ns === XLIFF11_NS || (!ns && /^1\.[12]$/u.test(root.getAttribute('version') ?? '')))
  ) {
    const r = validateXliff12(xml.value);
    return r.ok ? { ok: true, format: 'xliff12', value: { format: 'xliff12', xliff: r.value } } : { ...r, format: 'xliff12' };
  }
  if (root?.localName === 'tmx') {
    const r = validateTmx(xml.value);
    return r.ok ? { ok: true, format: 'tmx', value: { format: 'tmx', tmx: r.value } } : { ...r, format: 'tmx' };
  }
  const problem: Problem = {
    rule: 'interchange.format',
    message: `unsupported file: root <${root?.nodeName ?? '?'}>${ns ? ` in namespace ${ns}` : ''}; expected XLIFF 2.x, XLIFF 1.2, TMX 1.4 or gettext PO`,
  };
  return { ok: false, problems: [problem] };
}
