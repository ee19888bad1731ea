// PostgreSQL's failures turned into the port's StorageError kinds, as src/store/errors.ts does for
// SQLite: the only place that knows SQLSTATEs. "Busy" and "unavailable" get the reply "try again"
// (src/slack/listeners/failure.ts); a broken rule or a bug does not.
import { StorageError, type StorageErrorKind } from '../../core/records';
import { classifiedWith } from '../errors';

// admin_shutdown, crash_shutdown, cannot_connect_now (starting up, failing over).
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03']);
// serialization_failure, deadlock_detected, lock_not_available, query_canceled (statement_timeout).
const BUSY_SQLSTATES = new Set(['40001', '40P01', '55P03', '57014']);
// Class 08 is "connection exception", 53 "insufficient resources" (too many connections, out of
// memory), 58 "system error" (an I/O error), 28 "invalid authorization" (a rotated password).
const UNAVAILABLE_CLASSES = ['08', '53', '58', '28'];
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
// node-postgres reports a dropped or never-made connection in plain Errors without a code.
const DRIVER_MESSAGES = [
  /^Connection terminated/, /timeout exceeded when trying to connect/, /^Client has encountered a connection error/,
  /^Query read timeout/, /^Client was closed and is not queryable/,
];

/** The kind of a PostgreSQL or driver failure; undefined for anything that is neither (a bug). */
export function postgresKind(err: unknown): StorageErrorKind | undefined {
  if (!(err instanceof Error) && (typeof err !== 'object' || err === null)) return undefined;
  const { code, message, severity } = err as { code?: unknown; message?: unknown; severity?: unknown };
  if (typeof code === 'string') {
    if (SOCKET_CODES.has(code)) return 'unavailable';
    // The server's own errors carry a severity; a Node errno (EPERM, EROFS) is not a SQLSTATE.
    if (typeof severity !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return driverKind(message);
    if (code === '53100') return 'full'; // disk_full
    // read_only_sql_transaction (a standby), insufficient_privilege (a role that may only read).
    if (code === '25006' || code === '42501') return 'readonly';
    if (code === '3D000') return 'unavailable'; // the database is gone
    if (code === 'XX001' || code === 'XX002') return 'corrupt'; // data_corrupted, index_corrupted
    if (BUSY_SQLSTATES.has(code)) return 'busy';
    if (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_CLASSES.includes(code.slice(0, 2))) return 'unavailable';
    if (code.startsWith('23')) return 'constraint';
    return 'unknown';
  }
  if (err instanceof AggregateError) return err.errors.map(postgresKind).find((k) => k !== undefined);
  return driverKind(message);
}

/** node-postgres's own codeless failures of the connection. */
function driverKind(message: unknown): StorageErrorKind | undefined {
  return typeof message === 'string' && DRIVER_MESSAGES.some((m) => m.test(message)) ? 'unavailable' : undefined;
}

/** A PostgreSQL failure as a StorageError; anything else (a bug, a StorageError already) unchanged. */
export function classifyPostgres(err: unknown): unknown {
  if (err instanceof StorageError) return err;
  const kind = postgresKind(err);
  if (!kind) return err;
  const code = (err as { code?: unknown }).code;
  return new StorageError(kind, typeof code === 'string' ? code : 'driver', err instanceof Error ? err.message : String(err), { cause: err });
}

/** The same group of methods, each rethrowing PostgreSQL's errors classified. */
export function pgClassified<T extends Record<string, unknown>>(group: T): T {
  return classifiedWith(classifyPostgres, group);
}
