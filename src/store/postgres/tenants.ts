// One PostgreSQL schema per tenant (many-workspace mode, docs/TENANCY.md): `tenant_t0123` holds one
// tenant's tables, migrated on first use under the same advisory lock as the main schema. Each tenant
// store has a small pool of its own whose sessions see only that schema (search_path), so the store's
// statements, unchanged, cannot name another tenant's tables.
import type { Pool } from 'pg';
import { NotATenantError, TENANT_ID, type Store, type TenantStores } from '../../services/store';
import { createPostgresStore } from './index';
import { migrateFreshInTransaction, migratePostgres, openPool, redactUrl, transaction } from './db';
import { countsDiffer, DEFAULT_PERCENT_ROW, TENANT_TABLES, type Adopted } from '../adopt';
import { continueIdentities } from './copy';


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
    async forTenant(tenantId, opts = {}) {
      if (opts.recheck && open.has(tenantId)) {
        const held = open.get(tenantId)!;
        const exists = await admin.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [tenantSchema(tenantId)]);
        if (exists.rows.length === 0 && open.get(tenantId) === held) {
          // Another replica deleted the tenant's tables (its retention over); this pool still pointed at them.
          open.delete(tenantId);
          void held.then((s) => s.close(), () => {});
        }
      }
      let store = open.get(tenantId);
      if (!store) {
        store = openTenant(tenantId);
        open.set(tenantId, store);
        // A tenant that failed to open is tried again by the next request, not remembered as failed.
        store.catch(() => open.get(tenantId) === store && open.delete(tenantId));
      }
      return store;
    },
    async adoptMain(tenantId) {
      const schema = tenantSchema(tenantId);
      // Only into a tenant that has no tables yet: its schema does not exist.
      const exists = await admin.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
      if (exists.rows.length > 0 || open.has(tenantId)) return null;
      return transaction(admin, async (c) => {
        // The main schema's tenant tables, locked so nothing writes them while they move.
        await c.query(`LOCK TABLE ${TENANT_TABLES.join(', ')} IN EXCLUSIVE MODE`);
        const before: Adopted = [];
        for (const table of TENANT_TABLES) {
          before.push({ table, rows: (await c.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM ${table}`)).rows[0].n });
        }
        // Nothing to move: the transaction has written nothing.
        if (before[0].rows === 0) return null;
        await c.query(`CREATE SCHEMA "${schema}"`);
        await c.query(`SET LOCAL search_path = "${schema}"`);
        await migrateFreshInTransaction(c);
        await c.query('RESET search_path');
        const main = (await c.query<{ s: string }>('SELECT current_schema() AS s')).rows[0].s;
        await c.query(`DELETE FROM "${schema}".budget_percent_history`);
        for (const table of TENANT_TABLES) await c.query(`INSERT INTO "${schema}".${table} SELECT * FROM "${main}".${table}`);
        const after: Adopted = [];
        for (const table of TENANT_TABLES) {
          after.push({ table, rows: (await c.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM "${schema}".${table}`)).rows[0].n });
        }
        const off = countsDiffer(before, after);
        if (off) throw new Error(`the copy of the single-workspace data differs (${off}); nothing was moved`);
        await continueIdentities(c, schema);
        for (const table of [...TENANT_TABLES].reverse()) await c.query(`DELETE FROM "${main}".${table}`);
        await c.query(DEFAULT_PERCENT_ROW);
        return before;
      });
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
