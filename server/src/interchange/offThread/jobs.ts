import { AppError, wordCount } from '../../../../shared/index.js';
import { readInterchange } from '../read.js';
import type { InterchangeFile } from '../read.js';
import { decodeText } from '../sources/decode.js';
import { readSource } from '../sources/index.js';
import type { SourceOptions, SourceRead } from '../sources/index.js';

/** A file to read: a source document (DOCX, HTML, Markdown, text) or a translation file (XLIFF, PO, TMX). */
export type ParseJob =
  | { kind: 'source'; bytes: Uint8Array; opts: SourceOptions; withWords?: boolean }
  | { kind: 'translation'; bytes: Uint8Array; name?: string | undefined };

/**
 * An uploaded interchange file read as the importer and `anor validate` read
 * it: decoded (UTF-8, or UTF-16 with a byte-order mark), then by format.
 * A broken file is `malformed_file`, one past a structural bound
 * `import_refused`, anything else `unsupported_format`; the problems with
 * their rules go in `details.problems`.
 */
export function readTranslationFile(bytes: Buffer, name?: string): InterchangeFile {
  const read = readInterchange(decodeText(bytes), name);
  if (read.ok) return read.value;
  const kind = read.problems.some((p) => p.rule === 'interchange.format')
    ? 'unsupported_format'
    : read.problems.some((p) => p.rule.startsWith('limits.'))
      ? 'import_refused'
      : 'malformed_file';
  throw new AppError(kind, read.problems[0]?.message ?? 'unreadable file', { problems: read.problems });
}

const asBuffer = (b: Uint8Array): Buffer => (Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength));

export async function runJob(job: ParseJob): Promise<SourceRead | InterchangeFile> {
  if (job.kind === 'translation') return readTranslationFile(asBuffer(job.bytes), job.name);
  const read = await readSource(asBuffer(job.bytes), job.opts);
  if (job.withWords) read.words = read.paragraphs.map((p) => wordCount(p, job.opts.lang));
  return read;
}
