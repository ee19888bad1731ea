// A server for the /ballast log benchmarks, run in its own process: `ballast` (the real app on a temp
// SQLite database, against the fake Slack), `postgres` (the real app on BENCH_DATABASE_URL), `many`
// (the real app in many-workspace mode on SQLite, its workspace installed from the link), `bare`
// (a Bolt app whose command handler only acknowledges) or `floor` (a Bolt app doing the least any
// durable, once-only logging command must: record the delivery, insert the entry and read the week's
// total for the reply, on SQLite with Ballast's pragmas).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/store/db';
import { startBallast } from '../src/main';
import { FAKE_CLIENT, startFakeSlack, type FakeSlack } from '../test/support/fakeSlack';

/** Install the fake's own workspace from the link, as its admin would: the requests the bench sends come from it. */
async function installFakeWorkspace(port: number, fake: FakeSlack): Promise<void> {
  const begun = await fetch(`http://127.0.0.1:${port}/slack/install`, { redirect: 'manual' });
  const state = new URL(begun.headers.get('location')!).searchParams.get('state')!;
  fake.grant('bench-code', {
    team: { id: fake.teamId, name: 'Bench' }, isEnterpriseInstall: false, userId: 'U000000', botToken: 'xoxb-bench-installed',
    botUserId: fake.botUserId, botId: fake.botId, scopes: ['commands', 'chat:write'],
  });
  const done = await fetch(`http://127.0.0.1:${port}/slack/oauth_redirect?code=bench-code&state=${encodeURIComponent(state)}`, {
    headers: { cookie: begun.headers.get('set-cookie')!.split(';')[0] }, redirect: 'manual',
  });
  if (done.status !== 200) throw new Error(`the bench workspace could not be installed (${done.status})`);
}

export const BENCH_SECRET = 'bench-signing-secret';
export const BENCH_USERS = 50;

async function main(kind: string): Promise<void> {
  const fake = await startFakeSlack();
  for (let i = 0; i < BENCH_USERS; i++) fake.addUser({ id: `U${String(i).padStart(6, '0')}`, tz: 'Europe/Berlin' });
  let port: number;
  if (kind === 'ballast' || kind === 'postgres' || kind === 'many') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ballast-bench-'));
    const config = loadConfig({
      ...(kind === 'many'
        ? { SLACK_CLIENT_ID: FAKE_CLIENT.id, SLACK_CLIENT_SECRET: FAKE_CLIENT.secret, SLACK_STATE_SECRET: 'bench-state-secret-0123456789' }
        : { SLACK_BOT_TOKEN: fake.token }),
      SLACK_SIGNING_SECRET: BENCH_SECRET, SLACK_API_URL: fake.apiUrl, PORT: '0',
      DATABASE_PATH: path.join(dir, 'bench.db'), LOG_LEVEL: 'warn', BALLAST_SCHEDULER: 'off',
      DATABASE_URL: kind === 'postgres' ? process.env.BENCH_DATABASE_URL : undefined,
    });
    const b = await startBallast({ config });
    port = b.port!;
    if (kind === 'many') await installFakeWorkspace(port, fake);
  } else {
    const receiver = new HTTPReceiver({ signingSecret: BENCH_SECRET, endpoints: '/slack/events', logLevel: LogLevel.WARN });
    const app = new App({ token: fake.token, receiver, clientOptions: { slackApiUrl: fake.apiUrl }, logLevel: LogLevel.WARN });
    if (kind === 'floor') {
      const db = openDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ballast-bench-floor-')), 'floor.db'));
      db.exec(`CREATE TABLE seen (id TEXT PRIMARY KEY, at INTEGER NOT NULL) STRICT;
        CREATE TABLE entries (id INTEGER PRIMARY KEY, person TEXT NOT NULL, minutes INTEGER NOT NULL, note TEXT, date TEXT NOT NULL) STRICT;
        CREATE INDEX entries_person_date ON entries(person, date, minutes);`);
      const seen = db.prepare('INSERT INTO seen (id, at) VALUES (?, ?) ON CONFLICT DO NOTHING');
      const insert = db.prepare('INSERT INTO entries (person, minutes, note, date) VALUES (?, ?, ?, ?)');
      const total = db.prepare<[string, string, string], { m: number }>('SELECT COALESCE(SUM(minutes), 0) AS m FROM entries WHERE person = ? AND date BETWEEN ? AND ?');
      app.command('/ballast', async ({ ack, command }) => {
        // eslint-disable-next-line no-restricted-properties -- a baseline outside the app, no injected clock
        const now = Date.now();
        const today = new Date(now).toISOString().slice(0, 10);
        if (seen.run(command.trigger_id, now).changes === 1) insert.run(command.user_id, 5, command.text, today);
        const { m } = total.get(command.user_id, '2000-01-01', today)!;
        await ack({ response_type: 'ephemeral', text: `Logged 5m. This week: ${m}m.` });
      });
    } else {
      app.command('/ballast', async ({ ack }) => {
        await ack({ response_type: 'ephemeral', text: 'ok' });
      });
    }
    const server = (await app.start(0)) as import('node:http').Server;
    port = (server.address() as { port: number }).port;
  }
  process.on('SIGTERM', () => process.exit(0));
  // The bench asks for this process's CPU time (user + system, µs) between rounds: CPU per request
  // is a cost that other work on a shared machine disturbs far less than requests per second.
  process.on('SIGUSR2', () => {
    const u = process.cpuUsage();
    process.stdout.write(`CPU ${u.user + u.system}\n`);
  });
  process.stdout.write(`PORT ${port}\n`);
}

if (require.main === module) void main(process.argv[2] ?? 'ballast');
