import { basename } from 'node:path';
import { totalRemoved } from '../../../shared/interchange/clean.js';
import type { ImportReport } from '../../../shared/protocol/interchange.js';
import { inThreadParser } from '../interchange/offThread/index.js';
import { TmService } from '../tm/service.js';
import { processIo } from './io.js';
import type { CliIo } from './io.js';
import type { Lang } from '../../../shared/index.js';
import { CLI_AUTHOR, lang, langs, parse, readBytes, runGuarded, sourceFormatFlag, str, UsageError, withDataDir } from './interchange.js';
import type { Values } from './interchange.js';

export const USAGE = `Usage:
  anor import document FILE --source-lang L --target-langs L,L [--title TITLE] [--format txt|md|html|docx] [--keep-nav]
  anor import document FILE.xlf|.tmx|.po|.pot [--title T] [--source-lang L] [--target-langs L,L] [--lang L]
  anor import translation FILE --doc ID --lang L [--approved] [--dry-run] [--format …]
  anor import xliff|po FILE --doc ID [--lang L]
  anor import tmx FILE
Common: --data-dir DIR (default $DATA_DIR or ./data). Refused (data_dir_locked) while \`anor serve\` runs on it.

document     a new document from a source file (paragraphs as in the browser's import). A DOCX,
             HTML or Markdown file is kept to export it translated (anor export --format original).
             The title defaults to the file's own (first H1 or Title, <title>, front matter), else
             its name. --keep-nav: keep HTML <nav> menus (left out by default).
             From an XLIFF, TMX or PO file: the document as the file has it — its ids,
             translations and statuses (languages the file does not name: --source-lang,
             --lang; --target-langs adds languages besides the file's own).
translation  aligns the file's paragraphs with the document's source and writes them as
             import drafts (--approved: as approved); links worth a look are listed.
             --dry-run prints the proposed links and writes nothing.
xliff, po    XLIFF 2.x/1.2 or gettext PO back into the document, all or nothing: units
             matched by id, by po-reference/msgctxt, or by source text; --lang when the
             file names no target language (translate-toolkit's po2xliff).
tmx          TMX 1.4 into this installation's translation memory (the store behind /api/tm).
Exit code 0 done, 1 refused (the error code is printed), 2 bad usage.
`;

/** Files that make a document as they are (ids, translations, statuses) rather than a source text to split. */
const INTERCHANGE_FILE = /\.(xlf|xliff|tmx|pot?)$/iu;

function optional(values: Values, key: string): string | undefined {
  return values[key] === undefined ? undefined : str(values, key);
}

function optionalLang(values: Values, key: string): Lang | undefined {
  const v = optional(values, key);
  return v === undefined ? undefined : lang(v, key);
}

function describeReport(r: ImportReport): string {
  const removed = totalRemoved(r.removed);
  const lines = [`${r.paragraphs} paragraphs (${r.format})`];
  if (removed > 0) lines.push(`removed ${removed} invisible characters: ${JSON.stringify(r.removed)}`);
  if (r.language.verdict !== 'match' && r.language.verdict !== 'undetermined') {
    lines.push(
      `warning: ${r.language.verdict}: declared ${r.language.declared}, looks like ${r.language.detected.lang ?? '?'} (${r.language.detected.script ?? '?'})`,
    );
  }
  return lines.map((l) => `${l}\n`).join('');
}

