// Starts the real Ballast (HTTP receiver, SQLite in a temp folder) against the fake Slack, with a test clock.
// Under the jest project "postgres" (BALLAST_TEST_DB=postgres, see jest.config.js) the same app runs on
// a fresh PostgreSQL database instead (test/support/testDb.ts), so the end-to-end suites cover both.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config';
import { startBallast, type Ballast, type StartOptions } from '../../src/main';
import { FAKE_CLIENT, startFakeSlack, type FakeSlack, type FakeSlackOptions } from './fakeSlack';
import { createSlackClient, type SlackClient, type SlackClientOptions } from './signer';
import { everyoneMet } from './welcome';
import { databaseFor, onPostgres } from './testDb';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
/** The OAuth state secret of many-workspace test apps (every replica of one deployment shares it). */
export const STATE_SECRET = 'test-state-secret-0123456789';

export class TestClock {
  constructor(private ms: number) {}
  now(): number {
    return this.ms;
  }
  set(iso: string | number): void {
    this.ms = typeof iso === 'number' ? iso : Date.parse(iso);
  }
  advance(minutes: number): void {
    this.ms += minutes * 60_000;
  }
}

export interface TestApp {
  ballast: Ballast;
  fake: FakeSlack;
  slack: SlackClient;
  clock: TestClock;
  dir: string;
  /** The SQLite file (absent on PostgreSQL). */
  dbPath: string;
  /** The variables that point a CLI or another process at this app's database (DATABASE_PATH or DATABASE_URL). */
  dbEnv: Record<string, string>;
  /** Every log line the app wrote, as parsed JSON. */
  logs: Record<string, unknown>[];
  logText(): string;
  /** A signed client for another workspace (many-workspace mode), its requests settling like `slack`'s. */
  clientFor(workspace: Pick<SlackClientOptions, 'teamId' | 'enterpriseId' | 'enterpriseInstall' | 'botUserId'>): SlackClient;
  /** Resolves once everyone added to the fake Slack so far is recorded as welcomed (unless `newcomers`). */
  welcomeMarks(): Promise<void>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** ISO instant the clock starts at; default Thursday 2026-11-26 10:00 UTC. */
  now?: string;
  env?: Record<string, string>;
  fake?: FakeSlackOptions;
  fakeSlack?: FakeSlack;
  dir?: string;
  start?: Partial<StartOptions>;
  /**
   * When true (default), each request through `slack` resolves only once the app has finished the
   * follow-ups it started after acking (DMs, warnings, Home), so a test reads a settled world. The
   * answer's own timing is in `ackMs`. False: resolve on the answer alone.
   */
  settle?: boolean;
  /**
   * False (default): everyone in the fake Slack counts as already welcomed, so tests that predate the
   * welcome DM see exactly the DMs they expect (test/support/welcome.ts). True: first contact brings it.
   */
  newcomers?: boolean;
  /**
   * Many-workspace mode: the app gets the fake's OAuth client instead of a bot token, and serves no
   * workspace until one is installed (test/support/install.ts). Everyone is then a newcomer.
   */
  manyWorkspaces?: boolean;
}

export async function startTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const fake = opts.fakeSlack ?? (await startFakeSlack(opts.fake));
  const dir = opts.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'ballast-test-'));
  const dbPath = path.join(dir, 'ballast.db');
  // A test that names its own DATABASE_URL or DATABASE_PATH keeps it; otherwise the project's kind.
  const ownDb = opts.env?.DATABASE_URL !== undefined || opts.env?.DATABASE_PATH !== undefined;
  const pgUrl = !ownDb && onPostgres() ? await databaseFor(dir) : undefined;
  const url = opts.env?.DATABASE_URL ?? pgUrl;
  const dbEnv: Record<string, string> = url ? { DATABASE_URL: url } : { DATABASE_PATH: opts.env?.DATABASE_PATH ?? dbPath };
  const clock = new TestClock(Date.parse(opts.now ?? '2026-11-26T10:00:00Z'));
  const logs: Record<string, unknown>[] = [];
  let raw = '';
  const destination = new Writable({
    write(chunk, _enc, done) {
      const text = chunk.toString();
      raw += text;
      for (const line of text.split('\n').filter(Boolean)) {
        try {
          logs.push(JSON.parse(line));
        } catch {
          logs.push({ msg: line });
        }
      }
      done();
    },
  });
  const config = loadConfig({
    ...(opts.manyWorkspaces
      ? { SLACK_CLIENT_ID: FAKE_CLIENT.id, SLACK_CLIENT_SECRET: FAKE_CLIENT.secret, SLACK_STATE_SECRET: STATE_SECRET }
      : { SLACK_BOT_TOKEN: fake.token }),
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
    DATABASE_PATH: dbPath,
    LOG_LEVEL: 'info',
    BALLAST_SCHEDULER: 'off',
    ...(pgUrl ? { DATABASE_URL: pgUrl } : {}),
    ...opts.env,
  });
  const ballast = await startBallast({ config, clock, logDestination: destination, ...opts.start });
  const clientOf = (workspace: Pick<SlackClientOptions, 'teamId' | 'enterpriseId' | 'enterpriseInstall' | 'botUserId'>) => createSlackClient({
    baseUrl: `http://127.0.0.1:${ballast.port}`,
    signingSecret: SIGNING_SECRET,
    responseUrls: fake,
    // Signatures use real time, as Slack's do; the app's clock is only for the domain.
    // eslint-disable-next-line no-restricted-properties
    nowSeconds: () => Math.floor(Date.now() / 1000),
    ...workspace,
  });
  const client = clientOf({ teamId: fake.teamId });
  const marked = opts.newcomers || opts.manyWorkspaces ? undefined : everyoneMet(fake, ballast.store, clock);
  const sending = marked ? waitingFor(client, marked) : client;
  const slack = opts.settle === false ? sending : settling(sending, () => ballast.settled());
  return {
    ballast, fake, slack, clock, dir, dbPath, dbEnv, logs,
    logText: () => raw,
    clientFor: (workspace) => {
      const other = clientOf(workspace);
      return opts.settle === false ? other : settling(other, () => ballast.settled());
    },
    welcomeMarks: () => (marked ? marked() : Promise.resolve()),
    async close() {
      await ballast.stop();
      if (!opts.fakeSlack) await fake.close();
    },
  };
}

/** The client with every request sent only once `first` has resolved. */
function waitingFor(client: SlackClient, first: () => Promise<void>): SlackClient {
  const out: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(client)) {
    out[name] = async (...args: unknown[]) => {
      await first();
      return (fn as (...a: unknown[]) => Promise<unknown>)(...args);
    };
  }
  return out as SlackClient;
}

/** The client with every request resolving after the app's follow-ups have settled. */
function settling(client: SlackClient, settled: () => Promise<void>): SlackClient {
  const out: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(client)) {
    out[name] = async (...args: unknown[]) => {
      const res = await (fn as (...a: unknown[]) => Promise<unknown>)(...args);
      await settled();
      return res;
    };
  }
  return out as SlackClient;
}
