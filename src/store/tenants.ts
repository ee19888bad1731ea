// One SQLite file per tenant (many-workspace mode, docs/TENANCY.md), in a `tenants` folder beside the
// main database: `data/ballast.db` keeps the installations, `data/tenants/T0123.db` one tenant's tables.
import fs from 'node:fs';
import path from 'node:path';
import { NotATenantError, TENANT_ID, type Store, type TenantStores } from '../services/store';
import { openSqliteStore } from './index';

export function tenantFile(mainFile: string, tenantId: string): string {
  if (!TENANT_ID.test(tenantId)) throw new NotATenantError(tenantId);
  return path.join(path.dirname(path.resolve(mainFile)), 'tenants', `${tenantId}.db`);
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
