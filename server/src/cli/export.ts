import { processIo } from './io.js';
import type { CliIo } from './io.js';
import { exportFormatFlag, langs, parse, runGuarded, str, withDataDir, writeOut } from './interchange.js';

export const USAGE = `Usage: anor export --doc ID --format xliff2|xliff12|tmx|html|md [--langs L[,L…]] [--latest] [--out FILE] [--data-dir DIR]
       anor export --list [--data-dir DIR]

The same files as the browser's export menu. xliff2, xliff12 and md need exactly one
language; html takes the columns in order (default: all); tmx holds every approved pair.
Approved texts only unless --latest. Writes to stdout unless --out.
Exit code 0 done, 1 refused (the error code is printed), 2 bad usage.
`;

export async function run(argv: string[], io: CliIo = processIo): Promise<number> {
  return runGuarded('anor export', USAGE, io, async () => {
    const { values } = parse(argv, {
      doc: { type: 'string' },
      format: { type: 'string' },
      langs: { type: 'string' },
      latest: { type: 'boolean' },
      out: { type: 'string' },
      list: { type: 'boolean' },
    });
    if (values.help) {
      io.out(USAGE);
      return;
    }
    if (values.list) {
      await withDataDir(values, io, async ({ documents }) => {
        for (const d of documents.list()) io.out(`${d.id}\t${d.sourceLang}→${d.targetLangs.join(',')}\t${d.title}\n`);
      });
      return;
    }
    const docId = str(values, 'doc');
    const format = exportFormatFlag(values);
    const chosen = typeof values.langs === 'string' ? langs(values.langs, 'langs') : undefined;
    await withDataDir(values, io, async ({ interchange }) => {
      const file = interchange.exportFile(docId, { format, langs: chosen, mode: values.latest ? 'latest' : 'approved' });
      await writeOut(typeof values.out === 'string' ? values.out : undefined, file.body, io);
    });
  });
}
