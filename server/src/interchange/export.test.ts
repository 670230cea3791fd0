import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../../shared/index.js';
import { makeDoc, cell, paragraph } from '../../test/helpers/testDoc.js';
import { exportXliff2 } from './xliff2/export.js';
import { parseXliff2 } from './xliff2/parse.js';
import { exportXliff12 } from './xliff12/export.js';
import { parseXliff12 } from './xliff12/parse.js';
import { exportTmx } from './tmx/export.js';
import { parseTmx } from './tmx/parse.js';
import { validateAgainst } from '../../test/helpers/officialSchema.js';
import { run } from '../../test/helpers/tools.js';
import { planXliffImport } from './plan.js';

const doc = makeDoc();
const targets = doc.targetLangs;

describe('XLIFF 2 export', () => {
  it.each(targets)('validates against the official XLIFF 2 core XSD (%s)', async (lang) => {
    const r = await validateAgainst(exportXliff2(doc, lang), 'xliff-2.0');
    expect(r.valid, r.errors).toBe(true);
  });

  it('validates as XLIFF 2.2 against the 2.2 core XSD (offline: xml.xsd from the local copy)', async () => {
    const xlf = exportXliff2(doc, 'zh', '2.2');
    expect(xlf).toContain('urn:oasis:names:tc:xliff:document:2.2');
    const r = await validateAgainst(xlf, 'xliff-2.2');
    expect(r.valid, r.errors).toBe(true);
    expect(parseXliff2(xlf).ok).toBe(true);
  });

  it.each(targets)('passes our own importer and reads back text and state (%s)', (lang) => {
    const r = parseXliff2(exportXliff2(doc, lang));
    expect(r.ok ? [] : r.problems).toEqual([]);
    if (!r.ok) return;
    expect(r.value.units.map((u) => u.id)).toEqual(doc.paragraphs.map((p) => p.id));
    r.value.units.forEach((u, i) => {
      const p = doc.paragraphs[i]!;
      expect(u.source).toBe(p.cells.en!.text);
      const c = p.cells[lang]!;
      expect(u.target).toBe(c.text === '' ? null : c.text);
    });
  });

  it('maps statuses to XLIFF 2 states as documented', () => {
    const r = parseXliff2(exportXliff2(doc, 'ru'));
    if (!r.ok) throw new Error('export did not import');
    expect(r.value.units.map((u) => [u.state, u.detail])).toEqual([
      ['translated', 'anor:in_review'],
      ['final', null],
      ['translated', null],
    ]);
    const kk = parseXliff2(exportXliff2(doc, 'kk'));
    if (!kk.ok) throw new Error('export did not import');
    expect(kk.value.units.map((u) => [u.state, u.detail, u.target])).toEqual([
      ['translated', 'anor:changes_requested', 'Тауар айналымы 540 млн жетті'],
      ['final', null, 'Сиандағы саммит'],
      ['initial', null, null],
    ]);
  });

  it('keeps XML-invalid control characters as <cp> and still validates', async () => {
    const d = makeDoc([paragraph('p_x', { en: cell('bell\u0007 and form feed\u000c', 'draft'), zh: cell('铃\u0007', 'draft') })]);
    const xlf = exportXliff2(d, 'zh');
    expect(xlf).toContain('<cp hex="0007"/>');
    expect((await validateAgainst(xlf, 'xliff-2.0')).valid).toBe(true);
    const r = parseXliff2(xlf);
    expect(r.ok && r.value.units[0]).toMatchObject({ source: 'bell\u0007 and form feed\u000c', target: '铃\u0007' });
  });
});

