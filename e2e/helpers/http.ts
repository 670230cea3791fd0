import type { DocumentSnapshot, DocumentSummary, PublicUser, Result, CellHistoryDto } from '../../shared/index.js';

/** A tiny cookie-keeping REST client over fetch, typed by the shared DTOs. */
export class ApiClient {
  cookie = '';
  constructor(readonly baseUrl: string) {}

  async request<T>(method: string, url: string, body?: unknown): Promise<{ status: number; body: Result<T> }> {
    const res = await fetch(this.baseUrl + url, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? '';
    return { status: res.status, body: (await res.json()) as Result<T> };
  }

  async data<T>(method: string, url: string, body?: unknown): Promise<T> {
    const r = await this.request<T>(method, url, body);
    if (!r.body.ok) throw new Error(`${method} ${url}: ${r.status} ${r.body.error.code} ${r.body.error.message}`);
    return r.body.data;
  }

  login(username: string, password: string): Promise<{ user: PublicUser }> {
    return this.data('POST', '/api/auth/login', { username, password });
  }
  documents(): Promise<{ documents: DocumentSummary[] }> {
    return this.data('GET', '/api/documents');
  }
  document(id: string): Promise<{ document: DocumentSnapshot }> {
    return this.data('GET', `/api/documents/${id}`);
  }
  history(docId: string, paragraphId: string, lang: string): Promise<CellHistoryDto> {
    return this.data('GET', `/api/documents/${docId}/cells/${paragraphId}/${lang}/history`);
  }
}
