import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { migrateDatabase } from '../storage/index.js';

const USAGE = `Usage: anor migrate [--database postgres://…]

Brings the PostgreSQL schema of DATABASE_URL (or --database) up to date: every
migration this Anor knows and the database has not had yet, in order, in one
transaction. anor serve does the same on start; this runs it alone (before
starting new nodes, say). Exit 0 up to date, 1 refused, 2 usage.`;

/** `anor migrate`: applies pending schema migrations and prints the version. */
export async function run(argv: string[]): Promise<number> {
  let url: string | undefined;
  try {
    const { values } = parseArgs({ args: argv, options: { database: { type: 'string' }, help: { type: 'boolean' } }, strict: true });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    url = loadConfig(values.database === undefined ? process.env : { ...process.env, DATABASE_URL: values.database }).databaseUrl;
  } catch (err) {
    if (err instanceof ConfigError || (err instanceof TypeError && 'code' in err)) {
      console.error(`anor migrate: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    throw err;
  }
  if (url === undefined) {
    console.error(`anor migrate: no database: set DATABASE_URL or pass --database\n\n${USAGE}`);
    return 2;
  }
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
