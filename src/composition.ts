// The one composition: how the app (main.ts), the ops CLI (cli/), the sandbox and the benches bind the
// services' ports to SQLite, Slack's Web API, the logger and the clock. Each entry point adds only
// what is its own (a receiver, a scheduler, a command), so their copies cannot drift apart.
import type { DestinationStream } from 'pino';
import { WebClient, type WebClientOptions } from '@slack/web-api';
import { secretsOf, type Config } from './config';
import { boltLogger, createLogger, type Log } from './logger';
import { openSqliteStore } from './store';
import { openPostgresStore } from './store/postgres';
import type { Db, MigrationResult } from './store/db';
import type { Store, TenantStores } from './services/store';
import { sqliteTenantStores } from './store/tenants';
import { postgresTenantStores } from './store/postgres/tenants';
import { openPool } from './store/postgres/db';
import type { Tenant } from './tenancy';
import type { Clock, Deps, SlackPort } from './services/ports';
import { sharedHoldsFetch, slackPort, webClientOptions, type SlackPortHooks } from './slack/webApi';
import { warningsAfterLog } from './services/warnings';

/** What the composition reads from the config; a bench or test passes just these. */
export type ComposeConfig = Pick<Config, 'botToken' | 'apiUrl' | 'admins' | 'logLevel'> &
  Partial<Pick<Config, 'appToken' | 'signingSecret' | 'databaseUrl'>>;

/** Every configured secret (config.ts says which): the logger scrubs each one from whatever it prints. */
export { secretsOf } from './config';

export function composeLogger(
  config: ComposeConfig, opts: { destination?: DestinationStream; level?: string } = {},
): Log {
  return createLogger({ level: opts.level ?? config.logLevel, secrets: secretsOf(config), destination: opts.destination });
}

/**
 * The Web API client's options, pointed at SLACK_API_URL, logging into `log`; with a store, every call
 * shares one rate-limit budget with the other replicas on its database (sharedHoldsFetch).
 */
export function composeClientOptions(config: ComposeConfig, log: Log, store?: Pick<Store, 'slackHolds'>): WebClientOptions {
  return webClientOptions(config.apiUrl, {
    logger: boltLogger(log, 'web-api'),
    ...(store ? { fetch: sharedHoldsFetch(config.apiUrl, store.slackHolds, { log }) } : {}),
  });
}

/** The Web API client every Slack call goes through (composeClientOptions). */
export function composeWebClient(config: ComposeConfig, log: Log, store?: Pick<Store, 'slackHolds'>): WebClient {
  return new WebClient(config.botToken, composeClientOptions(config, log, store));
}

/** The raw connection behind the store: only the composition, the test support and SQLite benches see it. */
export interface RawDatabase {
  kind: 'sqlite';
  db: Db;
}

/**
 * The configured database, migrated. `store` is typed as the port: this assignment is where tsc
 * proves the SQLite store implements it.
 */
export function openConfiguredStore(config: Pick<Config, 'databasePath'>): {
  store: Store; raw: RawDatabase; migration: MigrationResult;
} {
  const { store, raw, migration } = openSqliteStore(config.databasePath);
  const port: Store = store;
  return { store: port, raw: { kind: 'sqlite', db: raw }, migration };
}

/**
 * The database the app and the CLI run on: PostgreSQL when DATABASE_URL is set (DATABASE_PATH is then
 * ignored), else the SQLite file. Only SQLite hands out a raw connection (for its tests and benches).
 */
export async function openStoreFor(config: Pick<Config, 'databasePath' | 'databaseUrl'>): Promise<{
  store: Store; raw: RawDatabase | null; migration: MigrationResult;
}> {
  if (config.databaseUrl) {
    const { store, migration } = await openPostgresStore(config.databaseUrl);
    const port: Store = store;
    return { store: port, raw: null, migration };
  }
  return openConfiguredStore(config);
}

export interface ComposeParts {
  config: ComposeConfig;
  store: Store;
  clock: Clock;
  log: Log;
  /** The Web API client (main.ts shares it with Bolt); built from the config when absent. */
  client?: WebClient;
  /** Hooks on every Slack call (main.ts's token alarm). */
  slackHooks?: SlackPortHooks;
  /** A Slack port of one's own (a bench that measures without Slack). */
  slack?: SlackPort;
  stopping?: () => boolean;
}

