// One SQLite file per tenant (many-workspace mode, docs/TENANCY.md), in a `tenants` folder beside the
// main database: `data/ballast.db` keeps the installations, `data/tenants/T0123.db` one tenant's tables.
import fs from 'node:fs';
import path from 'node:path';
import { NotATenantError, TENANT_ID, type Store, type TenantStores } from '../services/store';
import Database from 'better-sqlite3';
import { openSqliteStore } from './index';
import { countsDiffer, DEFAULT_PERCENT_ROW, SHARED_TABLES, TENANT_TABLES, type Adopted } from './adopt';

const count = (db: Database.Database, table: string): number => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

/**
 * The main file's own data moved into `tenantId`'s new file: a copy of the whole file (VACUUM INTO),
 * the shared tables emptied in the copy, the counts compared, and only then the main file's tenant
 * tables emptied, in one transaction. Null when there is nothing to move or the tenant has a file already.
 */
function adoptMainFile(mainFile: string, tenantId: string): Adopted | null {
  const file = tenantFile(mainFile, tenantId);
  if (fs.existsSync(file)) return null;
  const main = new Database(mainFile, { fileMustExist: true });
  try {
    main.pragma('busy_timeout = 5000');
    main.pragma('foreign_keys = ON');
    const before: Adopted = TENANT_TABLES.map((table) => ({ table, rows: count(main, table) }));
    if (before[0].rows === 0) return null;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const partial = `${file}.adopting`;
    fs.rmSync(partial, { force: true });
    main.prepare('VACUUM INTO ?').run(partial);
    const copy = new Database(partial);
    let after: Adopted;
    try {
      copy.transaction(() => {
        for (const table of SHARED_TABLES) copy.exec(`DELETE FROM ${table}`);
      })();
      after = TENANT_TABLES.map((table) => ({ table, rows: count(copy, table) }));
    } finally {
      copy.close();
    }
    const off = countsDiffer(before, after);
    if (off) {
      fs.rmSync(partial, { force: true });
      throw new Error(`the copy of the single-workspace data differs (${off}); nothing was moved`);
    }
    fs.renameSync(partial, file);
    main.transaction(() => {
      for (const table of [...TENANT_TABLES].reverse()) main.exec(`DELETE FROM ${table}`);
      main.exec(DEFAULT_PERCENT_ROW);
    })();
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
    async forTenant(tenantId) {
      let store = open.get(tenantId);
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
