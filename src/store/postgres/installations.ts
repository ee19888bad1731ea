// Slack installations on PostgreSQL; mirrors src/store/installations.ts.
import type { Pg } from './db';
import type { InstallationRecord, NewInstallation } from '../../core/model';
import { toInstallation, type InstallationRow, type installationsStore } from '../installations';
import { gate, keyedLock } from '../locks';

/** Epoch ms as BIGINT takes them: a clock may read fractions (performance-based), PostgreSQL refuses them. */
const ms = (t: number): number => Math.floor(t);

/** Connections that may wait in, or hold, a refresh's advisory lock at once: the pool keeps the rest. */
const REFRESH_CONNECTIONS = 2;

export function pgInstallationsStore({ pool }: Pg) {
  const queued = keyedLock();
  const holdingFew = gate(REFRESH_CONNECTIONS);
  /** `fn` under the tenant's session-level advisory lock, on a connection of its own held for the refresh only. */
  const advisoryLocked = async <T>(tenantId: string, fn: () => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    const key = `ballast token refresh ${tenantId}`;
    let locked = false;
    let broken = false;
    try {
      await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [key]);
      locked = true;
      return await fn();
    } catch (e) {
      // The lock itself failed: the connection is suspect.
      if (!locked) broken = true;
      throw e;
    } finally {
      // A connection that cannot unlock is dropped: its session, and so the lock, ends with it.
      if (locked) await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]).catch(() => { broken = true; });
      client.release(broken);
    }
  };
  const one = async (tenantId: string): Promise<InstallationRecord | undefined> => {
    const r = await pool.query<InstallationRow>('SELECT * FROM installations WHERE tenant_id = $1', [tenantId]);
    return r.rows[0] ? toInstallation(r.rows[0]) : undefined;
  };
  const store = {
    async save(i: NewInstallation, now: number): Promise<InstallationRecord> {
      const r = await pool.query<InstallationRow>(
        `INSERT INTO installations (tenant_id, team_id, enterprise_id, is_enterprise_install, installer_user_id, bot_user_id,
                                    installation, installed_at, uninstalled_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL)
         ON CONFLICT (tenant_id) DO UPDATE SET
           team_id = excluded.team_id, enterprise_id = excluded.enterprise_id, is_enterprise_install = excluded.is_enterprise_install,
           installer_user_id = excluded.installer_user_id, bot_user_id = excluded.bot_user_id,
           installation = excluded.installation, installed_at = excluded.installed_at, uninstalled_at = NULL
         RETURNING *`,
        [i.tenantId, i.teamId, i.enterpriseId, i.isEnterpriseInstall, i.installerUserId, i.botUserId, i.installation, ms(now)]);
      return toInstallation(r.rows[0]);
    },
    async refresh(tenantId: string, installation: string, installedAt: number): Promise<boolean> {
      const r = await pool.query(
        'UPDATE installations SET installation = $1 WHERE tenant_id = $2 AND installed_at = $3 AND uninstalled_at IS NULL',
        [installation, tenantId, ms(installedAt)]);
      return r.rowCount === 1;
    },
    get: one,
    async uninstall(tenantId: string, now: number, madeBefore: number = Number.MAX_SAFE_INTEGER): Promise<boolean> {
      const r = await pool.query(
        'UPDATE installations SET installation = NULL, uninstalled_at = $1 WHERE tenant_id = $2 AND uninstalled_at IS NULL AND installed_at < $3',
        [ms(now), tenantId, ms(madeBefore)]);
      return r.rowCount === 1;
    },
    whileRefreshing<T>(tenantId: string, fn: () => Promise<T>): Promise<T> {
      // Callers of this process queue here first, per tenant and then for a few connections in all, so
      // that waiting never holds a connection of the pool the refresh itself needs (a burst of first
      // requests after a restart, one per tenant, would otherwise take every connection and wait).
      return queued(tenantId, () => holdingFew(() => advisoryLocked(tenantId, fn)));
    },
    async uninstalled(): Promise<InstallationRecord[]> {
      const r = await pool.query<InstallationRow>('SELECT * FROM installations WHERE uninstalled_at IS NOT NULL ORDER BY tenant_id');
      return r.rows.map(toInstallation);
    },
    async forget(tenantId: string, uninstalledAt: number): Promise<boolean> {
      const r = await pool.query('DELETE FROM installations WHERE tenant_id = $1 AND uninstalled_at = $2', [tenantId, ms(uninstalledAt)]);
      return r.rowCount === 1;
    },
    async installed(): Promise<InstallationRecord[]> {
      const r = await pool.query<InstallationRow>('SELECT * FROM installations WHERE uninstalled_at IS NULL ORDER BY tenant_id');
      return r.rows.map(toInstallation);
    },
  };
  return store satisfies ReturnType<typeof installationsStore>;
}
