import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import type { Lang } from '../../../shared/index.js';
import { pieces, stripTags } from '../../../shared/inline/index.js';
import { decideImport } from '../../src/services/interchange/decideImport.js';
import { DocumentService } from '../../src/services/documents/index.js';
import { InterchangeService } from '../../src/services/interchange/service.js';
import { createStorage } from '../../src/storage/index.js';
import type { Storage } from '../../src/storage/index.js';
import type { Slot } from '../../src/interchange/original/index.js';

/** Files made by real tools (see fixtures/original/README.md). */
export const ORIGINALS = fileURLToPath(new URL('../fixtures/original/', import.meta.url));
export const original = (name: string): Promise<Buffer> => readFile(join(ORIGINALS, name));

export interface Workbench {
  dir: string;
  storage: Storage;
  documents: DocumentService;
  interchange: InterchangeService;
  close(): Promise<void>;
}

/** The real storage, document and interchange services over a fresh data directory. */
export async function openWorkbench(): Promise<Workbench> {
  const dir = await mkdtemp(join(tmpdir(), 'anor-original-'));
  const storage = await createStorage({ dataDir: dir, log: () => {} });
  const documents = new DocumentService(storage.documents);
  await documents.load();
  return {
    dir,
    storage,
    documents,
    interchange: new InterchangeService(documents, storage.sources),
    async close() {
      await documents.close();
      await storage.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

const CYR: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyz'].map((c, i) => [c, [...'абцдефгхийклмнопқрстувүхыз'][i]!]),
);

/**
 * A stand-in translation: the paragraph number as a marker, then every text
 * piece in Cyrillic letters, tags where the source has them. Distinct from
 * the source in every piece, so a test can find each translation in the file.
 */
export function fakeKazakh(source: string, n: number): string {
  const body = pieces(source)
    .map((p) =>
      'tag' in p
        ? String.fromCodePoint(
            p.tag.kind === 'open' ? 0xf0000 + p.tag.id : p.tag.kind === 'close' ? 0xf4000 + p.tag.id : 0xf8000 + p.tag.id,
          )
        : [...p.text].map((c) => CYR[c] ?? CYR[c.toLowerCase()]?.toUpperCase() ?? c).join(''),
    )
    .join('');
  return `§${n} ${body}`;
}

/** Writes `translate(source, i)` into every paragraph's `lang` cell as import drafts. */
export async function translateAll(
  w: Workbench,
  docId: string,
  lang: Lang,
  translate: (source: string, i: number) => string,
  skip: ReadonlySet<number> = new Set(),
): Promise<string[]> {
  const doc = await w.documents.reads.snapshot(docId);
  const texts = doc.paragraphs.map((p, i) => (skip.has(i) ? '' : translate(p.cells[doc.sourceLang]?.text ?? '', i)));
  await w.documents.ops().importCells(docId, 'u1', (d) =>
    decideImport(
      d,
      doc.paragraphs.flatMap((p, i) => (texts[i] ? [{ paragraphId: p.id, lang, text: texts[i], status: 'draft' as const }] : [])),
    ),
  );
  return texts;
}

/** Words of a translated paragraph as a reader of the file sees them: each text piece between tags, trimmed. */
export function visiblePieces(text: string): string[] {
  return pieces(text)
    .flatMap((p) => ('text' in p ? p.text.split('\n') : []))
    .map((s) => s.replace(/\s+/gu, ' ').trim())
    .filter((s) => s.length >= 2);
}

/**
 * The part of a file outside the replaced spans must come back byte for byte:
 * the text between consecutive slots of the original must appear, in order,
 * in the rebuilt text. Returns the first gap that does not.
 */
export function missingGap(before: string, slots: readonly Slot[], after: string): string | null {
  // Slots inside another (an attribute inside a paragraph's markup) are part of that one's span.
  const spans = [...slots]
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .filter((s, i, all) => !all.slice(0, i).some((o) => o.start <= s.start && s.end <= o.end));
  let at = 0;
  let from = 0;
  for (const s of [...spans, { start: before.length, end: before.length }]) {
    const gap = before.slice(from, s.start);
    const found = after.indexOf(gap, at);
    if (found < 0 || (from === 0 && found !== 0)) return gap;
    at = found + gap.length;
    from = s.end;
  }
  return at === after.length ? null : `(trailing text after the last gap)`;
}

export function unzip(bytes: Uint8Array): { name: string; data: Uint8Array }[] {
  return Object.entries(unzipSync(bytes)).map(([name, data]) => ({ name, data }));
}

export function run(cmd: string, args: string[], timeout = 120_000): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr: err && !stderr ? String(err.message) : stderr });
    });
  });
}

/** A Debian tool the round-trip tests need; fails with the package to install when it is missing (npm test installs them as root). */
export async function requireTool(cmd: string, pkg: string): Promise<void> {
  const r = await run('sh', ['-c', `command -v ${cmd}`]);
  if (r.code !== 0) throw new Error(`${cmd} is not installed: apt-get install ${pkg}`);
}

/** Plain text of several files by LibreOffice, in one headless run (its start-up is the slow part). */
export async function libreOfficeText(files: readonly string[], outDir: string): Promise<Map<string, string>> {
  const profile = await mkdtemp(join(tmpdir(), 'anor-lo-profile-'));
  try {
    const r = await run(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', outDir, ...files],
      180_000,
    );
    if (r.code !== 0) throw new Error(`soffice failed: ${r.stderr}`);
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  const out = new Map<string, string>();
  for (const f of files) {
    const base = f
      .split('/')
      .pop()!
      .replace(/\.[^.]+$/u, '');
    out.set(f, await readFile(join(outDir, `${base}.txt`), 'utf8'));
  }
  return out;
}

export const normalizeSpace = (s: string): string => s.replace(/\s+/gu, ' ');
export { stripTags };
