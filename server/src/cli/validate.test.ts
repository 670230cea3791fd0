import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDoc } from '../../test/helpers/testDoc.js';
import { exportXliff2 } from '../interchange/xliff2/export.js';
import { exportXliff12 } from '../interchange/xliff12/export.js';
import { exportTmx } from '../interchange/tmx/export.js';
import { nestedPcXliff } from '../../test/helpers/hostileFiles.js';
import { run } from './validate.js';

const SUITE = fileURLToPath(new URL('../../test/fixtures/validators/xliff/xliff-21/test-suite/core/', import.meta.url));
let dir = '';
const capture = (): { text: () => string; io: { out: (t: string) => void; err: (t: string) => void } } => {
  const all: string[] = [];
  return { text: () => all.join(''), io: { out: (t) => all.push(t), err: (t) => all.push(t) } };
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'anor-validate-'));
  const doc = makeDoc();
  await writeFile(join(dir, 'zh.xlf'), exportXliff2(doc, 'zh'));
  await writeFile(join(dir, 'ru12.xlf'), exportXliff12(doc, 'ru'));
  await writeFile(join(dir, 'doc.tmx'), exportTmx(doc));
  await writeFile(join(dir, 'broken.xlf'), '<xliff><file></xliff>');
  await writeFile(join(dir, 'v14b.tmx'), exportTmx(doc).replace('<tmx version="1.4">', '<tmx version="1.4b">'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('anor validate', () => {
  it.each([
    ['zh.xlf', 'XLIFF 2 2.0 en→zh-Hans, 3 units'],
    ['ru12.xlf', 'XLIFF 1.2 1.2 en→ru, 3 units'],
    ['doc.tmx', 'TMX en, 2 translation units'],
  ])('accepts Anor exports (%s) with exit 0', async (name, summary) => {
    const c = capture();
    expect(await run([join(dir, name)], c.io)).toBe(0);
    expect(c.text()).toContain(`ok (${summary})`);
  });

  it('checks the official schema in process, with no xmllint on the PATH', async () => {
    const path = process.env.PATH;
    process.env.PATH = '';
    try {
      for (const [name, schema] of [
        ['zh.xlf', 'XLIFF 2.0/2.1 core XSD'],
        ['ru12.xlf', 'XLIFF 1.2 strict XSD'],
        ['doc.tmx', 'TMX 1.4 DTD'],
      ]) {
        const c = capture();
        expect(await run([join(dir, name!)], c.io)).toBe(0);
        expect(c.text()).toContain(`valid against the ${schema}`);
      }
      // What tmexchange writes: Anor's importer reads it, the official DTD does not allow it.
      const c = capture();
      expect(await run([join(dir, 'v14b.tmx')], c.io)).toBe(1);
      expect(c.text()).toMatch(/schema\.tmx-1\.4: .*attribute version.*\(at line \d+\)/u);
      expect(c.text()).toContain('invalid (2 problems) against the TMX 1.4 DTD');
      expect(c.text()).toContain('ok (TMX en, 2 translation units)');
      const j = capture();
      expect(await run([join(dir, 'v14b.tmx'), '--format', 'json'], j.io)).toBe(1);
      expect(JSON.parse(j.text())).toMatchObject({
        schema: { name: 'tmx-1.4', valid: false, problems: expect.arrayContaining([expect.objectContaining({ rule: 'schema.tmx-1.4' })]) },
      });
    } finally {
      process.env.PATH = path;
    }
  });

  it('refuses an invalid suite file with exit 1, naming the rule', async () => {
    const c = capture();
    expect(await run([join(SUITE, 'invalid/bad_SubStateWithoutState.xlf')], c.io)).toBe(1);
    expect(c.text()).toContain('xliff2.segment.subState-needs-state: subState is set without state');
    expect(c.text()).toContain('refused (XLIFF 2): 1 problem');
  });

  it('reports problems as JSON', async () => {
    const c = capture();
    expect(await run([join(SUITE, 'invalid/bad_EcBeforeSc.xlf'), '--format', 'json'], c.io)).toBe(1);
    const r = JSON.parse(c.text()) as { ok: boolean; format: string; problems: { rule: string }[] };
    expect(r).toMatchObject({ ok: false, format: 'xliff2' });
    expect(r.problems.map((p) => p.rule)).toContain('xliff2.inline.ec-before-sc');
  });

  it('refuses malformed XML with exit 1', async () => {
    const c = capture();
    expect(await run([join(dir, 'broken.xlf')], c.io)).toBe(1);
    expect(c.text()).toContain('xml.well-formed: not well-formed XML');
  });

  it('answers bad usage and unreadable files with exit 2', async () => {
    expect(await run([], capture().io)).toBe(2);
    expect(await run(['a', 'b'], capture().io)).toBe(2);
    expect(await run([join(dir, 'missing.xlf')], capture().io)).toBe(2);
    expect(await run([join(dir, 'zh.xlf'), '--format', 'yaml'], capture().io)).toBe(2);
  });

  it('judges UTF-16 files (with a byte-order mark) as the importer does', async () => {
    const xlf = exportXliff2(makeDoc(), 'zh').replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xlf, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    await writeFile(join(dir, 'utf16le.xlf'), le);
    await writeFile(join(dir, 'utf16be.xlf'), be);
    for (const name of ['utf16le.xlf', 'utf16be.xlf']) {
      const c = capture();
      expect(await run([join(dir, name)], c.io)).toBe(0);
      expect(c.text()).toContain('ok (XLIFF 2 2.0 en→zh-Hans, 3 units)');
    }
  });

  it('refuses UTF-16 without a byte-order mark by the encoding rule, and runs no schema check on it', async () => {
    const xlf = exportXliff2(makeDoc(), 'zh').replace('encoding="UTF-8"', 'encoding="UTF-16"');
    await writeFile(join(dir, 'nobom.xlf'), Buffer.from(xlf, 'utf16le'));
    const c = capture();
    expect(await run([join(dir, 'nobom.xlf')], c.io)).toBe(1);
    expect(c.text()).toContain('encoding.invalid: the file looks like UTF-16 without a byte-order mark');
    expect(c.text()).not.toContain('valid against');
  });

  it('refuses text in another encoding by a rule, as the importer does', async () => {
    await writeFile(join(dir, 'cp1251.xlf'), Buffer.from([0x3c, 0x78, 0x3e, 0xcf, 0xf0, 0xe8, 0x3c, 0x2f, 0x78, 0x3e]));
    const c = capture();
    expect(await run([join(dir, 'cp1251.xlf')], c.io)).toBe(1);
    expect(c.text()).toContain('encoding.invalid: the file is not valid UTF-8');
  });

  it('refuses a file over ANOR_MAX_IMPORT_BYTES by the rule limits.file-size, without a stack trace', async () => {
    const before = process.env.ANOR_MAX_IMPORT_BYTES;
    process.env.ANOR_MAX_IMPORT_BYTES = '100';
    try {
      const c = capture();
      expect(await run([join(dir, 'zh.xlf')], c.io)).toBe(1);
      expect(c.text()).toContain('limits.file-size: the file is over the import limit of 100 bytes');
    } finally {
      if (before === undefined) delete process.env.ANOR_MAX_IMPORT_BYTES;
      else process.env.ANOR_MAX_IMPORT_BYTES = before;
    }
  });

  it('refuses deep nesting by a rule, not a stack trace', async () => {
    await writeFile(join(dir, 'deep.xlf'), nestedPcXliff(20_000));
    const c = capture();
    expect(await run([join(dir, 'deep.xlf')], c.io)).toBe(1);
    expect(c.text()).toContain('limits.xml-depth: elements are nested deeper than 256 levels');
  });
  it.each([
    ['XLIFF 2, an internal entity', 'urn:oasis:names:tc:xliff:document:2.0', '<!ENTITY e "x">', '&e;'],
    ['XLIFF 1.2, an external entity', 'urn:oasis:names:tc:xliff:document:1.2', '<!ENTITY xxe SYSTEM "file:///etc/passwd">', '&xxe;'],
  ])('refuses a file with entity references by rules, not a stack trace (%s)', async (_, ns, decl, ref) => {
    const body = ns.endsWith('1.2')
      ? `<file original="a" source-language="en" target-language="ru" datatype="plaintext"><body><trans-unit id="1"><source>${ref}</source></trans-unit></body></file>`
      : `<file id="f"><unit id="u1"><segment><source>${ref}</source></segment></unit></file>`;
    const version = ns.endsWith('1.2') ? '1.2' : '2.0';
    const langs = ns.endsWith('1.2') ? '' : ' srcLang="en" trgLang="ru"';
    await writeFile(
      join(dir, 'entity.xlf'),
      `<?xml version="1.0"?><!DOCTYPE xliff [${decl}]><xliff xmlns="${ns}" version="${version}"${langs}>${body}</xliff>`,
    );
    const c = capture();
    expect(await run([join(dir, 'entity.xlf')], c.io)).toBe(1);
    expect(c.text()).toContain('xml.well-formed: not well-formed XML: entity not found');
    expect(c.text()).toContain('the schema check could not run on this document');
    expect(c.text()).not.toMatch(/^\s+at /mu);
  });
});
