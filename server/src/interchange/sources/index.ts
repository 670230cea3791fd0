import { AppError, MAX_PARAGRAPHS, splitParagraphs } from '../../../../shared/index.js';
import type { Lang } from '../../../../shared/index.js';
import { cleanParagraphs } from '../../../../shared/interchange/clean.js';
import { checkDeclaredLanguage } from '../../../../shared/interchange/detect.js';
import { SOURCE_FORMATS } from '../../../../shared/protocol/interchange.js';
import type { ParsedSourceDto, SourceFormat } from '../../../../shared/protocol/interchange.js';
import { loneSurrogateAt } from '../../../../shared/text/wellFormed.js';
import { LONE_SURROGATE_RULE } from '../problems.js';
import { decodeText } from './decode.js';
import { docxParagraphs } from './docx.js';
import { htmlParagraphs } from './html.js';
import { markdownParagraphs } from './markdown.js';

const BY_EXTENSION: Record<string, SourceFormat> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  docx: 'docx',
};

/** The format named by the caller, else the file name's extension; `unsupported_format` for anything else. */
export function sourceFormat(name: string, format?: SourceFormat): SourceFormat {
  if (format) return format;
  const ext = /\.([A-Za-z0-9]+)$/u.exec(name)?.[1]?.toLowerCase() ?? '';
  const f = BY_EXTENSION[ext];
  if (!f) throw new AppError('unsupported_format', `cannot import "${name}": expected one of ${SOURCE_FORMATS.join(', ')}`);
  return f;
}

/**
 * UTF-8 and UTF-16 are decoded strictly, but a DOCX can still carry a
 * `&#xD800;` in its XML: a lone surrogate is refused like any broken file.
 */
function refuseLoneSurrogates(paragraphs: readonly string[], name: string): void {
  const index = paragraphs.findIndex((p) => loneSurrogateAt(p) >= 0);
  if (index < 0) return;
  const problem = {
    rule: LONE_SURROGATE_RULE,
    message: 'a lone surrogate (half of a UTF-16 pair) is not a character',
    where: `paragraph ${index + 1}`,
  };
  throw new AppError('malformed_file', `"${name}": ${problem.message} (${problem.where})`, { problems: [problem] });
}

/** A zip's local-file signature: a .txt that is really a DOCX (or any zip) should not import as binary noise. */
function looksZipped(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * An uploaded source file to cleaned paragraphs plus a report (what was
 * removed, whether the text looks like the declared language). Writes nothing.
 */
export async function readSourceFile(bytes: Buffer, opts: { name: string; lang: Lang; format?: SourceFormat }): Promise<ParsedSourceDto> {
  const format = sourceFormat(opts.name, opts.format);
  let raw: string[];
  if (format === 'docx') {
    if (!looksZipped(bytes)) throw new AppError('unsupported_format', `"${opts.name}" is not a DOCX (not a zip file)`);
    raw = await docxParagraphs(bytes);
  } else {
    if (looksZipped(bytes)) throw new AppError('unsupported_format', `"${opts.name}" is a zip file, not ${format} text`);
    const text = decodeText(bytes);
    raw = format === 'html' ? htmlParagraphs(text) : format === 'md' ? markdownParagraphs(text) : splitParagraphs(text);
  }
  refuseLoneSurrogates(raw, opts.name);
  const { paragraphs, removed } = cleanParagraphs(raw);
  if (paragraphs.length === 0) throw new AppError('import_refused', `"${opts.name}" has no text to import`);
  if (paragraphs.length > MAX_PARAGRAPHS) {
    throw new AppError('import_refused', `"${opts.name}" has ${paragraphs.length} paragraphs; the limit is ${MAX_PARAGRAPHS}`);
  }
  // The first ~20,000 characters decide the language: enough for a verdict, bounded for huge files.
  const sample = paragraphs.join('\n').slice(0, 20_000);
  return { paragraphs, report: { format, paragraphs: paragraphs.length, removed, language: checkDeclaredLanguage(opts.lang, sample) } };
}
