import type { CreatedFromFileDto } from '../../../shared/protocol/interchange.js';
import { data, login } from './http.js';
import { original } from './original.js';
import { createUser, open } from './review.js';
import { ADMIN_PASSWORD } from './server.js';
import type { TestServer } from './server.js';
import { call, opId } from './sockets.js';
import { upload } from './upload.js';

const TMX = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="paragraph" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/>
<body>
<tu><tuv xml:lang="en"><seg>The water reservoir is full.</seg></tuv><tuv xml:lang="kk"><seg>Су қоймасы толы.</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>The summit ended.</seg></tuv><tuv xml:lang="ru"><seg>Саммит завершился.</seg></tuv></tu>
</body></tmx>`;

function ok<T>(r: { ok: true; data: T } | { ok: false; error: { code: string } }): T {
  if (!r.ok) throw new Error(r.error.code);
  return r.data;
}

/**
 * What a team leaves in an installation after a while, made through the real
 * routes and sockets of a running server: the demo document edited by a
 * translator, submitted and approved by a reviewer, commented on with a
 * mention; a second user with roles and screen preferences, a share link, a
 * glossary term, an imported TMX, documents made from an HTML and a DOCX file
 * (their source files kept), a document deleted, and a signed-in session.
 * `anor migrate` tests copy this and compare. Returns the admin's session cookie.
 */
export async function fillWithContent(server: TestServer): Promise<string> {
  const url = server.url;
  const admin = await login(url, 'admin', ADMIN_PASSWORD);
  const translator = await createUser(url, admin, 'aigerim', { roles: { kk: 'translator', ru: 'translator' } });
  const reviewer = await createUser(url, admin, 'daniyar', { roles: { kk: 'reviewer' } });
  await data(url, 'PATCH', '/api/prefs', { cookie: translator.cookie, json: { columnWidths: { en: 420, kk: 510 } } });

  const docId = server.demoDocId;
  const live = await open(url, translator, docId);
  const [p1, p2] = live.doc.paragraphs;
  if (!p1 || !p2) throw new Error('the demo document has fewer than two paragraphs');
  const edit = (paragraphId: string, lang: 'kk' | 'ru', baseRev: number, text: string) =>
    call(live.socket, 'cell:edit', { docId, paragraphId, lang, opId: opId(), baseRev, text }).then(ok);
  await edit(p1.id, 'kk', 0, 'Саммит');
  await edit(p1.id, 'kk', 1, 'Саммит аяқталды.');
  await edit(p2.id, 'ru', 0, 'Лидеры подписали декларацию.');
  ok(await call(live.socket, 'cell:status', { docId, paragraphId: p1.id, lang: 'kk', opId: opId(), rev: 2, status: 'in_review' }));
  ok(await call(live.socket, 'comment:add', { docId, opId: opId(), paragraphId: p1.id, lang: 'kk', text: '@daniyar is the tense right?' }));
  live.socket.disconnect();
  const review = await open(url, reviewer, docId);
  ok(await call(review.socket, 'cell:status', { docId, paragraphId: p1.id, lang: 'kk', opId: opId(), rev: 2, status: 'approved' }));
  review.socket.disconnect();

  await data(url, 'POST', `/api/documents/${docId}/shares`, { cookie: admin, json: {} });
  await data(url, 'POST', '/api/glossary', {
    cookie: admin,
    json: { en: 'summit', kk: 'саммит', ru: 'саммит', note: 'a meeting of leaders' },
  });
  await data(url, 'POST', '/api/tm/import', { cookie: admin, json: { content: TMX, name: 'water.tmx' } });

  for (const name of ['news.html', 'pandoc.docx']) {
    const r = await upload<CreatedFromFileDto>(
      url,
      `/api/documents/from-file?name=${name}&sourceLang=en&targetLangs=ru,kk`,
      admin,
      await original(name),
    );
    if (!r.body.ok) throw new Error(JSON.stringify(r.body));
  }
  const gone = await data<{ document: { id: string } }>(url, 'POST', '/api/documents', {
    cookie: admin,
    json: { title: 'Deleted later', sourceLang: 'en', targetLangs: ['zh'], paragraphs: ['Short-lived.'] },
  });
  await data(url, 'DELETE', `/api/documents/${gone.document.id}`, { cookie: admin });
  return admin;
}
