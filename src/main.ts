// Composition root: config → logger → database + migrations → Bolt app → listeners → scheduler → start.
import type { Server } from 'node:http';
import { WebClient } from '@slack/web-api';
import { App, HTTPReceiver, SocketModeReceiver, type Receiver } from '@slack/bolt';
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
  /** The HTTP port actually bound (HTTP mode), useful when PORT=0. */
  port: number | null;
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
    });
    receiver = http;
  }
  const client = new WebClient(config.botToken, clientOptions);
  const installation = singleWorkspace(config.botToken, async () => {
    const r = await client.auth.test();
    return { botUserId: r.user_id, botId: r.bot_id, teamId: r.team_id };
  }, log);
  // convoStore false: nothing in Ballast reads context.conversation, and Bolt's default in-memory store
  // costs every request a lookup that fails by throwing (an Error with its stack) plus a debug line.
  const app = new App({
    authorize: installation.authorize, receiver: new EdgeReceiver(receiver, log), logger, clientOptions, convoStore: false,
  });

  const deps: ListenerDeps = {
    ...composeDeps({ config, store, clock, log, client, slackHooks: tokenAlarm(log) }),
    ackBudgetMs: opts.ackBudgetMs ?? 2500,
    homeSections: [teamHomeSection, assignmentBoard, adminHomeSection],
    inFlight: inFlight(),
  };
  app.use(withoutNulBytes);
  app.use(sameTeamOnly(installation.installedTeam, log));
  app.use(dedupeEvents(deps));
  registerListeners(app, deps);
  app.error(async (err) => {
    log.error({ err }, 'unhandled error in a listener');
  });

  let port: number | null = null;
  if (http) {
    const server = (await app.start(config.port)) as Server;
    const addr = server.address();
    port = typeof addr === 'object' && addr ? addr.port : config.port;
    log.info({ port, mode: 'http' }, 'Ballast is listening');
  } else {
    await app.start();
    log.info({ mode: 'socket' }, 'Ballast is connected over Socket Mode');
  }

  const scheduler = config.scheduler ? createScheduler(deps) : null;
  scheduler?.start();

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      log.info('shutting down');
      // No new ticks; a pass in progress finishes before the database closes under it.
      await scheduler?.stop();
      try {
        // Bolt's Socket Mode stop() only starts the close handshake; wait for it (briefly) so the
        // socket is really closed before the database is.
        const closed = socket ? socketClosed(socket) : undefined;
        await app.stop();
        await closed;
      } catch (err) {
        log.warn({ err }, 'receiver did not stop cleanly');
      }
      // What listeners started after their acks (DMs, warnings) finishes before the database closes.
      await deps.inFlight?.settled();
      await store.close();
      log.info('stopped');
    })());

  return { app, store, raw, deps, log, scheduler, port, stop, settled: () => deps.inFlight!.settled() };
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
