import { RateLimiterMemory, RateLimiterPostgres } from 'rate-limiter-flexible';
import type { Pool } from 'pg';
import type { LimiterFactory } from '../types.js';

/**
 * Failure counts in the `rate_limits` table (migration 0001), shared by every
 * node on the database. While the database cannot be reached, each node counts
 * in its own memory instead (rate-limiter-flexible's insurance limiter), so
 * signing in is still throttled rather than refused or left open.
 */
export function pgLimiters(pool: Pool): LimiterFactory {
  return ({ keyPrefix, points, durationMs }) =>
    new RateLimiterPostgres({
      storeClient: pool,
      storeType: 'pool',
      tableName: 'rate_limits',
      // Created by a versioned migration, never by the library at run time.
      tableCreated: true,
      keyPrefix,
      points,
      duration: durationMs / 1000,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration: durationMs / 1000 }),
    });
}
