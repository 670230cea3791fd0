import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { LimiterFactory } from './types.js';

/**
 * Failure counts in this process's memory: the embedded store's (one process, a restart forgets).
 * There is no cap on the number of keys, and none is needed: a key is only made by a failed
 * attempt, every failed attempt first costs a scrypt verification (N = 2^17, about 0.1 s of a
 * core, unknown names included), and each key expires with its window. Two cores can therefore
 * make at most a few tens of thousands of keys per 10-minute window (three per failure, ~100
 * bytes each): a few MB, whatever the number of addresses an attacker spreads over.
 */
export const memoryLimiters: LimiterFactory = ({ keyPrefix, points, durationMs }) =>
  new RateLimiterMemory({ keyPrefix, points, duration: durationMs / 1000 });
