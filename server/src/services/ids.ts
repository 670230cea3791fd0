import { randomBytes } from 'node:crypto';

/** Short random ids that fit the wire schema (`[A-Za-z0-9_-]`, ≤ 64). 72 bits: collisions are not a concern. */
export function newId(prefix = ''): string {
  return prefix + randomBytes(9).toString('base64url');
}
