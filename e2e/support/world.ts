import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DocumentSnapshot, DocumentSummary, Lang } from '../../shared/index.js';
import { ApiClient } from '../helpers/http.js';
import { ADMIN_PASSWORD, removeDir, startBuiltServer, tempDataDir } from '../helpers/server.js';
import { launchChromium, openDocument, signedInContext } from './browser.js';

/**
 * The browser talks to 127.0.0.1, not `localhost`: engine.io-client ignores the
 * browser's offline event for `localhost`, and the offline tests rely on it.
 */
export interface Server {
  url: string;
  stop: () => Promise<void>;
}

async function startServer(): Promise<Server> {
  const dataDir = await tempDataDir();
  const s = await startBuiltServer({ dataDir });
  return {
    url: `http://127.0.0.1:${s.port}`,
    stop: async () => {
      await s.stop();
      await removeDir(dataDir);
    },
  };
}

/** The session cookie value, to hand a REST login to a browser context. */
export function sessionId(api: ApiClient): string {
  return api.cookie.replace(/^anor\.sid=/u, '');
}

export async function createDocument(
  api: ApiClient,
  title: string,
  sourceLang: Lang,
  targetLangs: Lang[],
  paragraphs: string[],
): Promise<DocumentSummary> {
  const r = await api.data<{ document: DocumentSummary }>('POST', '/api/documents', { title, sourceLang, targetLangs, paragraphs });
  return r.document;
}

/** One real server, one Chromium, an admin and a second translator with REST sessions. */
export interface World {
  server: Server;
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
  // A translator in every language (servers without roles strip the field).
  const roles = { en: 'translator', zh: 'translator', ru: 'translator', kk: 'translator', uz: 'translator' };
  await admin.data('POST', '/api/users', { username: name, password: 'translator-password', displayName: 'Dana Translator', roles });
  const other = new ApiClient(server.url);
  await other.login(name, 'translator-password');
  const contexts: BrowserContext[] = [];

  const world: World = {
    server,
    browser,
    admin,
    other,
    async open(who, docId, locale = 'en-US') {
      const ctx = await signedInContext(browser, server.url, sessionId(who), locale);
      contexts.push(ctx);
      const page = await ctx.newPage();
      await openDocument(page, server.url, docId);
      return { ctx, page };
    },
    async snapshot(docId) {
      return (await admin.document(docId)).document;
    },
    async createDoc(paragraphs, targets = ['ru', 'zh'], title = 'E2E document') {
      const d = await createDocument(admin, title, 'en', targets, paragraphs);
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
