import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './loginThrottle.js';

describe('LoginThrottle', () => {
  it('refuses a pair after too many failures until its window ends, and forgets on success', () => {
    let now = 0;
    const t = new LoginThrottle({ maxFailures: 3, windowMs: 1000 }, () => now);
    for (let i = 0; i < 3; i++) {
      expect(() => t.check('1.2.3.4', 'admin')).not.toThrow();
      t.failed('1.2.3.4', 'admin');
    }
    expect(() => t.check('1.2.3.4', 'Admin')).toThrow(expect.objectContaining({ code: 'rate_limited' }));
    // Another address, or another name, is not affected.
    expect(() => t.check('5.6.7.8', 'admin')).not.toThrow();
    expect(() => t.check('1.2.3.4', 'bob')).not.toThrow();
    now = 1000;
    expect(() => t.check('1.2.3.4', 'admin')).not.toThrow();

    t.failed('5.6.7.8', 'bob');
    t.succeeded('5.6.7.8', 'bob');
    t.failed('5.6.7.8', 'bob');
    t.failed('5.6.7.8', 'bob');
    expect(() => t.check('5.6.7.8', 'bob')).not.toThrow();
  });

  it('tracks at most maxKeys pairs', () => {
    const t = new LoginThrottle({ maxFailures: 1, maxKeys: 2 });
    t.failed('a', 'x');
    t.failed('b', 'x');
    t.failed('c', 'x');
    // The oldest pair was dropped to make room.
    expect(() => t.check('a', 'x')).not.toThrow();
    expect(() => t.check('c', 'x')).toThrow(expect.objectContaining({ code: 'rate_limited' }));
  });
});

describe('LoginThrottle per account and per address', () => {
  it('stops guessing one account from many addresses', () => {
    const t = new LoginThrottle({ maxFailures: 3, maxPerAccount: 5, maxPerAddress: 100, windowMs: 1000 }, () => 0);
    for (let i = 0; i < 5; i++) {
      expect(() => t.check(`10.0.0.${i}`, 'dana')).not.toThrow();
      t.failed(`10.0.0.${i}`, 'dana');
    }
    expect(() => t.check('10.0.0.99', 'Dana')).toThrow(expect.objectContaining({ code: 'rate_limited' }));
    expect(() => t.check('10.0.0.99', 'li')).not.toThrow();
  });

  it('stops one address trying many names', () => {
    let now = 0;
    const t = new LoginThrottle({ maxFailures: 3, maxPerAccount: 50, maxPerAddress: 4, windowMs: 1000 }, () => now);
    for (let i = 0; i < 4; i++) t.failed('6.6.6.6', `name${i}`);
    expect(() => t.check('6.6.6.6', 'someone-else')).toThrow(expect.objectContaining({ code: 'rate_limited' }));
    expect(() => t.check('7.7.7.7', 'someone-else')).not.toThrow();
    now = 1000;
    expect(() => t.check('6.6.6.6', 'someone-else')).not.toThrow();
  });
});
