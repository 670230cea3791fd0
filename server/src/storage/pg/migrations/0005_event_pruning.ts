import type { Migration } from './types.js';

/**
 * Events at or below a document's snapshot are pruned (pg/prune.ts):
 * `pruned_seq` says how far. Events with seq ≤ pruned_seq may be gone (all
 * but the acks of the document's most recent operations, kept for retries);
 * every event above it is there. It only moves forward, never past
 * `snapshot_seq`, and is raised in its own transaction before any event
 * below it is deleted, so a reader that sees a value knows nothing above it
 * is missing. A reader asking for events after an older seq is told so and
 * reads the document whole instead.
 */
export const migration: Migration = {
  version: 5,
  name: 'event pruning',
  sql: `
    ALTER TABLE documents ADD COLUMN pruned_seq bigint NOT NULL DEFAULT 0;
  `,
};
