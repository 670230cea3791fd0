import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_JSON_BODY_BYTES } from '../../shared/index.js';
import type { DocumentSnapshot, DocumentSummary, HealthDto, PublicUser } from '../../shared/index.js';
import { data, login, request } from './helpers/http.js';
import { ADMIN_PASSWORD, startServer } from './helpers/server.js';
import type { TestServer } from './helpers/server.js';

describe('REST API', () => {
  let server: TestServer;
  let admin: string;
  beforeEach(async () => {
    server = await startServer();
    admin = await login(server.url, 'admin', ADMIN_PASSWORD);
  });
  afterEach(async () => {
    await server.stop();
  });

  it('reports health with the package version, without a session', async () => {
    const res = await fetch(server.url + '/api/health');
    const body = (await res.json()) as HealthDto;
    expect(res.status).toBe(200);
    expect(body).toEqual({ ok: true, version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('refuses a wrong password and an unknown user alike with invalid_credentials', async () => {
    for (const username of ['admin', 'nobody']) {
      const r = await request(server.url, 'POST', '/api/auth/login', { json: { username, password: 'wrong-password' } });
      expect(r.status).toBe(401);
      expect(r.body).toMatchObject({ ok: false, error: { code: 'invalid_credentials' } });
      expect(r.setCookie).toBeNull();
    }
  });

  it('slows down guessing: after ten failures even the right password is rate_limited', async () => {
    for (let i = 0; i < 10; i++) {
      const r = await request(server.url, 'POST', '/api/auth/login', { json: { username: 'admin', password: `guess-${i}` } });
      expect(r.body).toMatchObject({ ok: false, error: { code: 'invalid_credentials' } });
    }
    const r = await request(server.url, 'POST', '/api/auth/login', { json: { username: 'admin', password: ADMIN_PASSWORD } });
    expect(r.status).toBe(429);
    expect(r.body).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect(r.setCookie).toBeNull();
  });

  it('knows who is signed in, and nobody without a session', async () => {
    const me = await data<{ user: PublicUser }>(server.url, 'GET', '/api/auth/me', { cookie: admin });
    expect(me.user).toMatchObject({ username: 'admin', isAdmin: true });
    const anon = await request(server.url, 'GET', '/api/auth/me');
    expect(anon.status).toBe(401);
    expect(anon.body).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('starts with the demo document and lists it with per-language progress', async () => {
    const { documents } = await data<{ documents: DocumentSummary[] }>(server.url, 'GET', '/api/documents', { cookie: admin });
    expect(documents).toHaveLength(1);
    const demo = documents[0]!;
    expect(demo).toMatchObject({ title: 'China–Central Asia Summit', sourceLang: 'en', targetLangs: ['zh', 'ru', 'kk', 'uz'] });
    expect(demo.paragraphCount).toBeGreaterThan(1);
    expect(demo.progress.en?.paragraphs.draft).toBe(demo.paragraphCount);
    expect(demo.progress.zh?.paragraphs.empty).toBe(demo.paragraphCount);
    // Target words are the source words still to translate.
    expect(demo.progress.zh?.words.empty).toBe(demo.progress.en?.words.draft);
    expect(demo.progress.en?.words.draft).toBeGreaterThan(100);
  });

  it('creates, gets, lists and deletes a document', async () => {
    const created = await request<{ document: DocumentSummary }>(server.url, 'POST', '/api/documents', {
      cookie: admin,
      json: { title: 'Тест', sourceLang: 'ru', targetLangs: ['kk', 'zh'], paragraphs: ['Первый абзац.', '', 'Третий.'], extra: 'stripped' },
    });
    expect(created.status).toBe(201);
    if (!created.body.ok) throw new Error('create failed');
    const id = created.body.data.document.id;
    expect(created.body.data.document).toMatchObject({ title: 'Тест', paragraphCount: 3 });

    const { document } = await data<{ document: DocumentSnapshot }>(server.url, 'GET', `/api/documents/${id}`, { cookie: admin });
    expect(document.paragraphs.map((p) => p.cells.ru?.text)).toEqual(['Первый абзац.', '', 'Третий.']);
    expect(document.paragraphs.map((p) => p.cells.ru?.rev)).toEqual([1, 0, 1]);
    expect(document.paragraphs[0]?.cells.kk).toMatchObject({ text: '', rev: 0, status: 'empty' });
    expect(document).not.toHaveProperty('history');

    const p0 = document.paragraphs[0]!.id;
    const history = await data<{ revisions: { kind: string; text: string }[] }>(
      server.url,
      'GET',
      `/api/documents/${id}/cells/${p0}/ru/history`,
      { cookie: admin },
    );
    expect(history.revisions).toEqual([expect.objectContaining({ kind: 'import', text: 'Первый абзац.' })]);

    const list = await data<{ documents: DocumentSummary[] }>(server.url, 'GET', '/api/documents', { cookie: admin });
    expect(list.documents.map((d) => d.id)).toContain(id);

    const del = await request<null>(server.url, 'DELETE', `/api/documents/${id}`, { cookie: admin });
    expect(del.body).toEqual({ ok: true, data: null });
    const gone = await request(server.url, 'GET', `/api/documents/${id}`, { cookie: admin });
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ ok: false, error: { code: 'document_not_found' } });
  });

  it('reports every problem of a bad body at once, and creates nothing', async () => {
    const before = await data<{ documents: DocumentSummary[] }>(server.url, 'GET', '/api/documents', { cookie: admin });
    const r = await request(server.url, 'POST', '/api/documents', {
      cookie: admin,
      json: { title: '', sourceLang: 'fr', targetLangs: 'zh', paragraphs: [1] },
    });
    expect(r.status).toBe(400);
    if (r.body.ok) throw new Error('expected failure');
    expect(r.body.error.code).toBe('bad_request');
    const paths = (r.body.error.details as { path: (string | number)[] }[]).map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['body.title', 'body.sourceLang', 'body.targetLangs', 'body.paragraphs.0']));
    const after = await data<{ documents: DocumentSummary[] }>(server.url, 'GET', '/api/documents', { cookie: admin });
    expect(after).toEqual(before);
  });

  it('answers malformed JSON with bad_request and an oversize body with payload_too_large', async () => {
    const malformed = await request(server.url, 'POST', '/api/documents', { cookie: admin, rawBody: '{"title": "x",' });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ ok: false, error: { code: 'bad_request' } });

    const huge = JSON.stringify({ title: 'big', sourceLang: 'en', targetLangs: ['zh'], paragraphs: ['x'.repeat(MAX_JSON_BODY_BYTES)] });
    const tooLarge = await request(server.url, 'POST', '/api/documents', { cookie: admin, rawBody: huge });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toMatchObject({ ok: false, error: { code: 'payload_too_large' } });
  });

  it('answers unknown API routes with not_found and other paths with a page', async () => {
    const r = await request(server.url, 'GET', '/api/nope', { cookie: admin });
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const page = await fetch(server.url + '/some/client/route');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Anor</title>');
  });

  it('lets only administrators list and create users; a new user can sign in', async () => {
    const created = await request<{ user: PublicUser }>(server.url, 'POST', '/api/users', {
      cookie: admin,
      json: { username: 'aigerim', password: 'kazakh-translator', displayName: 'Айгерім' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ok: true, data: { user: { username: 'aigerim', displayName: 'Айгерім', isAdmin: false } } });
    expect(JSON.stringify(created.body)).not.toContain('scrypt');

    const taken = await request(server.url, 'POST', '/api/users', {
      cookie: admin,
      json: { username: 'Aigerim', password: 'another-password' },
    });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ ok: false, error: { code: 'username_taken' } });

    const translator = await login(server.url, 'aigerim', 'kazakh-translator');
    const list = await request(server.url, 'GET', '/api/users', { cookie: translator });
    expect(list.status).toBe(403);
    expect(list.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const create = await request(server.url, 'POST', '/api/users', {
      cookie: translator,
      json: { username: 'eve', password: 'eve-password' },
    });
    expect(create.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const users = await data<{ users: PublicUser[] }>(server.url, 'GET', '/api/users', { cookie: admin });
    expect(users.users.map((u) => u.username).sort()).toEqual(['admin', 'aigerim']);
  });

  it("forbids deleting someone else's document to a non-admin", async () => {
    await data(server.url, 'POST', '/api/users', { cookie: admin, json: { username: 'bob', password: 'bob-password' } });
    const bob = await login(server.url, 'bob', 'bob-password');
    const r = await request(server.url, 'DELETE', `/api/documents/${server.demoDocId}`, { cookie: bob });
    expect(r.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(server.documents.count()).toBe(1);
  });

  it('ends the session on logout', async () => {
    const out = await request(server.url, 'POST', '/api/auth/logout', { cookie: admin });
    expect(out.body).toEqual({ ok: true, data: null });
    const after = await request(server.url, 'GET', '/api/documents', { cookie: admin });
    expect(after.status).toBe(401);
    expect(after.body).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });
});
