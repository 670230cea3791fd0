import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { CLI } from '../e2e/helpers/server.js';
import { bigHtml, prose } from '../server/test/helpers/bigFiles.js';

/**
 * Import time and peak memory for the largest files the default import limit
 * (16 MiB) lets in: a DOCX and an HTML page that sit just under every bound
 * (paragraph count, DOCX expansion), run through `anor import document` in a
 * child process of its own so its peak RSS is its alone.
 */
export interface ImportFigure {
  kind: string;
  bytes: number;
  paragraphs: number;
  ms: number;
  peakRssMb: number;
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/**
 * 19,000 paragraphs of runs with formatting (what Word writes: a run per
 * change of style) and a stored 8 MB "image", for a file of about 16 MB that
 * expands to under 50 MB: the heaviest DOCX the importer lets through.
 */
export function bigDocx(paragraphs = 19_000): Buffer {
  const body: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    const runs = [0, 1, 2, 3]
      .map(
        (k) =>
          `<w:r><w:rPr>${k % 2 ? '<w:b/>' : '<w:i/>'}<w:lang w:val="en-GB"/></w:rPr><w:t xml:space="preserve">${prose(i * 7 + k, 30)} </w:t></w:r>`,
      )
      .join('');
    body.push(`<w:p><w:pPr><w:spacing w:after="120"/></w:pPr>${runs}</w:p>`);
  }
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body.join('')}</w:body></w:document>`,
    ),
  };
  const text = Buffer.from(zipSync(files, { level: 6 }));
  const image = randomBytes(Math.max(0, 16 * 1024 * 1024 - 64 * 1024 - text.length));
  return Buffer.from(zipSync({ ...files, 'word/media/image1.png': [image, { level: 0 }] }, { level: 6 }));
}

/** 19,000 paragraphs with inline markup, links and the usual page furniture, to just under 16 MiB. */
/** Runs `anor import document` on the file with a preload that reports the process's peak RSS at exit. */
async function timeImport(file: string, dataDir: string, preload: string): Promise<{ ms: number; peakRssMb: number; paragraphs: number }> {
  const args = [
    '--import',
    preload,
    CLI,
    'import',
    'document',
    file,
    '--title',
    'Bench',
    '--source-lang',
    'en',
    '--target-langs',
    'ru',
    '--data-dir',
    dataDir,
  ];
  const started = performance.now();
  const { code, out, err } = await new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let o = '';
    let e = '';
    child.stdout.on('data', (d: Buffer) => (o += d.toString()));
    child.stderr.on('data', (d: Buffer) => (e += d.toString()));
    child.once('exit', (c) => resolve({ code: c, out: o, err: e }));
  });
  const ms = Math.round(performance.now() - started);
  if (code !== 0) throw new Error(`import failed (${code}): ${out}${err}`);
  const rss = /peak-rss-kb=(\d+)/u.exec(err);
  const paras = /(\d+) paragraphs/u.exec(err);
  return { ms, peakRssMb: rss ? Math.round(Number(rss[1]) / 1024) : Number.NaN, paragraphs: paras ? Number(paras[1]) : 0 };
}

export async function measureImports(): Promise<ImportFigure[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'anor-bench-import-'));
  try {
    const preload = path.join(dir, 'peak-rss.mjs');
    await writeFile(preload, "process.on('exit', () => process.stderr.write(`peak-rss-kb=${process.resourceUsage().maxRSS}\\n`));\n");
    const out: ImportFigure[] = [];
    for (const [kind, name, content] of [
      ['DOCX', 'big.docx', bigDocx()],
      ['HTML', 'big.html', bigHtml()],
    ] as const) {
      const file = path.join(dir, name);
      await writeFile(file, content);
      const r = await timeImport(file, path.join(dir, `data-${kind}`), preload);
      out.push({ kind, bytes: (await stat(file)).size, ...r });
    }
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
