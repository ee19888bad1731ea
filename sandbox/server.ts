/**
 * `startSandbox`: the fake Slack seeded with a small company, the real Ballast pointed at it with its
 * own database and a clock the page controls, and the page itself on localhost.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import ts from 'typescript';
import { loadConfig } from '../src/config';
import { startBallast, type Ballast } from '../src/main';
import { JOBS } from '../src/jobs';
import { JOB_NAMES, type JobName, type JobReport } from '../src/jobs/types';
import { systemClock } from '../src/clock';
import { instantLabel } from '../src/slack/blocks/format';
import type { Weekday } from '../src/core/types';
import { FRIDAY, checkinTimeOf } from '../src/core/schedule';
import { startFakeSlack, type FakeSlack } from '../test/support/fakeSlack';
import { createSlackClient } from '../test/support/signer';
import { JUMPS, SandboxClock, jumpTarget, type Jump } from './clock';
import { emojiSheetPath, EMOJI_SHEET_URL, slackEmoji } from './emoji';
import { COMMUNITY_CHANNEL, COMMUNITY_POSTS, COMPANY, seedCompany } from './seed';
import { Workspace, type RawState, type Where } from './workspace';

export const DEFAULT_DB_PATH = './sandbox-data/sandbox.db';
const PUBLIC = path.join(__dirname, 'public');

export interface SandboxOptions {
  /** Port of the page; 0 picks a free one. Default 4000. */
  port?: number;
  /** The sandbox's own SQLite file, deleted and recreated at start. Default `./sandbox-data/sandbox.db`. */
  dbPath?: string;
  /** Where the clock starts (epoch ms or ISO); default the real now. */
  now?: number | string;
  /** Ballast's log level; its log goes to `ballast.log` next to the database. */
  logLevel?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

export interface JumpResult {
  now: number;
  label: string;
  reports: JobReport[];
  /** Jobs Ballast does not have yet in this build. */
  missing: JobName[];
  failures: string[];
}

export interface Sandbox {
  url: string;
  port: number;
  fake: FakeSlack;
  ballast: Ballast;
  clock: SandboxClock;
  workspace: Workspace;
  dbPath: string;
  /** Moves the clock as the page's buttons do and runs every registered job for that instant. */
  jump(user: string, jump: Jump): Promise<JumpResult>;
  close(): Promise<void>;
}

