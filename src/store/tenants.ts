// One SQLite file per tenant (many-workspace mode, docs/TENANCY.md), in a `tenants` folder beside the
// main database: `data/ballast.db` keeps the installations, `data/tenants/T0123.db` one tenant's tables.
import fs from 'node:fs';
import path from 'node:path';
import { NotATenantError, TENANT_ID, type Store, type TenantStores } from '../services/store';
import Database from 'better-sqlite3';
import { openSqliteStore } from './index';
import { countsDiffer, DEFAULT_PERCENT_ROW, TENANT_TABLES, type Adopted } from './adopt';

const count = (db: Database.Database, table: string): number => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

/**
 * The main file's own data moved into `tenantId`'s new file: a fresh migrated file (so it holds nothing
 * but what is copied into it, not even another tenant's token in a free page), the tenant tables copied
 * into it in one transaction that compares the counts, the file put in place, and only then the main
 * file's tenant tables emptied. Null when there is nothing to move or the tenant has a file already.
 */
async function adoptMainFile(mainFile: string, tenantId: string): Promise<Adopted | null> {
  const file = tenantFile(mainFile, tenantId);
  if (fs.existsSync(file)) return null;
  const main = new Database(mainFile, { fileMustExist: true });
  try {
    main.pragma('busy_timeout = 5000');
    main.pragma('foreign_keys = ON');
    if (count(main, 'people') === 0) return null;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const partial = `${file}.adopting`;
    for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) fs.rmSync(f, { force: true });
    const fresh = openSqliteStore(partial);
    let before: Adopted = [];
    try {
      const copy = fresh.raw;
      copy.pragma('busy_timeout = 5000');
      copy.prepare('ATTACH DATABASE ? AS legacy').run(path.resolve(mainFile));
      copy.transaction(() => {
        before = TENANT_TABLES.map((table) => ({ table, rows: count(copy, `legacy.${table}`) }));
        // The fresh file's one row of budget percent history gives way to the moved history.
        copy.exec('DELETE FROM main.budget_percent_history');
        for (const table of TENANT_TABLES) copy.exec(`INSERT INTO main.${table} SELECT * FROM legacy.${table}`);
        const off = countsDiffer(before, TENANT_TABLES.map((table) => ({ table, rows: count(copy, `main.${table}`) })));
        if (off) throw new Error(`the copy of the single-workspace data differs (${off}); nothing was moved`);
      }).immediate();
      copy.exec('DETACH DATABASE legacy');
    } catch (e) {
      await fresh.store.close();
      for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) fs.rmSync(f, { force: true });
      throw e;
    }
    await fresh.store.close();
    fs.renameSync(partial, file);
    try {
      main.transaction(() => {
        for (const table of [...TENANT_TABLES].reverse()) main.exec(`DELETE FROM ${table}`);
        main.exec(DEFAULT_PERCENT_ROW);
      }).immediate();
    } catch (e) {
      throw new Error(`the single-workspace data was copied to ${tenantId}, but the main database could not let go of it ` +
        `(${(e as Error).message}): it is in both until its tenant tables are emptied`, { cause: e });
    }
    return before;
  } finally {
    main.close();
  }
}

export function tenantFile(mainFile: string, tenantId: string): string {
  if (!TENANT_ID.test(tenantId)) throw new NotATenantError(tenantId);
  return path.join(path.dirname(path.resolve(mainFile)), 'tenants', `${tenantId}.db`);
}

/** Every tenant file beside `mainFile` (a many-workspace deployment's `tenants` folder), by tenant id. */
export function tenantFilesBeside(mainFile: string): { tenantId: string; file: string }[] {
  const dir = path.join(path.dirname(path.resolve(mainFile)), 'tenants');
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir)
    .filter((name) => name.endsWith('.db') && TENANT_ID.test(name.slice(0, -3)))
    .sort()
    .map((name) => ({ tenantId: name.slice(0, -3), file: path.join(dir, name) }));
}

export class BackupRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupRefusedError';
  }
}

/**
 * A many-workspace deployment's backup, in the layout it runs from: `backupFile` holds the main
 * database (written by the caller) and a `tenants` folder beside it one online backup per tenant file.
 * Refused before anything is written when that folder is the live one.
 */
export function tenantBackupPlan(mainFile: string, backupFile: string): { tenants: { tenantId: string; file: string; to: string }[] } {
  const live = path.join(path.dirname(path.resolve(mainFile)), 'tenants');
  const dest = path.join(path.dirname(path.resolve(backupFile)), 'tenants');
  const tenants = tenantFilesBeside(mainFile);
  if (tenants.length > 0 && dest === live) {
    throw new BackupRefusedError(`the backup's tenants folder would be the live one (${live}): write the backup into another folder`);
  }
  return { tenants: tenants.map((t) => ({ ...t, to: path.join(dest, `${t.tenantId}.db`) })) };
}

export async function backupTenantFiles(plan: ReturnType<typeof tenantBackupPlan>): Promise<void> {
  for (const t of plan.tenants) {
    fs.mkdirSync(path.dirname(t.to), { recursive: true });
    const db = new Database(t.file, { readonly: true, fileMustExist: true });
    try {
      await db.backup(t.to);
    } finally {
      db.close();
    }
  }
}

export function sqliteTenantStores(mainFile: string): TenantStores {
  const open = new Map<string, Store>();
  return {
    async forTenant(tenantId, opts = {}) {
      let store = open.get(tenantId);
      if (store && opts.recheck && !fs.existsSync(tenantFile(mainFile, tenantId))) {
        open.delete(tenantId);
        await store.close();
        store = undefined;
      }
      if (!store) {
        // Synchronous from here to the set: two requests of a new tenant cannot both open its file.
        store = openSqliteStore(tenantFile(mainFile, tenantId)).store;
        open.set(tenantId, store);
      }
      return store;
    },
    async adoptMain(tenantId) {
      if (open.has(tenantId)) return null;
      return adoptMainFile(mainFile, tenantId);
    },
    async drop(tenantId) {
      const file = tenantFile(mainFile, tenantId);
      const store = open.get(tenantId);
      open.delete(tenantId);
      await store?.close();
      for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    },
    async close() {
      const all = [...open.values()];
      open.clear();
      for (const s of all) await s.close();
    },
  };
}
