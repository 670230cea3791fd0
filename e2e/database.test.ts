import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../server/src/storage/pg/migrations/index.js';
import { tempSchema } from '../server/test/helpers/pg.js';
import type { TempSchema } from '../server/test/helpers/pg.js';
import { ApiClient } from './helpers/http.js';
import { ADMIN_PASSWORD, freePort, removeDir, runAnor, startBuiltServer, tempDataDir } from './helpers/server.js';

const SECRET = 'e2e-session-secret-that-is-long-enough-for-anor';

/**
 * The built `anor` with a database: `anor migrate`, `anor serve --database`,
 * what production refuses, and a database that does not answer. Real
 * processes, real PostgreSQL (a fresh schema, dropped after).
 */
describe('anor with DATABASE_URL', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  const schemaForTest = async (): Promise<TempSchema> => {
    const schema = await tempSchema();
    cleanups.push(() => schema.drop());
    return schema;
  };
  const dataDirForTest = async (): Promise<string> => {
    const dir = await tempDataDir();
    cleanups.push(() => removeDir(dir));
    return dir;
  };

  it('anor migrate brings the schema up once; anor serve --database keeps accounts there across nodes', async () => {
    const schema = await schemaForTest();
    const first = await runAnor(['migrate', '--database', schema.url]);
    expect(first).toMatchObject({ code: 0 });
    const latest = MIGRATIONS.length;
    expect(first.out).toContain(`applied ${MIGRATIONS.map((m) => m.version).join(', ')}; schema version ${latest}`);
    expect((await runAnor(['migrate'], { DATABASE_URL: schema.url })).out).toContain(`nothing to apply; schema version ${latest}`);

    const env = { SESSION_SECRET: SECRET, NODE_ENV: 'production' };
    const a = await startBuiltServer({ dataDir: await dataDirForTest(), env: { ...env, DATABASE_URL: schema.url } });
    cleanups.push(() => a.stop('SIGTERM'));
    const b = await startBuiltServer({ dataDir: await dataDirForTest(), env: { ...env, DATABASE_URL: schema.url } });
    cleanups.push(() => b.stop('SIGTERM'));
    const onA = new ApiClient(a.url);
    await onA.login('admin', ADMIN_PASSWORD);
    // The second node found the admin the first one created, and takes the same password.
    await new ApiClient(b.url).login('admin', ADMIN_PASSWORD);
    expect(a.output()).toContain('first start: created user admin');
    expect(b.output()).not.toContain('first start');
  });

  it('refuses to start in production with a database but no SESSION_SECRET (exit 2), and says why', async () => {
    const r = await runAnor(['serve', '--database', 'postgres://127.0.0.1:5432/test'], {
      NODE_ENV: 'production',
      DATA_DIR: await dataDirForTest(),
      PORT: String(await freePort()),
      SESSION_SECRET: '',
    });
    expect(r.code).toBe(2);
    expect(r.out).toContain('SESSION_SECRET is required with DATABASE_URL in production');
  });

  it('exits 1 with database_error when the database does not answer, and leaves the data directory unlocked', async () => {
    const dataDir = await dataDirForTest();
    const dead = `postgres://postgres@127.0.0.1:${await freePort()}/test`;
    const r = await runAnor(['serve', '--database', dead], { DATA_DIR: dataDir, PORT: String(await freePort()), SESSION_SECRET: SECRET });
    expect(r.code).toBe(1);
    expect(r.out).toContain('database_error');
    expect((await runAnor(['migrate', '--database', dead])).code).toBe(1);
    // Nothing left locked: the embedded server starts on the same directory.
    const embedded = await startBuiltServer({ dataDir });
    await embedded.stop('SIGTERM');
  });

  it('anor migrate moves an embedded installation into the database and back out; nodes on the database serve it', async () => {
    const embeddedDir = await dataDirForTest();
    const embedded = await startBuiltServer({ dataDir: embeddedDir });
    const before = new ApiClient(embedded.url);
    await before.login('admin', ADMIN_PASSWORD);
    const demo = (await before.documents()).documents;
    await embedded.stop('SIGTERM');

    const schema = await schemaForTest();
    const moved = await runAnor(['migrate', '--from', embeddedDir, '--to', schema.url]);
    expect(moved.code).toBe(0);
    expect(moved.out).toMatch(/documents\s+1\s+1/u);
    expect(moved.out).toContain('hashes match');
    const again = await runAnor(['migrate', '--from', embeddedDir, '--to', schema.url]);
    expect(again.code).toBe(1);
    expect(again.out).toContain('target_not_empty');

    // The old session secret as SESSION_SECRET: the cookie from before the move still signs in.
    const secret = (await readFile(join(embeddedDir, 'session-secret'), 'utf8')).trim();
    const node = await startBuiltServer({ dataDir: await dataDirForTest(), env: { DATABASE_URL: schema.url, SESSION_SECRET: secret } });
    cleanups.push(() => node.stop('SIGTERM'));
    const after = new ApiClient(node.url);
    after.cookie = before.cookie;
    expect((await after.documents()).documents).toEqual(demo);
    await node.stop('SIGTERM');

    const out = join(await dataDirForTest(), 'back');
    const back = await runAnor(['migrate', '--from', schema.url, '--to', out]);
    expect(back.code).toBe(0);
    // The node in between touched the sessions it served, so the content is compared within this copy.
    expect(back.out).toContain('hashes match');
    expect(back.out).toMatch(/documents\s+1\s+1/u);
  });
});
