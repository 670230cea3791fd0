import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cell, makeDoc, paragraph } from '../../../test/helpers/testDoc.js';
import { run } from '../../../test/helpers/tools.js';
import { planXliffImport } from '../plan.js';
import { readInterchange } from '../read.js';
import { exportXliff12 } from '../xliff12/export.js';
import { exportPo } from './export.js';
import { parsePo } from './parse.js';

const doc = makeDoc([
  paragraph('p_1', { en: cell('Good morning', 'draft'), ru: cell('Доброе утро', 'approved') }),
  paragraph('p_2', { en: cell('Good morning', 'draft'), ru: cell('Доброе', 'draft') }),
  // Integer-like ids sort first in a JavaScript object: the export must keep document order anyway.
  paragraph('2024', { en: cell('Line "one"\nline\ttwo \\ end', 'draft'), ru: cell('', 'empty') }),
  paragraph('p_4', { en: cell('Bell\u0007', 'draft'), ru: cell('Звонок', 'in_review') }),
]);

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'anor-po-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('PO export', () => {
  it('writes one entry per paragraph in document order, msgctxt and #: = paragraph id, not-approved targets fuzzy', () => {
    const po = exportPo(doc, 'ru');
    expect(po).toContain('"Language: ru\\n"');
    expect(po).toContain('"X-Source-Language: en\\n"');
    const order = ['p_1', 'p_2', '2024', 'p_4'].map((id) => po.indexOf(`msgctxt "${id}"`));
    expect(order.every((x, i) => x > 0 && (i === 0 || x > order[i - 1]!))).toBe(true);
    expect(po).toMatch(/#: p_2\n#, fuzzy\nmsgctxt "p_2"/u);
    expect(po).toMatch(/#: p_1\nmsgctxt "p_1"/u);
  });

  it('passes msgfmt --check and reads back with texts and statuses', async () => {
    const file = join(dir, 'ru.po');
    await writeFile(file, exportPo(doc, 'ru'));
    const r = await run('msgfmt', ['--check', '-o', '/dev/null', file]);
    expect(r.code, r.stderr).toBe(0);
    const back = parsePo(await readFile(file, 'utf8'));
    if (!back.ok) throw new Error(JSON.stringify(back.problems));
    expect(back.value).toMatchObject({ version: 'po', srcLang: 'en', trgLang: 'ru', title: doc.title.replace(/\s+/gu, ' ') });
    expect(back.value.units.map((u) => [u.id, u.source, u.target, u.state])).toEqual([
      ['p_1', 'Good morning', 'Доброе утро', 'final'],
      ['p_2', 'Good morning', 'Доброе', 'translated'],
      ['2024', 'Line "one"\nline\ttwo \\ end', null, 'initial'],
      ['p_4', 'Bell\u0007', 'Звонок', 'translated'],
    ]);
    // A round trip plans only what the PO cannot say: in_review comes back as a draft (fuzzy).
    const plan = planXliffImport(doc, back.value);
    expect(plan.ok && plan.value.edits).toEqual([{ paragraphId: 'p_4', lang: 'ru', text: 'Звонок', status: 'draft' }]);
  });
});

describe('PO import', () => {
  const peer = `# Translator's note
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: ru\\n"
"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"

# checked by the editor
#. shown on the home page
#: src/home.c:10
msgctxt "2"
msgid "Good morning"
msgstr "Доброе утро"

msgctxt "1"
msgid "Open"
msgstr "Открыть"

#, fuzzy, c-format
msgid "%d file"
msgid_plural "%d files"
msgstr[0] "%d файл"
msgstr[1] "%d файла"
msgstr[2] "%d файлов"

#~ msgid "Gone"
#~ msgstr "Ушло"
`;

  it('keeps document order, msgctxt and references, comments as notes, every plural form the file has', () => {
    const r = parsePo(peer);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value.trgLang).toBe('ru');
    expect(r.value.units.map((u) => [u.id, u.source, u.target, u.state, u.refs])).toEqual([
      ['2', 'Good morning', 'Доброе утро', 'final', ['2', 'src/home.c']],
      ['1', 'Open', 'Открыть', 'final', ['1']],
      ['3[0]', '%d file', '%d файл', 'translated', []],
      ['3[1]', '%d files', '%d файла', 'translated', []],
      ['3[2]', '%d files', '%d файлов', 'translated', []],
    ]);
    // The msgctxt tells equal msgids apart, so it is a note too; the forms of a plural entry carry the entry's notes once.
    expect(r.value.units.map((u) => u.notes)).toEqual([
      ['msgctxt: 2', 'checked by the editor', 'shown on the home page'],
      ['msgctxt: 1'],
      [],
      [],
      [],
    ]);
  });

  it("makes no note of a msgctxt that repeats the entry's reference, as Anor's export writes the paragraph id", () => {
    const r = parsePo(exportPo(doc, 'ru'));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value.units.length).toBe(doc.paragraphs.length);
    expect(r.value.units.every((u) => u.notes?.length === 0)).toBe(true);
  });

  it('is read by readInterchange (and so by anor validate) by its name or its first entry', () => {
    expect(readInterchange(peer).format).toBe('po');
    expect(readInterchange('# only a comment\n', 'x.po')).toMatchObject({ ok: false, format: 'po' });
  });

  it('matches a PO made by another tool by source text, and one from xliff2po by reference', async () => {
    const target = makeDoc([
      paragraph('p_a', { en: cell('Open', 'draft'), ru: cell('', 'empty') }),
      paragraph('p_b', { en: cell('Good morning', 'draft'), ru: cell('', 'empty') }),
    ]);
    const peerPo = parsePo('msgid "Good morning"\nmsgstr "Доброе утро"\n\nmsgid "Open"\nmsgstr "Открыть"\n');
    if (!peerPo.ok) throw new Error('unreadable');
    const bySource = planXliffImport(target, peerPo.value, { lang: 'ru' });
    expect(bySource.ok && bySource.value.edits.map((e) => [e.paragraphId, e.text])).toEqual([
      ['p_b', 'Доброе утро'],
      ['p_a', 'Открыть'],
    ]);
    expect(bySource.ok && bySource.value.matched).toEqual({ id: 0, reference: 0, source: 2, unmatched: 0 });

    // Anor's XLIFF 1.2 → translate-toolkit's xliff2po: a PO whose #: references and msgctxt are the paragraph ids.
    const xlf = join(dir, 'tt.xlf');
    await writeFile(xlf, exportXliff12(doc, 'ru'));
    expect((await run('xliff2po', ['--progress=none', '-i', xlf, '-o', join(dir, 'tt.po')])).code).toBe(0);
    const tt = readInterchange(await readFile(join(dir, 'tt.po'), 'utf8'), 'tt.po');
    if (!tt.ok || tt.value.format !== 'po') throw new Error(JSON.stringify(tt));
    const plan = planXliffImport(doc, tt.value.xliff, { lang: 'ru' });
    expect(plan.ok && plan.value.matched).toEqual({ id: 4, reference: 0, source: 0, unmatched: 0 });
  });
});
