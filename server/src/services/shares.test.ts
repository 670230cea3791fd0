import { describe, expect, it } from 'vitest';
import type { DocumentMeta } from '../../../shared/index.js';
import type { UserRecord } from '../storage/types.js';
import { hashToken, isDocumentAdmin } from './shares.js';

const meta: DocumentMeta = { id: 'd1', title: 'T', sourceLang: 'en', targetLangs: ['kk'], createdAt: '', createdBy: 'u_creator' };

function user(id: string, extra: Partial<UserRecord> = {}): UserRecord {
  return { id, username: id, displayName: id, passwordHash: '', isAdmin: false, createdAt: '', sessionsValidAfter: null, ...extra };
}

describe('who may share a document', () => {
  it('is a global admin or the creator, never a read-only account or another translator', () => {
    expect(isDocumentAdmin(user('u_admin', { isAdmin: true }), meta)).toBe(true);
    expect(isDocumentAdmin(user('u_creator', { roles: { kk: 'translator' } }), meta)).toBe(true);
    expect(isDocumentAdmin(user('u_creator', { isViewer: true }), meta)).toBe(false);
    expect(isDocumentAdmin(user('u_other', { roles: { kk: 'reviewer', en: 'reviewer' } }), meta)).toBe(false);
  });
});

describe('token hashing', () => {
  it('is SHA-256 in hex, so the stored value says nothing about the token', () => {
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
