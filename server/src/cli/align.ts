import { parseArgs } from 'node:util';
import { isLang, LANGS } from '../../../shared/languages.js';
import { alignParagraphs, splitParagraphs } from '../../../shared/align/index.js';
import type { AlignLink } from '../../../shared/align/index.js';
import { processIo, readUtf8 } from './io.js';
import type { CliIo } from './io.js';

export const USAGE = `Usage: anor align --source FILE --target FILE --source-lang LANG --target-lang LANG [--format json|tsv]

Aligns the paragraphs of a translation with its source (paragraph = block between
blank lines; a file without blank lines has one paragraph per line). Prints the
links with 0-based paragraph indexes and a confidence score; every paragraph of
both files appears exactly once.
  json: [{ "source": [i…], "target": [j…], "score": n }, …]
  tsv:  source indexes, target indexes, score, source text, target text
Languages: ${LANGS.join(', ')}. Exit code 0 on success, 1 if a file cannot be read, 2 for bad usage.
`;

/** `anor align`: exit 0 aligned, 1 input unreadable, 2 usage error. */
export async function run(argv: string[], io: CliIo = processIo): Promise<number> {
  let values: { [k: string]: string | boolean | undefined };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        source: { type: 'string' },
        target: { type: 'string' },
        'source-lang': { type: 'string' },
        'target-lang': { type: 'string' },
        format: { type: 'string', default: 'json' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    io.err(`anor align: ${e instanceof Error ? e.message : String(e)}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const { source, target, format } = values;
  const sl = values['source-lang'];
  const tl = values['target-lang'];
  const missing = (['source', 'target', 'source-lang', 'target-lang'] as const).filter((k) => typeof values[k] !== 'string');
  if (missing.length) {
    io.err(`anor align: missing --${missing.join(', --')}\n\n${USAGE}`);
    return 2;
  }
  for (const l of [sl, tl]) {
    if (!isLang(l)) {
      io.err(`anor align: unknown language "${String(l)}" (expected one of ${LANGS.join(', ')})\n`);
      return 2;
    }
  }
  if (format !== 'json' && format !== 'tsv') {
    io.err(`anor align: --format must be json or tsv, not "${String(format)}"\n`);
    return 2;
  }
  const [a, b] = await Promise.all([readUtf8(String(source)), readUtf8(String(target))]);
  for (const r of [a, b]) {
    if ('error' in r) {
      io.err(`anor align: ${r.error}\n`);
      return 1;
    }
  }
  if (!('text' in a) || !('text' in b) || !isLang(sl) || !isLang(tl)) return 2;
  const src = splitParagraphs(a.text);
  const trg = splitParagraphs(b.text);
  const links = alignParagraphs(src, trg, { sourceLang: sl, targetLang: tl });
  // One link per line: valid JSON that a person can also read.
  io.out(
    format === 'json' ? `[${links.map((l) => `\n  ${JSON.stringify(l)}`).join(',')}${links.length ? '\n' : ''}]\n` : tsv(links, src, trg),
  );
  return 0;
}

function tsv(links: AlignLink[], src: string[], trg: string[]): string {
  const cell = (s: string): string => s.replace(/\\/gu, '\\\\').replace(/\t/gu, '\\t').replace(/\n/gu, '\\n');
  const rows = links.map((l) =>
    [
      l.source.join(','),
      l.target.join(','),
      l.score.toFixed(3),
      cell(l.source.map((i) => src[i]).join(' ¶ ')),
      cell(l.target.map((j) => trg[j]).join(' ¶ ')),
    ].join('\t'),
  );
  return `source\ttarget\tscore\tsource_text\ttarget_text\n${rows.join('\n')}${rows.length ? '\n' : ''}`;
}
