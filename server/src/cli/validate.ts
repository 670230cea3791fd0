import { parseArgs } from 'node:util';
import { readInterchange } from '../interchange/read.js';
import type { InterchangeFile } from '../interchange/read.js';
import { formatProblem } from '../interchange/problems.js';
import { processIo, readUtf8 } from './io.js';
import type { CliIo } from './io.js';

export const USAGE = `Usage: anor validate FILE [--format text|json]

Checks an XLIFF 2.x, XLIFF 1.2 or TMX 1.4 file exactly as Anor's importer reads it
and prints each problem with the rule it breaks.
Exit code 0 when the file would import, 1 when it would be refused,
2 for bad usage or a file that cannot be read.
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
  if (format === 'json') {
    io.out(
      `${JSON.stringify(r.ok ? { ok: true, format: r.value.format, units: count(r.value) } : { ok: false, format: r.format ?? null, problems: r.problems })}\n`,
    );
    return r.ok ? 0 : 1;
  }
  if (r.ok) {
    const v = r.value;
    const what =
      v.format === 'tmx'
        ? `TMX ${v.tmx.srcLang}, ${count(v)} translation units`
        : `${FORMAT_NAME[v.format]} ${v.xliff.version} ${v.xliff.srcLang}→${v.xliff.trgLang ?? '?'}, ${count(v)} units`;
    io.out(`${file}: ok (${what})\n`);
    return 0;
  }
  for (const p of r.problems) io.out(`${file}: ${formatProblem(p)}\n`);
  io.out(
    `${file}: refused${r.format ? ` (${FORMAT_NAME[r.format]})` : ''}: ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'}\n`,
  );
  return 1;
}

function count(v: InterchangeFile): number {
  return v.format === 'tmx' ? v.tmx.units.length : v.xliff.units.length;
}
