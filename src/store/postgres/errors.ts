// Which PostgreSQL failures mean "the database is busy or unavailable, try again" (the reply SQLite's
// SQLITE_BUSY and friends get today), as opposed to a bug or a broken rule.
const UNAVAILABLE_SQLSTATES = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '55P03', // lock_not_available
  '57014', // query_canceled (statement_timeout)
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, failing over)
  '25006', // read_only_sql_transaction (a standby after failover)
]);
// Class 08 is "connection exception", class 53 "insufficient resources" (disk full, too many connections).
const UNAVAILABLE_CLASSES = ['08', '53'];
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
// node-postgres reports a dropped or never-made connection in plain Errors without a code.
const DRIVER_MESSAGES = [/^Connection terminated/, /timeout exceeded when trying to connect/, /^Client has encountered a connection error/];

/** True when the failure is the database being busy or away, not the request being wrong. */
export function isPostgresUnavailable(err: unknown): boolean {
  if (!(err instanceof Error) && (typeof err !== 'object' || err === null)) return false;
  const { code, message } = err as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (UNAVAILABLE_SQLSTATES.has(code) || SOCKET_CODES.has(code)) return true;
    if (/^[0-9A-Z]{5}$/.test(code)) return UNAVAILABLE_CLASSES.includes(code.slice(0, 2));
  }
  if (err instanceof AggregateError) return err.errors.some(isPostgresUnavailable);
  return typeof message === 'string' && DRIVER_MESSAGES.some((m) => m.test(message));
}
