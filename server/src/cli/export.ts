import { processIo } from './io.js';
import type { CliIo } from './io.js';
import { exportFormatFlag, lang, langs, parse, runGuarded, str, UsageError, withDataDir, writeOut } from './interchange.js';

export const USAGE = `Usage: anor export --doc ID --format xliff2|xliff12|tmx|html|md|original [--lang L | --langs L[,L…]] [--latest]
                   [--untranslated source|refuse] [--out FILE] [--data-dir DIR]
       anor export --list [--data-dir DIR]

The same files as the browser's export menu. xliff2, xliff12, md and original need exactly
one language; html takes the columns in order (default: all); tmx holds every approved pair.
original: the DOCX, HTML, Markdown or PO file the document was imported from, with each
paragraph's translation in place; an untranslated paragraph keeps its source text (in a PO
file: an empty msgstr), or with --untranslated refuse the export fails (export_incomplete).
Approved texts only unless --latest. Writes to stdout unless --out FILE (--out - is stdout too;
a DOCX needs --out or a pipe).
Exit code 0 done, 1 refused (the error code is printed), 2 bad usage.
`;

export async function run(argv: string[], io: CliIo = processIo): Promise<number> {
  return runGuarded('anor export', USAGE, io, async () => {
    const { values } = parse(argv, {
      doc: { type: 'string' },
      format: { type: 'string' },
      langs: { type: 'string' },
      lang: { type: 'string' },
      untranslated: { type: 'string' },
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
        for (const d of documents.reads.list()) io.out(`${d.id}\t${d.sourceLang}→${d.targetLangs.join(',')}\t${d.title}\n`);
      });
      return;
    }
    const docId = str(values, 'doc');
    const format = exportFormatFlag(values);
    const chosen =
      typeof values.lang === 'string'
        ? [lang(values.lang, 'lang')]
        : typeof values.langs === 'string'
          ? langs(values.langs, 'langs')
          : undefined;
    const untranslated = values.untranslated ?? 'source';
    if (untranslated !== 'source' && untranslated !== 'refuse') throw new UsageError('--untranslated must be source or refuse');
    await withDataDir(values, io, async ({ interchange }) => {
      const file = await interchange.exportFile(docId, {
        format,
        langs: chosen,
        mode: values.latest ? 'latest' : 'approved',
        untranslated,
      });
      await writeOut(typeof values.out === 'string' ? values.out : undefined, file.body, io);
      if (file.untranslated)
        io.err(
          `${file.untranslated} paragraphs had no translation and ${file.untranslatedEmpty ? 'were left empty' : 'kept their source text'}\n`,
        );
      if (file.repaired) io.err(`${file.repaired} paragraphs had missing, doubled or crossed tags; repaired to write the file\n`);
    });
  });
}
