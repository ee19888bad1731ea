// Moving a whole SQLite deployment to PostgreSQL (`db copy`): every table, in one transaction, into a
// database that holds no data yet, with the row counts compared before it commits.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { loadMigrations } from '../db';
import { withoutNul } from '../../core/slackText';
import { migrateFreshInTransaction, migratePostgres, openPool, redactUrl, transaction, type Queryable } from './db';
import { TENANT_TABLES } from '../adopt';
import type { PoolClient } from 'pg';

/**
 * Tables in an order that satisfies every foreign key (people's own manager_id is set afterwards): a
 * tenant's tables, then the two shared ones worth keeping (rate-limit holds last seconds).
 */
export const COPY_TABLES = [...TENANT_TABLES, 'events_seen', 'installations'] as const;

/** SQLite keeps booleans as 0 and 1; PostgreSQL has a type for them. */
const BOOLEAN_COLUMNS: Record<string, readonly string[]> = {
  people: ['is_bot', 'deleted', 'active', 'checkin_enabled', 'nudges_enabled', 'paused', 'share_strain'],
  installations: ['is_enterprise_install'],
};
/** Tables whose ids come from a sequence: copied rows keep theirs, and new ones continue after them. */
const IDENTITY_TABLES = ['entries', 'assignments', 'budget_percent_history'];

/** Each identity sequence of `schema` (the search_path's when absent) set to go on after the rows it holds. */
export async function continueIdentities(c: Queryable, schema?: string): Promise<void> {
  const q = schema ? `"${schema}".` : '';
  for (const table of IDENTITY_TABLES) {
    await c.query(`SELECT setval(pg_get_serial_sequence('${q}${table}', 'id'), COALESCE((SELECT MAX(id) FROM ${q}${table}), 0) + 1, false)`);
  }
}
const BATCH_ROWS = 500;

export class CopyRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CopyRefusedError';
  }
}

export interface CopyResult {
  /** Rows per table, in the source and in the target after the copy (always equal when it returns). */
  counts: { table: string; source: number; target: number }[];
  /**
   * Values that held U+0000, which PostgreSQL's text cannot: copied without it. Older Ballast stored
   * what payloads carried; since the NUL filter (src/slack/middleware/withoutNul.ts) none arrive.
   */
  nulValues: number;
}

/** One SQLite file of a many-workspace deployment: a tenant's (`data/tenants/T0123.db`), bound for its schema. */
export interface TenantFile {
  tenantId: string;
  file: string;
  /** Its PostgreSQL schema (tenantSchema). */
  schema: string;
}

/**
 * Copy every row of a SQLite file (at the code's schema version) into an empty PostgreSQL database,
 * and, for a many-workspace deployment, every tenant's file into a new schema of its own: all in one
 * transaction, so a copy that fails anywhere leaves the target as it was.
 */
