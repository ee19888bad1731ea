// The store: every group of tables behind one object, so services never see SQL.
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

export function createStore(db: Db) {
  return {
    db,
    people: peopleStore(db),
    entries: entriesStore(db),
    claims: claimsStore(db),
    settings: settingsStore(db),
    strain: strainStore(db),
    events: eventsStore(db),
    assignments: assignmentsStore(db),
    reporting: reportingStore(db),
    budgetHistory: budgetHistoryStore(db),
    /** A cheap query for /healthz. */
    async ping(): Promise<boolean> {
      return db.prepare('SELECT 1 AS ok').get() !== undefined;
    },
    /** An online backup to a file, valid as a SQLite database on its own. */
    async backup(file: string): Promise<void> {
      await db.backup(file);
    },
    async close(): Promise<void> {
      if (db.open) db.close();
    },
  };
}

export type Store = ReturnType<typeof createStore>;

/** Open the file, apply migrations, and wrap it. */
export function openStore(file: string): { store: Store; migration: MigrationResult } {
  const db = openDatabase(file);
  try {
    const migration = migrate(db);
    return { store: createStore(db), migration };
  } catch (e) {
    db.close();
    throw e;
  }
}
