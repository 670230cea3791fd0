import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { LimiterFactory } from './types.js';

/** Failure counts in this process's memory: the embedded store's (one process, a restart forgets). */
export const memoryLimiters: LimiterFactory = ({ keyPrefix, points, durationMs }) =>
  new RateLimiterMemory({ keyPrefix, points, duration: durationMs / 1000 });
