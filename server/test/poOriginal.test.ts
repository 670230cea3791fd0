import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { po } from 'gettext-parser';
import type { GetTextTranslation } from 'gettext-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellStatus, Lang } from '../../shared/index.js';
import { poLines } from '../src/interchange/po/entries.js';
import type { InterchangeDocumentDto, SourceFileDto } from '../../shared/protocol/interchange.js';
import { run as runExport } from '../src/cli/export.js';
import { run as runImport } from '../src/cli/import.js';
import type { CliIo } from '../src/cli/io.js';
import { decideImport } from '../src/services/interchange/decideImport.js';
import { data, login } from './helpers/http.js';
import { openWorkbench, requireTool, run } from './helpers/original.js';
import type { Workbench } from './helpers/original.js';
import { ADMIN_PASSWORD, startServer } from './helpers/server.js';
import { upload } from './helpers/upload.js';

/**
 * The round trip of a gettext template made by the real xgettext: create a
 * document from it, translate every paragraph, export the original for ru,
 * kk and zh, and hand each file to msgfmt --check. Everything the developers
 * wrote (comments, references, flags, msgctxt, msgid, msgid_plural, order,
 * obsolete entries) comes back as it was; only msgstr, fuzzy and the header's
 * language fields change.
 */
const C_SOURCE = `#include <libintl.h>
#include <stdio.h>
#define _(s) gettext(s)
int main(int n) {
  /* TRANSLATORS: greeting shown at start */
  printf(_("Hello, world!\\n"));
  printf(pgettext("menu", "Open"));
  printf(pgettext("door", "Open"));
  printf(ngettext("%d file removed", "%d files removed", n), n);
  printf(_("Say \\"%s\\"\\tnow"), "x");
  return 0;
}
`;

/** What a later msgmerge leaves of a message the code no longer has. */
const OBSOLETE = '\n#~ msgid "Gone"\n#~ msgstr "Ушёл"\n';

let w: Workbench;
let dir: string;
let pot: Buffer;

beforeAll(async () => {
  await requireTool('xgettext', 'gettext');
  await requireTool('msgfmt', 'gettext');
  w = await openWorkbench();
  dir = await mkdtemp(join(tmpdir(), 'anor-po-original-'));
  await writeFile(join(dir, 'hello.c'), C_SOURCE);
  const made = await run('xgettext', [
    '--keyword=_',
    '--keyword=pgettext:1c,2',
    '--add-comments=TRANSLATORS:',
    '--directory',
    dir,
    '-o',
    join(dir, 'hello.pot'),
    'hello.c',
  ]);
  expect(made.code, made.stderr).toBe(0);
  pot = Buffer.concat([await readFile(join(dir, 'hello.pot')), Buffer.from(OBSOLETE)]);
}, 60_000);

