import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { applyEvent, documentFromCreated, emptyCell } from '../shared/index.js';
import type { DocEvent, DocumentState, Lang } from '../shared/index.js';
import { createStorage } from '../server/src/storage/index.js';
import { removeDir, startBuiltServer, tempDataDir } from '../e2e/helpers/server.js';
import type { Row } from './extras.js';
import { round } from './stats.js';

const LANGS: Lang[] = ['zh', 'ru', 'kk', 'uz'];
const DATABASE_URL = process.env.ANOR_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** One document of 20 paragraphs whose cells were edited `revisions` times in all (its history), as the reducer builds it. */
function template(revisions: number): DocumentState {
  const at = new Date().toISOString();
  const created: DocEvent = {
    docId: 'tpl',
    seq: 1,
    at,
    by: 'bench',
    opId: null,
    type: 'document.created',
    doc: {
      id: 'tpl',
      title: 'Start-up benchmark',
      sourceLang: 'en',
      targetLangs: LANGS,
      createdAt: at,
      createdBy: 'bench',
      paragraphs: Array.from({ length: 20 }, (_, i) => ({
        id: `p${i}`,
        cells: {
          en: { ...emptyCell(), text: `Paragraph ${i} of the start-up benchmark.`, rev: 1, status: 'draft' as const },
          ...Object.fromEntries(LANGS.map((l) => [l, emptyCell()])),
        },
      })),
    },
  };
  const doc = documentFromCreated(created, true);
  const state: DocumentState = { ...doc, history: doc.history ?? {} };
  const revs = new Map<string, number>();
  for (let n = 0; n < revisions; n++) {
    const p = `p${n % 20}`;
    const lang = LANGS[Math.floor(n / 20) % LANGS.length]!;
    const rev = (revs.get(`${p}:${lang}`) ?? 0) + 1;
    revs.set(`${p}:${lang}`, rev);
    applyEvent(state, {
      docId: 'tpl',
      seq: n + 2,
      at,
      by: 'bench',
      opId: null,
      type: 'cell.edited',
      paragraphId: p,
      lang,
      kind: 'edit',
      text: `Перевод абзаца ${n}: саммит «Китай — Центральная Азия».`,
      rev,
      status: 'draft',
    });
  }
  return state;
}

/** Writes `count` copies of the template (ids bench0…) through the store's importDocument, as anor migrate would. */
export async function fill(opts: { dataDir: string; databaseUrl?: string }, count: number, revisions: number): Promise<void> {
  const json = JSON.stringify(template(revisions));
  const storage = await createStorage({ ...opts, log: () => {} });
  try {
    await storage.documents.load();
    for (let i = 0; i < count; i++) {
      const doc = JSON.parse(json) as DocumentState;
      doc.id = `bench${i}`;
      await storage.documents.importDocument(doc);
    }
  } finally {
    await storage.close();
  }
}

/** A restart: the first start (admin with its password hash, the demo) is done and stopped before the one measured. */
async function spawnToListening(dataDir: string, env: Record<string, string> = {}): Promise<number> {
  await (await startBuiltServer({ dataDir, env })).stop('SIGTERM');
  const t0 = performance.now();
  const server = await startBuiltServer({ dataDir, env });
  const ms = performance.now() - t0;
  await server.stop('SIGTERM');
  return ms;
}

/** In-process: the document store's start-up read alone, with stubs (what anor serve does) and whole (what it did before). */
async function loadMs(dataDir: string, stubs: boolean): Promise<number> {
  const storage = await createStorage({ dataDir, log: () => {} });
  try {
    const t0 = performance.now();
    await storage.documents.load({ stubs });
    return performance.now() - t0;
  } finally {
    await storage.close();
  }
}

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: DATABASE_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/**
 * Restart to listening with 1,000 documents, short and long histories, on the
 * embedded store and on PostgreSQL (issue 12: under 1 s, independent of
 * history length). Spawn → "listening" of the built server, so Node's own
 * start-up is in every figure; the empty start is printed beside.
 */
export async function measureStartup(quick: boolean): Promise<Row[]> {
  const count = 1000;
  const long = quick ? 200 : 500;
  const rows: Row[] = [];
  const empty = await tempDataDir();
  const emptyMs = await spawnToListening(empty);
  await removeDir(empty);
  for (const revisions of [0, long]) {
    const dir = await tempDataDir();
    try {
      await fill({ dataDir: dir }, count, revisions);
      const ms = await spawnToListening(dir);
      rows.push({
        metric: `restart to listening, ${count.toLocaleString('en')} documents × ${revisions} revisions, embedded`,
        value: round(ms / 1000),
        unit: 's',
        target: '< 1',
        baseline: `${round(emptyMs / 1000)} s with no documents`,
      });
      const stubs = await loadMs(dir, true);
      const whole = await loadMs(dir, false);
      rows.push({
        metric: `  of which the document store's load(), stubs`,
        value: round(stubs),
        unit: 'ms',
        target: '—',
        baseline: `${round(whole)} ms reading every document whole (before)`,
      });
    } finally {
      await removeDir(dir);
    }
  }
  for (const revisions of [0, long]) {
    const schema = `anor_bench_${randomBytes(6).toString('hex')}`;
    await admin(`CREATE SCHEMA ${schema}`);
    const url = new URL(DATABASE_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const dir = await tempDataDir();
    try {
      await fill({ dataDir: dir, databaseUrl: url.toString() }, count, revisions);
      const ms = await spawnToListening(dir, { DATABASE_URL: url.toString() });
      rows.push({
        metric: `restart to listening, ${count.toLocaleString('en')} documents × ${revisions} revisions, PostgreSQL`,
        value: round(ms / 1000),
        unit: 's',
        target: '< 1',
        baseline: `${round(emptyMs / 1000)} s embedded with no documents`,
      });
    } finally {
      await removeDir(dir);
      await admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    }
  }
  return rows;
}
