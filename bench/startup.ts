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

/** One spawn of the built server until it says it listens. */
async function spawnToListening(dataDir: string, env: Record<string, string>): Promise<number> {
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

interface Place {
  name: string;
  dataDir: string;
  env: Record<string, string>;
  revisions: number;
  schema?: string;
  runs: number[];
}

/**
 * Restart to listening with 1,000 documents, short and long histories, on the
 * embedded store and on PostgreSQL (issue 12: under 1 s, independent of
 * history length). Spawn → "listening" of the built server, so Node's own
 * start-up is in every figure; the start with no documents is printed beside.
 * Every place is started once first (the admin's password hash, the demo),
 * then the places take turns, three rounds, and each reports its median: one
 * spawn on a shared VM moves by half a second from run to run, and turns keep
 * a neighbour's burst from landing on one place only.
 */
export async function measureStartup(quick: boolean): Promise<Row[]> {
  const count = 1000;
  const long = quick ? 200 : 500;
  const places: Place[] = [{ name: 'no documents', dataDir: await tempDataDir(), env: {}, revisions: 0, runs: [] }];
  try {
    for (const revisions of [0, long]) {
      const dataDir = await tempDataDir();
      places.push({ name: 'embedded', dataDir, env: {}, revisions, runs: [] });
      await fill({ dataDir }, count, revisions);
    }
    for (const revisions of [0, long]) {
      const schema = `anor_bench_${randomBytes(6).toString('hex')}`;
      await admin(`CREATE SCHEMA ${schema}`);
      const url = new URL(DATABASE_URL);
      url.searchParams.set('options', `-c search_path=${schema}`);
      const dataDir = await tempDataDir();
      places.push({ name: 'PostgreSQL', dataDir, env: { DATABASE_URL: url.toString() }, revisions, schema, runs: [] });
      await fill({ dataDir, databaseUrl: url.toString() }, count, revisions);
    }
    for (const p of places) await spawnToListening(p.dataDir, p.env);
    for (let round_ = 0; round_ < 3; round_++) for (const p of places) p.runs.push(await spawnToListening(p.dataDir, p.env));
    const median = (p: Place): number => [...p.runs].sort((x, y) => x - y)[1]!;
    const [empty, ...filled] = places;
    const rows: Row[] = [];
    for (const p of filled) {
      rows.push({
        metric: `restart to listening, ${count.toLocaleString('en')} documents × ${p.revisions} revisions, ${p.name}`,
        value: round(median(p) / 1000),
        unit: 's',
        target: '< 1',
        baseline: `${round(median(empty!) / 1000)} s with no documents (embedded); runs ${p.runs.map((r) => round(r / 1000)).join(', ')} s`,
      });
      if (p.name !== 'embedded') continue;
      const stubs = await loadMs(p.dataDir, true);
      const whole = await loadMs(p.dataDir, false);
      rows.push({
        metric: `  of which the document store's load(), stubs`,
        value: round(stubs),
        unit: 'ms',
        target: '—',
        baseline: `${round(whole)} ms reading every document whole (before)`,
      });
    }
    return rows;
  } finally {
    for (const p of places) {
      await removeDir(p.dataDir);
      if (p.schema) await admin(`DROP SCHEMA IF EXISTS ${p.schema} CASCADE`);
    }
  }
}
