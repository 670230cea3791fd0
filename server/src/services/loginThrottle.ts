import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/index.js';
import type { LimiterFactory, FailureCounter } from '../storage/index.js';

export interface ThrottleOptions {
  /** Failures allowed per (address, user name) within the window. */
  maxFailures: number;
  /** Failures allowed per user name from all addresses together (guessing from a botnet). */
  maxPerAccount: number;
  /** Failures allowed per address over all names together (one machine trying many names). */
  maxPerAddress: number;
  windowMs: number;
}

/** What the sign-in route, the share-link route and the /public handshake ask; async because the counts may live in the database. */
export interface FailureThrottle {
  /** Rejects with `rate_limited` when the pair, the account or the address is over its budget. */
  check(address: string, username: string): Promise<void>;
  failed(address: string, username: string): Promise<void>;
  succeeded(address: string, username: string): Promise<void>;
}

/**
 * Failed sign-ins, counted three ways: per (address, name), per name and per
 * address, each a fixed window starting at the first failure
 * (rate-limiter-flexible). Past a budget within the window, further attempts
 * get `rate_limited` until the window ends, right password or not. The pair
 * budget is small (someone mistyping); the per-account and per-address budgets
 * are larger, so a colleague cannot lock an account out with a few tries but
 * spreading a guessing run over many addresses or many names still stops. A
 * success clears only its pair. Where the counts live is the storage's choice
 * (`storage.limiters`): in memory for the embedded store (a restart forgets,
 * which is fine for slowing down guessing), in PostgreSQL when several nodes
 * share one database, so a guesser gains nothing by spreading over nodes.
 */
export class LoginThrottle implements FailureThrottle {
  private readonly pair: FailureCounter;
  private readonly account: FailureCounter;
  private readonly address: FailureCounter;

  /** `name` keeps this throttle's counts apart from another's in the same store (login, share). */
  constructor(limiters: LimiterFactory, name: string, opts: Partial<ThrottleOptions> = {}) {
    const o: ThrottleOptions = { maxFailures: 10, maxPerAccount: 50, maxPerAddress: 100, windowMs: 10 * 60_000, ...opts };
    const counter = (kind: string, points: number): FailureCounter =>
      limiters({ keyPrefix: `${name}-${kind}`, points, durationMs: o.windowMs });
    this.pair = counter('pair', o.maxFailures);
    this.account = counter('account', o.maxPerAccount);
    this.address = counter('address', o.maxPerAddress);
  }

  async check(address: string, username: string): Promise<void> {
    const name = username.toLowerCase();
    const over = await Promise.all([
      over1(this.pair, key(address, name)),
      over1(this.account, key(name)),
      over1(this.address, key(address)),
    ]);
    if (over.includes(true)) throw new AppError('rate_limited', 'too many failed sign-ins; try again later');
  }

  async failed(address: string, username: string): Promise<void> {
    const name = username.toLowerCase();
    await Promise.all([
      this.pair.penalty(key(address, name), 1),
      this.account.penalty(key(name), 1),
      this.address.penalty(key(address), 1),
    ]);
  }

  async succeeded(address: string, username: string): Promise<void> {
    await this.pair.delete(key(address, username.toLowerCase()));
  }
}

async function over1(counter: FailureCounter, k: string): Promise<boolean> {
  const res = await counter.get(k);
  return res !== null && res.consumedPoints >= counter.points;
}

/**
 * A fixed-length key whatever the input: names and addresses are the
 * client's, a database column has a width, and NUL cannot go into PostgreSQL text.
 */
function key(...parts: string[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}
