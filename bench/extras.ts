import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { benchStorage } from './storage.js';
import { benchCommitRates, benchDocStores, benchStartup } from './docStores.js';
import { benchPrune } from './prune.js';
import { OP_IDS_KEPT } from '../server/src/storage/retention.js';
import { measureAlign, measureAlignEdited } from './alignSpeed.js';
import { benchQa } from './qa.js';
import { benchTm } from './tm.js';
import { measureImports } from './importFiles.js';
import { measureMarkdownGrowth } from './markdownGrowth.js';
import { measureImportStall } from './importStall.js';
import { measureStartup } from './startup.js';
import { measureGrid } from '../e2e/bench/gridLoad.js';
import { measureReading } from '../e2e/bench/readingLoad.js';
import { measureTyping } from '../e2e/bench/typing.js';
import { ROOT } from '../e2e/helpers/server.js';
import type { Lang } from '../shared/index.js';
import { percentile, round } from './stats.js';

export interface Row {
  metric: string;
  value: number | string;
  unit: string;
  target: string;
  baseline?: number | string;
}

const QUICK = process.env.BENCH_QUICK === '1';

async function qaSamples(): Promise<Parameters<typeof benchQa>[0]> {
  const dir = path.join(ROOT, 'server/test/fixtures/qa');
  const read = async (lang: Lang) => (await readFile(path.join(dir, `summit.${lang}.txt`), 'utf8')).split(/\n\s*\n/).map((s) => s.trim());
  const en = await read('en');
  const targets = { zh: await read('zh'), ru: await read('ru'), kk: await read('kk'), uz: await read('uz') };
  return en.map((source, i) => ({
    source,
    sourceLang: 'en' as const,
    targets: { zh: targets.zh[i] ?? '', ru: targets.ru[i] ?? '', kk: targets.kk[i] ?? '', uz: targets.uz[i] ?? '' },
  }));
}

async function startupRows(): Promise<Row[]> {
  const docs = QUICK ? 200 : 1000;
  const edits = 100;
  const r = await benchStartup(docs, edits);
  return [
    {
      metric: `storage open + document service load, ${docs.toLocaleString('en')} documents × ${edits} edits, PostgreSQL`,
      value: r.postgresMs,
      unit: 'ms',
      target: '< 1,000',
      baseline: `embedded ${r.embeddedMs} ms`,
    },
  ];
}

