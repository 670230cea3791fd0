import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { AppError, isLang, LANGS } from '../../../shared/index.js';
import type { Lang } from '../../../shared/index.js';
import { EXPORT_FORMATS, SOURCE_FORMATS } from '../../../shared/protocol/interchange.js';
import type { ExportFormat, SourceFormat } from '../../../shared/protocol/interchange.js';
import { DocumentService } from '../services/documents/index.js';
import { InterchangeService } from '../services/interchange/service.js';
import { createStorage, DatabaseTooNewError, DataDirLockedError } from '../storage/index.js';
import type { Storage } from '../storage/index.js';
import { ConfigError, dataDirFrom, databaseUrlFrom, maxImportBytes } from '../config.js';
import { InputFileError, readBounded } from './io.js';
import type { CliIo } from './io.js';

/**
 * Shared plumbing of `anor import` and `anor export`. They work on a data
 * directory directly — the same createStorage + DocumentService +
 * InterchangeService the server uses, so a CLI import is the same journaled
 * `import` revisions as one from the browser. Decided over a REST client
 * because an import from the command line is an administrator's batch job
 * (seeding an installation, scripted exports), which should not need a
 * running server, an account or a password on the command line.
 * The journal has one writer: stop `anor serve` on that directory first.
 */
export const CLI_AUTHOR = 'system';

export type Values = { [k: string]: string | boolean | undefined };

export function parse(argv: string[], options: NonNullable<ParseArgsConfig['options']>): { values: Values; positionals: string[] } {
  const r = parseArgs({
    args: argv,
    options: { ...options, 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
    allowPositionals: true,
  });
  return { values: r.values, positionals: r.positionals };
}

export class UsageError extends Error {}

export function str(values: Values, key: string): string {
  const v = values[key];
  if (typeof v !== 'string' || v === '') throw new UsageError(`missing --${key}`);
  return v;
}

export function lang(value: string, flag: string): Lang {
  if (!isLang(value)) throw new UsageError(`--${flag}: unknown language "${value}" (expected one of ${LANGS.join(', ')})`);
  return value;
}

export function langs(value: string, flag: string): Lang[] {
  return value.split(',').map((l) => lang(l.trim(), flag));
}

export function sourceFormatFlag(values: Values): SourceFormat | undefined {
  const f = values.format;
  if (f === undefined) return undefined;
  if (!(SOURCE_FORMATS as readonly unknown[]).includes(f)) throw new UsageError(`--format must be one of ${SOURCE_FORMATS.join(', ')}`);
  return f as SourceFormat;
}

export function exportFormatFlag(values: Values): ExportFormat {
  const f = str(values, 'format');
  if (!(EXPORT_FORMATS as readonly string[]).includes(f)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
  return f as ExportFormat;
}

export interface Opened {
  storage: Storage;
  documents: DocumentService;
  interchange: InterchangeService;
}

/** Opens the data directory, runs `fn`, and always checkpoints and closes, so what was imported is on disk. */
export async function withDataDir<T>(values: Values, io: CliIo, fn: (o: Opened) => Promise<T>): Promise<T> {
  let dataDir: string;
  let databaseUrl: string | undefined;
  try {
    const flag = values['data-dir'];
    dataDir = typeof flag === 'string' ? dataDirFrom(flag, '--data-dir') : dataDirFrom(process.env.DATA_DIR, 'DATA_DIR');
    // The same stores the server uses: with DATABASE_URL, an imported TMX lands in PostgreSQL like one imported in the UI.
    databaseUrl = databaseUrlFrom();
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError(err.message);
    throw err;
  }
  const storage = await createStorage({ dataDir, databaseUrl, log: (m) => io.err(`[anor] ${m}\n`) });
  const documents = new DocumentService(storage.documents);
  try {
    await documents.load();
    return await fn({ storage, documents, interchange: new InterchangeService(documents, storage.sources) });
  } finally {
    await documents.close();
    await storage.close();
  }
}

/** An input file under the import limit (`ANOR_MAX_IMPORT_BYTES`), refused before it is read whole. */
export async function readBytes(path: string, env: NodeJS.ProcessEnv = process.env): Promise<Buffer> {
  const limit = importLimit(env);
  try {
    return await readBounded(path, limit);
  } catch (err) {
    if (!(err instanceof InputFileError)) throw err;
    throw err.kind === 'too_large' ? new AppError('payload_too_large', err.message, { limit }) : new AppError('not_found', err.message);
  }
}

function importLimit(env: NodeJS.ProcessEnv): number {
  try {
    return maxImportBytes(env);
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError(err.message);
    throw err;
  }
}

/** Writes the file to `path`, or to standard output when there is none or it is `-`. */
export async function writeOut(path: string | undefined, body: string | Buffer, io: CliIo): Promise<void> {
  if (path === undefined || path === '-') {
    if (typeof body === 'string') io.out(body);
    else if (io.bytes) io.bytes(body);
    else throw new UsageError('a binary file (DOCX) needs --out FILE');
  } else await writeFile(path, body);
}

/** Exit codes for every interchange subcommand: 0 done, 1 refused (coded error), 2 usage. */
export async function runGuarded(name: string, usage: string, io: CliIo, fn: () => Promise<void>): Promise<number> {
  try {
    await fn();
    return 0;
  } catch (err) {
    if (
      err instanceof UsageError ||
      (err instanceof Error && 'code' in err && typeof err.code === 'string' && err.code.startsWith('ERR_PARSE_ARGS'))
    ) {
      io.err(`${name}: ${err.message}\n\n${usage}`);
      return 2;
    }
    if (err instanceof AppError || err instanceof DataDirLockedError || err instanceof DatabaseTooNewError) {
      io.err(`${name}: ${err.code}: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
