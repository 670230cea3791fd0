import type { Migration } from './types.js';

/**
 * Documents shared by every node. `events` is the order of record: a commit
 * inserts the next seq(s), and the primary key refuses a seq another node took
 * first (23505), so the database, not a process, serialises a document. The
 * partial unique index keeps an operation id once per author and document, so a
 * retry on another node finds the first attempt (and its `ack`) instead of
 * applying twice. Snapshots are incremental: `doc_parts` holds the document's
 * head (meta, settings, comments, paragraph order) and one row per paragraph,
 * `doc_revisions` one row per revision of history (append-only, as history
 * is), and a checkpoint writes only what changed since the last one.
 * `documents` is what lists and authorisation read without loading a document;
 * `stub_version` (one sequence for all rows) lets nodes ask what changed.
 * Bodies are JSON kept as text, not jsonb: jsonb refuses the escaped lone
 * surrogates and NULs that documents written before the text rules may hold,
 * and nothing queries inside them.
 */
export const migration: Migration = {
  version: 3,
  name: 'documents, events, incremental snapshots',
  sql: `
    CREATE SEQUENCE document_stub_versions;
    CREATE TABLE documents (
      id text PRIMARY KEY,
      head_seq bigint NOT NULL,
      snapshot_seq bigint NOT NULL DEFAULT 0,
      deleted boolean NOT NULL DEFAULT false,
      stub text NOT NULL,
      stub_version bigint NOT NULL DEFAULT nextval('document_stub_versions'),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX documents_stub_version ON documents (stub_version);
    CREATE TABLE events (
      doc_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
      seq bigint NOT NULL,
      event text NOT NULL,
      by text NOT NULL,
      op_id text,
      -- 0 for the first event of an operation (the one that carries its ack), 1, 2… for the rest
      op_part integer NOT NULL,
      ack text,
      at timestamptz NOT NULL,
      PRIMARY KEY (doc_id, seq)
    );
    CREATE UNIQUE INDEX events_op ON events (doc_id, by, op_id) WHERE op_id IS NOT NULL AND op_part = 0;
    CREATE TABLE doc_parts (
      doc_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
      -- '' for the head, else a paragraph id
      part text NOT NULL,
      seq bigint NOT NULL,
      body text NOT NULL,
      PRIMARY KEY (doc_id, part)
    );
    CREATE TABLE doc_revisions (
      doc_id text NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
      cell text NOT NULL,
      idx integer NOT NULL,
      body text NOT NULL,
      PRIMARY KEY (doc_id, cell, idx)
    );
  `,
};
