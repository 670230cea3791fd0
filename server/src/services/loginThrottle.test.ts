import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pool } from 'pg';
import { memoryLimiters } from '../storage/limiters.js';
import { pgLimiters } from '../storage/pg/limiters.js';
import { migrate } from '../storage/pg/migrate.js';
import { openPool } from '../storage/pg/pool.js';
import type { LimiterFactory } from '../storage/types.js';
import { tempSchema } from '../../test/helpers/pg.js';
import type { TempSchema } from '../../test/helpers/pg.js';
import { LoginThrottle } from './loginThrottle.js';

const limited = expect.objectContaining({ code: 'rate_limited' });

/** One suite, two stores: the embedded node's memory and PostgreSQL shared by nodes. */
describe.each(['memory', 'postgres'] as const)('LoginThrottle on %s', (backend) => {
  let schema: TempSchema | undefined;
  let pool: Pool | undefined;
  let limiters: LimiterFactory;
  beforeAll(async () => {
    if (backend === 'memory') {
      limiters = memoryLimiters;
      return;
    }
    schema = await tempSchema();
    pool = openPool(schema.url, () => undefined);
    await migrate(pool);
    limiters = pgLimiters(pool);
  });
  afterAll(async () => {
    await pool?.end();
    await schema?.drop();
  });
  let n = 0;
  /** Each test its own throttle name, so counts never leak between tests on one store. */
  const throttle = (opts: ConstructorParameters<typeof LoginThrottle>[2]): LoginThrottle => new LoginThrottle(limiters, `t${++n}`, opts);

  it('refuses a pair after too many failures until its window ends, and forgets on success', async () => {
    const t = throttle({ maxFailures: 3, windowMs: 400 });
    for (let i = 0; i < 3; i++) {
      await expect(t.check('1.2.3.4', 'admin')).resolves.toBeUndefined();
      await t.failed('1.2.3.4', 'admin');
    }
    await expect(t.check('1.2.3.4', 'Admin')).rejects.toEqual(limited);
    // Another address, or another name, is not affected.
    await expect(t.check('5.6.7.8', 'admin')).resolves.toBeUndefined();
    await expect(t.check('1.2.3.4', 'bob')).resolves.toBeUndefined();
    await sleep(450);
    await expect(t.check('1.2.3.4', 'admin')).resolves.toBeUndefined();

    await t.failed('5.6.7.8', 'bob');
    await t.succeeded('5.6.7.8', 'bob');
    await t.failed('5.6.7.8', 'bob');
    await t.failed('5.6.7.8', 'bob');
    await expect(t.check('5.6.7.8', 'bob')).resolves.toBeUndefined();
  });

  it('stops guessing one account from many addresses', async () => {
    const t = throttle({ maxFailures: 3, maxPerAccount: 5, maxPerAddress: 100 });
    for (let i = 0; i < 5; i++) {
      await expect(t.check(`10.0.0.${i}`, 'dana')).resolves.toBeUndefined();
      await t.failed(`10.0.0.${i}`, 'dana');
    }
    await expect(t.check('10.0.0.99', 'Dana')).rejects.toEqual(limited);
    await expect(t.check('10.0.0.99', 'li')).resolves.toBeUndefined();
  });

  it('stops one address trying many names, until the window ends', async () => {
    const t = throttle({ maxFailures: 3, maxPerAccount: 50, maxPerAddress: 4, windowMs: 400 });
    for (let i = 0; i < 4; i++) await t.failed('6.6.6.6', `name${i}`);
    await expect(t.check('6.6.6.6', 'someone-else')).rejects.toEqual(limited);
    await expect(t.check('7.7.7.7', 'someone-else')).resolves.toBeUndefined();
    await sleep(450);
    await expect(t.check('6.6.6.6', 'someone-else')).resolves.toBeUndefined();
  });

  it('takes any name or address, however long or odd, as a key', async () => {
    const t = throttle({ maxFailures: 1 });
    const odd = `${'ж'.repeat(300)}\u0000|"'`;
    await t.failed('::ffff:10.0.0.1', odd);
    await expect(t.check('::ffff:10.0.0.1', odd)).rejects.toEqual(limited);
    await expect(t.check('::ffff:10.0.0.1', odd.slice(1))).resolves.toBeUndefined();
  });

  it('keeps two throttles on one store apart', async () => {
    const a = throttle({ maxFailures: 1 });
    const b = new LoginThrottle(limiters, 'other', { maxFailures: 1 });
    await a.failed('1.1.1.1', 'x');
    await expect(a.check('1.1.1.1', 'x')).rejects.toEqual(limited);
    await expect(b.check('1.1.1.1', 'x')).resolves.toBeUndefined();
  });
});

describe('LoginThrottle on postgres, shared by nodes', () => {
  it('counts failures seen by two nodes (two pools) together', async () => {
    const schema = await tempSchema();
    const pools = [openPool(schema.url, () => undefined), openPool(schema.url, () => undefined)] as const;
    try {
      await migrate(pools[0]);
      const [a, b] = pools.map((p) => new LoginThrottle(pgLimiters(p), 'login', { maxFailures: 4 }));
      for (let i = 0; i < 2; i++) {
        await a?.failed('9.9.9.9', 'admin');
        await b?.failed('9.9.9.9', 'admin');
      }
      await expect(a?.check('9.9.9.9', 'admin')).rejects.toEqual(limited);
      await expect(b?.check('9.9.9.9', 'admin')).rejects.toEqual(limited);
    } finally {
      for (const p of pools) await p.end();
      await schema.drop();
    }
  });
});