/** The services' deps, the same for every entry point: warnings after a log, admins from the config. */
export function composeDeps(parts: ComposeParts): Deps {
  const slack = parts.slack ?? slackPort(parts.client ?? composeWebClient(parts.config, parts.log, parts.store), parts.slackHooks);
  return {
    store: parts.store,
    slack,
    clock: parts.clock,
    log: parts.log,
    config: { admins: parts.config.admins },
    afterLog: [warningsAfterLog],
    stopping: parts.stopping,
  };
}

/** Where each tenant's tables live (many-workspace mode): a schema per tenant on PostgreSQL, a file beside the main one on SQLite. */
export function openTenantStoresFor(config: Pick<Config, 'databasePath' | 'databaseUrl'>): TenantStores {
  if (!config.databaseUrl) return sqliteTenantStores(config.databasePath);
  // Creating schemas is rare (a tenant's first request): one connection does.
  const admin = openPool(config.databaseUrl, { max: 1, idleTimeoutMillis: 10_000 });
  const stores = postgresTenantStores(config.databaseUrl, admin);
  return {
    forTenant: (id, opts) => stores.forTenant(id, opts),
    adoptMain: (id) => stores.adoptMain(id),
    drop: (id) => stores.drop(id),
    async close() {
      await stores.close();
      if (!admin.ended) await admin.end();
    },
  };
}

/** What a request or job knows of its installation: its tenant, the bot token it was authorized with, the installer. */
export interface TenantAuth {
  tenantId: string;
  botToken: string;
}

export interface TenantRegistry {
  /** The tenant behind an authorized token: its store (opened and migrated on first use) and a Slack port with that token. */
  tenant(auth: TenantAuth): Promise<Tenant>;
  /** The tenant uninstalled: what runs for it with its current token now takes no one else (Tenant.gone). */
  markGone(tenantId: string): void;
  /** The tenant's tables were deleted (its retention over): forget what this process holds of it. */
  forget(tenantId: string): void;
}

/** How long a tenant's installer (its admin) is trusted before it is read again: a re-consent by someone else shows within it. */
const TENANT_TTL_MS = 60_000;

/**
 * Tenants as the requests and jobs of one process meet them, each remembered with its token for a
 * minute. A token Slack refused, or whose tenant uninstalled, stays refused for every Tenant made with it
 * (a pass that started earlier stops too); a reinstall comes with a new token, and so a fresh start.
 * Each tenant's Slack calls share a rate-limit budget with the other replicas through its own tables
 * (Slack limits each workspace apart).
 */
export function tenantRegistry(parts: {
  config: ComposeConfig; main: Pick<Store, 'installations'>; tenants: TenantStores; log: Log; clock: Clock;
}): TenantRegistry {
  const known = new Map<string, { token: string; madeAt: number; tenant: Promise<Tenant> }>();
  const refused = new Set<string>();
  const make = async ({ tenantId, botToken }: TenantAuth, recheck: boolean): Promise<Tenant> => {
    const [store, record] = await Promise.all([
      parts.tenants.forTenant(tenantId, { recheck }), parts.main.installations.get(tenantId),
    ]);
    const log = parts.log.child({ tenant: tenantId });
    const client = new WebClient(botToken, webClientOptions(parts.config.apiUrl, {
      logger: boltLogger(log, 'web-api'), fetch: sharedHoldsFetch(parts.config.apiUrl, store.slackHolds, { log }),
    }));
    return {
      id: tenantId, store, admins: record?.installerUserId ? [record.installerUserId] : [],
      get gone() {
        return refused.has(botToken);
      },
      slack: slackPort(client, {
        onTokenFailure(code, method) {
          if (refused.has(botToken)) return;
          refused.add(botToken);
          log.error({ code, method }, `Slack refuses the token of tenant ${tenantId} (${code}): it stops until it is installed again`);
        },
      }),
    };
  };
  return {
    async tenant(auth) {
      const cached = known.get(auth.tenantId);
      const now = parts.clock.now();
      if (cached?.token === auth.botToken && now - cached.madeAt < TENANT_TTL_MS) return cached.tenant;
      // A new token (a reinstall) may follow another replica's deletion of the tenant's tables: look again.
      const entry = { token: auth.botToken, madeAt: now, tenant: make(auth, cached?.token !== auth.botToken) };
      known.set(auth.tenantId, entry);
      // A tenant that could not be opened (its database away) is tried again by the next request.
      entry.tenant.catch(() => known.get(auth.tenantId) === entry && known.delete(auth.tenantId));
      return entry.tenant;
    },
    markGone(tenantId) {
      const entry = known.get(tenantId);
      known.delete(tenantId);
      if (entry) refused.add(entry.token);
    },
    forget(tenantId) {
      known.delete(tenantId);
    },
  };
}
