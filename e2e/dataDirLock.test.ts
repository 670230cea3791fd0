import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, freePort, removeDir, runAnor, startBuiltServer, tempDataDir } from './helpers/server.js';
import { ApiClient } from './helpers/http.js';

/**
 * One process per data directory: `anor import` (or a second `anor serve`)
 * next to a running server must refuse and change nothing, and a server
 * killed with -9 must not leave the directory locked for good.
 */
describe('data directory lock', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('refuses a second writer while the server runs, and frees the directory on stop and after kill -9', async () => {
    const dataDir = await tempDataDir();
    cleanups.push(() => removeDir(dataDir));
    const file = path.join(dataDir, '..', `${path.basename(dataDir)}-import.txt`);
    await writeFile(file, 'Astana hosted the summit.\nLeaders signed a declaration.\n');
    cleanups.push(() => removeDir(file));
    const importDoc = (): Promise<{ code: number | null; out: string }> =>
      runAnor(['import', 'document', file, '--title', 'Imported', '--source-lang', 'en', '--target-langs', 'ru', '--data-dir', dataDir]);

    const server = await startBuiltServer({ dataDir });
    cleanups.push(() => server.stop('SIGKILL'));
    const api = new ApiClient(server.url);
    await api.login('admin', ADMIN_PASSWORD);
    const before = (await api.documents()).documents.map((d) => d.title);

    const refused = await importDoc();
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('data_dir_locked');
    expect(refused.out).toContain(`pid ${server.child.pid}`);
    const second = await runAnor(['serve'], { DATA_DIR: dataDir, PORT: String(await freePort()) });
    expect(second.code).toBe(1);
    expect(second.out).toContain('data_dir_locked');
    // The running server is untouched and still serves the same documents.
    expect((await api.documents()).documents.map((d) => d.title)).toEqual(before);

    await server.stop('SIGTERM');
    const afterStop = await importDoc();
    expect(afterStop.code).toBe(0);

    const again = await startBuiltServer({ dataDir });
    cleanups.push(() => again.stop('SIGKILL'));
    await again.stop('SIGKILL'); // leaves anor.lock behind, held by a dead pid
    const afterKill = await importDoc();
    expect(afterKill.code).toBe(0);

    const last = await startBuiltServer({ dataDir });
    cleanups.push(() => last.stop('SIGKILL'));
    const check = new ApiClient(last.url);
    await check.login('admin', ADMIN_PASSWORD);
    expect((await check.documents()).documents.filter((d) => d.title === 'Imported')).toHaveLength(2);
  });

  it('refuses to start on a directory locked from another host, names that host, and changes nothing', async () => {
    const dataDir = await tempDataDir();
    cleanups.push(() => removeDir(dataDir));
    const lock = path.join(dataDir, 'anor.lock');
    const held = JSON.stringify({ pid: 4242, host: 'node-b.example', since: '2026-11-28T00:00:00.000Z', token: 't' });
    await writeFile(lock, held);
    const refused = await runAnor(['serve'], { DATA_DIR: dataDir, PORT: String(await freePort()) });
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('data_dir_locked_other_host');
    expect(refused.out).toContain('"node-b.example"');
    expect(await readFile(lock, 'utf8')).toBe(held);
    expect(await readdir(dataDir)).toEqual(['anor.lock']);
  });
});
