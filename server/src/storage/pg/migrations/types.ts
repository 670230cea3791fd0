/** One step of the PostgreSQL schema. Applied once, in version order, inside the migration transaction; never edited once released. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
