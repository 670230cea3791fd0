import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MARKDOWN_SHAPES,
  flatTmx,
  nestedDocx,
  nestedGXliff12,
  nestedHiTmx,
  nestedHtml,
  nestedPcXliff,
} from '../server/test/helpers/hostileFiles.js';
import { CLI, ROOT } from './helpers/server.js';

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  ms: number;
}

/**
 * The built `anor` in a child process with a heap cap and a deadline: a file
 * that made it run out of memory or time would end it by signal or with
 * V8's out-of-memory exit, never with the refusal's exit 1. The deadlines are
 * loose (a shared 2-core machine); the measured figures are in `npm run bench`.
 */
function anor(args: string[], opts: { heapMb: number; timeoutMs: number; env?: Record<string, string>; cwd?: string }): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${opts.heapMb}`, CLI, ...args], {
      cwd: opts.cwd ?? ROOT,
      env: { ...process.env, ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, out, ms: Date.now() - started });
    });
  });
}

/** Refused as the rules say: exit 1, the named rule or code printed, no stack trace, within the bounds. */
function expectRefused(r: Run, name: string): void {
  expect(r.signal, `killed after ${r.ms} ms:\n${r.out}`).toBeNull();
  expect(r.code, r.out).toBe(1);
  expect(r.out).toContain(name);
  expect(r.out).not.toMatch(/^\s+at /mu);
}

let dir = '';
let dataDir = '';
const file = (name: string): string => path.join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'anor-hostile-'));
  dataDir = path.join(dir, 'data');
  await writeFile(file('deep-pc.xlf'), nestedPcXliff(100_000));
  await writeFile(file('deep-g.xlf'), nestedGXliff12(100_000));
  await writeFile(file('deep-hi.tmx'), nestedHiTmx(100_000));
  await writeFile(file('deep.html'), nestedHtml(100_000));
  await writeFile(file('deep.docx'), nestedDocx(100_000));
  await writeFile(file('flat.tmx'), flatTmx(150_000));
  await writeFile(file('deep.md'), MARKDOWN_SHAPES['block quotes nested on one line']!(1_000_000));
  await writeFile(file('brackets.md'), '[x] '.repeat(250_000));
  await writeFile(file('long.md'), 'a'.repeat(1_000_000));
  await writeFile(file('emphasis.md'), MARKDOWN_SHAPES['emphasis nested in one paragraph']!(65_536));
  // 200 MiB that takes no disk: a sparse file. The importer must refuse it from its size.
  await writeFile(file('huge.txt'), '');
  await truncate(file('huge.txt'), 200 * 1024 * 1024);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('hostile files: refused by a named rule, in bounded time and memory', () => {
  it('a 200 MiB text is refused from its size, before it is read (import and validate)', async () => {
    const doc = ['import', 'document', file('huge.txt'), '--title', 'Huge', '--source-lang', 'en', '--target-langs', 'ru'];
    expectRefused(await anor([...doc, '--data-dir', dataDir], { heapMb: 64, timeoutMs: 20_000 }), 'payload_too_large');
    expectRefused(await anor(['validate', file('huge.txt')], { heapMb: 64, timeoutMs: 20_000 }), 'limits.file-size');
  });

  it('an endless stream (no size to stat) is read only up to the limit', async () => {
    const args = ['import', 'document', '/dev/zero', '--format', 'txt', '--title', 'Zero', '--source-lang', 'en', '--target-langs', 'ru'];
    expectRefused(await anor([...args, '--data-dir', dataDir], { heapMb: 96, timeoutMs: 20_000 }), 'payload_too_large');
  });

  it('a smaller ANOR_MAX_IMPORT_BYTES applies to the command line too', async () => {
    const r = await anor(['validate', file('deep-hi.tmx')], { heapMb: 64, timeoutMs: 20_000, env: { ANOR_MAX_IMPORT_BYTES: '1K' } });
    expectRefused(r, 'limits.file-size');
  });

  it('HTML nested 100,000 deep', async () => {
    const args = ['import', 'document', file('deep.html'), '--title', 'Deep', '--source-lang', 'en', '--target-langs', 'ru'];
    const r = await anor([...args, '--data-dir', dataDir], { heapMb: 128, timeoutMs: 30_000 });
    expectRefused(r, 'import_refused');
    expect(r.out).toContain('deeper than 512 levels');
  });

  it('XLIFF 2 with 100,000 nested <pc> (validate and import)', async () => {
    expectRefused(await anor(['validate', file('deep-pc.xlf')], { heapMb: 128, timeoutMs: 30_000 }), 'limits.xml-depth');
    const r = await anor(['import', 'xliff', file('deep-pc.xlf'), '--doc', 'any', '--data-dir', dataDir], {
      heapMb: 128,
      timeoutMs: 30_000,
    });
    expectRefused(r, 'import_refused');
  });

  it('XLIFF 1.2 with 100,000 nested <g>', async () => {
    expectRefused(await anor(['validate', file('deep-g.xlf')], { heapMb: 128, timeoutMs: 30_000 }), 'limits.xml-depth');
  });

  it('TMX with 100,000 nested <hi> (validate and import into the memory)', async () => {
    expectRefused(await anor(['validate', file('deep-hi.tmx')], { heapMb: 128, timeoutMs: 30_000 }), 'limits.xml-depth');
    const r = await anor(['import', 'tmx', file('deep-hi.tmx'), '--data-dir', dataDir], { heapMb: 128, timeoutMs: 30_000 });
    expectRefused(r, 'limits.xml-depth');
  });

  it('a DOCX whose body nests 100,000 content controls', async () => {
    const args = ['import', 'document', file('deep.docx'), '--title', 'Deep', '--source-lang', 'en', '--target-langs', 'ru'];
    const r = await anor([...args, '--data-dir', dataDir], { heapMb: 128, timeoutMs: 30_000 });
    expectRefused(r, 'import_refused');
    expect(r.out).toContain('deeper than 256 levels');
  });

  it('Markdown: a line nesting 1,000,000 block quotes, one block of 1,000,000 letters, a paragraph of 250,000 `[x]` and 64 KB of nested emphasis, refused before parsing', async () => {
    const doc = (f: string): string[] => ['import', 'document', file(f), '--title', 'Md', '--source-lang', 'en', '--target-langs', 'ru'];
    const deep = await anor([...doc('deep.md'), '--data-dir', dataDir], { heapMb: 128, timeoutMs: 20_000 });
    expectRefused(deep, 'import_refused');
    expect(deep.out).toContain('deeper than 200 levels');
    const block = await anor([...doc('long.md'), '--data-dir', dataDir], { heapMb: 128, timeoutMs: 20_000 });
    expectRefused(block, 'import_refused');
    expect(block.out).toContain('larger than 262144 characters');
    const brackets = await anor([...doc('brackets.md'), '--data-dir', dataDir], { heapMb: 128, timeoutMs: 20_000 });
    expectRefused(brackets, 'import_refused');
    expect(brackets.out).toContain('more than 4096 emphasis, code or link delimiters');
    // It ran 58 s and ended in a stack overflow of the tree walk behind micromark before the inline bound.
    const emphasis = await anor([...doc('emphasis.md'), '--data-dir', dataDir], { heapMb: 128, timeoutMs: 20_000 });
    expectRefused(emphasis, 'import_refused');
    expect(emphasis.out).toContain('could nest deeper than 200 levels');
  });

  it('a flat TMX of 750,000 elements stops at the element bound', async () => {
    expectRefused(await anor(['validate', file('flat.tmx')], { heapMb: 768, timeoutMs: 60_000 }), 'limits.xml-elements');
  });

  it('an empty DATA_DIR is refused instead of making the current directory the data directory', async () => {
    const cwd = path.join(dir, 'cwd');
    await rm(cwd, { recursive: true, force: true });
    await import('node:fs/promises').then((fs) => fs.mkdir(cwd));
    const serve = await anor(['serve'], { heapMb: 128, timeoutMs: 20_000, env: { DATA_DIR: '', PORT: '0' }, cwd });
    expect(serve.code).toBe(2);
    expect(serve.out).toContain('DATA_DIR is set but empty');
    const imp = await anor(['import', 'tmx', file('deep-hi.tmx')], { heapMb: 128, timeoutMs: 20_000, env: { DATA_DIR: '' }, cwd });
    expect(imp.code).toBe(2);
    expect(imp.out).toContain('DATA_DIR is set but empty');
    expect(await readdir(cwd)).toEqual([]);
  });
});
