import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { AppError, isLang, LANGS } from '../../../shared/index.js';
import type { Lang } from '../../../shared/index.js';
import { EXPORT_FORMATS, SOURCE_FORMATS } from '../../../shared/protocol/interchange.js';
import type { ExportFormat, SourceFormat } from '../../../shared/protocol/interchange.js';
import { DocumentService } from '../services/documents/index.js';
import { InterchangeService } from '../services/interchange/service.js';
import { createStorage, DataDirLockedError } from '../storage/index.js';
import type { Storage } from '../storage/index.js';
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
  const dataDir = resolve(typeof values['data-dir'] === 'string' ? values['data-dir'] : (process.env.DATA_DIR ?? './data'));
  const storage = await createStorage({ dataDir, log: (m) => io.err(`[anor] ${m}\n`) });
  const documents = new DocumentService(storage.documents);
  try {
    await documents.load();
    return await fn({ storage, documents, interchange: new InterchangeService(documents, storage.sources) });
  } finally {
    await documents.close();
    await storage.close();
  }
}

export async function readBytes(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (err) {
    throw new AppError('not_found', `cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

export async function writeOut(path: string | undefined, body: string | Buffer, io: CliIo): Promise<void> {
  if (path === undefined) {
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
    if (err instanceof AppError || err instanceof DataDirLockedError) {
      io.err(`${name}: ${err.code}: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
