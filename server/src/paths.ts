import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package root (the folder holding Anor's package.json), found by walking
 * up from this module. The same code runs from server/src (vitest, tsx) and
 * from dist/server/src (after `tsc -p tsconfig.build.json`), so fixed `../..`
 * paths would be wrong in one of the two.
 */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && isAnorPackage(pkg)) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the anor package.json above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}

function isAnorPackage(file: string): boolean {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return typeof parsed === 'object' && parsed !== null && 'name' in parsed && parsed.name === 'anor';
  } catch {
    return false;
  }
}

let cachedVersion: string | undefined;

export function appVersion(): string {
  if (cachedVersion === undefined) {
    const parsed: unknown = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8'));
    cachedVersion =
      typeof parsed === 'object' && parsed !== null && 'version' in parsed && typeof parsed.version === 'string' ? parsed.version : '0.0.0';
  }
  return cachedVersion;
}

export function demoDocumentPath(): string {
  return join(packageRoot(), 'server', 'demo', 'china-central-asia-summit.en.txt');
}

export function defaultClientDir(): string {
  return join(packageRoot(), 'dist', 'client');
}