function freshDatabase(dbPath: string): void {
  fs.mkdirSync(path.dirname(path.resolve(dbPath)), { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${dbPath}${suffix}`, { force: true });
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const dbPath = opts.dbPath ?? DEFAULT_DB_PATH;
  freshDatabase(dbPath);
  const start = opts.now === undefined ? systemClock.now() : typeof opts.now === 'number' ? opts.now : Date.parse(opts.now);
  if (!Number.isFinite(start)) throw new Error(`sandbox: not an instant: ${String(opts.now)}`);
  const clock = new SandboxClock(start);
  const fake = await startFakeSlack({ now: () => clock.now(), teamDomain: 'ballast-sandbox' });
  const signingSecret = randomBytes(16).toString('hex');
  const logStream = fs.createWriteStream(path.join(path.dirname(path.resolve(dbPath)), 'ballast.log'));
  let ballast: Ballast;
  try {
    const config = loadConfig({
      SLACK_BOT_TOKEN: fake.token,
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: fake.apiUrl,
      PORT: '0',
      DATABASE_PATH: dbPath,
      LOG_LEVEL: opts.logLevel ?? 'info',
      // The page's clock buttons run the jobs; a cron on the real clock would fight them.
      BALLAST_SCHEDULER: 'off',
    });
    ballast = await startBallast({ config, clock, logDestination: logStream });
    await seedCompany(fake, ballast.store, clock.now());
  } catch (e) {
    await fake.close();
    logStream.end();
    throw e;
  }
  const slack = createSlackClient({
    baseUrl: `http://127.0.0.1:${ballast.port}`,
    signingSecret,
    teamId: fake.teamId,
    teamDomain: fake.teamDomain,
    apiAppId: fake.appId,
    botUserId: fake.botUserId,
    responseUrls: fake,
    strictAcks: false,
  });
  const workspace = new Workspace(fake, slack, COMPANY.map((p) => ({ id: p.id, handles: [p.name, p.realName.split(' ')[0]!] })));

  // Server-sent events: the page refreshes whenever Slack's side changed.
  const listeners = new Set<http.ServerResponse>();
  let version = 0;
  let pending: NodeJS.Timeout | undefined;
  const changed = (): void => {
    if (pending) return;
    pending = setTimeout(() => {
      pending = undefined;
      workspace.sync();
      version += 1;
      for (const res of listeners) res.write(`data: ${version}\n\n`);
    }, 15);
  };
  const unsubscribe = fake.onChange(changed);

  const lastJumps: JumpResult[] = [];
  async function jump(user: string, which: Jump): Promise<JumpResult> {
    const person = await ballast.store.people.get(user);
    const zone = person?.tz ?? 'UTC';
    const settings = await ballast.store.settings.get();
    const at = jumpTarget(which, clock.now(), zone, {
      // A check-in set before the quiet hours end goes out when they do; jump to when it really arrives.
      checkinTime: [person ? checkinTimeOf(person, settings) : settings.checkinTime, settings.quietStart].sort()[1]!,
      checkinDays: person?.checkinDays ?? [1, 2, 3, 4, 5],
      pulseDays: FRIDAY,
      digestDay: settings.digestDay as Weekday,
      digestTime: settings.digestTime,
    });
    clock.set(at);
    const result: JumpResult = { now: at, label: `${instantLabel(at, zone)} (${zone})`, reports: [], missing: [], failures: [] };
    for (const name of JOB_NAMES) {
      const job = JOBS[name];
      if (!job) {
        result.missing.push(name);
        continue;
      }
      try {
        result.reports.push(await job(ballast.deps, at, { dryRun: false }));
      } catch (err) {
        result.failures.push(`${name}: ${(err as Error).message}`);
      }
    }
    lastJumps.unshift(result);
    lastJumps.length = Math.min(lastJumps.length, 5);
    changed();
    return result;
  }

  const people = COMPANY.map((p) => ({
    id: p.id,
    name: p.realName,
    title: p.title,
    tz: p.tz,
    roles: [
      COMPANY.some((q) => q.managerId === p.id) ? 'manager' : null,
      p.role === 'lead' ? 'social lead' : p.role === 'admin' ? 'admin' : null,
      p.history.length > 0 || p.role === 'none' ? 'advocate' : null,
    ].filter(Boolean),
  }));
  const known = new Set(people.map((p) => p.id));

  async function api(route: string, body: Record<string, unknown>, query: URLSearchParams): Promise<unknown> {
    const user = String(body.user ?? query.get('user') ?? '');
    if (route !== 'bootstrap' && !known.has(user)) throw new HttpError(400, `Unknown person ${user}; pick one of the seeded people.`);
    switch (route) {
      case 'bootstrap':
        return {
          people,
          bot: { id: fake.botUserId, name: 'Ballast' },
          channel: COMMUNITY_CHANNEL,
          posts: COMMUNITY_POSTS,
          jobs: JOB_NAMES.map((n) => ({ name: n, registered: Boolean(JOBS[n]) })),
          jumps: JUMPS,
        };
      case 'state': {
        const person = COMPANY.find((p) => p.id === user)!;
        return {
          now: clock.now(),
          nowLabel: `${instantLabel(clock.now(), person.tz)} (${person.tz})`,
          jumps: lastJumps,
          ...workspace.stateOf(user),
        };
      }
      case 'command':
        return workspace.command(user, COMPANY.find((p) => p.id === user)!.name, String(body.text ?? ''));
      case 'message':
        return workspace.dmMessage(user, String(body.text ?? ''));
      case 'action':
        return workspace.blockAction(user, body.where as Where, String(body.blockId), String(body.actionId), (body.value ?? null) as never, (body.state ?? {}) as RawState);
      case 'submit':
        return workspace.submit(user, String(body.viewId), (body.state ?? {}) as RawState);
      case 'close':
        return workspace.close(user, String(body.viewId));
      case 'home':
        return workspace.openHome(user);
      case 'shortcut':
        return workspace.globalShortcut(user);
      case 'message-shortcut':
        return workspace.messageShortcut(user, String(body.channel), String(body.ts));
      case 'clock': {
        const which = String(body.jump) as Jump;
        if (!JUMPS.includes(which)) throw new HttpError(400, `jump must be one of ${JUMPS.join(', ')}`);
        return jump(user, which);
      }
      default:
        throw new HttpError(404, `no such route: ${route}`);
    }
  }

  const emojiJson = JSON.stringify(slackEmoji());
  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      const status = err instanceof HttpError ? err.status : 500;
      if (!res.headersSent) res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error: (err as Error).message }));
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox.local');
    if (url.pathname === '/api/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(`data: ${version}\n\n`);
      listeners.add(res);
      req.on('close', () => listeners.delete(res));
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      const raw = req.method === 'POST' ? await readBody(req) : '';
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      const result = await api(url.pathname.slice(5), body, url.searchParams);
      if (req.method === 'POST') changed();
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(result));
      return;
    }
    if (url.pathname === '/emoji.json') {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'max-age=3600' });
      res.end(emojiJson);
      return;
    }
    if (url.pathname === EMOJI_SHEET_URL) {
      res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'max-age=3600' });
      await new Promise<void>((resolve, reject) => {
        fs.createReadStream(emojiSheetPath()).on('error', reject).pipe(res).on('finish', resolve);
      });
      return;
    }
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    await serveStatic(url.pathname, res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 4000, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    fake,
    ballast,
    clock,
    workspace,
    dbPath,
    jump,
    close: () =>
      (closing ??= (async () => {
        unsubscribe();
        if (pending) clearTimeout(pending);
        for (const res of listeners) res.end();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await closed;
        await ballast.stop();
        await fake.close();
        await new Promise<void>((resolve) => logStream.end(resolve));
      })()),
  };
}

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

async function serveStatic(pathname: string, res: http.ServerResponse): Promise<void> {
  const name = pathname === '/' ? 'index.html' : pathname.slice(1);
  if (!/^[a-z0-9-]+\.(html|js|css)$/.test(name)) throw new HttpError(404, 'not found');
  let body: string;
  if (name === 'render.js') {
    // The renderer is TypeScript shared with the tests; the page gets it with the types stripped.
    const source = await fs.promises.readFile(path.join(PUBLIC, 'render.ts'), 'utf8');
    body = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } }).outputText;
  } else {
    try {
      body = await fs.promises.readFile(path.join(PUBLIC, name), 'utf8');
    } catch {
      throw new HttpError(404, 'not found');
    }
  }
  res.writeHead(200, { 'content-type': TYPES[path.extname(name)] ?? 'text/plain', 'cache-control': 'no-store' });
  res.end(body);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