/** Benchmarks that live beside the modules they measure. */
export const benches: Record<string, () => Promise<Row[]>> = {
  markdown: () => Promise.resolve(measureMarkdownGrowth(QUICK)),
  stall: measureImportStall,
  startup: () => measureStartup(QUICK),
  import: async () =>
    (await measureImports()).flatMap((r) => [
      {
        metric: `import a ${round(r.bytes / 1024 / 1024, 1)} MB ${r.kind} (${r.paragraphs.toLocaleString('en')} paragraphs), anor import document`,
        value: r.ms,
        unit: 'ms',
        target: '—',
      },
      { metric: `  peak memory of that import (RSS)`, value: r.peakRssMb, unit: 'MB', target: '< 1,024' },
    ]),
  storage: async () => {
    const r = await benchStorage({ edits: QUICK ? 20_000 : 100_000, writers: 64 });
    return [
      {
        metric: 'storage only: durable appends/s (64 writers)',
        value: r.editsPerSecond,
        unit: '/s',
        target: '—',
        baseline: `${round(r.eventsPerSync, 1)} events per fdatasync`,
      },
      { metric: `storage only: replay ${r.replayEvents.toLocaleString('en')} events`, value: r.replayMs, unit: 'ms', target: '< 5,000' },
    ];
  },
  docstore: async () => {
    const figures = await benchDocStores(QUICK ? 20_000 : 100_000);
    const [embedded, postgres] = figures;
    if (!embedded || !postgres) return [];
    const n = embedded.revisions.toLocaleString('en');
    return [
      {
        metric: `checkpoint stall, ${n}-revision document after 20 edits, PostgreSQL (parts)`,
        value: postgres.checkpointStallMs,
        unit: 'ms',
        target: '< 10',
        baseline: `embedded ${embedded.checkpointStallMs} ms (whole snapshot)`,
      },
      {
        metric: `  that checkpoint's wall time, PostgreSQL`,
        value: postgres.checkpointMs,
        unit: 'ms',
        target: '—',
        baseline: `embedded ${embedded.checkpointMs} ms`,
      },
      {
        metric: `first open of a ${n}-revision document, PostgreSQL (start-up reads no document)`,
        value: postgres.firstOpenMs,
        unit: 'ms',
        target: '—',
        baseline: `embedded: ${embedded.loadMs} ms at start-up (every document read)`,
      },
      { metric: `  start-up + first open, PostgreSQL`, value: postgres.loadMs, unit: 'ms', target: '—' },
      ...(await startupRows()),
      ...(await benchCommitRates(20, QUICK ? 25 : 100)).map((r) => ({
        metric: `durable edits/s into one document, 20 writers, ${r.setup} (commit path only, no sockets)`,
        value: r.editsPerSecond,
        unit: '/s',
        target: '—',
        baseline: `${r.conflicts} commits lost to another node and decided again`,
      })),
    ];
  },
  prune: async () =>
    (await benchPrune(QUICK ? 6_000 : 60_000, [OP_IDS_KEPT, 1_000])).map((f) => ({
      metric: `events rows left below the snapshot of one document after ${f.edits.toLocaleString('en')} edits, keeping ${f.keepOps.toLocaleString('en')} acks`,
      value: f.rowsKept,
      unit: 'rows',
      target: `≤ ${f.keepOps.toLocaleString('en')}`,
      baseline: `${f.rowsBefore.toLocaleString('en')} rows before, ${f.rowsAfter.toLocaleString('en')} after; the prune took ${f.pruneMs} ms; a writer meanwhile: ${f.commitsDuring} commits, longest ${f.longestCommitMs} ms (alone after: ${f.commitsAlone}, longest ${f.longestAloneMs} ms)`,
    })),
  align: async () => [
    ...measureAlign([100, 1000]).map((r) => ({
      metric: `align ${r.paragraphs.toLocaleString('en')} × ${r.paragraphs.toLocaleString('en')} paragraphs (en→zh)`,
      value: r.ms,
      unit: 'ms',
      target: r.paragraphs === 1000 ? '< 1,000' : '—',
      baseline: `${r.cpuMs} ms CPU`,
    })),
    ((r) => ({
      metric: `align ${r.paragraphs.toLocaleString('en')} paragraphs with left-out and added ones (en→zh, guard learns its lexicon)`,
      value: r.ms,
      unit: 'ms',
      target: '< 1,000',
      baseline: `${r.cpuMs} ms CPU`,
    }))(measureAlignEdited(1000)),
  ],
  tm: async () => {
    const r = benchTm({ entries: 100_000, queries: QUICK ? 200 : 1000 });
    return [
      {
        metric: `translation memory lookup, ${r.entries.toLocaleString('en')} entries, p50`,
        value: r.p50Ms,
        unit: 'ms',
        target: '—',
        baseline: `index built in ${r.buildMs} ms`,
      },
      {
        metric: `translation memory lookup, ${r.entries.toLocaleString('en')} entries, p95`,
        value: r.p95Ms,
        unit: 'ms',
        target: '< 50',
        baseline: `top-3 recall ${round(r.recallTop3 * 100, 1)} %`,
      },
    ];
  },
  qa: async () => {
    const r = benchQa(await qaSamples(), 2000);
    return [
      {
        metric: 'quality checks, 2,000 paragraphs × 4 targets',
        value: r.documentMs,
        unit: 'ms',
        target: '—',
        baseline: `${r.meanPairMicros} µs per pair`,
      },
    ];
  },
  grid: async () => {
    const r = await measureGrid({ paragraphs: 2000, navSamples: QUICK ? 3 : 10, editSamples: QUICK ? 5 : 20 });
    return [
      {
        metric: 'grid: navigation → interactive, 2,000 × 5 languages, p50',
        value: round(percentile(r.navToInteractiveMs, 50)),
        unit: 'ms',
        target: '—',
      },
      {
        metric: 'grid: navigation → interactive, 2,000 × 5 languages, p95',
        value: round(percentile(r.navToInteractiveMs, 95)),
        unit: 'ms',
        target: '< 1,500',
      },
      {
        metric: 'grid: remote edit, browser A sends → visible in browser B, p50',
        value: round(percentile(r.sentToVisibleMs, 50)),
        unit: 'ms',
        target: '—',
      },
      {
        metric: 'grid: remote edit, browser A sends → visible in browser B, p95',
        value: round(percentile(r.sentToVisibleMs, 95)),
        unit: 'ms',
        target: '< 100',
      },
      {
        metric: "grid: remote edit, another editor's socket → visible in browser, p50",
        value: round(percentile(r.socketEditMs, 50)),
        unit: 'ms',
        target: '—',
      },
      {
        metric: "grid: remote edit, another editor's socket → visible in browser, p95",
        value: round(percentile(r.socketEditMs, 95)),
        unit: 'ms',
        target: '< 100',
      },
      {
        metric: 'grid: filling a cell in browser A → visible in B (timed from Node), p50',
        value: round(percentile(r.remoteEditMs, 50)),
        unit: 'ms',
        target: '—',
      },
      {
        metric: 'grid: filling a cell in browser A → visible in B (timed from Node), p95',
        value: round(percentile(r.remoteEditMs, 95)),
        unit: 'ms',
        target: '—',
      },
    ];
  },
  typing: async () => {
    const r = await measureTyping({ sentences: QUICK ? 2 : 4, intervalMs: 150 });
    const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
    const n = r.eventsPerSentence.length;
    return [
      {
        metric: "typing: keystroke in browser A → on browser B's screen, one key every 150 ms, p50",
        value: round(percentile(r.keystrokeToPeerMs, 50)),
        unit: 'ms',
        target: '—',
        baseline: `${r.keystrokeToPeerMs.length} keystrokes`,
      },
      {
        metric: "typing: keystroke in browser A → on browser B's screen, one key every 150 ms, p95",
        value: round(percentile(r.keystrokeToPeerMs, 95)),
        unit: 'ms',
        target: '≤ 120',
      },
      {
        metric: 'typing: journal events per typed sentence (mean)',
        value: round(sum(r.eventsPerSentence) / n, 1),
        unit: 'events',
        target: '—',
        baseline: `${round(sum(r.debouncedEventsPerSentence) / n, 1)} with the former 300 ms save debounce; ${round(sum(r.keystrokesPerSentence) / n, 1)} keystrokes`,
      },
    ];
  },
  reading: async () => {
    const r = await measureReading({ paragraphs: 2000, navSamples: QUICK ? 2 : 5, approvalSamples: QUICK ? 4 : 12 });
    return [
      {
        metric: 'reading view: navigation → all 2,000 rows × 5 languages shown, p50',
        value: round(percentile(r.loadMs, 50)),
        unit: 'ms',
        target: '—',
      },
      {
        metric: 'reading view: approval acknowledged → visible to a reader, p50',
        value: round(percentile(r.approvalMs, 50)),
        unit: 'ms',
        target: '—',
      },
      {
        metric: 'reading view: approval acknowledged → visible to a reader, p95',
        value: round(percentile(r.approvalMs, 95)),
        unit: 'ms',
        target: '—',
      },
    ];
  },
};
