import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DocumentSnapshot, Lang } from '../../shared/index.js';
import { ApiClient } from './api.js';
import { launchChromium, openDocument, signedInContext } from './browser.js';
import { ADMIN_PASSWORD, startServer } from './server.js';
import type { RunningServer } from './server.js';

/** One real server, one Chromium, an admin and a second translator with REST sessions. */
export interface World {
  server: RunningServer;
  browser: Browser;
  admin: ApiClient;
  other: ApiClient;
  /** Opens a document in a fresh signed-in context. */
  open: (who: ApiClient, docId: string, locale?: string) => Promise<{ ctx: BrowserContext; page: Page }>;
  snapshot: (docId: string) => Promise<DocumentSnapshot>;
  createDoc: (paragraphs: string[], targets?: Lang[], title?: string) => Promise<{ id: string; pids: string[] }>;
  close: () => Promise<void>;
}

let userSeq = 0;

export async function createWorld(): Promise<World> {
  const server = await startServer();
  const browser = await launchChromium();
  const admin = new ApiClient(server.url);
  await admin.login('admin', ADMIN_PASSWORD);
  const name = `translator${++userSeq}`;
  await admin.createUser(name, 'translator-password', 'Dana Translator');
  const other = new ApiClient(server.url);
  await other.login(name, 'translator-password');
  const contexts: BrowserContext[] = [];

  const world: World = {
    server,
    browser,
    admin,
    other,
    async open(who, docId, locale = 'en-US') {
      const ctx = await signedInContext(browser, server.url, who.sessionId, locale);
      contexts.push(ctx);
      const page = await ctx.newPage();
      await openDocument(page, server.url, docId);
      return { ctx, page };
    },
    async snapshot(docId) {
      const r = await admin.call<{ document: DocumentSnapshot }>('GET', `/api/documents/${docId}`);
      return r.document;
    },
    async createDoc(paragraphs, targets = ['ru', 'zh'], title = 'E2E document') {
      const d = await admin.createDocument(title, 'en', targets, paragraphs);
      const snap = await world.snapshot(d.id);
      return { id: d.id, pids: snap.paragraphs.map((p) => p.id) };
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await server.stop();
    },
  };
  return world;
}

export function cellText(doc: DocumentSnapshot, paragraphId: string, lang: Lang): string | undefined {
  return doc.paragraphs.find((p) => p.id === paragraphId)?.cells[lang]?.text;
}
