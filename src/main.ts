// Composition root: config → logger → database + migrations → Bolt app → listeners → scheduler → start.
import type { Server } from 'node:http';
import { WebClient } from '@slack/web-api';
import { App, HTTPReceiver, SocketModeReceiver, type Authorize, type Receiver } from '@slack/bolt';
import type { DestinationStream } from 'pino';
import { ConfigError, loadConfig, type Config } from './config';
import { boltLogger, type Log } from './logger';
import type { Store } from './services/store';
import { composeClientOptions, composeDeps, composeLogger, openStoreFor, type RawDatabase } from './composition';
import { registerListeners } from './slack/listeners';
import type { ListenerDeps } from './slack/listeners/context';
import type { Clock } from './services/ports';
import { systemClock } from './clock';
import { createScheduler, type Scheduler } from './jobs/scheduler';
import { assignmentBoard } from './slack/assignmentBoard';
import { EdgeReceiver, httpProcessEventErrorHandler, socketProcessEventErrorHandler } from './slack/edge';
import { dedupeEvents } from './slack/middleware/dedupeEvents';
import { sameTeamOnly } from './slack/middleware/sameTeam';
import { withoutNulBytes } from './slack/middleware/withoutNul';
import { singleWorkspace } from './slack/authorize';
import { inFlight } from './slack/listeners/followUps';
import { adminHomeSection, teamHomeSection } from './slack/homeSections';
import { manyWorkspaces } from './manyWorkspaces';
import { tenantScope } from './slack/middleware/tenantScope';
import { registerUninstalls } from './slack/listeners/events';
import type { TenantRegistry } from './composition';


export interface StartOptions {
  config: Config;
  clock?: Clock;
  /** Where logs go (tests capture them); stdout by default. */
  logDestination?: DestinationStream;
  /** Overrides for tests: how long a command works before acking early. */
  ackBudgetMs?: number;
  /** Socket Mode heartbeat overrides for tests (Bolt's defaults: 5000 and 30000 ms). */
  socketMode?: { clientPingTimeoutMs?: number; serverPingTimeoutMs?: number };
}

export interface Ballast {
  app: App;
  store: Store;
  /** The connection behind the store, for the test support (test/support/db.ts) only; null on PostgreSQL. */
  raw: RawDatabase | null;
  deps: ListenerDeps;
  log: Log;
  /** Present when BALLAST_SCHEDULER=on. */
  scheduler: Scheduler | null;
  /** The scheduler's passes whether or not it ticks by itself (`tick()` runs one now). */
  passes: Scheduler;
  /** The HTTP port actually bound (HTTP mode), useful when PORT=0. */
  port: number | null;
  /** Many-workspace mode: each tenant's store, and the tenants this process has met; null with one workspace. */
  tenants: { forTenant(tenantId: string): Promise<Store>; registry: TenantRegistry } | null;
  stop(): Promise<void>;
  /** Resolves once every follow-up listeners started after their acks (DMs, warnings, Home) has finished. */
  settled(): Promise<void>;
}

function healthRoute(store: Store) {
  return {
    path: '/healthz',
    method: ['GET'],
    handler: (_req: unknown, res: import('node:http').ServerResponse) => {
      store
        .ping()
        .then((ok) => {
          res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ ok, database: ok ? 'ok' : 'unavailable' }));
        })
        .catch(() => {
          res.writeHead(503, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ ok: false, database: 'unavailable' }));
        });
    },
  };
}

function socketClosed(socket: SocketModeReceiver, waitMs = 2000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, waitMs);
    function done(): void {
      clearTimeout(timer);
      socket.client.off('disconnected', done);
      resolve();
    }
    socket.client.once('disconnected', done);
  });
}

/** A token Slack refuses is logged once, loudly, until a call works again; requests keep being served. */
function tokenAlarm(log: Log) {
  const reported = new Set<string>();
  return {
    onTokenFailure(code: string, method: string) {
      if (reported.has(code)) return;
      reported.add(code);
      log.error({ code, method }, `Slack refuses Ballast's bot token (${code}): reinstall the app or update SLACK_BOT_TOKEN. ` +
        'Until then Ballast answers from its own database and skips what needs Slack.');
    },
    onSuccess() {
      reported.clear();
    },
  };
}

