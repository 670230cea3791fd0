import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/index.js';
import type { UserRecord } from './index.js';
import { BACKENDS, storagePerTest } from '../../test/helpers/pg.js';

function user(id: string, username: string, extra: Partial<UserRecord> = {}): UserRecord {
  return {
    id,
    username,
    displayName: username,
    passwordHash: `scrypt$16384$8$1$c2FsdA==$${id}`,
    isAdmin: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    sessionsValidAfter: null,
    ...extra,
  };
}

/** One suite, two stores: users.json and the PostgreSQL `users` table. */
describe.each(BACKENDS)('user store (%s)', (backend) => {
  const { openStorage } = storagePerTest(backend);

  it('creates, reads, updates and keeps users across a reopen', async () => {
    const s = await openStorage();
    expect(await s.users.count()).toBe(0);
    await s.users.create(user('u1', 'Aigerim', { isAdmin: true }));
    await s.users.create(user('u2', 'Дмитрий'));
    expect(await s.users.count()).toBe(2);
    expect((await s.users.getById('u1'))?.username).toBe('Aigerim');
    expect((await s.users.getByUsername('aigerim'))?.id).toBe('u1');
    expect((await s.users.getByUsername('ДМИТРИЙ'))?.id).toBe('u2');
    expect(await s.users.getById('nobody')).toBeUndefined();

    const updated = await s.users.update('u2', { displayName: 'Dima', sessionsValidAfter: '2026-02-01T00:00:00.000Z' });
    expect(updated).toEqual(user('u2', 'Дмитрий', { displayName: 'Dima', sessionsValidAfter: '2026-02-01T00:00:00.000Z' }));

    await s.close();
    const again = await openStorage();
    expect(await again.users.list()).toEqual([user('u1', 'Aigerim', { isAdmin: true }), updated]);
  });

  it('refuses a taken username whatever its case, and changes nothing', async () => {
    const s = await openStorage();
    await s.users.create(user('u1', 'Aigerim'));
    const err = await s.users.create(user('u2', 'AIGERIM')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('username_taken');
    await s.users.create(user('u3', 'Other'));
    await expect(s.users.update('u3', { username: 'aigerim' })).rejects.toMatchObject({ code: 'username_taken' });
    expect((await s.users.list()).map((u) => u.username)).toEqual(['Aigerim', 'Other']);
  });

  it('hands out copies, so a caller cannot change a user without update()', async () => {
    const s = await openStorage();
    await s.users.create(user('u1', 'Aigerim'));
    const copy = await s.users.getById('u1');
    copy!.isAdmin = true;
    expect((await s.users.getById('u1'))?.isAdmin).toBe(false);
  });

  it('reports an unknown user on update', async () => {
    const s = await openStorage();
    await expect(s.users.update('ghost', { displayName: 'x' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('keeps roles, the viewer flag and screen preferences, and leaves them absent when never set', async () => {
    const s = await openStorage();
    await s.users.create(user('u1', 'Reader', { isViewer: true }));
    await s.users.update('u1', { prefs: { columnWidths: { en: 320, kk: 480 } } });
    await s.users.create(user('u2', 'Translator', { roles: { ru: 'translator', kk: 'reviewer' } }));
    await s.users.create(user('u3', 'Plain'));
    await s.close();
    const again = await openStorage();
    const [reader, translator, plain] = await again.users.list();
    expect(reader).toEqual(user('u1', 'Reader', { isViewer: true, prefs: { columnWidths: { en: 320, kk: 480 } } }));
    expect(translator).toEqual(user('u2', 'Translator', { roles: { ru: 'translator', kk: 'reviewer' } }));
    expect(plain).toEqual(user('u3', 'Plain'));
    expect(plain && 'roles' in plain).toBe(false);
  });

  it('treats a name typed in another Unicode composition as the same name', async () => {
    const s = await openStorage();
    await s.users.create(user('u1', '\u00c4sel')); // Ä precomposed
    await expect(s.users.create(user('u2', 'A\u0308SEL'))).rejects.toMatchObject({ code: 'username_taken' }); // A + combining diaeresis
    expect((await s.users.getByUsername('a\u0308sel'))?.id).toBe('u1');
    await expect(s.users.create(user('u1', 'Someone else'))).rejects.toMatchObject({ code: 'conflict' }); // the id is taken
  });
});
