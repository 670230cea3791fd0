import type { DatabaseError } from 'pg';

/** timestamptz comes back as a Date; records carry ISO strings (what toISOString wrote, so the round trip is exact). */
export function isoOf(value: Date): string {
  return value.toISOString();
}

export function isoOrNull(value: Date | null): string | null {
  return value === null ? null : value.toISOString();
}

/** Whether PostgreSQL refused a row because a unique key (or the primary key) is taken. */
export function isUniqueViolation(err: unknown): err is DatabaseError {
  return typeof err === 'object' && err !== null && 'code' in err && err.code === '23505';
}
