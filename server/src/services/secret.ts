import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The session-signing secret, generated once and kept in `<dataDir>/session-secret`
 * (mode 0600) so sessions survive restarts.
 *
 * This is the one file outside server/src/storage that touches the data dir, a
 * deliberate exception: the secret is configuration of the HTTP layer, not
 * application data, and storage is owned (and being written) separately. If
 * storage ever grows a key/value area, move it there.
 */
export async function loadOrCreateSessionSecret(dataDir: string): Promise<string> {
  const file = join(dataDir, 'session-secret');
  try {
    const existing = (await readFile(file, 'utf8')).trim();
    if (existing.length >= 32) return existing;
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  await writeFile(file, secret + '\n', { mode: 0o600 });
  return secret;
}

function isNotFound(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && err.code === 'ENOENT';
}
