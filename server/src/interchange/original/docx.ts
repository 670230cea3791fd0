import type { JunkCounts } from '../../../../shared/interchange/clean.js';
import { stripTags } from '../../../../shared/inline/index.js';
import { AppError } from '../../../../shared/index.js';
import { paragraphTokens } from './docxRuns.js';
import { SegmentBuilder } from './segment.js';
import type { Extracted, Slot } from './types.js';
import { eachSubtree, isNode } from './xmlTree.js';
import type { ZipEntry } from './zip.js';

/**
 * DOCX read from its OOXML directly (not through an HTML conversion), so the
 * paragraphs come with their places in the XML: word/document.xml, then the
 * footnotes, endnotes, headers and footers. A footnote's own number mark
 * (`w:footnoteRef`) and the space after it are kept out of its text, so the
 * translator sees the note's words only. Text boxes inside drawings stay with
 * their drawing (a standalone code), untranslated.
 */
const PART_ORDER = [
  /^word\/document\.xml$/u,
  /^word\/footnotes\.xml$/u,
  /^word\/endnotes\.xml$/u,
  /^word\/header\d*\.xml$/u,
  /^word\/footer\d*\.xml$/u,
];

export function translatableParts(entries: readonly ZipEntry[]): string[] {
  const names = entries.map((e) => e.name);
  return PART_ORDER.flatMap((re) => names.filter((n) => re.test(n)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
}

export function partText(entry: ZipEntry): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(entry.data);
  } catch {
    throw new AppError('malformed_file', `${entry.name} in the DOCX is not UTF-8 XML`);
  }
}

/** Code listings (pandoc's SourceCode, LibreOffice's Preformatted Text, Word's HTML Preformatted) are not translated. */
const CODE_STYLES = /^(?:SourceCode|PreformattedText|HTMLPreformatted|HTMLCode|Code)$/iu;
const HEADING_STYLES = /^(?:Title|Heading1|heading1|Heading 1)$/u;

export function extractDocx(entries: readonly ZipEntry[], removed: JunkCounts): Extracted {
  const parts = translatableParts(entries);
  if (!parts.includes('word/document.xml'))
    throw new AppError('unsupported_format', 'this zip is not a Word document (no word/document.xml)');
  const slots: Slot[] = [];
  let heading: string | null = null;
  parts.forEach((name, part) => {
    const xml = partText(entries.find((e) => e.name === name)!);
    eachSubtree(
      xml,
      (n) => n === 'w:p',
      (p) => {
        if (p.closeStart === p.openEnd) return;
        const pPr = p.children.find((c) => isNode(c) && c.name === 'w:pPr');
        const style = pPr ? /<w:pStyle w:val="([^"]+)"/u.exec(xml.slice(pPr.start, pPr.end))?.[1] : undefined;
        if (style && CODE_STYLES.test(style)) return;
        const b = new SegmentBuilder();
        const { base } = paragraphTokens(xml, p.children, b);
        const built = b.take((s) => s, removed);
        if (!built) return;
        slots.push({
          part,
          start: pPr ? pPr.end : p.openEnd,
          end: p.closeStart,
          prefix: built.before.map((t) => t.raw).join(''),
          suffix: built.after.map((t) => t.raw).join(''),
          text: built.text,
          tags: built.tags,
          mode: { kind: 'docx', style: base },
        });
        if (heading === null && part === 0 && style && HEADING_STYLES.test(style)) heading = stripTags(built.text);
      },
    );
  });
  return { skeleton: { format: 'docx', parts, charset: null, fixed: [], slots }, title: coreTitle(entries) ?? heading };
}

function coreTitle(entries: readonly ZipEntry[]): string | null {
  const core = entries.find((e) => e.name === 'docProps/core.xml');
  if (!core) return null;
  const m = /<dc:title>([^<]*)<\/dc:title>/u.exec(Buffer.from(core.data).toString('utf8'));
  const t = (m?.[1] ?? '')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&apos;/gu, "'")
    .replace(/&amp;/gu, '&')
    .trim();
  return t === '' ? null : t;
}
