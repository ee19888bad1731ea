// Many-workspace mode's isolation (issue #13, docs/TENANCY.md): each tenant's store keeps its tables
// apart (a file on SQLite, a schema on PostgreSQL). Every store scenario (every method of every group)
// runs on tenant B, then with the same ids on tenant A: B's writes leave A's tables as they were, A
// answers exactly as an empty store does, so nothing of B's shows, and B's tables and the main database
// are byte-for-byte as they were.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Pool } from 'pg';
import { openSqliteStore } from '../../src/store';
import { sqliteTenantStores, tenantFile } from '../../src/store/tenants';
import { openPostgresStore } from '../../src/store/postgres';
import { openPool } from '../../src/store/postgres/db';
import { postgresTenantStores, tenantSchema } from '../../src/store/postgres/tenants';
import { NotATenantError, type Store, type TenantStores } from '../../src/services/store';
import { freshDatabase } from '../support/postgres';
import { normaliser, pinned, scenarios } from '../support/storeScenarios';

type Dump = Record<string, string[]>;
interface TenantWorld {
  tenants: TenantStores;
  /** Every table of a tenant ('main': the main database), each row as JSON, sorted. */
  dump(tenant: string): Promise<Dump>;
  /** Whether anything was made for the name (a file, a schema). */
  made(name: string): Promise<boolean>;
  close(): Promise<void>;
}

const sorted = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();

async function sqliteWorld(): Promise<TenantWorld> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ballast-tenants-'));
  const mainFile = path.join(dir, 'ballast.db');
  const main = openSqliteStore(mainFile);
  const tenants = sqliteTenantStores(mainFile);
  return {
    tenants,
    async dump(tenant) {
      const db = new Database(tenant === 'main' ? mainFile : tenantFile(mainFile, tenant), { readonly: true });
      try {
        const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]);
        return Object.fromEntries(tables.map(({ name }) => [name, sorted(db.prepare(`SELECT * FROM ${name}`).all())]));
      } finally {
        db.close();
      }
    },
    async made(name) {
      return fs.readdirSync(dir, { recursive: true }).some((f) => String(f).includes(name));
    },
    async close() {
      await tenants.close();
      await main.store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresWorld(): Promise<TenantWorld> {
  const db = await freshDatabase();
  const main = await openPostgresStore(db.url);
  const admin: Pool = openPool(db.url, { max: 2 });
  const tenants = postgresTenantStores(db.url, admin);
  const schemaOf = (tenant: string) => (tenant === 'main' ? 'public' : tenantSchema(tenant));
  return {
    tenants,
    async dump(tenant) {
      const schema = schemaOf(tenant);
      const tables = (await admin.query<{ t: string }>(
        "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY 1", [schema])).rows;
      const out: Dump = {};
      for (const { t } of tables) out[t] = sorted((await admin.query(`SELECT * FROM "${schema}"."${t}"`)).rows);
      return out;
    },
    async made(name) {
      const r = await admin.query('SELECT count(*) AS n FROM pg_namespace WHERE nspname ILIKE $1', [`%${name}%`]);
      return Number(r.rows[0].n) > 0;
    },
    async close() {
      await tenants.close();
      await main.store.close();
      await admin.end();
      await db.drop();
    },
  };
}

async function transcriptOf(store: Store, scenario: string): Promise<Record<string, unknown>> {
  const transcript: Record<string, unknown> = {};
  const walk = normaliser();
  await scenarios[scenario](store, (label, value) => {
    transcript[label] = walk(value);
  });
  return transcript;
}

describe.each([['SQLite', sqliteWorld], ['PostgreSQL', postgresWorld]] as const)('tenants on %s', (_kind, openWorld) => {
  let w: TenantWorld;
  beforeEach(async () => {
    w = await openWorld();
  });
  afterEach(() => w.close());

  it.each(Object.keys(scenarios))('%s: a tenant with the same ids sees none of another tenant\'s rows and changes none', async (scenario) => {
    const alpha = await w.tenants.forTenant('E0ALPHA');
    const alphaBefore = await w.dump('E0ALPHA');
    const b = await transcriptOf(await w.tenants.forTenant('T0BETA'), scenario);
    const bTables = await w.dump('T0BETA');
    const mainTables = await w.dump('main');
    expect(Object.values(bTables).some((rows) => rows.length > 0)).toBe(true);
    // B's writes did not reach A: its tables are as they were when it was made.
    expect(await w.dump('E0ALPHA')).toEqual(alphaBefore);
    const a = await transcriptOf(alpha, scenario);
    // The same calls on A answer as on an empty store: had any of B's rows shown (a dedupe key, a claim,
    // a person), A's answers would differ from B's.
    expect(a).toEqual(b);
    pinned[scenario]?.(a);
    expect(await w.dump('T0BETA')).toEqual(bTables);
    expect(await w.dump('main')).toEqual(mainTables);
  });

  it('refuses a name that is not a Slack team or enterprise id, and makes nothing for it', async () => {
    for (const name of ['', 'public', 'U0PERSON', 't0lower', 'T0"; DROP SCHEMA public; --', '../../etc/T0', `T${'0'.repeat(64)}`]) {
      await expect(w.tenants.forTenant(name)).rejects.toBeInstanceOf(NotATenantError);
    }
    expect(await w.made('DROP')).toBe(false);
    expect(await w.made('etc')).toBe(false);
  });

  it('opens one store for a tenant however many requests ask at once', async () => {
    const stores = await Promise.all(Array.from({ length: 8 }, () => w.tenants.forTenant('T0SAME')));
    expect(new Set(stores).size).toBe(1);
    await stores[0].people.upsertProfile({
      id: 'U1', teamId: 'T0SAME', name: 'u1', realName: 'U1', email: null, tz: 'UTC', isBot: false, deleted: false, statusText: '', statusEmoji: '', statusExpiration: 0,
    }, 1);
    expect((await (await w.tenants.forTenant('T0SAME')).people.listAll()).map((p) => p.id)).toEqual(['U1']);
  });
});