export async function copySqliteToPostgres(sqliteFile: string, url: string, tenants: readonly TenantFile[] = []): Promise<CopyResult> {
  if (!fs.existsSync(sqliteFile)) throw new CopyRefusedError(`no SQLite database at ${sqliteFile}`);
  const sources = [{ label: '', file: sqliteFile, schema: undefined as string | undefined }, ...tenants.map((t) => ({ label: `${t.tenantId}.`, file: t.file, schema: t.schema }))];
  const opened: Database.Database[] = [];
  const pool = openPool(url, { max: 1 });
  try {
    const codeVersion = loadMigrations().length;
    for (const s of sources) {
      if (!fs.existsSync(s.file)) throw new CopyRefusedError(`no SQLite database at ${s.file}`);
      const db = new Database(s.file, { readonly: true, fileMustExist: true });
      opened.push(db);
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version !== codeVersion) {
        throw new CopyRefusedError(
          `the SQLite database ${s.file} is at schema version ${version} and this Ballast at ${codeVersion}: ` +
          'bring it up to date first (start this Ballast on it once, or npm run ballast -- migrate with DATABASE_PATH set to it), then copy.');
      }
    }
    await migratePostgres(pool);
    return await transaction(pool, async (c) => {
      const main = (await c.query<{ s: string }>('SELECT current_schema() AS s')).rows[0].s;
      const counts: CopyResult['counts'] = [];
      const nul = { values: 0 };
      for (const [i, s] of sources.entries()) {
        if (s.schema) {
          // A schema of the tenant's own, made and migrated in this transaction; refused if it exists.
          if ((await c.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [s.schema])).rows.length > 0) {
            throw new CopyRefusedError(`the target database ${redactUrl(url)} already holds the schema ${s.schema}; copy only into an empty one`);
          }
          await c.query(`CREATE SCHEMA "${s.schema}"`);
          await c.query(`SET LOCAL search_path = "${s.schema}"`);
          await migrateFreshInTransaction(c);
        } else {
          await c.query(`SET LOCAL search_path = "${main}"`);
        }
        // Nobody may write while the copy runs; a second copy at once waits here and then finds data.
        await c.query(`LOCK TABLE ${COPY_TABLES.join(', ')} IN EXCLUSIVE MODE`);
        await refuseUnlessEmpty(c, url);
        for (const table of COPY_TABLES) {
          const sourceCount = await copyTable(opened[i], c, table, nul);
          const target = (await c.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM ${table}`)).rows[0].n;
          counts.push({ table: `${s.label}${table}`, source: sourceCount, target });
        }
        await continueIdentities(c);
      }
      const off = counts.filter((n) => n.source !== n.target);
      if (off.length > 0) {
        throw new Error(`row counts differ after the copy (${off.map((n) => `${n.table}: ${n.source} vs ${n.target}`).join(', ')}); nothing was kept`);
      }
      return { counts, nulValues: nul.values };
    });
  } finally {
    for (const db of opened) db.close();
    await pool.end();
  }
}

async function refuseUnlessEmpty(c: PoolClient, url: string): Promise<void> {
  const holding: string[] = [];
  for (const table of COPY_TABLES) {
    if (table === 'budget_percent_history') continue;
    if ((await c.query(`SELECT 1 FROM ${table} LIMIT 1`)).rows.length > 0) holding.push(table);
  }
  // A fresh database holds one row: migration 0003's "10% from the beginning". Anything more is data.
  const percents = (await c.query<{ n: number; plain: boolean }>(
    'SELECT COUNT(*)::int AS n, bool_and(changed_at = 0 AND changed_by IS NULL) AS plain FROM budget_percent_history')).rows[0];
  if (percents.n > 1 || (percents.n === 1 && !percents.plain)) holding.push('budget_percent_history');
  if (holding.length > 0) {
    throw new CopyRefusedError(`the target database ${redactUrl(url)} already holds data (${holding.join(', ')}); copy only into an empty one`);
  }
  await c.query('DELETE FROM budget_percent_history');
}

async function copyTable(source: Database.Database, c: PoolClient, table: string, nul: { values: number }): Promise<number> {
  const columns = (source.pragma(`table_info(${table})`) as { name: string }[]).map((col) => col.name);
  const booleans = new Set(BOOLEAN_COLUMNS[table] ?? []);
  // A manager's row may come after their reports': the reporting lines are written once everyone is in.
  const deferred = table === 'people' ? 'manager_id' : undefined;
  const select = source.prepare(`SELECT ${columns.join(', ')} FROM ${table} ORDER BY rowid`).raw();
  let count = 0;
  let batch: unknown[][] = [];
  const lines: [string, string][] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const values: unknown[] = [];
    const tuples = batch.map((row) => `(${row.map((v) => `$${values.push(v)}`).join(', ')})`);
    await c.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, values);
    batch = [];
  };
  for (const row of select.iterate() as Iterable<unknown[]>) {
    const converted = row.map((v, i) => {
      const column = columns[i];
      if (column === deferred) {
        if (v !== null) lines.push([String(row[columns.indexOf('id')]), String(v)]);
        return null;
      }
      if (typeof v === 'string') {
        const clean = withoutNul(v);
        if (clean !== v) {
          nul.values += 1;
          return clean;
        }
      }
      return booleans.has(column) ? v === 1 : v;
    });
    batch.push(converted);
    count += 1;
    if (batch.length >= BATCH_ROWS) await flush();
  }
  await flush();
  for (let i = 0; i < lines.length; i += BATCH_ROWS) {
    const part = lines.slice(i, i + BATCH_ROWS);
    await c.query(`UPDATE people SET manager_id = l.manager_id FROM unnest($1::text[], $2::text[]) AS l(id, manager_id) WHERE people.id = l.id`,
      [part.map((l) => l[0]), part.map((l) => l[1])]);
  }
  return count;
}
