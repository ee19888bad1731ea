// Both kinds of store behind one opener, for suites that run once per database kind:
// describe.each(STORE_KINDS)('%s', (_kind, open) => { … const { store, close } = await open(); … }).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStore } from '../../src/store';
import type { Store } from '../../src/services/store';
import { freshPostgresStore } from './postgres';

export interface OpenedStore {
  store: Store;
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
