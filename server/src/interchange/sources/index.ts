import { AppError, MAX_PARAGRAPHS, splitParagraphs } from '../../../../shared/index.js';
import type { Lang } from '../../../../shared/index.js';
import { cleanParagraphs } from '../../../../shared/interchange/clean.js';
import type { JunkCounts } from '../../../../shared/interchange/clean.js';
import { stripTags } from '../../../../shared/inline/index.js';
import { checkDeclaredLanguage } from '../../../../shared/interchange/detect.js';
import { SOURCE_EXTENSIONS, SOURCE_FORMATS } from '../../../../shared/protocol/interchange.js';
import type { ImportReport, ParsedSourceDto, SourceFormat } from '../../../../shared/protocol/interchange.js';
import { loneSurrogateAt } from '../../../../shared/text/wellFormed.js';
import { LONE_SURROGATE_RULE } from '../problems.js';
import { decodeText } from './decode.js';
import { extractOriginal } from '../original/index.js';
import type { Skeleton } from '../original/index.js';

/** The format named by the caller, else the file name's extension; `unsupported_format` for anything else. */
export function sourceFormat(name: string, format?: SourceFormat): SourceFormat {
  if (format) return format;
  const ext = /\.([A-Za-z0-9]+)$/u.exec(name)?.[1]?.toLowerCase() ?? '';
  const f = SOURCE_EXTENSIONS[ext];
  if (!f) throw new AppError('unsupported_format', `cannot import "${name}": expected one of ${SOURCE_FORMATS.join(', ')}`);
  return f;
}

/**
 * UTF-8 and UTF-16 are decoded strictly, but a DOCX can still carry a
 * `&#xD800;` in its XML: a lone surrogate is refused like any broken file.
 */
function refuseLoneSurrogates(paragraphs: readonly string[], title: string | null, name: string): void {
  const index = paragraphs.findIndex((p) => loneSurrogateAt(p) >= 0);
  const where = index >= 0 ? `paragraph ${index + 1}` : title !== null && loneSurrogateAt(title) >= 0 ? 'title' : null;
  if (where === null) return;
  const problem = { rule: LONE_SURROGATE_RULE, message: 'a lone surrogate (half of a UTF-16 pair) is not a character', where };
  throw new AppError('malformed_file', `"${name}": ${problem.message} (${where})`, { problems: [problem] });
}

/** A zip's local-file signature: a .txt that is really a DOCX (or any zip) should not import as binary noise. */
function looksZipped(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export interface SourceRead {
  /** Cleaned paragraphs; from DOCX, HTML and Markdown with inline codes as tags (shared/inline). */
  paragraphs: string[];
  report: ImportReport;
  /** The file's own title (its first H1 or Title paragraph, the HTML <title>, Markdown front matter), if any. */
  title: string | null;
  /** DOCX, HTML, Markdown: what rebuilding the file needs (export format `original`). */
  skeleton: Skeleton | null;
  /**
   * Each paragraph's word count in the source language, when asked for
   * (FileParser.source's `withWords`): counted where the file is read — the
   * import worker on the server — rather than on the main thread, where a
   * 16 MB file's would take seconds (the new document's summary uses them).
   */
  words?: number[];
}

export interface SourceOptions {
  name: string;
  lang: Lang;
  format?: SourceFormat | undefined;
  /** HTML: keep <nav> menus (left out by default). */
  keepNav?: boolean | undefined;
}

/**
 * An uploaded source file to cleaned paragraphs, a report (what was removed,
 * whether the text looks like the declared language) and, for DOCX, HTML and
 * Markdown, the skeleton to rebuild it. Writes nothing.
 */
export async function readSource(bytes: Buffer, opts: SourceOptions): Promise<SourceRead> {
  const format = sourceFormat(opts.name, opts.format);
  let paragraphs: string[];
  let removed: JunkCounts = {};
  let title: string | null = null;
  let skeleton: Skeleton | null = null;
  if (format === 'docx') {
    if (!looksZipped(bytes)) throw new AppError('unsupported_format', `"${opts.name}" is not a DOCX (not a zip file)`);
  } else if (looksZipped(bytes)) throw new AppError('unsupported_format', `"${opts.name}" is a zip file, not ${format} text`);
  if (format === 'txt') {
    ({ paragraphs, removed } = cleanParagraphs(splitParagraphs(decodeText(bytes))));
  } else {
    const x = await extractOriginal(bytes, format, removed, { keepNav: opts.keepNav === true });
    skeleton = x.skeleton;
    title = x.title;
    paragraphs = skeleton.slots.map((s) => s.text);
  }
  refuseLoneSurrogates(paragraphs, title, opts.name);
  if (paragraphs.length === 0) throw new AppError('import_refused', `"${opts.name}" has no text to import`);
  if (paragraphs.length > MAX_PARAGRAPHS) {
    throw new AppError('import_refused', `"${opts.name}" has ${paragraphs.length} paragraphs; the limit is ${MAX_PARAGRAPHS}`);
  }
  // The first ~20,000 characters decide the language: enough for a verdict, bounded for huge files.
  const sample = stripTags(paragraphs.join('\n').slice(0, 20_000));
  return {
    paragraphs,
    report: { format, paragraphs: paragraphs.length, removed, language: checkDeclaredLanguage(opts.lang, sample) },
    title,
    skeleton,
  };
}

/** The file's paragraphs as plain text (tags removed), its title and the report: what a person sees before creating a document. */
export async function readSourceFile(bytes: Buffer, opts: SourceOptions): Promise<ParsedSourceDto> {
  return toParsedSource(await readSource(bytes, opts));
}

export function toParsedSource(r: SourceRead): ParsedSourceDto {
  return { paragraphs: r.paragraphs.map(stripTags), report: r.report, title: r.title, keepsLayout: r.skeleton !== null };
}
