/** XLIFF 2.x namespaces. 2.1 keeps the 2.0 core namespace; 2.2 has its own. */
export const XLIFF2_NS = 'urn:oasis:names:tc:xliff:document:2.0';
export const XLIFF22_NS = 'urn:oasis:names:tc:xliff:document:2.2';

export const MODULE_NS = {
  fs: 'urn:oasis:names:tc:xliff:fs:2.0',
  slr: 'urn:oasis:names:tc:xliff:sizerestriction:2.0',
  val: 'urn:oasis:names:tc:xliff:validation:2.0',
  gls: 'urn:oasis:names:tc:xliff:glossary:2.0',
  mtc: 'urn:oasis:names:tc:xliff:matches:2.0',
  mda: 'urn:oasis:names:tc:xliff:metadata:2.0',
  res: 'urn:oasis:names:tc:xliff:resourcedata:2.0',
  ctr: 'urn:oasis:names:tc:xliff:changetracking:2.0',
  its: 'http://www.w3.org/2005/11/its',
  itsm: 'urn:oasis:names:tc:xliff:itsm:2.1',
} as const;

/** Element vocabularies of the modules whose elements we check by name. */
export const MODULE_ELEMENTS: Partial<Record<string, ReadonlySet<string>>> = {
  [MODULE_NS.val]: new Set(['validation', 'rule']),
  [MODULE_NS.gls]: new Set(['glossary', 'glossEntry', 'term', 'translation', 'definition']),
  [MODULE_NS.mtc]: new Set(['matches', 'match']),
  [MODULE_NS.mda]: new Set(['metadata', 'metaGroup', 'meta']),
  [MODULE_NS.res]: new Set(['resourceData', 'resourceItem', 'resourceItemRef', 'source', 'target', 'reference']),
  [MODULE_NS.ctr]: new Set(['changeTrack', 'revisions', 'revision', 'item']),
  [MODULE_NS.slr]: new Set(['profiles', 'normalization', 'data']),
};

/** Module namespaces whose attributes may sit on inline codes (ph, pc, sc, ec). */
export const INLINE_MODULE_NS: ReadonlySet<string> = new Set([MODULE_NS.fs, MODULE_NS.slr, MODULE_NS.its, MODULE_NS.itsm]);

/** fs:fs names an HTML element (Format Style module); anything else is refused. */
export const FS_ELEMENTS: ReadonlySet<string> = new Set(
  (
    'a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption cite code col ' +
    'colgroup command datalist dd del details dfn div dl dt em embed fieldset figcaption figure footer form h1 h2 h3 ' +
    'h4 h5 h6 head header hgroup hr html i iframe img input ins kbd keygen label legend li link map mark menu meta ' +
    'meter nav noscript object ol optgroup option output p param pre progress q rp rt ruby s samp script section ' +
    'select small source span strong style sub summary sup table tbody td textarea tfoot th thead time title tr ' +
    'track u ul var video wbr'
  ).split(' '),
);
