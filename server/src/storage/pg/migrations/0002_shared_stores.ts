import type { Migration } from './types.js';

/**
 * What every node shares: users, sessions (connect-pg-simple's own layout),
 * share links, the glossary and TMX-imported memory entries. `ord` keeps the
 * order records were added in, which the embedded lists keep too.
 */
export const migration: Migration = {
  version: 2,
  name: 'users, sessions, share links, glossary, imported memory',
  sql: `
    CREATE TABLE users (
      id text PRIMARY KEY,
      ord bigint GENERATED ALWAYS AS IDENTITY,
      username text NOT NULL,
      -- NFC, lower case: one name however it is typed (userStore.ts usernameKey)
      username_key text NOT NULL UNIQUE,
      display_name text NOT NULL,
      password_hash text NOT NULL,
      is_admin boolean NOT NULL,
      is_viewer boolean,
      roles jsonb,
      prefs jsonb,
      created_at timestamptz NOT NULL,
      sessions_valid_after timestamptz
    );

    CREATE TABLE session (
      sid varchar NOT NULL COLLATE "default" PRIMARY KEY,
      sess json NOT NULL,
      expire timestamp(6) NOT NULL
    );
    CREATE INDEX session_by_expire ON session (expire);
    CREATE INDEX session_by_user ON session ((sess->>'userId'));

    CREATE TABLE shares (
      id text PRIMARY KEY,
      ord bigint GENERATED ALWAYS AS IDENTITY,
      doc_id text NOT NULL,
      token_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL,
      created_by text NOT NULL,
      expires_at timestamptz
    );
    CREATE INDEX shares_doc ON shares (doc_id);

    CREATE TABLE glossary_terms (
      id text PRIMARY KEY,
      ord bigint GENERATED ALWAYS AS IDENTITY,
      -- the term's languages, note and forbidden variants (GlossaryTerm)
      term jsonb NOT NULL,
      updated_at timestamptz NOT NULL,
      updated_by text NOT NULL
    );

    CREATE TABLE tm_entries (
      id text PRIMARY KEY,
      ord bigint GENERATED ALWAYS AS IDENTITY,
      texts jsonb NOT NULL,
      imported_at timestamptz NOT NULL,
      imported_by text NOT NULL,
      source text
    );
  `,
};
