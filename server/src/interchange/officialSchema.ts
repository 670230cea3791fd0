import { closeSync, openSync, readSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Libxml2 from 'libxml2-wasm';
import type { XmlDocument, XmlInputProvider } from 'libxml2-wasm';
import { packageRoot } from '../paths.js';
import type { Problem } from './problems.js';

/**
 * Validation against the official schemas — XLIFF 2.0/2.1 and 2.2 core XSDs,
 * the XLIFF 1.2 strict XSD, the TMX 1.4 DTD — in process, with libxml2
 * compiled to WebAssembly (libxml2-wasm): no `xmllint` on the machine.
 * `anor validate` runs it beside the importer's own rules, and the tests check
 * every export with it. The schemas ship in server/schemas/ (origins in its
 * README); nothing is ever fetched: the one web address they import
 * (the W3C's xml.xsd) is served from the local copy.
 *
 * Why libxml2-wasm and not xmllint-wasm: both are maintained (releases in
 * 2026) and run on Node 20, but xmllint-wasm runs the xmllint command in a
 * new worker per call (~440 ms a file here) and has no DTD option, while
 * libxml2-wasm is libxml2's API in process (XsdValidator, DtdValidator, input
 * providers for imports): ~1.7 ms a file once a schema is compiled (~130 ms).
 */
export type SchemaName = 'xliff-2.0' | 'xliff-2.2' | 'xliff-1.2' | 'tmx-1.4';

export const SCHEMA_FILES: Record<SchemaName, string> = {
  'xliff-2.0': 'xliff-2.0/xliff_core_2.0.xsd',
  'xliff-2.2': 'xliff-2.2/xliff_core_2.2.xsd',
  'xliff-1.2': 'xliff-1.2/xliff-core-1.2-strict.xsd',
  'tmx-1.4': 'tmx-1.4/tmx14.dtd',
};

const DESCRIPTION: Record<SchemaName, string> = {
  'xliff-2.0': 'XLIFF 2.0/2.1 core XSD',
  'xliff-2.2': 'XLIFF 2.2 core XSD',
  'xliff-1.2': 'XLIFF 1.2 strict XSD',
  'tmx-1.4': 'TMX 1.4 DTD',
};

const XML_XSD_URL = 'http://www.w3.org/2001/xml.xsd';

export function schemasDir(): string {
  return join(packageRoot(), 'server', 'schemas');
}

export interface SchemaResult {
  schema: SchemaName;
  description: string;
  valid: boolean;
  /** Rule `schema.<name>`, libxml2's message, `where` = `line N`. */
  problems: Problem[];
}

type Lib = typeof Libxml2;
interface Validator {
  validate(doc: XmlDocument): void;
}

let lib: Promise<Lib> | undefined;
const validators = new Map<SchemaName, Validator>();

/**
 * libxml2 asks for imported schemas by path or URL. Files under
 * server/schemas/ are served from disk; the W3C's xml.xsd, by its address or
 * by any relative path a schema gives it, from the one local copy. Nothing
 * else is opened, so a document cannot make the validator read other files.
 */
function schemaProvider(dir: string): XmlInputProvider {
  const files = new Map<number, { fd: number }>();
  let next = 1;
  const local = (name: string): string | undefined => {
    if (name === XML_XSD_URL) return join(dir, 'xml.xsd');
    const path = resolve(name.startsWith('file:') ? fileURLToPath(name) : name);
    if (!path.startsWith(dir + sep)) return undefined;
    return basename(path) === 'xml.xsd' ? join(dir, 'xml.xsd') : path;
  };
  return {
    match: (name) => local(name) !== undefined,
    open: (name) => {
      const path = local(name);
      if (path === undefined) return undefined;
      try {
        const handle = next++;
        files.set(handle, { fd: openSync(path, 'r') });
        return handle;
      } catch {
        return undefined;
      }
    },
    read: (handle, buf) => {
      const f = files.get(handle);
      return f ? readSync(f.fd, buf, 0, buf.byteLength, null) : -1;
    },
    close: (handle) => {
      const f = files.get(handle);
      files.delete(handle);
      if (f) closeSync(f.fd);
      return f !== undefined;
    },
  };
}

function load(): Promise<Lib> {
  lib ??= import('libxml2-wasm').then((m) => {
    m.xmlRegisterInputProvider(schemaProvider(schemasDir()));
    return m;
  });
  return lib;
}

async function validatorFor(name: SchemaName): Promise<Validator> {
  const m = await load();
  let v = validators.get(name);
  if (!v) {
    const path = join(schemasDir(), SCHEMA_FILES[name]);
    // Compiled once and kept for the life of the process (a CLI run, a test file).
    if (name === 'tmx-1.4') v = new m.DtdValidator(m.XmlDtd.fromString(await readFile(path, 'utf8')));
    else v = m.XsdValidator.fromDoc(m.XmlDocument.fromString(await readFile(path, 'utf8'), { url: path }));
    validators.set(name, v);
  }
  return v;
}

/** Which official schema a document falls under, by its root element (and namespace / version). */
export function schemaFor(root: { localName: string; namespace: string; version?: string | null }): SchemaName | undefined {
  if (root.localName === 'tmx') return 'tmx-1.4';
  if (root.localName !== 'xliff') return undefined;
  if (root.namespace === 'urn:oasis:names:tc:xliff:document:2.0') return 'xliff-2.0';
  if (root.namespace === 'urn:oasis:names:tc:xliff:document:2.2') return 'xliff-2.2';
  if (root.namespace === 'urn:oasis:names:tc:xliff:document:1.2') return 'xliff-1.2';
  return undefined;
}

/**
 * Validates XML text against the official schema of its kind; undefined for
 * a document that is not XLIFF or TMX, or not well-formed (the importer
 * reports that). External DTDs and entities of the document are never loaded.
 */
export async function checkOfficialSchema(text: string, only?: SchemaName): Promise<SchemaResult | undefined> {
  const m = await load();
  let doc: XmlDocument;
  try {
    doc = m.XmlDocument.fromString(text.replace(/^\uFEFF/u, ''), {
      option: m.ParseOption.XML_PARSE_NONET | m.ParseOption.XML_PARSE_NO_XXE,
    });
  } catch {
    return undefined;
  }
  try {
    const root = doc.root;
    const name = only ?? schemaFor({ localName: root.name.replace(/^.*:/u, ''), namespace: root.namespaceUri });
    if (!name) return undefined;
    const v = await validatorFor(name);
    const rule = `schema.${name}`;
    try {
      v.validate(doc);
      return { schema: name, description: DESCRIPTION[name], valid: true, problems: [] };
    } catch (e) {
      if (!(e instanceof m.XmlError)) throw e;
      // libxml2's XSD validator gives up ("internal error") on a document with entity
      // references, which are never expanded here: a problem to report, not a crash.
      const problems =
        e instanceof m.XmlValidateError
          ? e.details.map((d): Problem => ({ rule, message: d.message.trim(), where: `line ${d.line}` }))
          : [{ rule, message: `the schema check could not run on this document (libxml2: ${e.message})` }];
      return { schema: name, description: DESCRIPTION[name], valid: false, problems };
    }
  } finally {
    doc.dispose();
  }
}
