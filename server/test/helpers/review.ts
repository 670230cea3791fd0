import type { DocumentSummary, Lang, LangRole, PublicUser } from '../../../shared/index.js';
import { data, login } from './http.js';
import { connect, joinDoc } from './sockets.js';
import type { LiveDoc } from './sockets.js';

export interface TestUser {
  user: PublicUser;
  cookie: string;
}

/** Creates a user over REST as the admin and signs them in. */
export async function createUser(
  url: string,
  adminCookie: string,
  username: string,
  extra: { roles?: Partial<Record<Lang, LangRole>>; isViewer?: boolean; isAdmin?: boolean } = {},
): Promise<TestUser> {
  const password = `${username}-password`;
  const { user } = await data<{ user: PublicUser }>(url, 'POST', '/api/users', {
    cookie: adminCookie,
    json: { username, password, displayName: username, ...extra },
  });
  return { user, cookie: await login(url, username, password) };
}

/** A fresh document created by the admin over REST. */
export async function createDoc(
  url: string,
  adminCookie: string,
  paragraphs: string[],
  targetLangs: Lang[] = ['kk', 'ru'],
): Promise<string> {
  const { document } = await data<{ document: DocumentSummary }>(url, 'POST', '/api/documents', {
    cookie: adminCookie,
    json: { title: 'Review test', sourceLang: 'en', targetLangs, paragraphs },
  });
  return document.id;
}

export async function open(url: string, who: TestUser | string, docId: string): Promise<LiveDoc> {
  return joinDoc(await connect(url, typeof who === 'string' ? who : who.cookie), docId);
}
