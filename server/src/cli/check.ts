import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { splitParagraphs } from '../../../shared/domain/paragraphs.js';
import { isLang, LANGS, type Lang } from '../../../shared/languages.js';
import { glossarySchema } from '../../../shared/qa/glossarySchema.js';
import { runChecks } from '../../../shared/qa/run.js';
import { finding, type Finding, type Glossary } from '../../../shared/qa/types.js';

/**
 * `anor check --source FILE --target FILE --source-lang L --target-lang L
 *  [--format text|json] [--glossary FILE]`
 *
 * Runs the quality checks of shared/qa on two plain-text files whose
 * paragraphs (blocks separated by blank lines) correspond by position.
 * Paragraphs are numbered from 1, as an editor shows lines.
 *
 * Exit codes: 0 when the checks ran, whatever they found (a CI step decides
 * what to do with findings, not the exit code); 2 for a usage error (unknown
 * option, missing argument, unknown language); 1 when an input cannot be read
 * (missing file, not UTF-8, glossary not valid JSON or not a glossary).
 *
 * The files read here are the user's inputs named on the command line, not
 * Anor's store, which only server/src/storage touches.
 */

export interface CheckIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const processIo: CheckIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

export interface ParagraphFinding {
  paragraph: number;
  check: Finding['check'];
  severity: Finding['severity'];
  message: string;
}

export const USAGE = `Usage: anor check --source FILE --target FILE --source-lang LANG --target-lang LANG [--format text|json] [--glossary FILE]

Checks a translation paragraph by paragraph (paragraphs are separated by blank lines).
Languages: ${LANGS.join(', ')}. Exit code 0 whatever is found; 1 if a file cannot be read; 2 for bad usage.
`;

class CliError extends Error {
  constructor(
    readonly exitCode: 1 | 2,
    readonly code: 'usage' | 'bad_language' | 'file_unreadable' | 'not_utf8' | 'bad_glossary',
    message: string,
  ) {
    super(message);
  }
}

async function readText(path: string, what: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new CliError(1, 'file_unreadable', `cannot read ${what} file ${path} (${reason})`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(1, 'not_utf8', `${what} file ${path} is not UTF-8 text`);
  }
}

async function readGlossary(path: string): Promise<Glossary> {
  const text = await readText(path, 'glossary');
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/u, ''));
  } catch {
    throw new CliError(1, 'bad_glossary', `glossary file ${path} is not valid JSON`);
  }
  const parsed = glossarySchema.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new CliError(1, 'bad_glossary', `glossary file ${path} is not a glossary: ${where}`);
  }
  return parsed.data;
}

interface Options {
  source: string;
  target: string;
  sourceLang: Lang;
  targetLang: Lang;
  format: 'text' | 'json';
  glossary: string | undefined;
}

function parseOptions(argv: string[]): Options | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        source: { type: 'string' },
        target: { type: 'string' },
        'source-lang': { type: 'string' },
        'target-lang': { type: 'string' },
        format: { type: 'string', default: 'text' },
        glossary: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    throw new CliError(2, 'usage', err instanceof Error ? err.message : String(err));
  }
  if (values.help) return 'help';
  const missing = (['source', 'target', 'source-lang', 'target-lang'] as const).filter((k) => !values[k]);
  if (missing.length > 0) throw new CliError(2, 'usage', `missing ${missing.map((k) => `--${k}`).join(', ')}`);
  const { source, target, format } = values;
  const sourceLang = values['source-lang'];
  const targetLang = values['target-lang'];
  for (const [flag, lang] of [
    ['--source-lang', sourceLang],
    ['--target-lang', targetLang],
  ] as const) {
    if (!isLang(lang)) throw new CliError(2, 'bad_language', `${flag} "${lang}" is not one of ${LANGS.join(', ')}`);
  }
  if (format !== 'text' && format !== 'json') throw new CliError(2, 'usage', `--format must be text or json, not "${format}"`);
  if (!source || !target || !isLang(sourceLang) || !isLang(targetLang)) throw new CliError(2, 'usage', 'missing arguments');
  if (sourceLang === targetLang) throw new CliError(2, 'bad_language', 'source and target language are the same');
  return { source, target, sourceLang, targetLang, format, glossary: values.glossary };
}

/** Checks every paragraph pair; surplus paragraphs on either side are reported once, where they start. */
export function checkDocument(
  sources: string[],
  targets: string[],
  opts: Pick<Options, 'sourceLang' | 'targetLang'> & { glossary?: Glossary },
): ParagraphFinding[] {
  const out: ParagraphFinding[] = [];
  const n = Math.min(sources.length, targets.length);
  for (let i = 0; i < n; i++) {
    const findings = runChecks({
      source: sources[i] ?? '',
      target: targets[i] ?? '',
      sourceLang: opts.sourceLang,
      targetLang: opts.targetLang,
      glossary: opts.glossary,
    });
    for (const f of findings) out.push({ paragraph: i + 1, check: f.check, severity: f.severity, message: f.message });
  }
  if (sources.length !== targets.length) {
    const f = finding(
      'paragraph_count',
      null,
      `The source has ${sources.length} paragraphs and the target ${targets.length}; paragraphs from ${n + 1} on are not checked`,
      { source: sources.length, target: targets.length },
    );
    out.push({ paragraph: n + 1, check: f.check, severity: f.severity, message: f.message });
  }
  return out;
}

export function formatText(findings: ParagraphFinding[]): string {
  return findings.map((f) => `¶${f.paragraph}\t${f.severity}\t${f.check}\t${f.message}\n`).join('');
}

export async function run(argv: string[], io: CheckIo = processIo): Promise<number> {
  try {
    const opts = parseOptions(argv);
    if (opts === 'help') {
      io.out(USAGE);
      return 0;
    }
    const [sourceText, targetText, glossary] = await Promise.all([
      readText(opts.source, 'source'),
      readText(opts.target, 'target'),
      opts.glossary ? readGlossary(opts.glossary) : Promise.resolve(undefined),
    ]);
    const sources = splitParagraphs(sourceText);
    const targets = splitParagraphs(targetText);
    const findings = checkDocument(sources, targets, { sourceLang: opts.sourceLang, targetLang: opts.targetLang, glossary });
    if (opts.format === 'json') io.out(`${JSON.stringify(findings, null, 2)}\n`);
    else {
      io.out(formatText(findings));
      const errors = findings.filter((f) => f.severity === 'error').length;
      // The summary goes to stderr so that stdout stays one line per finding.
      io.err(
        `${findings.length} finding(s): ${errors} error(s), ${findings.length - errors} warning(s) in ${Math.min(sources.length, targets.length)} paragraph pair(s)\n`,
      );
    }
    return 0;
  } catch (err) {
    if (err instanceof CliError) {
      io.err(`anor check: ${err.code}: ${err.message}\n${err.exitCode === 2 ? `\n${USAGE}` : ''}`);
      return err.exitCode;
    }
    throw err;
  }
}

// Run directly (`node dist/server/src/cli/check.js …`) as well as through `anor check`.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
