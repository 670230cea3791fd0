import { execFile } from 'node:child_process';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitParagraphs } from '../../../shared/domain/paragraphs.js';
import { run, type CheckIo, type ParagraphFinding } from './check.js';

const execFileP = promisify(execFile);
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const fixtures = join(repo, 'server/test/fixtures/qa');
const fx = (name: string) => join(fixtures, name);

interface Captured {
  code: number;
  out: string;
  err: string;
}

async function check(argv: string[]): Promise<Captured> {
  let out = '';
  let err = '';
  const io: CheckIo = { out: (t) => (out += t), err: (t) => (err += t) };
  const code = await run(argv, io);
  return { code, out, err };
}

function args(target: string, lang: string, extra: string[] = []): string[] {
  return ['--source', fx('summit.en.txt'), '--target', fx(target), '--source-lang', 'en', '--target-lang', lang, ...extra];
}

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'anor-check-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('anor check (in process)', () => {
  it('prints the findings as JSON, paragraph by paragraph, and exits 0', async () => {
    const r = await check(args('summit.ru.txt', 'ru', ['--format', 'json', '--glossary', fx('glossary.json')]));
    expect(r.code).toBe(0);
    const findings = JSON.parse(r.out) as ParagraphFinding[];
    expect(findings.map((f) => [f.paragraph, f.check])).toEqual([
      [2, 'number_missing'],
      [4, 'quotes'],
      [5, 'brackets'],
      [5, 'glossary_missing'],
      [5, 'glossary_forbidden'],
      [7, 'sentence_count'],
      [9, 'whitespace'],
      [10, 'mixed_script'],
    ]);
    for (const f of findings) {
      expect(Object.keys(f).sort()).toEqual(['check', 'message', 'paragraph', 'severity']);
      expect(['error', 'warning']).toContain(f.severity);
    }
  });

  it('finds the planted faults in the Chinese, Kazakh and Uzbek targets and nothing in their good paragraphs', async () => {
    const zh = JSON.parse((await check(args('summit.zh.txt', 'zh', ['--format', 'json']))).out) as ParagraphFinding[];
    expect(zh.map((f) => [f.paragraph, f.check])).toEqual([
      [4, 'quotes'],
      [6, 'zh_punctuation'],
      [7, 'sentence_count'],
      [9, 'untranslated'],
    ]);
    const kk = JSON.parse((await check(args('summit.kk.txt', 'kk', ['--format', 'json']))).out) as ParagraphFinding[];
    expect(kk.map((f) => [f.paragraph, f.check])).toEqual([
      [6, 'url_mismatch'],
      [8, 'kk_letters'],
      [8, 'kk_letters'],
    ]);
    const uz = JSON.parse((await check(args('summit.uz.txt', 'uz', ['--format', 'json']))).out) as ParagraphFinding[];
    expect(uz.map((f) => [f.paragraph, f.check])).toEqual([[8, 'uz_apostrophe']]);
  });

  it('prints one readable line per finding in text mode, with a summary on stderr', async () => {
    const r = await check(args('summit.kk.txt', 'kk'));
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^¶6\terror\turl_mismatch\tThe URL https:\/\/www\.gov\.kz\/memleket\/entities\/mfa reads /u);
    expect(r.err).toBe('3 finding(s): 1 error(s), 2 warning(s) in 10 paragraph pair(s)\n');
  });

  it('reads BOM and CRLF files, and reports a paragraph count mismatch', async () => {
    const src = join(tmp, 'src.txt');
    const tgt = join(tmp, 'tgt.txt');
    await writeFile(src, '\uFEFFThe summit opened.\r\n\r\nTwelve documents were signed.\r\n\r\n\r\nIt ended.\r\n');
    await writeFile(tgt, '\uFEFFСаммит открылся.\r\n\r\nПодписаны двенадцать документов.\r\n');
    const r = await check(['--source', src, '--target', tgt, '--source-lang', 'en', '--target-lang', 'ru', '--format', 'json']);
    expect(JSON.parse(r.out)).toEqual([
      {
        paragraph: 3,
        check: 'paragraph_count',
        severity: 'error',
        message: 'The source has 3 paragraphs and the target 2; paragraphs from 3 on are not checked',
      },
    ]);
  });

  it('fails with a coded message and nothing on stdout when it cannot run', async () => {
    const missingFile = await check(args('nope.txt', 'ru'));
    expect([missingFile.code, missingFile.out]).toEqual([1, '']);
    expect(missingFile.err).toMatch(/^anor check: file_unreadable: cannot read target file .*nope\.txt \(ENOENT\)/u);

    const badLang = await check(args('summit.ru.txt', 'de'));
    expect([badLang.code, badLang.out]).toEqual([2, '']);
    expect(badLang.err).toMatch(/^anor check: bad_language: --target-lang "de" is not one of en, zh, ru, kk, uz/u);

    const unknown = await check([...args('summit.ru.txt', 'ru'), '--colour']);
    expect([unknown.code, unknown.out]).toEqual([2, '']);
    expect(unknown.err).toMatch(/^anor check: usage: /u);

    const missingArg = await check(['--source', fx('summit.en.txt')]);
    expect(missingArg.err).toMatch(/missing --target, --source-lang, --target-lang/u);

    const latin1 = join(tmp, 'latin1.txt');
    await writeFile(latin1, Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]));
    const notUtf8 = await check(['--source', fx('summit.en.txt'), '--target', latin1, '--source-lang', 'en', '--target-lang', 'ru']);
    expect([notUtf8.code, notUtf8.err]).toEqual([1, expect.stringMatching(/not_utf8/u)]);

    const badGlossary = join(tmp, 'glossary.json');
    await writeFile(badGlossary, JSON.stringify({ terms: [{ en: 'x', forbidden: [{ lang: 'de', text: 'y' }] }] }));
    const g = await check(args('summit.ru.txt', 'ru', ['--glossary', badGlossary]));
    expect([g.code, g.out]).toEqual([1, '']);
    expect(g.err).toMatch(/bad_glossary: .*terms\.0\.forbidden\.0\.lang/u);
  });

  it('prints usage for --help and exits 0', async () => {
    const r = await check(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage: anor check --source FILE');
  });
});

