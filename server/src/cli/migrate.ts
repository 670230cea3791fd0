import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { migrateDatabase } from '../storage/index.js';
import { parsePlace } from '../storage/transfer/places.js';
import { transfer } from './transfer.js';

const USAGE = `Usage: anor migrate [--database postgres://…]
       anor migrate --from DATA_DIR|postgres://… --to DATA_DIR|postgres://… [--merge]

Without --from/--to: brings the PostgreSQL schema of DATABASE_URL (or
--database) up to date: every migration this Anor knows and the database has
not had yet, in order, in one transaction. anor serve does the same on start;
this runs it alone (before starting new nodes, say).

With --from and --to: copies a whole installation — documents with their
history, comments and settings, users with their roles and preferences,
sessions, share links, the glossary, imported memory and source files — from
an embedded data directory into PostgreSQL, back out, or between two of
either. Stop the servers first (a data directory in use is refused). Prints
the count of each kind and a SHA-256 of the content on both sides, and
compares them. An empty target is required; --merge copies into one that
holds data (identical records are skipped, a differing one stops the copy,
nothing is deleted).

Exit 0 done (hashes match), 1 refused or different, 2 usage.`;

/** `anor migrate`: applies pending schema migrations, or copies one installation into another. */
export async function run(argv: string[]): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        database: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        merge: { type: 'boolean' },
        help: { type: 'boolean' },
      },
      strict: true,
    }).values;
  } catch (err) {
    if (err instanceof TypeError && 'code' in err) return usage(err.message);
    throw err;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.from !== undefined || values.to !== undefined) {
    if (values.from === undefined || values.to === undefined) return usage('--from and --to go together');
    if (values.database !== undefined) return usage('--database is for the schema alone; name the database in --from or --to');
    return transfer(
      parsePlace(values.from),
      parsePlace(values.to),
      { merge: values.merge === true },
      {
        out: (line) => console.log(line),
        err: (line) => console.error(line),
      },
    );
  }
  if (values.merge) return usage('--merge goes with --from and --to');
  return schemaOnly(values.database);
}

function usage(why: string): number {
  console.error(`anor migrate: ${why}\n\n${USAGE}`);
  return 2;
}

async function schemaOnly(database: string | undefined): Promise<number> {
  let url: string | undefined;
  try {
    url = loadConfig(database === undefined ? process.env : { ...process.env, DATABASE_URL: database }).databaseUrl;
  } catch (err) {
    if (err instanceof ConfigError) return usage(err.message);
    throw err;
  }
  if (url === undefined) return usage('no database: set DATABASE_URL or pass --database');
  let result;
  try {
    result = await migrateDatabase(url);
  } catch (err) {
    if (!(err instanceof Error)) throw err;
    // database_too_new, or what PostgreSQL said (unreachable, no such database, no right to create tables).
    const code = 'code' in err && typeof err.code === 'string' ? err.code : 'database_error';
    console.error(`anor migrate: ${code}: ${err.message}`);
    return 1;
  }
  const applied = result.applied.length === 0 ? 'nothing to apply' : `applied ${result.applied.join(', ')}`;
  console.log(`anor migrate: ${applied}; schema version ${result.version}`);
  return 0;
}
