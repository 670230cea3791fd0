import type { Page } from 'playwright-core';
import type { Lang } from '../../shared/index.js';
import { ApiClient } from '../helpers/http.js';
import { ADMIN_PASSWORD, removeDir, startBuiltServer, tempDataDir } from '../helpers/server.js';
import { call, connect, opId } from '../helpers/socket.js';
import { hidePanels, launchChromium, openDocument, signedInContext } from '../support/browser.js';
import { createDocument, sessionId } from '../support/world.js';
import { paragraphText } from './corpus.js';

export interface MeasureGridOptions {
  /** A running server to use; by default the built server is started on a free port and stopped after. */
  baseUrl?: string;
  paragraphs?: number;
  /** Navigations to time. */
  navSamples?: number;
  /** Remote edits to time. */
  editSamples?: number;
}

const TARGETS: Lang[] = ['zh', 'ru', 'kk', 'uz'];
/** Must match GRID_READY_MARK in client/src/modules/grid/components/EditorGrid.tsx. */
const READY_MARK = 'anor:grid-interactive';

/**
 * Client benchmark for `npm run bench` (the runner prints p50/p95):
 * - navToInteractiveMs: navigation start → the grid's first rows rendered
 *   and focusable (the app's `performance.mark`), per fresh navigation, on a
 *   2,000-paragraph document with all five languages filled in;
 * - remoteEditMs: one browser fills a cell → the text is in the other
 *   browser's cell, timed from Node (the edit goes out at once: no save
 *   debounce any more; see typing.ts for keystroke by keystroke);
 * - sentToVisibleMs: the same edits, from the moment browser A's socket sends
 *   the edit frame to the moment browser B's cell holds the text, both read
 *   on the machine's wall clock (`performance.timeOrigin + now()`, which two
 *   pages of one browser share): the propagation between two browsers alone;
 * - socketEditMs: another editor's plain Socket.IO connection edits → browser
 *   B shows it, timed from Node.
 */
export interface GridBench {
  navToInteractiveMs: number[];
  /** Filling a cell in browser A → visible in browser B, timed from Node. */
  remoteEditMs: number[];
  /** Browser A's edit frame leaves its socket → visible in browser B. */
  sentToVisibleMs: number[];
  /** An edit acknowledged by another editor's connection → visible in the browser: the propagation alone. */
  socketEditMs: number[];
}

export async function measureGrid(opts: MeasureGridOptions = {}): Promise<GridBench> {
  const paragraphs = opts.paragraphs ?? 2000;
  let stop = async (): Promise<void> => undefined;
  let baseUrl = opts.baseUrl;
  if (!baseUrl) {
    const dataDir = await tempDataDir();
    const server = await startBuiltServer({ dataDir });
    baseUrl = `http://127.0.0.1:${server.port}`;
    stop = async () => {
      await server.stop();
      await removeDir(dataDir);
    };
  }
  const browser = await launchChromium();
  try {
    const api = new ApiClient(baseUrl);
    await api.login('admin', ADMIN_PASSWORD);
    const docId = await seedDocument(api, paragraphs);
    const ctxA = await signedInContext(browser, baseUrl, sessionId(api));
    const ctxB = await signedInContext(browser, baseUrl, sessionId(api));

    const navToInteractiveMs: number[] = [];
    const nav = await ctxA.newPage();
    for (let i = 0; i < (opts.navSamples ?? 10); i++) {
      await nav.goto('about:blank');
      navToInteractiveMs.push(await timeNavigation(nav, baseUrl, docId));
    }
    await nav.close();

    const a = await ctxA.newPage();
    await a.addInitScript(RECORD_SENT_EDITS);
    const b = await ctxB.newPage();
    await openDocument(a, baseUrl, docId);
    await openDocument(b, baseUrl, docId);
    // Every target column on screen: with the drawer open only three fit beside the source.
    await hidePanels(a);
    await hidePanels(b);
    const { document } = await api.document(docId);
    const remoteEditMs: number[] = [];
    const sentToVisibleMs: number[] = [];
    for (let i = 0; i < (opts.editSamples ?? 20); i++) {
      const pid = document.paragraphs[i % 4]?.id ?? '';
      const lang = TARGETS[i % TARGETS.length]!;
      const text = `${paragraphText(lang, i)} #${i}`;
      const selector = `textarea[data-cell="${pid}:${lang}"]`;
      await b.evaluate(`(${WATCH_CELL})(${JSON.stringify({ selector, text })})`);
      const t0 = performance.now();
      await a.locator(selector).fill(text);
      await b.waitForFunction(`document.querySelector(${JSON.stringify(selector)})?.value === ${JSON.stringify(text)}`, undefined, {
        polling: 'raf',
        timeout: 10_000,
      });
      remoteEditMs.push(Math.round(performance.now() - t0));
      await b.waitForFunction('window.__anorSeenAt !== null', undefined, { timeout: 10_000 });
      const seenAt = await b.evaluate<number>('window.__anorSeenAt');
      const sentAt = await a.evaluate<number | null>(`(${SENT_AT})(${JSON.stringify(text)})`);
      if (sentAt === null) throw new Error(`browser A sent no edit frame holding ${JSON.stringify(text)}`);
      sentToVisibleMs.push(Math.round(seenAt - sentAt));
    }
    // Another editor (a plain socket connection) edits; time until browser B shows it.
    const socketEditMs: number[] = [];
    const editor = await connect(api.baseUrl, api.cookie);
    try {
      await call(editor, 'doc:join', { docId });
      const { document: now } = await api.document(docId);
      for (let i = 0; i < (opts.editSamples ?? 20); i++) {
        const p = now.paragraphs[4 + (i % 4)]!;
        const lang = TARGETS[i % TARGETS.length]!;
        const cell = p.cells[lang]!;
        const text = `${paragraphText(lang, i)} (remote ${i})`;
        const selector = `textarea[data-cell="${p.id}:${lang}"]`;
        const t0 = performance.now();
        const r = await call(editor, 'cell:edit', { docId, paragraphId: p.id, lang, opId: opId(), baseRev: cell.rev, text });
        if (!r?.ok) throw new Error(`remote edit refused: ${JSON.stringify(r)}`);
        cell.rev = r.data.rev;
        await b.waitForFunction(`document.querySelector(${JSON.stringify(selector)})?.value === ${JSON.stringify(text)}`, undefined, {
          polling: 'raf',
          timeout: 10_000,
        });
        socketEditMs.push(Math.round(performance.now() - t0));
      }
    } finally {
      editor.disconnect();
    }
    await ctxA.close();
    await ctxB.close();
    return { navToInteractiveMs, remoteEditMs, sentToVisibleMs, socketEditMs };
  } finally {
    await browser.close();
    await stop();
  }
}

