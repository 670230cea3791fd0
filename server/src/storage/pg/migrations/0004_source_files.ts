import type { Migration } from './types.js';

/**
 * The files documents were imported from (DOCX, HTML, Markdown) with their
 * skeletons, so that any node can export a document as its original file.
 * One row per document; the bytes exactly as uploaded. The skeleton is
 * `json`, not `jsonb`: it is only ever stored and read back whole, and json
 * keeps every string as given, where jsonb refuses a U+0000 that a file's
 * text may hold.
 */
export const migration: Migration = {
  version: 4,
  name: 'source files',
  sql: `
    CREATE TABLE source_files (
      doc_id text PRIMARY KEY,
      name text NOT NULL,
      format text NOT NULL,
      created_at timestamptz NOT NULL,
      created_by text NOT NULL,
      bytes bytea NOT NULL,
      skeleton json NOT NULL,
      -- the document's paragraph made from each slot of the skeleton, in order
      paragraph_ids json NOT NULL
    );
  `,
};
