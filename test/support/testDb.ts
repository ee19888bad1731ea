// Which database the end-to-end suites run on. The jest project "postgres" (jest.config.js) sets
// BALLAST_TEST_DB=postgres: every test app then gets a fresh PostgreSQL database (embedded, or on
// TEST_DATABASE_URL's server), one per app folder, so an app restarted on the same folder finds its
// data again, as it would its SQLite file. The databases are dropped after the test file's last hook.
import path from 'node:path';
import { Pool, types } from 'pg';
import { openStoreFor } from '../../src/composition';
import type { Store } from '../../src/services/store';
import { freshDatabase, type TestDatabase } from './postgres';

export const onPostgres = (): boolean => process.env.BALLAST_TEST_DB === 'postgres';

const byDir = new Map<string, Promise<TestDatabase>>();

/** The databases this file made, on the test global for the project's environment to drop. */
function testDatabases(): { adminUrl: string; name: string }[] {
  const g = globalThis as { __ballastTestDatabases?: { adminUrl: string; name: string }[] };
  return (g.__ballastTestDatabases ??= []);
}

/** The PostgreSQL database of the test app in `dir` (made on first use). */
export async function databaseFor(dir: string): Promise<string> {
  let db = byDir.get(dir);
  if (!db) {
    byDir.set(dir, (db = freshDatabase()));
    // A database that could not be made is not remembered: the next app on the folder tries again.
    db.then((made) => testDatabases().push({ adminUrl: made.adminUrl, name: made.name }), () => byDir.get(dir) === db && byDir.delete(dir));
  }
  return (await db).url;
}

/**
 * A migrated store for a test that has a folder: the SQLite file `dir/ballast.db`, or in the project
 * "postgres" the folder's database; `dbEnv` is what a CLI run needs to reach the same one.
 */
export async function openTestStore(dir: string): Promise<{ store: Store; dbPath: string; dbEnv: Record<string, string> }> {
  const dbPath = path.join(dir, 'ballast.db');
  const databaseUrl = onPostgres() ? await databaseFor(dir) : undefined;
  const { store } = await openStoreFor({ databasePath: dbPath, databaseUrl });
  return { store, dbPath, dbEnv: databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_PATH: dbPath } };
}

const pools = new Map<string, Pool>();

/**
 * The tests' own connection to a database (test/support/db.ts), apart from the app's. Counts and ids
 * (int8) read as numbers, as SQLite gives them; the app's pool parses nothing this way.
 */
export function poolFor(url: string): Pool {
  let pool = pools.get(url);
  if (!pool) {
    pool = new Pool({
      connectionString: url, max: 2,
      types: { getTypeParser: ((oid: number, format?: 'text') => (oid === types.builtins.INT8 ? Number : types.getTypeParser(oid, format))) as never },
    });
    pool.on('error', () => undefined);
    pools.set(url, pool);
  }
  return pool;
}

/**
 * The tests' own pools end with the file's hooks (this one runs before the file's own afterAll, as it is
 * declared first: a pool a later hook opens again ends with the database); the databases are
 * listed for the project's environment (test/support/postgresEnvironment.js), which drops them after
 * the file's last hook, when every app on them has stopped.
 */
// Outside jest (a script importing the test support) there are no hooks: nothing to end then.
if (typeof afterAll === 'function') {
  afterAll(async () => {
    const ending = [...pools.values()];
    pools.clear();
    await Promise.all(ending.map((p) => p.end().catch(() => undefined)));
  });
}
