// The SQLite store: every group of tables behind the port (services/store.ts), so services never see SQL.
import { openDatabase, migrate, type Db, type MigrationResult } from './db';
import { peopleStore } from './people';
import { entriesStore } from './entries';
import { claimsStore } from './claims';
import { settingsStore } from './settings';
import { strainStore } from './strain';
import { eventsStore } from './events';
import { assignmentsStore } from './assignments';
import { reportingStore } from './reporting';
import { budgetHistoryStore } from './budgetHistory';
import { slackHoldsStore } from './slackHolds';
import { installationsStore } from './installations';
import { classified, classify } from './errors';

export { StorageError, type StorageErrorKind } from '../core/records';

/**
 * The SQLite implementation of the port. Its type is structural; the composition (src/composition.ts)
 * assigns it to the port's `Store`, so tsc proves it fits. Every method's SQLite failure is thrown
 * as a StorageError.
 */
export function createSqliteStore(db: Db) {
  return {
    people: classified(peopleStore(db)),
    entries: classified(entriesStore(db)),
    claims: classified(claimsStore(db)),
    settings: classified(settingsStore(db)),
    strain: classified(strainStore(db)),
    events: classified(eventsStore(db)),
    assignments: classified(assignmentsStore(db)),
    reporting: classified(reportingStore(db)),
    budgetHistory: classified(budgetHistoryStore(db)),
    slackHolds: classified(slackHoldsStore(db)),
    installations: classified(installationsStore(db)),
    /** A cheap query for /healthz. */
    async ping(): Promise<boolean> {
      try {
        return db.prepare('SELECT 1 AS ok').get() !== undefined;
      } catch (e) {
        throw classify(e);
      }
    },
    /** An online backup to a file, valid as a SQLite database on its own. */
    async backup(file: string): Promise<void> {
      try {
        await db.backup(file);
      } catch (e) {
        throw classify(e);
      }
    },
    async close(): Promise<void> {
      if (db.open) db.close();
    },
  };
}

export type SqliteStore = ReturnType<typeof createSqliteStore>;

/**
 * Open the file, apply migrations, and wrap it. `raw` is the connection itself, for the composition,
 * the test support (test/support/db.ts) and the SQLite benches only: it never travels inside the Store.
 */
export function openSqliteStore(file: string): { store: SqliteStore; raw: Db; migration: MigrationResult } {
  const db = openDatabase(file);
  try {
    const migration = migrate(db);
    return { store: createSqliteStore(db), raw: db, migration };
  } catch (e) {
    db.close();
    throw e;
  }
}
