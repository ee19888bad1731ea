// Slack installations (migration 0006): one row per tenant, written through Bolt's InstallProvider
// (src/slack/installationStore.ts). An uninstall drops the tokens and keeps the row, so a reinstall
// finds the tenant again.
import type { Db } from './db';
import { keyedLock } from './locks';
import type { InstallationRecord, NewInstallation } from '../core/model';

export interface InstallationRow {
  tenant_id: string; team_id: string | null; enterprise_id: string | null; is_enterprise_install: number | boolean;
  installer_user_id: string; bot_user_id: string | null; installation: string | null; installed_at: number | string;
  uninstalled_at: number | string | null;
}

/** A row of either database as the port's record (PostgreSQL gives booleans and BIGINT strings). */
export const toInstallation = (r: InstallationRow): InstallationRecord => ({
  tenantId: r.tenant_id, teamId: r.team_id, enterpriseId: r.enterprise_id, isEnterpriseInstall: Boolean(r.is_enterprise_install),
  installerUserId: r.installer_user_id, botUserId: r.bot_user_id, installation: r.installation,
  installedAt: Number(r.installed_at), uninstalledAt: r.uninstalled_at === null ? null : Number(r.uninstalled_at),
});

/** Token-refresh locks of this process, by tenant (SQLite: one process serves a file). */
const refreshing = keyedLock();

export function installationsStore(db: Db) {
  const upsert = db.prepare(`
    INSERT INTO installations (tenant_id, team_id, enterprise_id, is_enterprise_install, installer_user_id, bot_user_id,
                               installation, installed_at, uninstalled_at)
    VALUES (@tenantId, @teamId, @enterpriseId, @isEnterpriseInstall, @installerUserId, @botUserId, @installation, @now, NULL)
    ON CONFLICT (tenant_id) DO UPDATE SET
      team_id = excluded.team_id, enterprise_id = excluded.enterprise_id, is_enterprise_install = excluded.is_enterprise_install,
      installer_user_id = excluded.installer_user_id, bot_user_id = excluded.bot_user_id,
      installation = excluded.installation, installed_at = excluded.installed_at, uninstalled_at = NULL`);
  const byTenant = db.prepare<[string], InstallationRow>('SELECT * FROM installations WHERE tenant_id = ?');
  const uninstall = db.prepare(
    'UPDATE installations SET installation = NULL, uninstalled_at = ? WHERE tenant_id = ? AND uninstalled_at IS NULL AND installed_at < ?');
  const uninstalled = db.prepare<[], InstallationRow>('SELECT * FROM installations WHERE uninstalled_at IS NOT NULL ORDER BY tenant_id');
  const forget = db.prepare('DELETE FROM installations WHERE tenant_id = ? AND uninstalled_at = ?');
  const refresh = db.prepare(
    'UPDATE installations SET installation = ? WHERE tenant_id = ? AND installed_at = ? AND uninstalled_at IS NULL');
  const installed = db.prepare<[], InstallationRow>('SELECT * FROM installations WHERE uninstalled_at IS NULL ORDER BY tenant_id');
  return {
    async save(i: NewInstallation, now: number): Promise<InstallationRecord> {
      upsert.run({ ...i, isEnterpriseInstall: i.isEnterpriseInstall ? 1 : 0, now });
      return toInstallation(byTenant.get(i.tenantId)!);
    },
    async refresh(tenantId: string, installation: string, installedAt: number): Promise<boolean> {
      return refresh.run(installation, tenantId, installedAt).changes === 1;
    },
    async get(tenantId: string): Promise<InstallationRecord | undefined> {
      const r = byTenant.get(tenantId);
      return r ? toInstallation(r) : undefined;
    },
    async uninstall(tenantId: string, now: number, madeBefore: number = Number.MAX_SAFE_INTEGER): Promise<boolean> {
      return uninstall.run(now, tenantId, madeBefore).changes === 1;
    },
    async uninstalled(): Promise<InstallationRecord[]> {
      return uninstalled.all().map(toInstallation);
    },
    whileRefreshing: refreshing,
    async forget(tenantId: string, uninstalledAt: number): Promise<boolean> {
      return forget.run(tenantId, uninstalledAt).changes === 1;
    },
    async installed(): Promise<InstallationRecord[]> {
      return installed.all().map(toInstallation);
    },
  };
}
