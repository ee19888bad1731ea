// Connecting to PostgreSQL and bringing its schema up to date (migrations/postgres/), safely when many
// replicas start at once.
import fs from 'node:fs';
import path from 'node:path';
import { Pool, types, type PoolClient, type PoolConfig } from 'pg';
import { DatabaseTooNewError, loadMigrations, type Migration, type MigrationResult } from '../db';

/** What every PostgreSQL store module runs its SQL on. */
export interface Pg {
  pool: Pool;
}

/** A pool, or a client inside a transaction: both answer `query`. */
export type Queryable = Pool | PoolClient;

// BIGINT (epoch milliseconds, ids, COUNT and SUM of integers) arrives as a string by default, since it
// may exceed 2^53. Ballast's never do (ms until the year 287,396); a value that would lose precision
// is refused rather than silently rounded.
const INT8 = 20;
function parseInt8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new RangeError(`a BIGINT of ${text} does not fit in a JavaScript number`);
  return n;
}
const typeParsers = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 ? parseInt8 : types.getTypeParser(oid, format as 'text')) as typeof types.getTypeParser,
};

/**
 * Whether `id` can name a row. SQLite compares any number (NaN, 1.5, 1e30) with an id and finds no row;
 * PostgreSQL refuses such a parameter for a BIGINT column (22P02), which would turn a forged or broken
 * id from a payload into a 500 instead of "not found". Every lookup by id checks this first.
 */
export function isRowId(id: number): boolean {
  return Number.isSafeInteger(id);
}

/** The URL with its password replaced, fit for logs and error messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}

export function openPool(url: string, extra: PoolConfig = {}): Pool {
  // A server that does not answer must not hang /healthz or a request for minutes (the default is to
  // wait for ever): after 5 s the query fails, and the caller answers 503 or retries.
  const pool = new Pool({ connectionString: url, types: typeParsers, connectionTimeoutMillis: 5000, ...extra });
  // An idle client losing its connection (a server restart, a failover) must not crash the process;
  // the next query gets a fresh connection, and fails on its own if the server is still away.
  pool.on('error', () => {});
  return pool;
}

/** Run `fn` in one transaction on one client: committed if it returns, rolled back if it throws. */
export async function transaction<T>(pool: Pool, fn: (c: PoolClient) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const result = await fn(c);
    await c.query('COMMIT');
    return result;
  } catch (e) {
    await c.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    c.release();
  }
}

export function postgresMigrationsDir(): string {
  // Compiled code lives one level deeper (dist/src/store/postgres) than the sources (src/store/postgres).
  const candidates = [3, 4].map((up) => path.resolve(__dirname, ...Array<string>(up).fill('..'), 'migrations', 'postgres'));
  const found = candidates.find((d) => fs.existsSync(d));
  if (!found) throw new Error(`PostgreSQL migrations folder not found (looked in ${candidates.join(', ')})`);
  return found;
}

export function loadPostgresMigrations(dir = postgresMigrationsDir()): Migration[] {
  return loadMigrations(dir);
}

/**
 * Key of the session-level advisory lock held while migrating: every replica that starts takes it in
 * turn, so the first applies the pending files and the others then find nothing to do. An arbitrary
 * constant ('ballast' in ASCII) that nothing else on the server is expected to use.
 */
export const MIGRATION_LOCK_KEY = 0x62616c6c617374;

/**
 * Apply pending migrations, one transaction each, under the advisory lock; refuse a database from the
 * future (with the same error as SQLite). The version lives in `schema_version`, one row.
 */
export async function migratePostgres(pool: Pool, migrations: Migration[] = loadPostgresMigrations()): Promise<MigrationResult> {
  const codeVersion = migrations.length;
  const c = await pool.connect();
  try {
    // Up to date (every start but the first after an upgrade): nothing is written, so a process can
    // start on a server that takes no writes (a standby, a read-only role) and answer "try again".
    const current = await schemaVersion(c);
    if (current > codeVersion) throw new DatabaseTooNewError(current, codeVersion);
    if (current === codeVersion) {
      // Unless another process is migrating right now (a newer Ballast, say): then wait for it below
      // and read the version it leaves, instead of starting on a schema being changed.
      const free = (await c.query<{ free: boolean }>('SELECT pg_try_advisory_lock($1) AS free', [MIGRATION_LOCK_KEY])).rows[0].free;
      if (free) {
        await c.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
        return { from: current, to: codeVersion, applied: [] };
      }
    }
    await c.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await c.query(`CREATE TABLE IF NOT EXISTS schema_version (
          one     BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (one),
          version INTEGER NOT NULL CHECK (version >= 0))`);
      await c.query('INSERT INTO schema_version (one, version) VALUES (TRUE, 0) ON CONFLICT DO NOTHING');
      const from = await versionOf(c);
      if (from > codeVersion) throw new DatabaseTooNewError(from, codeVersion);
      const applied: string[] = [];
      for (const m of migrations.slice(from)) {
        await c.query('BEGIN');
        try {
          await c.query(m.sql);
          await c.query('UPDATE schema_version SET version = $1', [m.version]);
          await c.query('COMMIT');
        } catch (e) {
          await c.query('ROLLBACK').catch(() => {});
          throw e;
        }
        applied.push(m.name);
      }
      return { from, to: codeVersion, applied };
    } finally {
      await c.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    }
  } finally {
    c.release();
  }
}

/**
 * A schema that was just created (and is first on the caller's search_path) brought to the code's
 * version inside the caller's transaction: every migration in order, then the version. For a tenant
 * whose tables are filled in the same transaction (store/adopt.ts).
 */
export async function migrateFreshInTransaction(c: Queryable, migrations: Migration[] = loadPostgresMigrations()): Promise<void> {
  await c.query(`CREATE TABLE schema_version (
      one     BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (one),
      version INTEGER NOT NULL CHECK (version >= 0))`);
  for (const m of migrations) await c.query(m.sql);
  await c.query('INSERT INTO schema_version (one, version) VALUES (TRUE, $1)', [migrations.length]);
}

/** The schema version recorded in the database (0 when it was never migrated). */
export async function schemaVersion(q: Queryable): Promise<number> {
  const t = await q.query<{ t: string | null }>("SELECT to_regclass('schema_version')::text AS t");
  return t.rows[0].t === null ? 0 : versionOf(q);
}

async function versionOf(q: Queryable): Promise<number> {
  const r = await q.query<{ version: number }>('SELECT version FROM schema_version');
  return r.rows[0]?.version ?? 0;
}
