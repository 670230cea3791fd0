import type { DocumentSummary, Lang, PublicUser, Result } from '../../shared/index.js';

/** A REST client for test setup, holding the session cookie like a browser would. */
export class ApiClient {
  cookie = '';
  constructor(readonly baseUrl: string) {}

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const set = res.headers.getSetCookie().find((c) => c.startsWith('anor.sid='));
    if (set) this.cookie = set.split(';')[0] ?? '';
    const json = (await res.json()) as Result<T>;
    if (!json.ok) throw new Error(`${method} ${path}: ${json.error.code} ${json.error.message}`);
    return json.data;
  }

  login(username: string, password: string): Promise<{ user: PublicUser }> {
    return this.call('POST', '/api/auth/login', { username, password });
  }

  createUser(username: string, password: string, displayName: string): Promise<{ user: PublicUser }> {
    return this.call('POST', '/api/users', { username, password, displayName });
  }

  async createDocument(title: string, sourceLang: Lang, targetLangs: Lang[], paragraphs: string[]): Promise<DocumentSummary> {
    const r = await this.call<{ document: DocumentSummary }>('POST', '/api/documents', { title, sourceLang, targetLangs, paragraphs });
    return r.document;
  }

  /** The cookie value, for handing the session to a browser context. */
  get sessionId(): string {
    return this.cookie.replace(/^anor\.sid=/u, '');
  }
}
