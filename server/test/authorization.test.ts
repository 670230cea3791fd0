import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSnapshot, DocumentSummary, PublicUser } from '../../shared/index.js';
import { data, login, request } from './helpers/http.js';
import { createDoc, createUser, open } from './helpers/review.js';
import type { TestUser } from './helpers/review.js';
import { ADMIN_PASSWORD, startServer } from './helpers/server.js';
import type { TestServer } from './helpers/server.js';
import { call, opId } from './helpers/sockets.js';
import type { LiveDoc } from './helpers/sockets.js';

/**
 * Every role against every action, over the real socket and REST API. An
 * allowed action succeeds; any other answers `forbidden` and changes nothing.
 * The expectations are written out by hand (not computed with `can()`), so
 * this checks the rule as well as its enforcement.
 */
const ROLES = ['admin', 'viewer', 'noRoles', 'kkTranslator', 'kkReviewer', 'enTranslator'] as const;
type Role = (typeof ROLES)[number];

interface World {
  server: TestServer;
  admin: string;
  seed: TestUser;
  users: Record<Role, string>;
}

/** A fresh document and state for one case; `act` runs as the role and returns the Result. */
interface Case {
  allowed: Role[];
  run(w: World, cookie: string): Promise<{ ok: boolean; code?: string; changed: () => Promise<boolean> }>;
}

const KK = ['kkTranslator', 'kkReviewer'] as const;

async function seeded(
  w: World,
  opts: { submit?: boolean; second?: boolean; comment?: boolean } = {},
): Promise<{ docId: string; pid: string; seedLive: LiveDoc }> {
  const docId = await createDoc(w.server.url, w.admin, ['Hello.'], ['kk', 'ru']);
  const seedLive = await open(w.server.url, w.seed, docId);
  const pid = seedLive.doc.paragraphs[0]!.id;
  const e = await call(seedLive.socket, 'cell:edit', { docId, paragraphId: pid, lang: 'kk', opId: opId(), baseRev: 0, text: 'Сәлем.' });
  if (!e.ok) throw new Error(e.error.code);
  if (opts.second)
    await call(seedLive.socket, 'cell:edit', { docId, paragraphId: pid, lang: 'kk', opId: opId(), baseRev: 1, text: 'Сәлеметсіз бе.' });
  if (opts.submit)
    await call(seedLive.socket, 'cell:status', { docId, paragraphId: pid, lang: 'kk', opId: opId(), rev: 1, status: 'in_review' });
  if (opts.comment) await call(seedLive.socket, 'comment:add', { docId, opId: opId(), paragraphId: pid, lang: 'kk', text: 'Check this.' });
  return { docId, pid, seedLive };
}

const snapshot = async (w: World, docId: string): Promise<DocumentSnapshot> =>
  (await data<{ document: DocumentSnapshot }>(w.server.url, 'GET', `/api/documents/${docId}`, { cookie: w.admin })).document;

/** A socket case: seed, act as the role on a joined connection, compare the document before and after. */
function socketCase(
  allowed: Role[],
  opts: Parameters<typeof seeded>[1],
  act: (live: LiveDoc, docId: string, pid: string, w: World) => Promise<{ ok: boolean; error?: { code: string } }>,
): Case {
  return {
    allowed,
    async run(w, cookie) {
      const { docId, pid, seedLive } = await seeded(w, opts);
      const before = await snapshot(w, docId);
      const live = await open(w.server.url, cookie, docId);
      try {
        const r = await act(live, docId, pid, w);
        return {
          ok: r.ok,
          ...(r.error ? { code: r.error.code } : {}),
          changed: async () => JSON.stringify(await snapshot(w, docId)) !== JSON.stringify(before),
        };
      } finally {
        live.socket.close();
        seedLive.socket.close();
      }
    },
  };
}

