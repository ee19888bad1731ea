// Ballast as a real child process (node + tsx, src/main.ts), for crash and signal tests.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { FakeSlack } from './fakeSlack';
import { SIGNING_SECRET } from './app';
import { createSlackClient, type SlackClient } from './signer';

const ROOT = path.resolve(__dirname, '..', '..');

export interface ChildApp {
  child: ChildProcess;
  port: number;
  slack: SlackClient;
  /** Parsed JSON log lines from the child's stdout. */
  logs: Record<string, unknown>[];
  stderr: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function spawnBallast(opts: { fake: FakeSlack; dbPath: string; env?: Record<string, string>; startTimeoutMs?: number }): Promise<ChildApp> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      SLACK_BOT_TOKEN: opts.fake.token,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: opts.fake.apiUrl,
      PORT: '0',
      DATABASE_PATH: opts.dbPath,
      LOG_LEVEL: 'info',
      BALLAST_SCHEDULER: 'off',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  const stderr: string[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  createInterface({ input: child.stderr! }).on('line', (l) => stderr.push(l));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Ballast did not start in time; stderr: ${stderr.join('\n')}`)), opts.startTimeoutMs ?? 15000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const entry = JSON.parse(line) as Record<string, unknown>;
        logs.push(entry);
        if (entry.msg === 'Ballast is listening' && typeof entry.port === 'number') {
          clearTimeout(timer);
          resolve(entry.port);
        }
      } catch {
        logs.push({ msg: line });
      }
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`Ballast exited before listening (code ${code}, signal ${signal}); stderr: ${stderr.join('\n')}`));
    });
  });
  const slack = createSlackClient({
    baseUrl: `http://127.0.0.1:${port}`,
    signingSecret: SIGNING_SECRET,
    teamId: opts.fake.teamId,
    responseUrls: opts.fake,
  });
  return { child, port, slack, logs, stderr, exited };
}
