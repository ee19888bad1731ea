// SQLite's failures turned into the port's StorageError kinds: the only place that knows SQLITE_* codes.
import { StorageError, type StorageErrorKind } from '../core/records';

// Extended codes (SQLITE_IOERR_WRITE, SQLITE_BUSY_SNAPSHOT, …) start with their primary code.
const KINDS: [prefix: string, kind: StorageErrorKind][] = [
  ['SQLITE_BUSY', 'busy'],
  ['SQLITE_LOCKED', 'busy'],
  ['SQLITE_FULL', 'full'],
  ['SQLITE_READONLY', 'readonly'],
  ['SQLITE_CORRUPT', 'corrupt'],
  ['SQLITE_NOTADB', 'corrupt'],
  ['SQLITE_CONSTRAINT', 'constraint'],
  ['SQLITE_IOERR', 'unavailable'],
  ['SQLITE_CANTOPEN', 'unavailable'],
];

/** The kind of a SQLite error code; undefined for anything that is not one. */
export function sqliteKind(code: unknown): StorageErrorKind | undefined {
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return undefined;
  return KINDS.find(([prefix]) => code.startsWith(prefix))?.[1] ?? 'unknown';
}

/** A SQLite error as a StorageError; anything else (a bug, a StorageError already) unchanged. */
export function classify(err: unknown): unknown {
  if (err instanceof StorageError) return err;
  const code = (err as { code?: unknown } | null)?.code;
  const kind = sqliteKind(code);
  return kind ? new StorageError(kind, code as string, (err as Error).message, { cause: err }) : err;
}

type AsyncMethods = Record<string, unknown>;

/**
 * The same group of methods, each rethrowing its database's errors as `classify` turns them (into
 * StorageErrors). Only promise-returning methods are wrapped (every port method is one); async
 * iterables classify on their own.
 */
export function classifiedWith<T extends AsyncMethods>(classifyError: (err: unknown) => unknown, group: T): T {
  const out: AsyncMethods = {};
  for (const [name, fn] of Object.entries(group)) {
    if (typeof fn !== 'function') {
      out[name] = fn;
      continue;
    }
    out[name] = (...args: unknown[]) => {
      let result: unknown;
      try {
        result = (fn as (...a: unknown[]) => unknown).apply(group, args);
      } catch (e) {
        throw classifyError(e);
      }
      return result instanceof Promise ? result.catch((e: unknown) => Promise.reject(classifyError(e))) : result;
    };
  }
  return out as T;
}

/** The same group of methods, each rethrowing SQLite's errors classified. */
export function classified<T extends AsyncMethods>(group: T): T {
  return classifiedWith(classify, group);
}
