// The PostgreSQL store (DATABASE_URL): the same groups and methods as the SQLite store in ../index.ts,
// for many replicas on one server.
import type { Pool } from 'pg';
import type { MigrationResult } from '../db';
import type { Store } from '../../services/store';
import { migratePostgres, openPool, redactUrl, type Pg } from './db';
import { pgPeopleStore } from './people';
import { pgEntriesStore } from './entries';
import { pgClaimsStore } from './claims';
import { pgSettingsStore } from './settings';
import { pgStrainStore } from './strain';
import { pgEventsStore } from './events';
import { pgAssignmentsStore } from './assignments';
import { pgReportingStore } from './reporting';
import { pgBudgetHistoryStore } from './budgetHistory';
import { pgSlackHoldsStore } from './slackHolds';
import { pgInstallationsStore } from './installations';
import { classifyPostgres, pgClassified } from './errors';

/** What `backup` says on PostgreSQL: the server's own tool does it better than Ballast could. */
export const PG_BACKUP_MESSAGE =
  'backup writes a SQLite file and does not apply to PostgreSQL. Back up the database with pg_dump instead, ' +
  'e.g. pg_dump --format=custom --file=ballast.dump "$DATABASE_URL" (restore with pg_restore).';

export class BackupNotSupportedError extends Error {
  constructor() {
    super(PG_BACKUP_MESSAGE);
    this.name = 'BackupNotSupportedError';
  }
}

export function createPostgresStore(pool: Pool) {
  const pg: Pg = { pool };
  return {
    people: pgClassified(pgPeopleStore(pg)),
    entries: pgClassified(pgEntriesStore(pg)),
    claims: pgClassified(pgClaimsStore(pg)),
    settings: pgClassified(pgSettingsStore(pg)),
    strain: pgClassified(pgStrainStore(pg)),
    events: pgClassified(pgEventsStore(pg)),
    assignments: pgClassified(pgAssignmentsStore(pg)),
    reporting: pgClassified(pgReportingStore(pg)),
    budgetHistory: pgClassified(pgBudgetHistoryStore(pg)),
    slackHolds: pgClassified(pgSlackHoldsStore(pg)),
    installations: pgClassified(pgInstallationsStore(pg)),
    /** A cheap query for /healthz: true when the server answers. */
    async ping(): Promise<boolean> {
      try {
        return (await pool.query('SELECT 1 AS ok')).rows.length === 1;
      } catch (e) {
        throw classifyPostgres(e);
      }
    },
    async backup(_file: string): Promise<void> {
      throw new BackupNotSupportedError();
    },
    async close(): Promise<void> {
      if (!pool.ended) await pool.end();
    },
  };
}

export type PostgresStore = ReturnType<typeof createPostgresStore>;

// Conformance with the services' port, method by method: tsc checks it here.
export const conforms = (s: PostgresStore): Store => s;

/** Connect, migrate (under the advisory lock) and wrap. Errors never carry the URL's password. */
export async function openPostgresStore(url: string): Promise<{ store: PostgresStore; migration: MigrationResult }> {
  const pool = openPool(url);
  try {
    const migration = await migratePostgres(pool);
    return { store: createPostgresStore(pool), migration };
  } catch (e) {
    await pool.end().catch(() => {});
    if (e instanceof Error && e.name === 'DatabaseTooNewError') throw e;
    const reason = e instanceof Error ? e.message.split(url).join(redactUrl(url)) : String(e);
    throw new Error(`could not open the PostgreSQL database at ${redactUrl(url)}: ${reason}`, { cause: e });
  }
}