describe('XLIFF 1.2 export', () => {
  it.each(targets)('validates against the XLIFF 1.2 strict XSD (%s)', async (lang) => {
    const r = await validateAgainst(exportXliff12(doc, lang), 'xliff-1.2');
    expect(r.valid, r.errors).toBe(true);
  });

  it.each(targets)('reads back through our 1.2 importer (%s)', (lang) => {
    const r = parseXliff12(exportXliff12(doc, lang));
    expect(r.ok ? [] : r.problems).toEqual([]);
    if (!r.ok) return;
    expect(r.value.units.map((u) => [u.id, u.source, u.target])).toEqual(
      doc.paragraphs.map((p) => [p.id, p.cells.en!.text, p.cells[lang]!.text === '' ? null : p.cells[lang]!.text]),
    );
  });

  it("is read by Debian's translate-toolkit with the same unit count and approved/fuzzy states", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'anor-tt-'));
    try {
      for (const lang of targets) {
        const xlf = join(dir, `${lang}.xlf`);
        const po = join(dir, `${lang}.po`);
        await writeFile(xlf, exportXliff12(doc, lang), 'utf8');
        const r = await run('xliff2po', ['--progress=none', '-i', xlf, '-o', po]);
        expect(r.code, r.stderr).toBe(0);
        const entries = poEntries(await readFile(po, 'utf8'));
        expect(entries.map((e) => e.msgctxtOrId)).toHaveLength(doc.paragraphs.length);
        // translate-toolkit: approved="yes" → translated; any other target → fuzzy; no target → untranslated.
        const expected = doc.paragraphs.map((p) => {
          const c = p.cells[lang]!;
          return c.text === '' ? 'untranslated' : c.status === 'approved' ? 'translated' : 'fuzzy';
        });
        expect(
          entries.map((e) => e.state),
          lang,
        ).toEqual(expected);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('TMX export', () => {
  it('validates against tmx14.dtd with version="1.4"', async () => {
    const tmx = exportTmx(doc, { now: new Date('2026-11-27T10:00:00Z') });
    expect(tmx).toContain('<tmx version="1.4">');
    const r = await validateAgainst(tmx, 'tmx-1.4');
    expect(r.valid, r.errors).toBe(true);
  });

  it('holds exactly the approved, not outdated pairs, and reads back', () => {
    const r = parseTmx(exportTmx(doc));
    expect(r.ok ? [] : r.problems).toEqual([]);
    if (!r.ok) return;
    expect(r.value.srcLang).toBe('en');
    expect(r.value.units).toEqual([
      {
        tuid: 'p_1',
        variants: [
          { lang: 'en', text: doc.paragraphs[0]!.cells.en!.text },
          { lang: 'zh-Hans', text: '贸易额达到5.4亿，增长“很快” <真的> 🚀' },
        ],
      },
      {
        tuid: 'p_2',
        variants: [
          { lang: 'en', text: "The leaders' summit in Xi'an" },
          { lang: 'ru', text: 'Саммит в Сиане' },
          { lang: 'uz-Latn', text: 'Sian sammiti' },
        ],
      },
    ]);
  });
});

it('covers all five languages in the factory document', () => {
  expect(Object.keys(doc.paragraphs[0]!.cells).sort()).toEqual([...LANGS].sort());
});

/** The entries of a PO file after the header, with translate-toolkit's view of their state. */
function poEntries(po: string): { msgctxtOrId: string; state: 'translated' | 'fuzzy' | 'untranslated' }[] {
  const blocks = po.split(/\n\n+/u).filter((b) => /^msgid /mu.test(b) && !/^msgid ""\nmsgstr ""\n"/mu.test(b));
  return blocks.map((b) => {
    const fuzzy = /^#, .*fuzzy/mu.test(b);
    const msgstr = (b.split(/^msgstr /mu)[1] ?? '')
      .split('\n')
      .map((l) => l.trim().replace(/^"|"$/gu, ''))
      .join('');
    const ctx = /^msgctxt (.*)$/mu.exec(b)?.[1] ?? /^msgid (.*)$/mu.exec(b)?.[1] ?? '';
    return { msgctxtOrId: ctx, state: msgstr === '' ? 'untranslated' : fuzzy ? 'fuzzy' : 'translated' };
  });
}

describe('third-party XLIFF 1.x', () => {
  it("reads translate-toolkit's po2xliff output (XLIFF 1.1) and refuses to map its renumbered ids", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'anor-tt-'));
    try {
      const xlf = join(dir, 'ru.xlf');
      await writeFile(xlf, exportXliff12(doc, 'ru'), 'utf8');
      expect((await run('xliff2po', ['--progress=none', '-i', xlf, '-o', join(dir, 'ru.po')])).code).toBe(0);
      expect((await run('po2xliff', ['--progress=none', '-i', join(dir, 'ru.po'), '-o', join(dir, 'back.xlf')])).code).toBe(0);
      const r = parseXliff12(await readFile(join(dir, 'back.xlf'), 'utf8'));
      expect(r.ok ? [] : r.problems).toEqual([]);
      if (!r.ok) return;
      // The PO header comes back as a unit; the paragraphs keep their texts in order.
      const texts = r.value.units.filter((u) => !u.source.startsWith('Project-Id-Version')).map((u) => u.target);
      expect(texts).toEqual(doc.paragraphs.map((p) => (p.cells.ru!.text === '' ? null : p.cells.ru!.text)));
      const plan = planXliffImport({ ...doc }, { ...r.value, trgLang: 'ru' });
      expect(!plan.ok && plan.problems.every((p) => p.rule === 'import.unknown-unit' || p.rule === 'import.source-language')).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('third-party TMX', () => {
  it("reads translate-toolkit's po2tmx output: the same approved pairs as Anor's own TMX", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'anor-tt-'));
    try {
      for (const lang of ['ru', 'zh'] as const) {
        const xlf = join(dir, `${lang}.xlf`);
        await writeFile(xlf, exportXliff12(doc, lang), 'utf8');
        expect((await run('xliff2po', ['--progress=none', '-i', xlf, '-o', join(dir, `${lang}.po`)])).code).toBe(0);
        // po2tmx keeps only finished (non-fuzzy) entries: Anor's approved cells.
        expect(
          (await run('po2tmx', ['--progress=none', '-l', lang, '-i', join(dir, `${lang}.po`), '-o', join(dir, `${lang}.tmx`)])).code,
        ).toBe(0);
        const theirs = parseTmx(await readFile(join(dir, `${lang}.tmx`), 'utf8'));
        const ours = parseTmx(exportTmx(doc));
        if (!theirs.ok || !ours.ok) throw new Error('TMX did not parse');
        const pairs = (units: { variants: { lang: string; text: string }[] }[], tag: string): string[][] =>
          units.flatMap((u) => {
            const src = u.variants.find((v) => v.lang === 'en');
            const trg = u.variants.find((v) => v.lang.toLowerCase().startsWith(tag));
            return src && trg ? [[src.text, trg.text]] : [];
          });
        expect(pairs(theirs.value.units, lang)).toEqual(pairs(ours.value.units, lang));
        expect(pairs(ours.value.units, lang).length).toBeGreaterThan(0);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