export async function startBallast(opts: StartOptions): Promise<Ballast> {
  const { config } = opts;
  const clock = opts.clock ?? systemClock;
  const log = composeLogger(config, { destination: opts.logDestination });
  const { store, raw, migration } = await openStoreFor(config);
  if (migration.applied.length) log.info({ applied: migration.applied, version: migration.to }, 'database migrated');

  const logger = boltLogger(log);
  const clientOptions = composeClientOptions(config, log, store);
  let receiver: Receiver;
  let http: HTTPReceiver | undefined;
  let socket: SocketModeReceiver | undefined;
  const many = config.oauth ? manyWorkspaces(config, config.oauth, store, clock, log) : undefined;
  if (config.appToken) {
    receiver = socket = new SocketModeReceiver({
      appToken: config.appToken,
      logger,
      // SocketModeClient builds its WebClient from these options, so apps.connections.open goes to SLACK_API_URL too.
      installerOptions: { clientOptions: { slackApiUrl: config.apiUrl }, port: config.port },
      customRoutes: [healthRoute(store)],
      clientPingTimeout: opts.socketMode?.clientPingTimeoutMs,
      serverPingTimeout: opts.socketMode?.serverPingTimeoutMs,
      processEventErrorHandler: socketProcessEventErrorHandler(log),
    });
  } else {
    http = new HTTPReceiver({
      signingSecret: config.signingSecret!,
      endpoints: '/slack/events',
      logger,
      customRoutes: [healthRoute(store)],
      processBeforeResponse: false,
      unhandledRequestTimeoutMillis: 3001,
      processEventErrorHandler: httpProcessEventErrorHandler(log),
      ...(many?.receiverOptions ?? {}),
    });
    receiver = http;
  }

  let authorize: Authorize<boolean>;
  let deps: ListenerDeps;
  const shared = {
    ackBudgetMs: opts.ackBudgetMs ?? 2500,
    homeSections: [teamHomeSection, assignmentBoard, adminHomeSection],
    inFlight: inFlight(),
  };
  const app = (a: Authorize<boolean>) =>
    // convoStore false: nothing in Ballast reads context.conversation, and Bolt's default in-memory store
    // costs every request a lookup that fails by throwing (an Error with its stack) plus a debug line.
    new App({ authorize: a, receiver: new EdgeReceiver(receiver, log), logger, clientOptions, convoStore: false });
  let bolt: App;
  if (many) {
    // Each request is authorized from its installation (Bolt's InstallProvider over the installations table).
    authorize = many.authorize(http!.installer!);
    deps = { ...composeDeps({ config, store: many.tenancy.store, slack: many.tenancy.slack, clock, log }), ...shared,
      config: many.tenancy.config, stopping: () => many.tenancy.current()?.gone ?? false };
    bolt = app(authorize);
    bolt.use(withoutNulBytes);
    // Delivery ids are Slack's own and unique across workspaces: one table in the main database.
    bolt.use(dedupeEvents({ store, clock, log }));
    bolt.use(tenantScope(many.registry, many.tenancy, log));
    registerUninstalls(bolt, many.uninstalls);
  } else {
    const client = new WebClient(config.botToken, clientOptions);
    const installation = singleWorkspace(config.botToken!, async () => {
      const r = await client.auth.test();
      return { botUserId: r.user_id, botId: r.bot_id, teamId: r.team_id };
    }, log);
    authorize = installation.authorize;
    deps = { ...composeDeps({ config, store, clock, log, client, slackHooks: tokenAlarm(log) }), ...shared };
    bolt = app(authorize);
    bolt.use(withoutNulBytes);
    bolt.use(sameTeamOnly(installation.installedTeam, log));
    bolt.use(dedupeEvents(deps));
  }
  registerListeners(bolt, deps);
  bolt.error(async (err) => {
    // A workspace that uninstalled (or never installed) still has people clicking: not Ballast's fault.
    if ((err as { code?: string }).code === 'slack_bolt_authorization_error') {
      log.warn({ err }, 'a request from a workspace Ballast is not installed in was ignored');
      return;
    }
    log.error({ err }, 'unhandled error in a listener');
  });

  let port: number | null = null;
  if (http) {
    const server = (await bolt.start(config.port)) as Server;
    const addr = server.address();
    port = typeof addr === 'object' && addr ? addr.port : config.port;
    log.info({ port, mode: 'http' }, 'Ballast is listening');
  } else {
    await bolt.start();
    log.info({ mode: 'socket' }, 'Ballast is connected over Socket Mode');
  }

  // Built either way, so a test or an operator's `jobs run` can tick it; it ticks by itself only when on.
  const passes = createScheduler(deps, many ? { tenants: () => many.installedTenants(authorize), afterPass: () => many.afterPass() } : {});
  const scheduler = config.scheduler ? passes : null;
  scheduler?.start();

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      log.info('shutting down');
      // No new ticks; a pass in progress finishes before the database closes under it.
      await passes.stop();
      try {
        // Bolt's Socket Mode stop() only starts the close handshake; wait for it (briefly) so the
        // socket is really closed before the database is.
        const closed = socket ? socketClosed(socket) : undefined;
        await bolt.stop();
        await closed;
      } catch (err) {
        log.warn({ err }, 'receiver did not stop cleanly');
      }
      // What listeners started after their acks (DMs, warnings) finishes before the database closes.
      await deps.inFlight?.settled();
      await many?.tenants.close();
      await store.close();
      log.info('stopped');
    })());

  return {
    app: bolt, store, raw, deps, log, scheduler, passes, port, stop, settled: () => deps.inFlight!.settled(),
    tenants: many ? { forTenant: (id) => many.tenants.forTenant(id), registry: many.registry } : null,
  };
}

/** Run as a process: clear one-line config errors, graceful SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      for (const p of e.problems) process.stderr.write(`config error: ${p}\n`);
      process.exit(1);
    }
    throw e;
  }
  const starting = startBallast({ config });
  // Registered in the same tick as start-up begins: a signal during start-up still drains cleanly.
  const shutdown = (signal: string) => {
    void starting
      .then(async (ballast) => {
        ballast.log.info({ signal }, 'signal received');
        await ballast.stop();
        process.exit(0);
      })
      .catch(() => process.exit(1));
  };
  // Repeated signals (an impatient orchestrator) must not cut a graceful drain short.
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  try {
    await starting;
  } catch (e) {
    process.stderr.write(`Ballast could not start: ${(e as Error).message}\n`);
    process.exit(1);
  }
}

if (require.main === module) void main();
