import { createHash, randomBytes } from 'node:crypto';

/** Short random ids that fit the wire schema (`[A-Za-z0-9_-]`, ≤ 64). 72 bits: collisions are not a concern. */
export function newId(prefix = ''): string {
  return prefix + randomBytes(9).toString('base64url');
}

/** `count` ids like newId's, from one call for random bytes (a document of 19,000 paragraphs needs as many). */
export function newIds(prefix: string, count: number): string[] {
  const bytes = randomBytes(9 * count);
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(prefix + bytes.subarray(9 * i, 9 * i + 9).toString('base64url'));
  return out;
}

/**
 * The id an operation gives what it creates (a comment, an inserted
 * paragraph), derived from the document, the author and the operation id. A
 * retry of the operation after a restart, when the opId map is gone, then
 * finds its own earlier result by id instead of creating it twice. The author
 * is part of it, so nobody can pre-empt someone else's id with a chosen opId.
 */
export function opDerivedId(prefix: string, docId: string, by: string, opId: string): string {
  return prefix + createHash('sha256').update(`${docId}\u0000${by}\u0000${opId}`).digest('base64url').slice(0, 12);
}
