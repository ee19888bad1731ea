// Composition root: config → logger → database + migrations → Bolt app → listeners → scheduler → start.
import type { Server } from 'node:http';
import { App, HTTPReceiver, SocketModeReceiver, type Receiver } from '@slack/bolt';
import type { DestinationStream } from 'pino';
import { ConfigError, loadConfig, type Config } from './config';
import { boltLogger, createLogger, type Log } from './logger';
import { openStore, type Store } from './store';
import { slackPort, webClientOptions } from './slack/webApi';
import { registerListeners } from './slack/listeners';
import type { ListenerDeps } from './slack/listeners/context';
import type { Clock } from './services/ports';
import { systemClock } from './clock';
import { createScheduler, type Scheduler } from './jobs/scheduler';
import { warningsAfterLog } from './services/warnings';
import { assignmentBoard } from './slack/assignmentBoard';
import { adminHomeSection, teamHomeSection } from './slack/homeSections';


export interface StartOptions {
  config: Config;
  clock?: Clock;
  /** Where logs go (tests capture them); stdout by default. */
  logDestination?: DestinationStream;
  /** Overrides for tests: how long a command works before acking early. */
  ackBudgetMs?: number;
}

export interface Ballast {
  app: App;
  store: Store;
  deps: ListenerDeps;
  log: Log;
  /** Present when BALLAST_SCHEDULER=on. */
  scheduler: Scheduler | null;
  /** The HTTP port actually bound (HTTP mode), useful when PORT=0. */
  port: number | null;
  stop(): Promise<void>;
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

export async function startBallast(opts: StartOptions): Promise<Ballast> {
  const { config } = opts;
  const clock = opts.clock ?? systemClock;
  const log = createLogger({
    level: config.logLevel,
    secrets: [config.botToken, config.appToken ?? '', config.signingSecret ?? ''],
    destination: opts.logDestination,
  });
  const { store, migration } = openStore(config.databasePath);
  if (migration.applied.length) log.info({ applied: migration.applied, version: migration.to }, 'database migrated');

  const logger = boltLogger(log);
  const clientOptions = webClientOptions(config.apiUrl, { logger: boltLogger(log, 'web-api') });
  let receiver: Receiver;
  let http: HTTPReceiver | undefined;
  if (config.appToken) {
    receiver = new SocketModeReceiver({
      appToken: config.appToken,
      logger,
      installerOptions: { clientOptions: { slackApiUrl: config.apiUrl }, port: config.port },
      customRoutes: [healthRoute(store)],
    });
  } else {
    http = new HTTPReceiver({
      signingSecret: config.signingSecret!,
      endpoints: '/slack/events',
      logger,
      customRoutes: [healthRoute(store)],
      processBeforeResponse: false,
      unhandledRequestTimeoutMillis: 3001,
    });
    receiver = http;
  }
  const app = new App({ token: config.botToken, receiver, logger, clientOptions });

  const deps: ListenerDeps = {
    store,
    slack: slackPort(app.client),
    clock,
    log,
    config: { admins: config.admins },
    ackBudgetMs: opts.ackBudgetMs ?? 2500,
    homeSections: [teamHomeSection, assignmentBoard, adminHomeSection],
    afterLog: [warningsAfterLog],
  };
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
        await app.stop();
      } catch (err) {
        log.warn({ err }, 'receiver did not stop cleanly');
      }
      await store.close();
      log.info('stopped');
    })());

  return { app, store, deps, log, scheduler, port, stop };
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
