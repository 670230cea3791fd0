import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The official schemas, copied into the repo (see server/test/fixtures/validators/README.md). */
export const VALIDATORS = fileURLToPath(new URL('../../test/fixtures/validators/', import.meta.url));
export const SCHEMA = {
  xliff2: join(VALIDATORS, 'xliff/xliff-21/schemas/xliff_core_2.0.xsd'),
  xliff22: join(VALIDATORS, 'xliff/xliff-22/schemas/xliff_core_2.2.xsd'),
  xliff12: join(VALIDATORS, 'xliff-core-1.2-strict.xsd'),
  tmxDtd: join(VALIDATORS, 'tmx14.dtd'),
};

export interface ToolRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion (test helper for Debian's xmllint and translate-toolkit). */
export function run(cmd: string, args: string[], env: Record<string, string> = {}): Promise<ToolRun> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: 60_000, env: { ...process.env, ...env } }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * Writes `text` to a temp file and validates it offline with xmllint (`--schema` XSD or `--dtdvalid`).
 * The XLIFF 2.2 schema imports xml.xsd by its web address: the local catalog maps it to the copy.
 */
export async function xmllint(text: string, mode: { schema: string } | { dtd: string }, name = 'out.xml'): Promise<ToolRun> {
  const dir = await mkdtemp(join(tmpdir(), 'anor-xmllint-'));
  try {
    const file = join(dir, name);
    await writeFile(file, text, 'utf8');
    const how = 'schema' in mode ? ['--schema', mode.schema] : ['--dtdvalid', mode.dtd];
    return await run('xmllint', ['--nonet', '--noout', ...how, file], { XML_CATALOG_FILES: join(VALIDATORS, 'xliff/catalog-local.xml') });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
