// The composition of many-workspace mode (DESIGN.md, deployment shape 3; docs/TENANCY.md): Bolt's
// InstallProvider over the installations table, a store per tenant, the tenant scope requests and jobs
// run in, and what an uninstall stops. main.ts adds it to the one app when SLACK_CLIENT_ID is set.
import type { Authorize, AuthorizeSourceData, HTTPReceiver, HTTPReceiverOptions } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import { boltLogger } from './logger';
import { slackPort, webClientOptions } from './slack/webApi';
import type { Config, OAuthConfig } from './config';
import type { Log } from './logger';
import type { Clock } from './services/ports';
import type { Store, TenantStores } from './services/store';
import { openTenantStoresFor, tenantRegistry, type TenantRegistry } from './composition';
import { createTenancy, type Tenancy } from './tenancy';
import { installationStore } from './slack/installationStore';
import { rotationWatch } from './slack/tokenRotation';
import { systemClock } from './clock';
import { BOT_SCOPES } from './slack/scopes';
import { adoptSingleWorkspace, purgeExpired, uninstalls, type Uninstalls } from './services/installs';
import type { TenantRun } from './jobs/scheduler';

type InstallProvider = NonNullable<HTTPReceiver['installer']>;

const PURGE_EVERY_MS = 60 * 60 * 1000;

export interface ManyWorkspaces {
  tenancy: Tenancy;
  tenants: TenantStores;
  registry: TenantRegistry;
  uninstalls: Uninstalls;
  /** What the HTTP receiver needs to serve /slack/install and /slack/oauth_redirect. */
  receiverOptions: Partial<HTTPReceiverOptions>;
  /** Authorize from the installations table, one token refresh at a time per tenant (src/slack/tokenRotation.ts). */
  authorize(installer: InstallProvider): Authorize<boolean>;
  /** The tenants installed now, each run with the token `authorize` gives it (refreshed if it rotates). */
  installedTenants(authorize: Authorize<boolean>): Promise<TenantRun[]>;
  /** After a scheduler pass: at most hourly, delete the tenants whose retention period is over. */
  afterPass(): Promise<void>;
}

export function manyWorkspaces(config: Config, oauth: OAuthConfig, store: Store, clock: Clock, log: Log): ManyWorkspaces {
  const tenancy = createTenancy();
  const tenants = openTenantStoresFor(config);
  const registry = tenantRegistry({ config, main: store, tenants, log, clock });
  const rotation = rotationWatch(store.installations, systemClock);
  const installations = installationStore(store, clock, (tenant, expiresAt) => rotation.seen(tenant, expiresAt),
    (tenant, installation) => {
      // An org-wide install's own token is asked whether it sees someone: before it is stored, no tenant's port has it.
      const slack = slackPort(new WebClient(installation.bot?.token, webClientOptions(config.apiUrl, { logger: boltLogger(log, 'web-api') })));
      const slackFinds = (userId: string) => slack.userInfo(userId).then(() => true, () => false);
      return adoptSingleWorkspace({ main: store, tenants, log, slackFinds }, tenant,
        { teamId: installation.isEnterpriseInstall ? undefined : installation.team?.id });
    });
  const gone = uninstalls({
    installations: store.installations, clock, log, markGone: (id) => registry.markGone(id),
    forgetUserToken: (tenantId, userId) => installations.deleteInstallation!(
      tenantId.startsWith('E')
        ? { enterpriseId: tenantId, teamId: undefined, isEnterpriseInstall: true, userId }
        : { teamId: tenantId, enterpriseId: undefined, isEnterpriseInstall: false, userId }),
  });
  let lastPurge = Number.NEGATIVE_INFINITY;
  return {
    tenancy, tenants, registry, uninstalls: gone,
    receiverOptions: {
      clientId: oauth.clientId,
      clientSecret: oauth.clientSecret,
      // Signs the state of /slack/install, so the replica that serves the redirect can verify it.
      stateSecret: oauth.stateSecret,
      scopes: [...BOT_SCOPES],
      installationStore: installations,
      installerOptions: {
        // /slack/install goes straight to Slack's consent screen (no page of our own in between).
        directInstall: true,
        clientOptions: { slackApiUrl: config.apiUrl },
      },
    },
    authorize: (installer) => rotation.authorize((source) => installer.authorize(source)),
    async installedTenants(authorize) {
      const installed = await store.installations.installed();
      return installed.map((r): TenantRun => ({
        id: r.tenantId,
        async run(fn) {
          const auth = await authorize({
            teamId: r.teamId ?? undefined, enterpriseId: r.enterpriseId ?? undefined, isEnterpriseInstall: r.isEnterpriseInstall,
          } as AuthorizeSourceData<boolean>, undefined);
          if (!auth.botToken) throw new Error(`the installation of ${r.tenantId} holds no bot token`);
          const tenant = await registry.tenant({ tenantId: r.tenantId, botToken: auth.botToken });
          return tenancy.run(tenant, fn);
        },
      }));
    },
    async afterPass() {
      const now = clock.now();
      if (now - lastPurge < PURGE_EVERY_MS) return;
      lastPurge = now;
      await purgeExpired({ installations: store.installations, tenants, clock, log, forgotten: (id) => registry.forget(id) });
    },
  };
}
