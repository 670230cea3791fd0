import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Emoji and other pictographs show as empty boxes on a machine without an
 * emoji font (common on Linux): the UI draws icons as inline SVG
 * (client/src/modules/icons) and its strings carry none.
 */
const PICTOGRAPH = /[\p{Extended_Pictographic}\u{FE0F}]/u;
const ROOT = new URL('../', import.meta.url).pathname;

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name), ext) : ext.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('UI text', () => {
  it('has no emoji: locale files and the client code outside comments and tests', () => {
    const found: string[] = [];
    for (const f of files(join(ROOT, 'locales'), /\.json$/u)) if (PICTOGRAPH.test(readFileSync(f, 'utf8'))) found.push(f);
    for (const f of files(join(ROOT, 'client/src'), /(?<!\.test)\.tsx?$/u)) {
      const code = readFileSync(f, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//gu, '')
        .replace(/\/\/.*$/gmu, '');
      const m = PICTOGRAPH.exec(code);
      if (m) found.push(`${f}: ${m[0]}`);
    }
    expect(found).toEqual([]);
  });
});
