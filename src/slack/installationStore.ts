// Bolt's InstallationStore over the store port (many-workspace mode): the InstallProvider saves each
// OAuth install here and authorizes every request and job from it. The tenant of an installation is
// its enterprise for an org-wide (Enterprise Grid) install and its workspace otherwise, so a query from
// any workspace of an org-wide install finds the one installation.
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { InstallationsStore } from '../services/store';
import type { Clock } from '../services/ports';

export class NoInstallationError extends Error {
  constructor(tenant: string | undefined) {
    super(tenant ? `Ballast is not installed for ${tenant}` : 'the request names no team or enterprise');
    this.name = 'NoInstallationError';
  }
}

/** The tenant an installation belongs to. */
export function tenantOfInstallation(i: Installation): string {
  const id = i.isEnterpriseInstall ? i.enterprise?.id : i.team?.id;
  if (!id) throw new Error(i.isEnterpriseInstall ? 'an org-wide installation without an enterprise id' : 'an installation without a team id');
  return id;
}

/** The tenant a request or job asks for; undefined when the query names none. */
export function tenantOfQuery(q: InstallationQuery<boolean>): string | undefined {
  return (q.isEnterpriseInstall ? q.enterpriseId : q.teamId) || undefined;
}

export function installationStore(store: { installations: InstallationsStore }, clock: Clock): InstallationStore {
  return {
    async storeInstallation(installation) {
      await store.installations.save({
        tenantId: tenantOfInstallation(installation),
        teamId: installation.team?.id ?? null,
        enterpriseId: installation.enterprise?.id ?? null,
        isEnterpriseInstall: Boolean(installation.isEnterpriseInstall),
        installerUserId: installation.user.id,
        botUserId: installation.bot?.userId ?? null,
        installation: JSON.stringify(installation),
      }, clock.now());
    },
    async fetchInstallation(query) {
      const tenant = tenantOfQuery(query);
      const found = tenant ? await store.installations.get(tenant) : undefined;
      if (!found?.installation) throw new NoInstallationError(tenant);
      return JSON.parse(found.installation) as Installation<'v1' | 'v2', boolean>;
    },
    async deleteInstallation(query) {
      const tenant = tenantOfQuery(query);
      if (tenant) await store.installations.uninstall(tenant, clock.now());
    },
  };
}
