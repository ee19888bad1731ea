// The one way tests reach the database besides the store port: raw SQL for fixtures and assertions.
// Async on purpose, so the same calls can run against PostgreSQL: an implementation for it turns the
// `?` placeholders into `$1, $2, …` and reads the same rows. SQL written here should stay portable
// (no json_each, no rowid, no PRAGMA) unless the test is about SQLite itself (sqlitePragma).
import type { Statement } from 'better-sqlite3';
import type { RawDatabase } from '../../src/composition';
import { poolFor } from './testDb';

export type Row = Record<string, unknown>;

/** Anything that leads to the app's database: a test app, a started Ballast, or the raw handle. */
export type DbSource =
  | { ballast: { raw: RawDatabase | null }; dbEnv?: Record<string, string> }
  | { raw: RawDatabase | null }
  | RawDatabase;

/** The PostgreSQL database a test app runs on, if it does. */
function postgresUrl(source: DbSource): string | undefined {
  return 'dbEnv' in source ? source.dbEnv?.DATABASE_URL : undefined;
}

/** `?` placeholders (outside quoted text) as PostgreSQL's `$1, $2, …`. */
export function numbered(sql: string): string {
  let n = 0;
  let quoted = false;
  let out = '';
  for (const ch of sql) {
    if (ch === "'") quoted = !quoted;
    out += ch === '?' && !quoted ? `$${(n += 1)}` : ch;
  }
  return out;
}

/** PostgreSQL folds unquoted names to lower case: `AS weekKey` comes back as weekkey. The SQL's own spelling. */
function aliasesOf(sql: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of sql.matchAll(/\bAS\s+([A-Za-z_][A-Za-z0-9_]*)/gi)) if (m[1] !== m[1].toLowerCase()) out.set(m[1].toLowerCase(), m[1]);
  return out;
}

async function pgRows(url: string, sql: string, params: unknown[]): Promise<{ rows: Row[]; rowCount: number }> {
  const r = await poolFor(url).query({ text: numbered(sql), values: params });
  const aliases = aliasesOf(sql);
  const rows = aliases.size === 0 ? (r.rows as Row[])
    : (r.rows as Row[]).map((x) => Object.fromEntries(Object.entries(x).map(([k, v]) => [aliases.get(k) ?? k, v])));
  return { rows, rowCount: r.rowCount ?? 0 };
}

/** Which database a test app's rows live in. */
function dialectOf(source: DbSource): 'sqlite' | 'postgres' {
  return postgresUrl(source) ? 'postgres' : 'sqlite';
}

/**
 * Every row of a table, in a fixed order (whole rows compared as text), for before-and-after comparisons.
 * It sees what a table holds, not how it got there: a row deleted and inserted again with the same
 * values compares equal (ordering by rowid caught that on SQLite, but PostgreSQL has no stable row id).
 */
export async function tableRows(source: DbSource, table: string): Promise<Row[]> {
  const all = await rows(source, `SELECT * FROM ${table}`);
  return all.map((r) => [JSON.stringify(r), r] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
}

/** A table's column names, in their order. */
export async function columnsOf(source: DbSource, table: string): Promise<string[]> {
  if (dialectOf(source) === 'postgres') {
    return (await rows<{ name: string }>(source,
      'SELECT column_name AS name FROM information_schema.columns WHERE table_name = ? AND table_schema = current_schema() ORDER BY ordinal_position', table))
      .map((c) => c.name);
  }
  return (await rows<{ name: string }>(source, `PRAGMA table_info(${table})`)).map((c) => c.name);
}

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
  const url = postgresUrl(source);
  if (url) return (await pgRows(url, sql, params)).rows as T[];
  return statement(source, sql).all(...params) as T[];
}

/** The first row, or undefined when there is none. */
export async function row<T = Row>(source: DbSource, sql: string, ...params: unknown[]): Promise<T | undefined> {
  const url = postgresUrl(source);
  if (url) return (await pgRows(url, sql, params)).rows[0] as T | undefined;
  return statement(source, sql).get(...params) as T | undefined;
}

/** The first column of the first row, or undefined when there is no row. */
export async function value<T = unknown>(source: DbSource, sql: string, ...params: unknown[]): Promise<T | undefined> {
  const url = postgresUrl(source);
  if (url) {
    const first = (await pgRows(url, sql, params)).rows[0];
    return (first ? Object.values(first)[0] : undefined) as T | undefined;
  }
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
  const url = postgresUrl(source);
  if (url) return (await pgRows(url, sql, params)).rowCount;
  return statement(source, sql).run(...params).changes;
}

/** Several statements at once, no parameters (a fixture's setup). */
export async function exec(source: DbSource, sql: string): Promise<void> {
  const url = postgresUrl(source);
  if (url) {
    await poolFor(url).query(sql);
    return;
  }
  rawOf(source).db.exec(sql);
}

/**
 * A SQLite pragma on the app's own connection (busy_timeout, query_only): for the tests of how Ballast
 * meets SQLite's own faults, which have no PostgreSQL counterpart.
 */
export async function sqlitePragma(source: DbSource, pragma: string): Promise<unknown> {
  return rawOf(source).db.pragma(pragma, { simple: true });
}