export async function run(argv: string[], io: CliIo = processIo): Promise<number> {
  return runGuarded('anor import', USAGE, io, async () => {
    const { values, positionals } = parse(argv, {
      title: { type: 'string' },
      'source-lang': { type: 'string' },
      'target-langs': { type: 'string' },
      doc: { type: 'string' },
      lang: { type: 'string' },
      format: { type: 'string' },
      approved: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      'keep-nav': { type: 'boolean' },
    });
    if (values.help) {
      io.out(USAGE);
      return;
    }
    const [what, file, ...rest] = positionals;
    if (!what || !file || rest.length) throw new UsageError('expected: document|translation|xliff|po|tmx FILE');
    const name = basename(file);
    if (what === 'document' && INTERCHANGE_FILE.test(name)) {
      const bytes = await readBytes(file);
      await withDataDir(values, io, async ({ interchange }) => {
        const r = await interchange.createFromFile(
          bytes,
          {
            name,
            title: optional(values, 'title'),
            sourceLang: optionalLang(values, 'source-lang'),
            targetLangs: values['target-langs'] === undefined ? undefined : langs(str(values, 'target-langs'), 'target-langs'),
            lang: optionalLang(values, 'lang'),
          },
          CLI_AUTHOR,
          () => ({ approve: true }),
        );
        for (const w of r.warnings) io.err(`warning: ${w.rule}: ${w.message}\n`);
        io.err(`${r.paragraphs} paragraphs, ${r.translated} translations (${r.format})\n`);
        if (r.keepsOriginal) io.err('kept the file: export it translated with --format original\n');
        io.out(`${r.docId}\n`);
      });
    } else if (what === 'document') {
      const sourceLang = lang(str(values, 'source-lang'), 'source-lang');
      const targetLangs = langs(str(values, 'target-langs'), 'target-langs');
      const title = typeof values.title === 'string' && values.title.trim() !== '' ? values.title.trim() : undefined;
      const bytes = await readBytes(file);
      await withDataDir(values, io, async ({ interchange }) => {
        const r = await interchange.original.createFromFile(
          bytes,
          { name, title, sourceLang, targetLangs, format: sourceFormatFlag(values), keepNav: values['keep-nav'] === true },
          CLI_AUTHOR,
        );
        io.err(describeReport(r.report));
        if (r.keepsLayout) io.err('kept the file: export it translated with --format original\n');
        io.out(`${r.document.id}\n`);
      });
    } else if (what === 'translation') {
      const docId = str(values, 'doc');
      const target = lang(str(values, 'lang'), 'lang');
      const bytes = await readBytes(file);
      await withDataDir(values, io, async ({ interchange }) => {
        const preview = await interchange.previewTranslation(docId, bytes, { name, lang: target, format: sourceFormatFlag(values) });
        io.err(describeReport(preview.report));
        const low = preview.links.filter((l) => l.low);
        if (values['dry-run']) {
          io.out(`${preview.links.map((l) => JSON.stringify(l)).join('\n')}\n`);
          return;
        }
        const r = await interchange.commitTranslation(
          docId,
          { lang: target, target: preview.target, links: preview.links, approved: values.approved === true },
          CLI_AUTHOR,
        );
        io.out(
          `imported ${r.edited} cells, ${r.unchanged} unchanged (seq ${r.seq}); ${low.length} links worth a look${low.length ? `: ${low.map((l) => l.paragraphIds.join('+') || `(no source) ${l.target.join(',')}`).join(' ')}` : ''}\n`,
        );
      });
    } else if (what === 'xliff' || what === 'po') {
      const docId = str(values, 'doc');
      const target = optionalLang(values, 'lang');
      const bytes = await readBytes(file);
      await withDataDir(values, io, async ({ interchange }) => {
        // On the command line the operator is the administrator: statuses travel as the file has them.
        const r = await interchange.importXliff(docId, bytes, CLI_AUTHOR, () => ({ approve: true }), { name, lang: target });
        for (const w of r.warnings) io.err(`warning: ${w.rule}: ${w.message}\n`);
        const m = r.matched;
        const how = m ? ` (units matched by id ${m.id}, by reference ${m.reference}, by source text ${m.source})` : '';
        io.out(`imported ${r.edited} cells, ${r.unchanged} unchanged (seq ${r.seq})${how}\n`);
      });
    } else if (what === 'tmx') {
      const bytes = await readBytes(file);
      await withDataDir(values, io, async ({ storage, documents }) => {
        const tm = new TmService(documents, storage.tm, (m) => io.err(`[anor] ${m}\n`));
        try {
          await tm.start();
          // Read as the server reads an uploaded TMX (in this process's own thread: nobody else is waiting on it).
          const r = await tm.importFile(bytes, name, CLI_AUTHOR, inThreadParser);
          io.out(`${JSON.stringify(r)}\n`);
        } finally {
          tm.close();
        }
      });
    } else {
      throw new UsageError(`unknown import "${what}"`);
    }
  });
}
