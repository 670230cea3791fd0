import { attr, childElements, parseXml, textWithout, xmlAttr } from '../xml/dom.js';
import { controlFromCode } from '../xml/write.js';
import type { Document, Element } from '../xml/dom.js';
import { Problems } from '../problems.js';
import type { ParseOutcome } from '../problems.js';
import { isLanguageTag } from '../xliff2/values.js';

export interface TmxVariant {
  lang: string;
  text: string;
}
export interface TmxUnit {
  tuid: string | null;
  variants: TmxVariant[];
}
export interface ParsedTmx {
  srcLang: string;
  units: TmxUnit[];
  /** The document title, when Anor wrote the file (header prop x-anor-title). */
  title?: string | null;
}

// Inline elements whose content is native code (tags of the original format), not text.
const CODE_CONTENT = new Set(['bpt', 'ept', 'it', 'ph', 'ut']);

export function parseTmx(text: string): ParseOutcome<ParsedTmx> {
  const xml = parseXml(text);
  return xml.ok ? validateTmx(xml.value) : xml;
}

/**
 * Pure TMX 1.4 parse: header with srclang, body of <tu>, each <tuv> with a
 * language and exactly one <seg>. Accepts 1.4 and 1.4b (what many tools write).
 */
export function validateTmx(doc: Document): ParseOutcome<ParsedTmx> {
  const root = doc.documentElement;
  if (!root || root.localName !== 'tmx' || root.namespaceURI) {
    return { ok: false, problems: [{ rule: 'tmx.root', message: 'the root must be <tmx> (no namespace)' }] };
  }
  const p = new Problems();
  const version = attr(root, 'version');
  if (version !== '1.4' && version !== '1.4b') p.add('tmx.version', `version must be "1.4", not "${version ?? ''}"`);
  const kids = childElements(root);
  const header = kids.find((k) => k.localName === 'header');
  const body = kids.find((k) => k.localName === 'body');
  if (!header) p.add('tmx.header-required', '<tmx> needs a <header>');
  if (!body) p.add('tmx.body-required', '<tmx> needs a <body>');
  const srcLang = header ? (attr(header, 'srclang') ?? '') : '';
  if (header) {
    for (const a of ['creationtool', 'creationtoolversion', 'segtype', 'o-tmf', 'adminlang', 'srclang', 'datatype']) {
      if (attr(header, a) === undefined) p.add('tmx.header.attribute-required', `<header> needs the attribute ${a}`);
    }
    if (srcLang && srcLang !== '*all*' && !isLanguageTag(srcLang)) p.add('tmx.language', `srclang "${srcLang}" is not a language tag`);
  }
  const units: TmxUnit[] = [];
  childElements(body ?? root)
    .filter((e) => e.localName === 'tu')
    .forEach((tu, i) => {
      const at = `tu#${i + 1}`;
      const tuvs = childElements(tu).filter((e) => e.localName === 'tuv');
      if (tuvs.length === 0) p.add('tmx.tu.tuv-required', '<tu> needs at least one <tuv>', at);
      const variants: TmxVariant[] = [];
      for (const tuv of tuvs) {
        const lang = xmlAttr(tuv, 'lang') ?? attr(tuv, 'lang');
        const segs = childElements(tuv).filter((e) => e.localName === 'seg');
        if (!lang) p.add('tmx.tuv.lang-required', '<tuv> needs xml:lang', at);
        else if (!isLanguageTag(lang)) p.add('tmx.language', `xml:lang "${lang}" is not a language tag`, at);
        if (segs.length !== 1) p.add('tmx.tuv.seg', '<tuv> needs exactly one <seg>', at);
        if (lang && segs[0]) variants.push({ lang, text: segText(segs[0]) });
      }
      units.push({ tuid: attr(tu, 'tuid') ?? null, variants });
    });
  if (!p.empty) return { ok: false, problems: p.list };
  const titleProp = header ? childElements(header).find((e) => e.localName === 'prop' && attr(e, 'type') === 'x-anor-title') : undefined;
  return { ok: true, value: { srcLang, units, title: titleProp ? segText(titleProp) : null } };
}

/** Text of a <seg>: native code left out, <hi> read through; Anor's `x-cp-HHHH` placeholders back to their character. */
function segText(el: Element): string {
  return textWithout(
    el,
    (e) => CODE_CONTENT.has(e.localName ?? ''),
    (e) => (e.localName === 'ph' ? controlFromCode(attr(e, 'type')) : undefined),
  );
}
