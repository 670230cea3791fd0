import { describe, expect, it } from 'vitest';
import { ACTIONS, can } from './roles.js';
import type { Action, RoleHolder } from './roles.js';

const doc = { sourceLang: 'en' as const, targetLangs: ['kk', 'ru'] as const };
const admin: RoleHolder = { id: 'a', isAdmin: true };
const viewer: RoleHolder = { id: 'v', isAdmin: false, isViewer: true, roles: { kk: 'reviewer' } };
const legacy: RoleHolder = { id: 'old', isAdmin: false };
const kkTranslator: RoleHolder = { id: 't', isAdmin: false, roles: { kk: 'translator' } };
const kkReviewer: RoleHolder = { id: 'r', isAdmin: false, roles: { kk: 'reviewer', ru: 'translator' } };
const enEditor: RoleHolder = { id: 'e', isAdmin: false, roles: { en: 'translator' } };

describe('can', () => {
  it('lets an admin do everything, and a viewer or a user without roles only read', () => {
    for (const action of ACTIONS) {
      expect(can(admin, action, { lang: 'kk', doc })).toBe(true);
      expect(can(viewer, action, { lang: 'kk', doc })).toBe(action === 'document.read');
      expect(can(legacy, action, { lang: 'kk', doc })).toBe(action === 'document.read');
    }
  });

  it('lets translators write and submit in their languages only, and reviewers also review', () => {
    const rows: [RoleHolder, Action, 'en' | 'kk' | 'ru', boolean][] = [
      [kkTranslator, 'cell.edit', 'kk', true],
      [kkTranslator, 'cell.submit', 'kk', true],
      [kkTranslator, 'cell.review', 'kk', false],
      [kkTranslator, 'cell.edit', 'ru', false],
      [kkTranslator, 'cell.edit', 'en', false],
      [kkReviewer, 'cell.review', 'kk', true],
      [kkReviewer, 'cell.edit', 'kk', true],
      [kkReviewer, 'cell.review', 'ru', false],
      [kkReviewer, 'cell.edit', 'ru', true],
      [enEditor, 'cell.edit', 'en', true],
      [enEditor, 'cell.edit', 'kk', false],
    ];
    for (const [user, action, lang, allowed] of rows)
      expect([user.id, action, lang, can(user, action, { lang, doc })]).toEqual([user.id, action, lang, allowed]);
  });

  it('needs a source-language role for paragraph structure, and admin for documents and users', () => {
    expect(can(enEditor, 'paragraph.structure', { doc })).toBe(true);
    expect(can(kkReviewer, 'paragraph.structure', { doc })).toBe(false);
    for (const a of ['document.create', 'document.delete', 'document.settings', 'users.manage'] as const) {
      expect(can(kkReviewer, a, { doc })).toBe(false);
    }
  });

  it('lets reviewers of any language edit the glossary, not translators', () => {
    expect(can(kkReviewer, 'glossary.edit')).toBe(true);
    expect(can(kkTranslator, 'glossary.edit')).toBe(false);
    expect(can(enEditor, 'glossary.edit')).toBe(false);
  });

  it('lets anyone working on the document comment on the source row, and only on their own target columns', () => {
    expect(can(kkTranslator, 'comment.write', { lang: 'en', doc })).toBe(true);
    expect(can(kkTranslator, 'comment.write', { lang: 'kk', doc })).toBe(true);
    expect(can(kkTranslator, 'comment.write', { lang: 'ru', doc })).toBe(false);
    expect(can({ id: 'z', isAdmin: false, roles: { zh: 'reviewer' } }, 'comment.write', { lang: 'en', doc })).toBe(false);
  });
});
