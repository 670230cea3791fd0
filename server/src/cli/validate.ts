import { parseArgs } from 'node:util';
import { readInterchange } from '../interchange/read.js';
import type { InterchangeFile } from '../interchange/read.js';
import { checkOfficialSchema } from '../interchange/officialSchema.js';
import type { SchemaResult } from '../interchange/officialSchema.js';
import { formatProblem } from '../interchange/problems.js';
import { processIo, readUtf8 } from './io.js';
import type { CliIo } from './io.js';

export const USAGE = `Usage: anor validate FILE [--format text|json]

Checks an XLIFF 2.x, XLIFF 1.2 or TMX 1.4 file exactly as Anor's importer reads it,
and against its official schema (XLIFF 2.0/2.1 or 2.2 core XSD, XLIFF 1.2 strict
XSD, TMX 1.4 DTD; built in, no xmllint needed), and prints each problem with the
rule it breaks. Exit code 0 when the file would import and is valid against its
schema, 1 otherwise, 2 for bad usage or a file that cannot be read.
`;

const FORMAT_NAME = { xliff2: 'XLIFF 2', xliff12: 'XLIFF 1.2', tmx: 'TMX' } as const;

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
  const input = await readUtf8(file);
  if ('error' in input) {
    io.err(`anor validate: ${input.error}\n`);
    return 2;
  }
  const r = readInterchange(input.text);
  const schema = await checkOfficialSchema(input.text);
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
