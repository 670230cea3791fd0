import type { Migration } from './types.js';

/** rate-limiter-flexible's RateLimiterPostgres table (its own layout), for the shared sign-in and share-link throttles. */
export const migration: Migration = {
  version: 1,
  name: 'rate limits',
  sql: `
    CREATE TABLE rate_limits (
      key varchar(255) PRIMARY KEY,
      points integer NOT NULL DEFAULT 0,
      expire bigint
    );
  `,
};
