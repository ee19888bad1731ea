// Bolt's InstallationStore over the store port (many-workspace mode): the InstallProvider saves each
// OAuth install here and authorizes every request and job from it. The tenant of an installation is
// its enterprise for an org-wide (Enterprise Grid) install and its workspace otherwise, so a query from
// any workspace of an org-wide install finds the one installation.
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import { TENANT_ID, type InstallationsStore } from '../services/store';
import type { Clock } from '../services/ports';

export class NoInstallationError extends Error {
  constructor(tenant: string | undefined) {
    super(tenant ? `Ballast is not installed for ${tenant}` : 'the request names no team or enterprise');
    this.name = 'NoInstallationError';
  }
}

/**
 * What Ballast adds to the installation it stores: when this install was made. Bolt hands the fetched
 * installation back to storeInstallation after a token rotation; the mark tells that refresh from a
 * new install, so a refresh racing an uninstall cannot bring the tenant back.
 */
type Stored = Installation & { ballastInstalledAt?: number };

/** The tenant an installation belongs to. */
export function tenantOfInstallation(i: Installation): string {
  const id = i.isEnterpriseInstall ? i.enterprise?.id : i.team?.id;
  if (!id) throw new Error(i.isEnterpriseInstall ? 'an org-wide installation without an enterprise id' : 'an installation without a team id');
  return id;
}

/** The tenant a request or job asks for; undefined when the query names none, or nothing Slack would send. */
export function tenantOfQuery(q: InstallationQuery<boolean>): string | undefined {
  const id = q.isEnterpriseInstall ? q.enterpriseId : q.teamId;
  return id && TENANT_ID.test(id) ? id : undefined;
}

/** The installation as a request of `userId` may see it: another person's user token stays out. */
function forUser(i: Stored, userId: string | undefined): Installation {
  const { ballastInstalledAt: _mark, ...installation } = i;
  if (installation.user?.token === undefined || installation.user.id === userId) return installation;
  return { ...installation, user: { id: installation.user.id, token: undefined, scopes: undefined } };
}

/** Told of every installation fetched: its tenant and its bot token's expiry (epoch seconds) when tokens rotate. */
export type OnFetched = (tenantId: string, botExpiresAt: number | undefined) => void;

/** Told of a tenant's very first install, before it is stored (so no request can reach the tenant yet). */
export type OnFirstInstall = (tenantId: string, installation: Installation) => Promise<void>;

export function installationStore(
  store: { installations: InstallationsStore }, clock: Clock, onFetched?: OnFetched, onFirstInstall?: OnFirstInstall,
): InstallationStore {
  return {
    async storeInstallation(installation) {
      const tenantId = tenantOfInstallation(installation);
      const mark = (installation as Stored).ballastInstalledAt;
      if (mark !== undefined) {
        // A token rotation of the install made at `mark`: only its tokens change, and only while it stands.
        // A user token kept from the request that refreshed (forUser) is taken from what is stored.
        const found = await store.installations.get(tenantId);
        const stored = found?.installation ? (JSON.parse(found.installation) as Stored) : undefined;
        const user = installation.user.token === undefined && stored?.user?.id === installation.user.id ? stored.user : installation.user;
        await store.installations.refresh(tenantId, JSON.stringify({ ...installation, user }), mark);
        return;
      }
      if (onFirstInstall && !(await store.installations.get(tenantId))) await onFirstInstall(tenantId, installation);
      // Whole milliseconds, as both databases keep them: the mark must equal the row's installed_at.
      const now = Math.floor(clock.now());
      await store.installations.save({
        tenantId,
        teamId: installation.team?.id ?? null,
        enterpriseId: installation.enterprise?.id ?? null,
        isEnterpriseInstall: Boolean(installation.isEnterpriseInstall),
        installerUserId: installation.user.id,
        botUserId: installation.bot?.userId ?? null,
        installation: JSON.stringify({ ...installation, ballastInstalledAt: now } satisfies Stored),
      }, now);
    },
    async fetchInstallation(query) {
      const tenant = tenantOfQuery(query);
      const found = tenant ? await store.installations.get(tenant) : undefined;
      if (!found?.installation) throw new NoInstallationError(tenant ?? undefined);
      const stored = JSON.parse(found.installation) as Stored;
      onFetched?.(tenant!, stored.bot?.refreshToken ? stored.bot.expiresAt : undefined);
      // Bolt's token rotation hands back what it fetched: the mark must stay on it (storeInstallation).
      return { ...forUser(stored, query.userId), ballastInstalledAt: stored.ballastInstalledAt } as Installation;
    },
    async deleteInstallation(query) {
      const tenant = tenantOfQuery(query);
      if (!tenant) return;
      // A user's own token revoked (tokens_revoked naming users): the bot, and so the tenant, stays.
      if (query.userId) {
        const found = await store.installations.get(tenant);
        if (!found?.installation) return;
        const stored = JSON.parse(found.installation) as Stored;
        if (stored.user?.id !== query.userId || stored.user.token === undefined || stored.ballastInstalledAt === undefined) return;
        const withoutUser = { ...stored, user: { id: stored.user.id, token: undefined, scopes: undefined } };
        await store.installations.refresh(tenant, JSON.stringify(withoutUser), stored.ballastInstalledAt);
        return;
      }
      await store.installations.uninstall(tenant, Math.floor(clock.now()));
    },
  };
}
