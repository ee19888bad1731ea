// A server for the /ballast log benchmarks, run in its own process: `ballast` (the real app on a temp
// SQLite database, against the fake Slack), `postgres` (the real app on BENCH_DATABASE_URL) or `bare`
// (a Bolt app whose command handler only acknowledges).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { loadConfig } from '../src/config';
import { startBallast } from '../src/main';
import { startFakeSlack } from '../test/support/fakeSlack';

export const BENCH_SECRET = 'bench-signing-secret';
export const BENCH_USERS = 50;

async function main(kind: string): Promise<void> {
  const fake = await startFakeSlack();
  for (let i = 0; i < BENCH_USERS; i++) fake.addUser({ id: `U${String(i).padStart(6, '0')}`, tz: 'Europe/Berlin' });
  let port: number;
  if (kind === 'ballast' || kind === 'postgres') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ballast-bench-'));
    const config = loadConfig({
      SLACK_BOT_TOKEN: fake.token, SLACK_SIGNING_SECRET: BENCH_SECRET, SLACK_API_URL: fake.apiUrl, PORT: '0',
      DATABASE_PATH: path.join(dir, 'bench.db'), LOG_LEVEL: 'warn', BALLAST_SCHEDULER: 'off',
      DATABASE_URL: kind === 'postgres' ? process.env.BENCH_DATABASE_URL : undefined,
    });
    const b = await startBallast({ config });
    port = b.port!;
  } else {
    const receiver = new HTTPReceiver({ signingSecret: BENCH_SECRET, endpoints: '/slack/events', logLevel: LogLevel.WARN });
    const app = new App({ token: fake.token, receiver, clientOptions: { slackApiUrl: fake.apiUrl }, logLevel: LogLevel.WARN });
    app.command('/ballast', async ({ ack }) => {
      await ack({ response_type: 'ephemeral', text: 'ok' });
    });
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