/** A REST case: what it changes is read with `state` before and after. */
function restCase(
  allowed: Role[],
  method: string,
  path: (w: World) => Promise<string>,
  json: unknown,
  state: (w: World, path: string) => Promise<unknown>,
): Case {
  return {
    allowed,
    async run(w, cookie) {
      const p = await path(w);
      const before = JSON.stringify(await state(w, p));
      const r = await request<unknown>(w.server.url, method, p, { cookie, ...(json === undefined ? {} : { json }) });
      return {
        ok: r.body.ok,
        ...(r.body.ok ? {} : { code: r.body.error.code }),
        changed: async () => JSON.stringify(await state(w, p)) !== before,
      };
    },
  };
}

const docs = async (w: World) =>
  (await data<{ documents: DocumentSummary[] }>(w.server.url, 'GET', '/api/documents', { cookie: w.admin })).documents.map((d) => d.id);
const users = async (w: World) => (await data<{ users: PublicUser[] }>(w.server.url, 'GET', '/api/users', { cookie: w.admin })).users;

const CASES: Record<string, Case> = {
  'read a document (REST)': restCase(
    [...ROLES],
    'GET',
    async (w) => `/api/documents/${await createDoc(w.server.url, w.admin, ['Hi.'])}`,
    undefined,
    docs,
  ),
  'edit a kk cell': socketCase([...KK, 'admin'], {}, (l, docId, pid) =>
    call(l.socket, 'cell:edit', { docId, paragraphId: pid, lang: 'kk', opId: opId(), baseRev: 1, text: 'Сәлем!' }),
  ),
  'edit the source (en)': socketCase(['enTranslator', 'admin'], {}, (l, docId, pid) =>
    call(l.socket, 'cell:edit', { docId, paragraphId: pid, lang: 'en', opId: opId(), baseRev: 1, text: 'Hello!' }),
  ),
  'keep theirs in a kk cell (the given-up text goes to history)': socketCase([...KK, 'admin'], {}, (l, docId, pid) =>
    call(l.socket, 'cell:keepTheirs', { docId, paragraphId: pid, lang: 'kk', opId: opId(), rev: 1, text: 'Басқа нұсқа.' }),
  ),
  'submit a kk cell': socketCase([...KK, 'admin'], {}, (l, docId, pid) =>
    call(l.socket, 'cell:status', { docId, paragraphId: pid, lang: 'kk', opId: opId(), rev: 1, status: 'in_review' }),
  ),
  'approve a kk cell': socketCase(['kkReviewer', 'admin'], { submit: true }, (l, docId, pid) =>
    call(l.socket, 'cell:status', { docId, paragraphId: pid, lang: 'kk', opId: opId(), rev: 1, status: 'approved' }),
  ),
  'request changes on a kk cell': socketCase(['kkReviewer', 'admin'], { submit: true }, (l, docId, pid) =>
    call(l.socket, 'cell:status', {
      docId,
      paragraphId: pid,
      lang: 'kk',
      opId: opId(),
      rev: 1,
      status: 'changes_requested',
      comment: 'Please fix.',
    }),
  ),
  'restore a kk revision': socketCase([...KK, 'admin'], { second: true }, (l, docId, pid) =>
    call(l.socket, 'cell:restore', { docId, paragraphId: pid, lang: 'kk', opId: opId(), baseRev: 2, rev: 1 }),
  ),
  'insert a paragraph': socketCase(['enTranslator', 'admin'], {}, (l, docId, pid) =>
    call(l.socket, 'paragraph:insert', { docId, opId: opId(), afterId: pid, text: 'More.' }),
  ),
  'delete a paragraph': socketCase(['enTranslator', 'admin'], {}, (l, docId, pid) =>
    call(l.socket, 'paragraph:delete', { docId, opId: opId(), paragraphId: pid }),
  ),
  'comment on a kk cell': socketCase([...KK, 'admin'], {}, (l, docId, pid) =>
    call(l.socket, 'comment:add', { docId, opId: opId(), paragraphId: pid, lang: 'kk', text: 'A note.' }),
  ),
  'comment on the source row': socketCase([...KK, 'enTranslator', 'admin'], {}, (l, docId, pid) =>
    call(l.socket, 'comment:add', { docId, opId: opId(), paragraphId: pid, lang: 'en', text: 'A note.' }),
  ),
  'resolve a kk comment': socketCase([...KK, 'admin'], { comment: true }, async (l, docId) => {
    const commentId = l.doc.comments?.[0]?.id ?? 'missing';
    return call(l.socket, 'comment:resolve', { docId, opId: opId(), commentId, resolved: true });
  }),
  'approve all kk in review': socketCase(['kkReviewer', 'admin'], { submit: true }, (l, docId) =>
    call(l.socket, 'review:approveAll', { docId, opId: opId(), lang: 'kk' }),
  ),
  'submit all my kk drafts': socketCase([...KK, 'admin'], {}, (l, docId) =>
    call(l.socket, 'review:submitAll', { docId, opId: opId(), lang: 'kk' }),
  ),
  'change document settings': socketCase(['admin'], {}, (l, docId) =>
    call(l.socket, 'doc:settings', { docId, opId: opId(), allowSelfApproval: true }),
  ),
  'pre-translate kk from the memory (REST)': restCase(
    [...KK, 'admin'],
    'POST',
    async (w) => `/api/documents/${(await seeded(w)).docId}/pretranslate`,
    { langs: ['kk'] },
    (w, path) => snapshot(w, path.split('/')[3] ?? ''),
  ),
  'add a glossary term (REST)': restCase(
    ['kkReviewer', 'admin'],
    'POST',
    async () => '/api/glossary',
    { en: 'summit', kk: 'саммит' },
    async (w) => data(w.server.url, 'GET', '/api/glossary', { cookie: w.admin }),
  ),
  'create a document (REST)': restCase(
    ['admin'],
    'POST',
    async () => '/api/documents',
    { title: 'New', sourceLang: 'en', targetLangs: ['kk'], paragraphs: ['x'] },
    docs,
  ),
  'delete a document (REST)': restCase(
    ['admin'],
    'DELETE',
    async (w) => `/api/documents/${await createDoc(w.server.url, w.admin, ['Bye.'])}`,
    undefined,
    docs,
  ),
  'read the name directory (REST)': restCase([...ROLES], 'GET', async () => '/api/users/directory', undefined, users),
  'list users (REST)': restCase(['admin'], 'GET', async () => '/api/users', undefined, users),
  'create a user (REST)': restCase(
    ['admin'],
    'POST',
    async () => '/api/users',
    { username: 'new1', password: 'long-enough-password' },
    users,
  ),
  'set roles (REST)': restCase(['admin'], 'PATCH', async (w) => `/api/users/${w.seed.user.id}`, { roles: { ru: 'reviewer' } }, users),
};

