import { parseArgs } from 'node:util';
import { AppError } from '../../../shared/index.js';
import { ConfigError, maxImportBytes } from '../config.js';
import { readInterchange } from '../interchange/read.js';
import type { Format, InterchangeFile } from '../interchange/read.js';
import { checkOfficialSchema } from '../interchange/officialSchema.js';
import type { SchemaResult } from '../interchange/officialSchema.js';
import { formatProblem } from '../interchange/problems.js';
import type { ParseOutcome } from '../interchange/problems.js';
import { decodeText } from '../interchange/sources/decode.js';
import { InputFileError, processIo, readBounded } from './io.js';
import type { CliIo } from './io.js';

export const USAGE = `Usage: anor validate FILE [--format text|json]

Checks an XLIFF 2.x, XLIFF 1.2, TMX 1.4 or gettext PO file exactly as Anor's importer
reads it (size limit ANOR_MAX_IMPORT_BYTES, encoding, structure bounds, then the format's
rules), and an XML file against its official schema (XLIFF 2.0/2.1 or 2.2 core XSD,
XLIFF 1.2 strict XSD, TMX 1.4 DTD; built in, no xmllint needed), and prints each
problem with the rule it breaks. Exit code 0 when the file would import and is valid against its
schema, 1 otherwise, 2 for bad usage or a file that cannot be read.
`;

const FORMAT_NAME = { xliff2: 'XLIFF 2', xliff12: 'XLIFF 1.2', po: 'PO', tmx: 'TMX' } as const;

/** `anor validate`: exit 0 importable, 1 refused, 2 usage error or unreadable file. */
export async function run(argv: string[], io: CliIo = processIo): Promise<number> {
  let parsed: { values: { format?: string | undefined; help?: boolean | undefined }; positionals: string[] };
  try {
    parsed = parseArgs({
      args: argv,
      options: { format: { type: 'string', default: 'text' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: true,
    });
  } catch (e) {
    io.err(`anor validate: ${e instanceof Error ? e.message : String(e)}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    io.out(USAGE);
    return 0;
  }
  const format = parsed.values.format;
  if (parsed.positionals.length !== 1 || (format !== 'text' && format !== 'json')) {
    io.err(`anor validate: expected one FILE and --format text|json\n\n${USAGE}`);
    return 2;
  }
  const file = parsed.positionals[0]!;
  let limit: number;
  try {
    limit = maxImportBytes();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    io.err(`anor validate: ${err.message}\n`);
    return 2;
  }
  let verdict: { r: Verdict; text: string | null };
  try {
    verdict = judge(await readBounded(file, limit), file);
  } catch (err) {
    if (!(err instanceof InputFileError)) throw err;
    if (err.kind === 'unreadable') {
      io.err(`anor validate: ${err.message}\n`);
      return 2;
    }
    verdict = { r: refusal('limits.file-size', `the file is over the import limit of ${limit} bytes`), text: null };
  }
  const { r, text } = verdict;
  // The schema check only for a file the importer's bounds let through (libxml2 builds the whole tree too).
  const bounded = r.ok || !r.problems.some((p) => p.rule.startsWith('limits.') || p.rule.startsWith('encoding.'));
  const schema = text !== null && bounded && r.format !== 'po' ? await checkOfficialSchema(asUtf8Declared(text)) : undefined;
  const code = r.ok && schema?.valid !== false ? 0 : 1;
  if (format === 'json') {
    const verdict = r.ok
      ? { ok: true, format: r.value.format, units: count(r.value) }
      : { ok: false, format: r.format ?? null, problems: r.problems };
    const official = schema ? { name: schema.schema, valid: schema.valid, problems: schema.problems } : null;
    io.out(`${JSON.stringify({ ...verdict, schema: official })}\n`);
    return code;
  }
  if (schema) reportSchema(io, file, schema);
  if (r.ok) {
    const v = r.value;
    const what =
      v.format === 'tmx'
        ? `TMX ${v.tmx.srcLang}, ${count(v)} translation units`
        : v.format === 'po'
          ? `PO ${v.xliff.srcLang || '?'}→${v.xliff.trgLang ?? '?'}, ${count(v)} units`
          : `${FORMAT_NAME[v.format]} ${v.xliff.version} ${v.xliff.srcLang}→${v.xliff.trgLang ?? '?'}, ${count(v)} units`;
    io.out(`${file}: ok (${what})\n`);
    return code;
  }
  for (const p of r.problems) io.out(`${file}: ${formatProblem(p)}\n`);
  io.out(
    `${file}: refused${r.format ? ` (${FORMAT_NAME[r.format]})` : ''}: ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'}\n`,
  );
  return 1;
}

type Verdict = ParseOutcome<InterchangeFile> & { format?: Format };

function refusal(rule: string, message: string): Verdict {
  return { ok: false, problems: [{ rule, message }] };
}

/**
 * The importer's judgement of the bytes: the same decoding (UTF-8, or UTF-16
 * with a byte-order mark) and the same reader. Anything thrown on the way is
 * a refusal with a rule, never a stack trace.
 */
function judge(bytes: Buffer, name: string): { r: Verdict; text: string | null } {
  let text: string;
  try {
    text = decodeText(bytes);
  } catch (err) {
    if (err instanceof AppError)
      return { r: refusal(err.code === 'invalid_encoding' ? 'encoding.invalid' : `encoding.${err.code}`, err.message), text: null };
    throw err;
  }
  try {
    return { r: readInterchange(text, name), text };
  } catch (err) {
    // A bug, not a verdict on the file; still one line, no stack.
    return { r: refusal('internal', `the reader failed: ${err instanceof Error ? err.message : String(err)}`), text };
  }
}

/** The text is already decoded (UTF-16 included): its declaration must not tell libxml2 otherwise. */
function asUtf8Declared(text: string): string {
  return text.replace(/^(\uFEFF?<\?xml[^>]*?encoding\s*=\s*["'])[^"']*(["'])/u, '$1UTF-8$2');
}

/** The official schema's verdict, before the importer's: `file: schema.xliff-2.0: … (at line 3)`. */
function reportSchema(io: CliIo, file: string, s: SchemaResult): void {
  for (const p of s.problems) io.out(`${file}: ${formatProblem(p)}\n`);
  io.out(
    `${file}: ${s.valid ? 'valid' : `invalid (${s.problems.length} problem${s.problems.length === 1 ? '' : 's'})`} against the ${s.description}\n`,
  );
}

function count(v: InterchangeFile): number {
  return v.format === 'tmx' ? v.tmx.units.length : v.xliff.units.length;
}
