/**
 * Whether an error means PostgreSQL cannot be reached (refused, reset, timed
 * out, shutting down, too many connections) rather than that a query was
 * wrong. Such errors become `database_unavailable` (503) at the edge: the
 * request changed nothing and may be tried again; the pool reconnects by itself.
 */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'EAI_AGAIN',
]);
// admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections; class 08 is "connection exception".
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300']);
const MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly/u;

export function isDatabaseUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = 'code' in err && typeof err.code === 'string' ? err.code : '';
  return NETWORK_CODES.has(code) || SERVER_CODES.has(code) || code.startsWith('08') || MESSAGES.test(err.message);
}