/** Runs in browser A before the app: notes the wall-clock time of every `cell:edit` frame its sockets send. */
const RECORD_SENT_EDITS = `(() => {
  const sent = [];
  window.__anorSent = sent;
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    if (typeof data === 'string' && data.includes('"cell:edit"')) sent.push({ at: performance.timeOrigin + performance.now(), data });
    return send.call(this, data);
  };
})()`;

/** In browser A, with the edit's text as argument: when the frame carrying it left (the last one, should a retry have sent it twice). */
const SENT_AT = `(text) => {
  const needle = JSON.stringify(text).slice(1, -1);
  return window.__anorSent.filter((f) => f.data.includes(needle)).at(-1)?.at ?? null;
}`;

/** In browser B: watches a cell every frame and notes the wall-clock time its value first equals the text. */
const WATCH_CELL = `({ selector, text }) => {
  window.__anorSeenAt = null;
  const check = () => {
    if (document.querySelector(selector)?.value === text) window.__anorSeenAt = performance.timeOrigin + performance.now();
    else requestAnimationFrame(check);
  };
  check();
}`;

async function timeNavigation(page: Page, baseUrl: string, docId: string): Promise<number> {
  await page.goto(`${baseUrl}/#/doc/${encodeURIComponent(docId)}`);
  await page.waitForFunction(`performance.getEntriesByName(${JSON.stringify(READY_MARK)}).length > 0`, undefined, { timeout: 60_000 });
  const ms = await page.evaluate<number>(`performance.getEntriesByName(${JSON.stringify(READY_MARK)})[0].startTime`);
  // Interactive means a cell can take focus; fail loudly if the mark lied.
  const focusable = await page.evaluate(
    `(() => { const t = document.querySelector('textarea.cell-text'); t?.focus(); return document.activeElement === t && t !== null; })()`,
  );
  if (focusable !== true) throw new Error('grid marked interactive but no cell could take focus');
  return Math.round(ms);
}

/** A document with every cell written: source by creation, targets through the socket API. */
async function seedDocument(api: ApiClient, paragraphs: number): Promise<string> {
  const source = Array.from({ length: paragraphs }, (_, i) => paragraphText('en', i));
  const summary = await createDocument(api, `Grid benchmark (${paragraphs} paragraphs)`, 'en', TARGETS, source);
  const { document } = await api.document(summary.id);
  const socket = await connect(api.baseUrl, api.cookie);
  try {
    await call(socket, 'doc:join', { docId: summary.id });
    const edits = document.paragraphs.flatMap((p, i) => TARGETS.map((lang) => ({ p: p.id, lang, text: paragraphText(lang, i) })));
    // In windows of 200 so the server sees realistic bursts, not 8,000 at once.
    for (let k = 0; k < edits.length; k += 200) {
      await Promise.all(
        edits.slice(k, k + 200).map(async (e) => {
          const r = await call(socket, 'cell:edit', {
            docId: summary.id,
            paragraphId: e.p,
            lang: e.lang,
            opId: opId(),
            baseRev: 0,
            text: e.text,
          });
          if (!r?.ok) throw new Error(`seeding failed: ${JSON.stringify(r)}`);
        }),
      );
    }
  } finally {
    socket.disconnect();
  }
  return summary.id;
}
