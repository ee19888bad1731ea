// Both kinds of store behind one opener, for suites that run once per database kind:
// describe.each(STORE_KINDS)('%s', (_kind, open) => { … const { store, close } = await open(); … }).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStore } from '../../src/store';
import type { PostgresStore } from '../../src/store/postgres';
import type { Entry } from '../../src/core/model';
import { freshPostgresStore } from './postgres';

/**
 * What both kinds offer. Until the store port lands, the SQLite export is a synchronous generator and
 * only PostgreSQL has the one-transaction completeWithEntry; the port's interface replaces this type.
 */
export type AnyStore = Omit<PostgresStore, 'reporting' | 'assignments'> & {
  assignments: Omit<PostgresStore['assignments'], 'completeWithEntry'>;
  reporting: Omit<PostgresStore['reporting'], 'iterateEntries'> & {
    iterateEntries(from: string, to: string): AsyncIterable<Entry> | Iterable<Entry>;
  };
};

export interface OpenedStore {
  store: AnyStore;
  /** Close the store and remove its database. */
  close(): Promise<void>;
}

/** A migrated SQLite store on a new file in a temporary folder. */
export async function freshSqliteStore(): Promise<OpenedStore> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ballast-store-'));
  const { store } = openSqliteStore(path.join(dir, 'b.db'));
  return {
    store,
    async close() {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const STORE_KINDS: [kind: 'SQLite' | 'PostgreSQL', open: () => Promise<OpenedStore>][] = [
  ['SQLite', freshSqliteStore],
  ['PostgreSQL', freshPostgresStore],
];
