import { AppError } from '../../../shared/index.js';

export interface ThrottleOptions {
  maxFailures: number;
  windowMs: number;
  /** Cap on tracked keys, so a flood of made-up names cannot grow memory without bound. */
  maxKeys: number;
}

/**
 * Failed sign-ins per (address, user name): after `maxFailures` within
 * `windowMs`, further attempts get `rate_limited` until the window ends, right
 * password or not. Keyed on the pair, not the name alone, so nobody can lock a
 * colleague out from elsewhere. In memory: a restart forgets, which is fine for
 * slowing down guessing.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; since: number }>();
  private readonly opts: ThrottleOptions;

  constructor(opts: Partial<ThrottleOptions> = {}, private readonly now: () => number = Date.now) {
    this.opts = { maxFailures: 10, windowMs: 10 * 60_000, maxKeys: 10_000, ...opts };
  }

  /** Throws `rate_limited` when this pair is over its budget. */
  check(address: string, username: string): void {
    const entry = this.failures.get(key(address, username));
    if (!entry) return;
    if (this.now() - entry.since >= this.opts.windowMs) {
      this.failures.delete(key(address, username));
      return;
    }
    if (entry.count >= this.opts.maxFailures) {
      throw new AppError('rate_limited', 'too many failed sign-ins; try again later');
    }
  }

  failed(address: string, username: string): void {
    const k = key(address, username);
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

  succeeded(address: string, username: string): void {
    this.failures.delete(key(address, username));
  }
}

function key(address: string, username: string): string {
  return `${address}\u0000${username.toLowerCase()}`;
}