describe('splitParagraphs as anor check and anor align number paragraphs', () => {
  it('splits on blank lines, keeps line breaks inside a paragraph and ignores whitespace-only lines between', () => {
    expect(splitParagraphs('one\nstill one\n \t\ntwo\n\n\n\nthree\n')).toEqual(['one\nstill one', 'two', 'three']);
    expect(splitParagraphs('\n\n')).toEqual([]);
  });
  it('reads a file without blank lines as one paragraph per line, as the importer and the aligner do', () => {
    expect(splitParagraphs('one\ntwo\nthree')).toEqual(['one', 'two', 'three']);
  });
});

describe('anor check (compiled, as a separate process)', () => {
  let out: string;
  beforeAll(async () => {
    // Compile the `anor` entry point (and so every command it can load) to a temp dir with the build's settings.
    out = join(tmp, 'out');
    const config = join(tmp, 'tsconfig.json');
    await writeFile(
      config,
      JSON.stringify({
        extends: join(repo, 'tsconfig.build.json'),
        compilerOptions: { outDir: out, rootDir: repo, sourceMap: false, typeRoots: [join(repo, 'node_modules/@types')] },
        include: [],
        files: [join(repo, 'server/src/cli.ts')],
      }),
    );
    // Type errors are `npm run typecheck`'s to report; tsc still emits, and this test is about running the output.
    await execFileP(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-p', config]).catch(() => undefined);
    await writeFile(join(out, 'package.json'), '{"type":"module"}');
    await symlink(join(repo, 'node_modules'), join(out, 'node_modules'));
  }, 120_000);

  it('runs as `anor check` on the fixture files and prints the same JSON as in process', async () => {
    const argv = args('summit.uz.txt', 'uz', ['--format', 'json']);
    const child = await execFileP(process.execPath, [join(out, 'server/src/cli.js'), 'check', ...argv]);
    expect(JSON.parse(child.stdout)).toEqual(JSON.parse((await check(argv)).out));
    expect(JSON.parse(child.stdout)).toHaveLength(1);
  });

  it('runs the compiled command module directly too, and exits 2 on a bad language', async () => {
    const failed = await execFileP(process.execPath, [join(out, 'server/src/cli/check.js'), ...args('summit.ru.txt', 'xx')]).then(
      () => null,
      (err: { code?: number; stderr?: string }) => err,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toContain('bad_language');
  });
});