describe('authorisation: every role against every action', () => {
  const w = {} as World;

  beforeAll(async () => {
    w.server = await startServer();
    w.admin = await login(w.server.url, 'admin', ADMIN_PASSWORD);
    w.seed = await createUser(w.server.url, w.admin, 'seed', { roles: { kk: 'translator' } });
    w.users = {
      admin: w.admin,
      viewer: (await createUser(w.server.url, w.admin, 'viewer', { isViewer: true, roles: { kk: 'reviewer' } })).cookie,
      noRoles: (await createUser(w.server.url, w.admin, 'legacy')).cookie,
      kkTranslator: (await createUser(w.server.url, w.admin, 'kkt', { roles: { kk: 'translator' } })).cookie,
      kkReviewer: (await createUser(w.server.url, w.admin, 'kkr', { roles: { kk: 'reviewer' } })).cookie,
      enTranslator: (await createUser(w.server.url, w.admin, 'ent', { roles: { en: 'translator' } })).cookie,
    };
  });
  afterAll(async () => {
    await w.server.stop();
  });

  for (const [name, c] of Object.entries(CASES)) {
    for (const role of ROLES) {
      const allowed = c.allowed.includes(role);
      it(`${role} ${allowed ? 'may' : 'may not'} ${name}`, async () => {
        const r = await c.run(w, w.users[role]);
        if (allowed) {
          expect(r).toMatchObject({ ok: true });
        } else {
          expect(r.code).toBe('forbidden');
          expect(await r.changed()).toBe(false);
        }
      });
    }
  }
});
