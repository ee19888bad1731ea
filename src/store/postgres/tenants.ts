// One PostgreSQL schema per tenant (many-workspace mode, docs/TENANCY.md): `tenant_t0123` holds one
// tenant's tables, migrated on first use under the same advisory lock as the main schema. Each tenant
// store has a small pool of its own whose sessions see only that schema (search_path), so the store's
// statements, unchanged, cannot name another tenant's tables.
import type { Pool } from 'pg';
import { NotATenantError, TENANT_ID, type Store, type TenantStores } from '../../services/store';
import { createPostgresStore } from './index';
import { migratePostgres, openPool, redactUrl } from './db';

export function tenantSchema(tenantId: string): string {
  if (!TENANT_ID.test(tenantId)) throw new NotATenantError(tenantId);
  return `tenant_${tenantId.toLowerCase()}`;
}

/** Tenant stores on the database at `url`; `admin` (the main store's pool) creates their schemas. */
export function postgresTenantStores(url: string, admin: Pool, opts: { maxPerTenant?: number } = {}): TenantStores {
  const open = new Map<string, Promise<Store>>();
  const openTenant = async (tenantId: string): Promise<Store> => {
    const schema = tenantSchema(tenantId);
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    } catch (e) {
      // Two replicas creating it at once: the loser's IF NOT EXISTS still trips the catalog's unique index.
      if (!['23505', '42P06'].includes((e as { code?: string }).code ?? '')) throw e;
    }
    // The schema name is made of [a-z0-9_] only (tenantSchema), so it needs no quoting here.
    const pool = openPool(url, { max: opts.maxPerTenant ?? 4, idleTimeoutMillis: 10_000, options: `-c search_path=${schema}` });
    try {
      await migratePostgres(pool);
    } catch (e) {
      await pool.end().catch(() => {});
      const reason = e instanceof Error ? e.message.split(url).join(redactUrl(url)) : String(e);
      throw new Error(`could not prepare the tables of tenant ${tenantId}: ${reason}`, { cause: e });
    }
    return createPostgresStore(pool);
  };
  return {
    forTenant(tenantId) {
      let store = open.get(tenantId);
      if (!store) {
        store = openTenant(tenantId);
        open.set(tenantId, store);
        // A tenant that failed to open is tried again by the next request, not remembered as failed.
        store.catch(() => open.get(tenantId) === store && open.delete(tenantId));
      }
      return store;
    },
    async drop(tenantId) {
      const schema = tenantSchema(tenantId);
      const store = open.get(tenantId);
      open.delete(tenantId);
      await (await store?.catch(() => null))?.close();
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    },
    async close() {
      const all = [...open.values()];
      open.clear();
      for (const s of all) await (await s.catch(() => null))?.close();
    },
  };
}
