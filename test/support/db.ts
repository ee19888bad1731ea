// The one way tests reach the database besides the store port: raw SQL for fixtures and assertions.
// Async on purpose, so the same calls can run against PostgreSQL: an implementation for it turns the
// `?` placeholders into `$1, $2, …` and reads the same rows. SQL written here should stay portable
// (no json_each, no rowid, no PRAGMA) unless the test is about SQLite itself (sqlitePragma).
import type { Statement } from 'better-sqlite3';
import type { RawDatabase } from '../../src/composition';

export type Row = Record<string, unknown>;

/** Anything that leads to the app's database: a test app, a started Ballast, or the raw handle. */
export type DbSource = { ballast: { raw: RawDatabase | null } } | { raw: RawDatabase | null } | RawDatabase;

function rawOf(source: DbSource): RawDatabase {
  const raw = 'ballast' in source ? source.ballast.raw : 'raw' in source ? source.raw : source;
  // On PostgreSQL the app hands out no raw connection: such a test reads through the store port.
  if (raw === null) throw new Error('this test reads SQLite directly; on PostgreSQL read through the store port');
  return raw;
}

// Property tests run the same few queries tens of thousands of times: prepare each once per connection.
const prepared = new WeakMap<object, Map<string, Statement<unknown[]>>>();
function statement(source: DbSource, sql: string): Statement<unknown[]> {
  const { db } = rawOf(source);
  let cache = prepared.get(db);
  if (!cache) prepared.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = db.prepare<unknown[]>(sql)));
  return stmt;
}

/** Every row the query returns, as objects keyed by column name. */
export async function rows<T = Row>(source: DbSource, sql: string, ...params: unknown[]): Promise<T[]> {
  return statement(source, sql).all(...params) as T[];
}

/** The first row, or undefined when there is none. */
export async function row<T = Row>(source: DbSource, sql: string, ...params: unknown[]): Promise<T | undefined> {
  return statement(source, sql).get(...params) as T | undefined;
}

/** The first column of the first row, or undefined when there is no row. */
export async function value<T = unknown>(source: DbSource, sql: string, ...params: unknown[]): Promise<T | undefined> {
  // Raw mode sticks to a statement: switched back off, so rows() of the same SQL still gets objects.
  const stmt = statement(source, sql);
  try {
    return (stmt.raw(true).get(...params) as unknown[] | undefined)?.[0] as T | undefined;
  } finally {
    stmt.raw(false);
  }
}

/** The first column of the first row as a number: `await count(t, 'SELECT COUNT(*) FROM entries')`. */
export async function count(source: DbSource, sql: string, ...params: unknown[]): Promise<number> {
  const n = await value(source, sql, ...params);
  if (n === undefined) throw new Error(`count: no row from ${sql}`);
  return Number(n);
}

/** A write (INSERT, UPDATE, DELETE); resolves to the number of rows it changed. */
export async function run(source: DbSource, sql: string, ...params: unknown[]): Promise<number> {
  return statement(source, sql).run(...params).changes;
}

/** Several statements at once, no parameters (a fixture's setup). */
export async function exec(source: DbSource, sql: string): Promise<void> {
  rawOf(source).db.exec(sql);
}

/**
 * A SQLite pragma on the app's own connection (busy_timeout, query_only): for the tests of how Ballast
 * meets SQLite's own faults, which have no PostgreSQL counterpart.
 */
export async function sqlitePragma(source: DbSource, pragma: string): Promise<unknown> {
  return rawOf(source).db.pragma(pragma, { simple: true });
}
