// Many-workspace mode's installs over time: an uninstall stops the tenant at once and keeps its data for
// the org's retention period (a reinstall inside it resumes where it stopped); after it, the data goes.
import type { Clock } from './ports';
import type { InstallationsStore, Store, TenantStores } from './store';
import type { Log } from '../logger';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface Uninstalls {
  /** app_uninstalled, sent by Slack at `sentAt` (epoch ms). */
  uninstalled(tenantId: string, sentAt: number): Promise<void>;
  /** tokens_revoked: the bot's token (the tenant stops) and/or some users' own tokens. */
  revoked(tenantId: string, sentAt: number, tokens: { bot: boolean; users: readonly string[] }): Promise<void>;
}

export interface UninstallDeps {
  installations: InstallationsStore;
  clock: Clock;
  log: Log;
  /** What runs for the tenant in this process now takes no one else. */
  markGone(tenantId: string): void;
  /** Drop one user's own token from the installation; the bot and the tenant stay. */
  forgetUserToken(tenantId: string, userId: string): Promise<void>;
}

export function uninstalls(deps: UninstallDeps): Uninstalls {
  const stop = async (tenantId: string, sentAt: number, why: string): Promise<void> => {
    // Only an install made before Slack sent this: the same event redelivered after a reinstall
    // (or a tokens_revoked trailing the app_uninstalled) leaves the new install alone.
    const first = await deps.installations.uninstall(tenantId, deps.clock.now(), sentAt);
    if (first) {
      deps.markGone(tenantId);
      deps.log.info({ tenant: tenantId, why }, 'uninstalled: every send for this workspace stopped; its data is kept for its retention period');
      return;
    }
    const now = await deps.installations.get(tenantId);
    if (now && now.uninstalledAt === null) deps.log.info({ tenant: tenantId, why }, 'an uninstall sent before the latest install was ignored');
    else deps.log.info({ tenant: tenantId, why }, 'an uninstall already recorded (or of a tenant never installed) changed nothing');
  };
  return {
    uninstalled: (tenantId, sentAt) => stop(tenantId, sentAt, 'app_uninstalled'),
    async revoked(tenantId, sentAt, tokens) {
      for (const user of tokens.users) await deps.forgetUserToken(tenantId, user);
      if (tokens.bot) await stop(tenantId, sentAt, 'tokens_revoked');
    },
  };
}

/** The tenants whose retention period is over, deleted: their tables, then their installation row. */
export async function purgeExpired(deps: {
  installations: InstallationsStore; tenants: TenantStores; clock: Clock; log: Log;
  /** The tenant's tables are gone: what this process holds of it goes too. */
  forgotten?: (tenantId: string) => void;
}): Promise<string[]> {
  const now = deps.clock.now();
  const purged: string[] = [];
  for (const gone of await deps.installations.uninstalled()) {
    if (gone.uninstalledAt === null) continue;
    try {
      const { retentionDays } = await (await deps.tenants.forTenant(gone.tenantId)).settings.get();
      if (now < gone.uninstalledAt + retentionDays * DAY_MS) continue;
      // The row first, and only while it is still this uninstall's: a reinstall since keeps its row and its data.
      if (!(await deps.installations.forget(gone.tenantId, gone.uninstalledAt))) continue;
      try {
        await deps.tenants.drop(gone.tenantId);
      } catch (err) {
        // Its row is gone, so no later pass finds it: say exactly what is left.
        deps.log.error({ err, tenant: gone.tenantId },
          `the retention period of ${gone.tenantId} is over and its installation is forgotten, but its tables could not be deleted: ` +
          'delete its schema (PostgreSQL) or file (SQLite) by hand');
        continue;
      }
      deps.forgotten?.(gone.tenantId);
      purged.push(gone.tenantId);
      deps.log.info({ tenant: gone.tenantId, retentionDays }, 'an uninstalled workspace\'s data was deleted at the end of its retention period');
    } catch (err) {
      deps.log.error({ err, tenant: gone.tenantId }, 'could not delete an uninstalled workspace\'s data; trying again later');
    }
  }
  return purged;
}

/**
 * Upgrading from one workspace: the main database still holds that workspace's people and entries.
 * The first install of that workspace (`teamId` is theirs), or of an org they belong to (no `teamId`:
 * its token finds them in Slack), takes them over whole (TenantStores.adoptMain). Any other install
 * starts empty. A failure leaves the data where it was and is logged: the install itself goes on.
 */
export async function adoptSingleWorkspace(
  deps: { main: Pick<Store, 'people'>; tenants: TenantStores; log: Log; slackFinds: (userId: string) => Promise<boolean> },
  tenantId: string, install: { teamId?: string },
): Promise<void> {
  const log = deps.log.child({ tenant: tenantId });
  try {
    const people = (await deps.main.people.listAll()).filter((p) => !p.isBot);
    if (people.length === 0) return;
    const theirs = install.teamId !== undefined
      ? people.some((p) => p.teamId === install.teamId)
      : (await Promise.all(people.slice(0, 3).map((p) => deps.slackFinds(p.id)))).some(Boolean);
    if (!theirs) {
      log.info({ people: people.length }, 'this database holds another workspace\'s single-workspace data; this installation starts empty');
      return;
    }
    const moved = await deps.tenants.adoptMain(tenantId);
    if (moved) log.info({ moved }, 'the single-workspace data of this database is now this installation\'s');
  } catch (err) {
    log.error({ err }, 'could not move the single-workspace data to this installation; it stays in the main database');
  }
}
