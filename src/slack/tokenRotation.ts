// Token rotation (many-workspace mode, when the app turns it on): Bolt's InstallProvider refreshes a
// bot token that expires within two hours while it authorizes a request. Two replicas doing that at
// once trade the same refresh token twice, and Slack refuses the second (node-slack-sdk #2504). Here an
// authorization that may refresh holds the tenant's refresh lock (a PostgreSQL advisory lock across
// replicas, a lock in this process on SQLite): the replica that waited then reads the token the first
// one stored, which no longer needs refreshing.
import type { Authorize, AuthorizeResult, AuthorizeSourceData } from '@slack/bolt';
import type { InstallationsStore } from '../services/store';
import type { Clock } from '../services/ports';
import { tenantOfQuery } from './installationStore';

/** InstallProvider's own window: a token expiring within it is refreshed before it is used. */
const EXPIRY_WINDOW_MS = 2 * 60 * 60 * 1000;
/** Our margin on top of it, so that a token the lock-free path hands out is never one Bolt refreshes. */
const MARGIN_MS = 5 * 60 * 1000;

export interface RotationWatch {
  /** Told by the installation store each fetched installation's bot token expiry (epoch seconds), if it rotates. */
  seen(tenantId: string, expiresAtSeconds: number | undefined): void;
  /**
   * `inner` (the InstallProvider's authorize) run under the tenant's refresh lock whenever the token
   * might need refreshing: a tenant not seen yet, or one whose token expires within the window. Every
   * other request goes straight through, so a tenant without rotation never waits on a lock.
   */
  authorize(inner: (source: AuthorizeSourceData<boolean>) => Promise<AuthorizeResult>): Authorize<boolean>;
}

/** `clock` is real time: Slack's expiry, and InstallProvider's check of it, are. */
export function rotationWatch(installations: Pick<InstallationsStore, 'whileRefreshing'>, clock: Clock): RotationWatch {
  // tenant -> epoch ms its bot token expires (null: it does not rotate).
  const expiry = new Map<string, number | null>();
  return {
    seen(tenantId, expiresAt) {
      expiry.set(tenantId, expiresAt === undefined ? null : expiresAt * 1000);
    },
    authorize: (inner) => async (source) => {
      const tenant = tenantOfQuery(source);
      if (!tenant) return inner(source);
      const at = expiry.get(tenant);
      const mayRefresh = at === undefined || (at !== null && at - clock.now() <= EXPIRY_WINDOW_MS + MARGIN_MS);
      return mayRefresh ? installations.whileRefreshing(tenant, () => inner(source)) : inner(source);
    },
  };
}
