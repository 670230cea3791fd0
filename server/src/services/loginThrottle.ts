import { AppError } from '../../../shared/index.js';

export interface ThrottleOptions {
  /** Failures allowed per (address, user name) within the window. */
  maxFailures: number;
  /** Failures allowed per user name from all addresses together (guessing from a botnet). */
  maxPerAccount: number;
  /** Failures allowed per address over all names together (one machine trying many names). */
  maxPerAddress: number;
  windowMs: number;
  /** Cap on tracked keys per counter, so a flood of made-up names cannot grow memory without bound. */
  maxKeys: number;
}

/** Failures per key within a fixed window that starts at the first failure. */
class FailureWindow {
  private readonly failures = new Map<string, { count: number; since: number }>();

  constructor(
    private readonly max: number,
    private readonly opts: ThrottleOptions,
    private readonly now: () => number,
  ) {}

  over(k: string): boolean {
    const entry = this.failures.get(k);
    if (!entry) return false;
    if (this.now() - entry.since >= this.opts.windowMs) {
      this.failures.delete(k);
      return false;
    }
    return entry.count >= this.max;
  }

  add(k: string): void {
    const entry = this.failures.get(k);
    if (entry && this.now() - entry.since < this.opts.windowMs) {
      entry.count++;
      return;
    }
    this.failures.delete(k);
    if (this.failures.size >= this.opts.maxKeys) {
      const oldest = this.failures.keys().next();
      if (!oldest.done) this.failures.delete(oldest.value);
    }
    this.failures.set(k, { count: 1, since: this.now() });
  }

  clear(k: string): void {
    this.failures.delete(k);
  }
}

/**
 * Failed sign-ins, counted three ways: per (address, name), per name and per
 * address. Past a budget within the window, further attempts get
 * `rate_limited` until the window ends, right password or not. The pair budget
 * is small (someone mistyping); the per-account and per-address budgets are
 * larger, so a colleague cannot lock an account out with a few tries but
 * spreading a guessing run over many addresses or many names still stops. A
 * success clears only its pair. In memory: a restart forgets, which is fine
 * for slowing down guessing.
 */
export class LoginThrottle {
  private readonly pair: FailureWindow;
  private readonly account: FailureWindow;
  private readonly address: FailureWindow;

  constructor(opts: Partial<ThrottleOptions> = {}, now: () => number = Date.now) {
    const o: ThrottleOptions = { maxFailures: 10, maxPerAccount: 50, maxPerAddress: 100, windowMs: 10 * 60_000, maxKeys: 10_000, ...opts };
    this.pair = new FailureWindow(o.maxFailures, o, now);
    this.account = new FailureWindow(o.maxPerAccount, o, now);
    this.address = new FailureWindow(o.maxPerAddress, o, now);
  }

  /** Throws `rate_limited` when the pair, the account or the address is over its budget. */
  check(address: string, username: string): void {
    const name = username.toLowerCase();
    if (this.pair.over(key(address, name)) || this.account.over(name) || this.address.over(address)) {
      throw new AppError('rate_limited', 'too many failed sign-ins; try again later');
    }
  }

  failed(address: string, username: string): void {
    const name = username.toLowerCase();
    this.pair.add(key(address, name));
    this.account.add(name);
    this.address.add(address);
  }

  succeeded(address: string, username: string): void {
    this.pair.clear(key(address, username.toLowerCase()));
  }
}

function key(address: string, username: string): string {
  return `${address}\u0000${username}`;
}