afterAll(async () => {
  await w?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A translation that keeps the format directives msgfmt --check compares. */
const fake = (lang: Lang, source: string, i: number): string => `${lang}${i}: ${source}`;

async function create(): Promise<{ docId: string; sources: string[] }> {
  const r = await w.interchange.createFromFile(
    pot,
    { name: 'hello.pot', targetLangs: ['ru', 'zh'], lang: 'kk', sourceLang: 'en' },
    'u1',
    () => ({
      approve: true,
    }),
  );
  expect(r.keepsOriginal).toBe(true);
  const doc = await w.documents.reads.snapshot(r.docId);
  return { docId: r.docId, sources: doc.paragraphs.map((p) => p.cells.en?.text ?? '') };
}

async function translate(
  docId: string,
  lang: Lang,
  status: (i: number) => CellStatus,
  skip: ReadonlySet<number> = new Set(),
): Promise<void> {
  const doc = await w.documents.reads.snapshot(docId);
  await w.documents.ops().importCells(docId, 'u1', (d) =>
    decideImport(
      d,
      doc.paragraphs.flatMap((p, i) =>
        skip.has(i) ? [] : [{ paragraphId: p.id, lang, text: fake(lang, p.cells.en?.text ?? '', i), status: status(i) }],
      ),
    ),
  );
}

async function exportTo(docId: string, lang: Lang, mode: 'approved' | 'latest' = 'latest'): Promise<{ text: string; path: string }> {
  const f = await w.interchange.exportFile(docId, { format: 'original', langs: [lang], mode });
  expect(f.fileName).toBe(`hello.${lang}.po`);
  const path = join(dir, `${docId}.${f.fileName}`);
  await writeFile(path, f.body);
  return { text: Buffer.from(f.body).toString('utf8'), path };
}

function messages(text: string): GetTextTranslation[] {
  return poLines(text).entries.flatMap((e) => (e.message && !e.header ? [e.message] : []));
}

/** The lines a translation may not touch: all but the header entry, msgstr lines with their continuations, and `#,` flags. */
function untouchable(text: string): string[] {
  const { lines, entries } = poLines(text);
  const header = entries.find((e) => e.header);
  let inStr = false;
  return lines.filter((l, i) => {
    if (header && i >= header.start && i < header.end) return false;
    if (/^msgstr/u.test(l)) inStr = true;
    else if (!l.startsWith('"')) inStr = false;
    return !inStr && !l.startsWith('#,');
  });
}

async function msgfmt(path: string): Promise<{ code: number; stderr: string }> {
  return run('msgfmt', ['--check', '--statistics', '-o', '/dev/null', path]);
}

describe('the original PO file', () => {
  it('is kept, one paragraph per message and plural form, and exported for ru, kk and zh passes msgfmt --check', async () => {
    const { docId, sources } = await create();
    expect((await w.storage.sources.get(docId))?.format).toBe('po');
    expect(sources).toHaveLength(6);
    for (const lang of ['ru', 'kk', 'zh'] as const) await translate(docId, lang, () => 'approved');
    const input = pot.toString('utf8');
    for (const lang of ['ru', 'kk', 'zh'] as const) {
      const { text, path } = await exportTo(docId, lang);
      const checked = await msgfmt(path);
      expect(checked.code, checked.stderr).toBe(0);
      // Every message translated, none fuzzy.
      expect(checked.stderr).toMatch(/^5 translated messages\.$/mu);
      expect(untouchable(text)).toEqual(untouchable(input));
      const before = messages(input);
      const after = messages(text);
      expect(after.map((m) => [m.msgctxt, m.msgid, m.msgid_plural, m.comments])).toEqual(
        before.map((m) => [m.msgctxt, m.msgid, m.msgid_plural, m.comments]),
      );
      const t = (i: number): string => fake(lang, sources[i] ?? '', i);
      expect(after[0]!.msgstr).toEqual([t(0)]);
      expect(t(0).endsWith('!\n')).toBe(true);
      expect(after.map((m) => m.msgstr[0])).toEqual([t(0), t(1), t(2), t(3), t(5)]);
      // The plural entry: as many forms as the language has, each from its paragraph, the last repeated.
      const forms = { ru: [t(3), t(4), t(4)], kk: [t(3), t(4)], zh: [t(3)] }[lang];
      expect(after[3]!.msgstr).toEqual(forms);
      const headers = po.parse(text).headers;
      expect(headers.Language).toBe(lang === 'zh' ? 'zh_CN' : lang);
      expect(headers['Plural-Forms']).toMatch(new RegExp(`^nplurals=${forms.length};`, 'u'));
      expect(headers['Content-Type']).toBe('text/plain; charset=UTF-8');
      expect(headers['Project-Id-Version']).toBe('PACKAGE VERSION');
      // The template's fuzzy header is a translation's header now; the obsolete entry is as it was.
      expect(text).not.toMatch(/#, fuzzy\nmsgid ""/u);
      expect(text.endsWith(OBSOLETE)).toBe(true);
    }
  });

  it('writes drafts as fuzzy, untranslated messages empty, and refuses when asked', async () => {
    const { docId } = await create();
    // Paragraph 1 a draft, 2 untranslated, 4 (second plural form) untranslated.
    await translate(docId, 'kk', (i) => (i === 1 ? 'draft' : 'approved'), new Set([2, 4]));
    const { text, path } = await exportTo(docId, 'kk');
    const checked = await msgfmt(path);
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stderr).toMatch(/^2 translated messages, 2 fuzzy translations, 1 untranslated message\.$/mu);
    const m = messages(text);
    expect(m[1]!.comments?.flag).toBe('fuzzy, c-format');
    expect(m[2]!.msgstr).toEqual(['']);
    expect(m[2]!.comments?.flag).toBe('c-format');
    // Half a plural entry is not a translation gettext may use.
    expect(m[3]!.msgstr[1]).toBe('');
    expect(m[3]!.comments?.flag).toBe('fuzzy, c-format');
    // Approved only: the draft is untranslated too.
    const approved = messages((await exportTo(docId, 'kk', 'approved')).text);
    expect(approved[1]!.msgstr).toEqual(['']);
    expect(approved[1]!.comments?.flag).toBe('c-format');
    await expect(
      w.interchange.exportFile(docId, { format: 'original', langs: ['kk'], mode: 'latest', untranslated: 'refuse' }),
    ).rejects.toMatchObject({ code: 'export_incomplete' });
    const f = await w.interchange.exportFile(docId, { format: 'original', langs: ['kk'], mode: 'latest' });
    expect(f).toMatchObject({ untranslated: 2, untranslatedEmpty: true });
  });
});

describe('the original PO file over REST and the CLI', () => {
  it('POST /api/import/document keeps it, GET …/source-file names it, GET …/export?format=original writes it', async () => {
    const server = await startServer();
    try {
      const cookie = await login(server.url, 'admin', ADMIN_PASSWORD);
      const r = await upload<InterchangeDocumentDto>(server.url, '/api/import/document?name=hello.pot&sourceLang=en&lang=kk', cookie, pot);
      if (!r.body.ok) throw new Error(JSON.stringify(r.body));
      expect(r.body.data).toMatchObject({ format: 'po', paragraphs: 6, keepsOriginal: true });
      const docId = r.body.data.docId;
      const info = await data<SourceFileDto>(server.url, 'GET', `/api/documents/${docId}/source-file`, { cookie });
      expect(info).toMatchObject({ name: 'hello.pot', format: 'po', paragraphs: 6 });
      const exportOriginal = (q: string): Promise<Response> =>
        fetch(`${server.url}/api/documents/${docId}/export?format=original&langs=kk&${q}`, { headers: { cookie } });
      const refused = await exportOriginal('untranslated=refuse');
      expect(refused.status).toBe(409);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('export_incomplete');
      const doc = await server.app.documents.reads.snapshot(docId);
      await server.app.ops.importCells(docId, 'admin', (d) =>
        decideImport(
          d,
          doc.paragraphs.map((p, i) => ({
            paragraphId: p.id,
            lang: 'kk' as const,
            text: fake('kk', p.cells.en?.text ?? '', i),
            status: 'approved' as const,
          })),
        ),
      );
      const res = await exportOriginal('untranslated=refuse');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/x-gettext-translation; charset=utf-8');
      expect(res.headers.get('content-disposition')).toContain('hello.kk.po');
      const path = join(dir, 'rest.kk.po');
      await writeFile(path, Buffer.from(await res.arrayBuffer()));
      const checked = await msgfmt(path);
      expect(checked.code, checked.stderr).toBe(0);
      expect(checked.stderr).toMatch(/^5 translated messages\.$/mu);
    } finally {
      await server.stop();
    }
  });

  it('anor import document FILE.pot keeps it; anor export --format original writes it to --out FILE or, with --out -, to stdout', async () => {
    const cli = join(dir, 'cli');
    const args = ['--data-dir', join(cli, 'data')];
    const potPath = join(dir, 'hello.pot');
    await writeFile(potPath, pot);
    let out = '';
    let err = '';
    let bytes = Buffer.alloc(0);
    const io: CliIo = {
      out: (t) => void (out += t),
      err: (t) => void (err += t),
      bytes: (b) => void (bytes = Buffer.concat([bytes, b])),
    };
    expect(await runImport(['document', potPath, '--source-lang', 'en', '--lang', 'kk', ...args], io), err).toBe(0);
    expect(err).toContain('kept the file: export it translated with --format original');
    const docId = out.trim();
    err = '';
    expect(
      await runExport(
        ['--doc', docId, '--format', 'original', '--lang', 'kk', '--untranslated', 'refuse', '--out', join(cli, 'x.po'), ...args],
        io,
      ),
    ).toBe(1);
    expect(err).toContain('export_incomplete');
    err = '';
    const file = join(cli, 'hello.kk.po');
    expect(await runExport(['--doc', docId, '--format', 'original', '--lang', 'kk', '--out', file, ...args], io)).toBe(0);
    expect(err).toBe('6 paragraphs had no translation and were left empty\n');
    const checked = await msgfmt(file);
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stderr).toMatch(/^0 translated messages, 5 untranslated messages\.$/mu);
    // `-` is standard output, not a file named "-".
    expect(await runExport(['--doc', docId, '--format', 'original', '--lang', 'kk', '--out', '-', ...args], io)).toBe(0);
    expect(bytes.equals(await readFile(file))).toBe(true);
    expect(await runExport(['--doc', docId, '--format', 'po', '--lang', 'kk', '--out', '-', ...args], io)).toBe(0);
    expect(out).toContain('msgid "Hello, world!\\n"');
    await expect(readFile(join(process.cwd(), '-'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
