import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentSnapshot, PublicUser } from '../../shared/index.js';
import { buildDocx } from './helpers/docx.js';
import { data, login, request } from './helpers/http.js';
import { ADMIN_PASSWORD, startServer } from './helpers/server.js';
import type { TestServer } from './helpers/server.js';
import { callRaw, connect, joinDoc, opId } from './helpers/sockets.js';
import type { TestSocket } from './helpers/sockets.js';
import { upload } from './helpers/upload.js';

/**
 * Issue 13, defect 2: text with a lone surrogate was accepted and stored, and
 * the HTML export then wrote U+FFFD while XLIFF wrote `<cp hex="D800"/>`.
 * Every text field now refuses it with `bad_request` naming the field; every
 * importer refuses it with the rule `text.lone-surrogate`.
 */
const LONE = 'Сәлем\uD800';

interface Refusal {
  ok: false;
  error: { code: string; message: string; details: { path: (string | number)[]; message: string }[] };
}

function expectNamed(r: unknown, path: (string | number)[]): void {
  expect(r).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  const { details } = (r as Refusal).error;
  expect(details).toContainEqual(expect.objectContaining({ path, message: expect.stringContaining('lone surrogate') }));
}

describe('well-formed Unicode only', () => {
  let server: TestServer;
  let cookie: string;
  let socket: TestSocket;
  let docId: string;
  let pid: string;

  beforeEach(async () => {
    server = await startServer();
    cookie = await login(server.url, 'admin', ADMIN_PASSWORD);
    socket = await connect(server.url, cookie);
    docId = server.demoDocId;
    pid = (await joinDoc(socket, docId)).doc.paragraphs[0]!.id;
  });
  afterEach(async () => {
    socket.close();
    await server.stop();
  });

  const stored = (): Promise<{ document: DocumentSnapshot }> =>
    data<{ document: DocumentSnapshot }>(server.url, 'GET', `/api/documents/${docId}`, { cookie });

  it('refuses lone surrogates in every socket text field, naming the field', async () => {
    const before = await stored();
    expectNamed(await callRaw(socket, 'cell:edit', { docId, paragraphId: pid, lang: 'kk', opId: opId(), baseRev: 0, text: LONE }), [
      'text',
    ]);
    expectNamed(await callRaw(socket, 'comment:add', { docId, paragraphId: pid, lang: 'kk', opId: opId(), text: `\uDC00${LONE}` }), [
      'text',
    ]);
    expectNamed(await callRaw(socket, 'paragraph:insert', { docId, opId: opId(), afterId: pid, text: LONE }), ['text']);
    expectNamed(
      await callRaw(socket, 'cell:status', {
        docId,
        paragraphId: pid,
        lang: 'en',
        opId: opId(),
        rev: 1,
        status: 'changes_requested',
        comment: LONE,
        overrides: [{ check: 'numbers', reason: `ok ${LONE}` }],
      }),
      ['comment'],
    );
    expect(await stored()).toEqual(before);
    // A well-formed pair (an emoji) is of course fine.
    const ok = await callRaw(socket, 'cell:edit', { docId, paragraphId: pid, lang: 'kk', opId: opId(), baseRev: 0, text: 'Сәлем 😀' });
    expect(ok).toMatchObject({ ok: true, data: { outcome: 'applied' } });
  });

  it('refuses lone surrogates in REST bodies, naming the field', async () => {
    const doc = { title: 'Заголовок', sourceLang: 'en', targetLangs: ['ru'], paragraphs: ['One.', 'Two.'] };
    expectNamed((await request(server.url, 'POST', '/api/documents', { cookie, json: { ...doc, title: LONE } })).body, ['body', 'title']);
    expectNamed((await request(server.url, 'POST', '/api/documents', { cookie, json: { ...doc, paragraphs: ['One.', LONE] } })).body, [
      'body',
      'paragraphs',
      1,
    ]);
    const user = { username: 'translator1', password: 'long-enough-password' };
    expectNamed((await request(server.url, 'POST', '/api/users', { cookie, json: { ...user, displayName: LONE } })).body, [
      'body',
      'displayName',
    ]);
    expectNamed((await request(server.url, 'POST', '/api/users', { cookie, json: { ...user, password: `${LONE}-password` } })).body, [
      'body',
      'password',
    ]);
    const created = await data<{ user: PublicUser }>(server.url, 'POST', '/api/users', { cookie, json: user });
    expectNamed((await request(server.url, 'PATCH', `/api/users/${created.user.id}`, { cookie, json: { displayName: LONE } })).body, [
      'body',
      'displayName',
    ]);
    expectNamed((await request(server.url, 'POST', '/api/glossary', { cookie, json: { en: 'summit', ru: LONE } })).body, ['body', 'ru']);
    expectNamed((await request(server.url, 'POST', '/api/tm/search', { cookie, json: { q: LONE } })).body, ['body', 'q']);
    expectNamed(
      (await request(server.url, 'POST', '/api/glossary/import', { cookie, json: { format: 'csv', content: `en,ru\nsummit,${LONE}` } }))
        .body,
      ['body', 'content'],
    );
    const commit = { lang: 'ru', target: [LONE], links: [{ paragraphIds: [pid], target: [0] }] };
    expectNamed((await request(server.url, 'POST', `/api/documents/${docId}/import/translation/commit`, { cookie, json: commit })).body, [
      'body',
      'target',
      0,
    ]);
    expect((await data<{ documents: unknown[] }>(server.url, 'GET', '/api/documents', { cookie })).documents).toHaveLength(1);
  });

  it('refuses lone surrogates in imported files with the rule text.lone-surrogate', async () => {
    const xliff = await (
      await fetch(`${server.url}/api/documents/${docId}/export?format=xliff2&langs=ru&mode=latest`, { headers: { cookie } })
    ).text();
    const withTarget = (target: string): string =>
      xliff.replace(/(<source[^>]*>[^<]*<\/source>)/u, `$1<target xml:space="preserve">${target}</target>`);
    for (const target of ['Привет &#xD800;', 'Привет <cp hex="DC00"/>']) {
      const r = await upload(server.url, `/api/documents/${docId}/import/xliff?name=ru.xlf`, cookie, withTarget(target));
      expect(r.status, target).toBe(422);
      expect(r.body).toMatchObject({
        ok: false,
        error: { code: 'malformed_file', details: { problems: [{ rule: 'text.lone-surrogate' }] } },
      });
    }
    const docx = buildDocx([{ text: 'First paragraph.' }, { xmlText: 'Сәлем&#xD800;' }]);
    const parsed = await upload(server.url, '/api/import/parse?name=a.docx&lang=kk', cookie, docx);
    expect(parsed.body).toMatchObject({
      ok: false,
      error: { code: 'malformed_file', details: { problems: [{ rule: 'text.lone-surrogate' }] } },
    });
    const tmx = `<?xml version="1.0"?><tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="paragraph" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/><body><tu><tuv xml:lang="en"><seg>Hello</seg></tuv><tuv xml:lang="ru"><seg>Привет&#xDC00;</seg></tuv></tu></body></tmx>`;
    const tm = await request(server.url, 'POST', '/api/tm/import', { cookie, json: { content: tmx } });
    expect(JSON.stringify(tm.body)).toContain('text.lone-surrogate');
    expect(tm.status).toBe(400);
    expect(await data(server.url, 'GET', '/api/tm/stats', { cookie })).toMatchObject({ fromTmx: 0 });
  });

  it('writes a lone surrogate stored before the rule as U+FFFD in every export, never as <cp>', async () => {
    // Data written before this rule existed: straight into the service, past the edge.
    const admin = (await data<{ user: PublicUser }>(server.url, 'GET', '/api/auth/me', { cookie })).user;
    await server.app.ops.editCell({ docId, paragraphId: pid, lang: 'ru', opId: opId(), baseRev: 0, text: 'Привет\uD800!' }, admin.id);
    for (const format of ['xliff2', 'xliff12', 'html', 'md']) {
      const res = await fetch(`${server.url}/api/documents/${docId}/export?format=${format}&langs=ru&mode=latest`, { headers: { cookie } });
      const text = await res.text();
      expect(res.status, format).toBe(200);
      expect(text, format).toContain('Привет\uFFFD!');
      expect(text, format).not.toMatch(/<cp hex="D800"/u);
    }
  });
});
