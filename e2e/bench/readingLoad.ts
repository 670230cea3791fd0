import type { Lang } from '../../shared/index.js';
import { ApiClient } from '../helpers/http.js';
import { ADMIN_PASSWORD, removeDir, startBuiltServer, tempDataDir } from '../helpers/server.js';
import { call, connect, opId } from '../helpers/socket.js';
import type { AnorSocket } from '../helpers/socket.js';
import { launchChromium, signedInContext } from '../support/browser.js';
import { createDocument, sessionId } from '../support/world.js';
import { paragraphText } from './corpus.js';

const TARGETS: Lang[] = ['zh', 'ru', 'kk', 'uz'];

/**
 * Reading-view benchmark for `npm run bench`:
 * - loadMs: navigation start → every row of the parallel text in the page
 *   (the grid is not virtualised: a reader scrolls and prints the whole text),
 *   on a document whose five languages are all approved;
 * - approvalMs: a reviewer's approval acknowledged → the new text visible in
 *   the reading view, timed from Node.
 */
export interface ReadingBench {
  loadMs: number[];
  approvalMs: number[];
}

export async function measureReading(
  opts: { paragraphs?: number; navSamples?: number; approvalSamples?: number } = {},
): Promise<ReadingBench> {
  const paragraphs = opts.paragraphs ?? 2000;
  const dataDir = await tempDataDir();
  const server = await startBuiltServer({ dataDir });
  const baseUrl = `http://127.0.0.1:${server.port}`;
  const browser = await launchChromium();
  try {
    const api = new ApiClient(baseUrl);
    await api.login('admin', ADMIN_PASSWORD);
    const socket = await connect(api.baseUrl, api.cookie);
    const docId = await seedApproved(api, socket, paragraphs);
    const ctx = await signedInContext(browser, baseUrl, sessionId(api));
    const page = await ctx.newPage();
    const rowsShown = `document.querySelectorAll('.reading-row').length === ${paragraphs}`;

    const loadMs: number[] = [];
    for (let i = 0; i < (opts.navSamples ?? 5); i++) {
      await page.goto('about:blank');
      await page.goto(`${baseUrl}/#/read/${docId}`);
      await page.waitForFunction(rowsShown, undefined, { polling: 'raf', timeout: 60_000 });
      loadMs.push(Math.round(await page.evaluate<number>('performance.now()')));
    }

    const { document } = await api.document(docId);
    const approvalMs: number[] = [];
    for (let i = 0; i < (opts.approvalSamples ?? 10); i++) {
      const p = document.paragraphs[(i * 7) % paragraphs]!;
      const lang = TARGETS[i % TARGETS.length]!;
      const cell = p.cells[lang]!;
      const text = `${paragraphText(lang, i + 1)} (${i})`;
      const edited = await call(socket, 'cell:edit', { docId, paragraphId: p.id, lang, opId: opId(), baseRev: cell.rev, text });
      if (!edited?.ok) throw new Error('edit refused');
      cell.rev = edited.data.rev;
      const submitted = await call(socket, 'cell:status', {
        docId,
        paragraphId: p.id,
        lang,
        opId: opId(),
        rev: cell.rev,
        status: 'in_review',
      });
      if (!submitted?.ok) throw new Error('submit refused');
      const selector = `.reading-row[data-pid="${p.id}"] .reading-cell[data-lang="${lang}"] .reading-text`;
      const t0 = performance.now();
      const approved = await call(socket, 'cell:status', {
        docId,
        paragraphId: p.id,
        lang,
        opId: opId(),
        rev: cell.rev,
        status: 'approved',
      });
      if (!approved?.ok) throw new Error('approval refused');
      await page.waitForFunction(
        `document.querySelector(${JSON.stringify(selector)})?.textContent === ${JSON.stringify(text)}`,
        undefined,
        { polling: 'raf', timeout: 10_000 },
      );
      approvalMs.push(Math.round(performance.now() - t0));
    }
    socket.disconnect();
    await ctx.close();
    return { loadMs, approvalMs };
  } finally {
    await browser.close();
    await server.stop();
    await removeDir(dataDir);
  }
}

/** Every target written, submitted and approved by the admin (self-approval switched on for the benchmark). */
async function seedApproved(api: ApiClient, socket: AnorSocket, paragraphs: number): Promise<string> {
  const summary = await createDocument(
    api,
    `Reading benchmark (${paragraphs} paragraphs)`,
    'en',
    TARGETS,
    Array.from({ length: paragraphs }, (_, i) => paragraphText('en', i)),
  );
  const docId = summary.id;
  const { document } = await api.document(docId);
  await call(socket, 'doc:join', { docId });
  const settings = await call(socket, 'doc:settings', { docId, opId: opId(), allowSelfApproval: true });
  if (!settings?.ok) throw new Error('settings refused');
  const edits = document.paragraphs.flatMap((p, i) => TARGETS.map((lang) => ({ p: p.id, lang, text: paragraphText(lang, i) })));
  for (let k = 0; k < edits.length; k += 200) {
    await Promise.all(
      edits.slice(k, k + 200).map(async (e) => {
        const r = await call(socket, 'cell:edit', { docId, paragraphId: e.p, lang: e.lang, opId: opId(), baseRev: 0, text: e.text });
        if (!r?.ok) throw new Error(`seeding failed: ${JSON.stringify(r)}`);
      }),
    );
  }
  for (const lang of TARGETS) {
    const s = await call(socket, 'review:submitAll', { docId, opId: opId(), lang });
    const a = await call(socket, 'review:approveAll', { docId, opId: opId(), lang });
    if (!s?.ok || !a?.ok) throw new Error(`batch review refused in ${lang}`);
  }
  return docId;
}
