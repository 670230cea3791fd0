import { writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { transfer } from '../src/cli/transfer.js';
import { run } from '../src/cli/migrate.js';
import { createStorage } from '../src/storage/index.js';
import { parsePlace } from '../src/storage/transfer/places.js';
import { fillWithContent } from './helpers/richContent.js';
import { startServer } from './helpers/server.js';
import { tempDataDir } from './helpers/storageFactories.js';

interface Ran {
  code: number;
  out: string;
  err: string;
}

async function migrate(from: string, to: string, merge = false): Promise<Ran> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await transfer(parsePlace(from), parsePlace(to), { merge }, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** `anor migrate --from … --to …` between data directories: what it prints, refuses, and its exit codes. */
describe('anor migrate --from --to', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  const dir = async (): Promise<string> => {
    const d = await tempDataDir();
    cleanups.push(d.remove);
    return d.dir;
  };
  const used = async (): Promise<string> => {
    const server = await startServer();
    cleanups.push(() => server.stop());
    await fillWithContent(server);
    await server.stop({ remove: false });
    cleanups.push(() => server.stop());
    return server.dataDir;
  };

  it('copies, prints counts and both hashes, refuses a non-empty target unless --merge, and merges only identical records', async () => {
    const source = await used();
    const target = join(await dir(), 'copy');
    const first = await migrate(source, target);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/documents\s+3\s+3/u);
    expect(first.out).toMatch(/users\s+3\s+3/u);
    const hashes = [...first.out.matchAll(/(source|target) content sha256 ([0-9a-f]{64})/gu)].map((m) => m[2]);
    expect(hashes).toHaveLength(2);
    expect(hashes[0]).toBe(hashes[1]);
    expect(first.out).toContain('hashes match');

    const again = await migrate(source, target);
    expect(again.code).toBe(1);
    expect(again.err).toContain('target_not_empty');
    // Going on after an interruption: everything is there already, identical, so nothing is written.
    const merged = await migrate(source, target, true);
    expect(merged.code).toBe(0);
    expect(merged.out).toMatch(/\d+ record\(s\) the target already held identically/u);

    // A record the target holds differently stops a merge, and is not overwritten.
    const t = await createStorage({ dataDir: target, log: () => {} });
    const [term] = await t.glossary.list();
    if (!term) throw new Error('no term copied');
    await t.glossary.putMany([{ ...term, note: 'changed in the target' }]);
    await t.close();
    const conflict = await migrate(source, target, true);
    expect(conflict.code).toBe(1);
    expect(conflict.err).toContain(`target_conflict: the target already has glossary ${term.id}`);
    const after = await createStorage({ dataDir: target, log: () => {} });
    expect((await after.glossary.list())[0]?.note).toBe('changed in the target');
    await after.close();
  });

  it('refuses a missing source, the same place twice, and a data directory a server is using', async () => {
    const missing = await migrate(join(await dir(), 'nothing-here'), await dir());
    expect(missing).toMatchObject({ code: 1 });
    expect(missing.err).toContain('source_missing');
    const same = await dir();
    expect((await migrate(same, `${same}/`)).code).toBe(2);

    // A live process on this host holds the lock (this very process would take its own lock over, by design).
    const busy = await used();
    const holder = { pid: process.ppid, host: hostname(), since: new Date().toISOString(), token: 'other' };
    await writeFile(join(busy, 'anor.lock'), JSON.stringify(holder));
    const locked = await migrate(busy, await dir());
    expect(locked.code).toBe(1);
    expect(locked.err).toContain('data_dir_locked');
  });

  it('keeps the schema-only form and says how to use the new one', async () => {
    expect(await run(['--from', await dir()])).toBe(2);
    expect(await run(['--merge'])).toBe(2);
    expect(await run(['--from', await dir(), '--to', await dir(), '--database', 'postgres://x@127.0.0.1/x'])).toBe(2);
  });
});
