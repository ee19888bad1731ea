// Starting the real process: config errors, a database from the future, a clean start and SIGTERM.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startFakeSlack, type FakeSlack } from '../support/fakeSlack';

const ROOT = path.resolve(__dirname, '..', '..');

function runMain(env: Record<string, string>, opts: { untilLog?: RegExp; signal?: NodeJS.Signals } = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
      if (opts.untilLog && opts.untilLog.test(stdout) && opts.signal) child.kill(opts.signal);
    });
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

let fake: FakeSlack;
let dir: string;
beforeAll(async () => {
  fake = await startFakeSlack();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ballast-start-'));
});
afterAll(() => fake.close());

it('stops with one clear line per bad variable and no stack trace', async () => {
  const r = await runMain({ SLACK_BOT_TOKEN: 'not-a-token', PORT: 'eighty', LOG_LEVEL: 'chatty', BALLAST_SCHEDULER: 'maybe' });
  expect(r.code).not.toBe(0);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toEqual(
    expect.arrayContaining([
      'config error: SLACK_BOT_TOKEN must be a bot token starting with xoxb-',
      'config error: PORT must be a port number',
      expect.stringContaining('config error: LOG_LEVEL must be one of'),
      'config error: BALLAST_SCHEDULER must be on or off',
      expect.stringContaining('config error: SLACK_SIGNING_SECRET is required in HTTP mode'),
    ]),
  );
  expect(lines).toHaveLength(5);
  expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  expect(r.stderr).not.toContain('not-a-token');
});

it('refuses a database written by a newer Ballast, with a clear message', async () => {
  const file = path.join(dir, 'future.db');
  const db = new Database(file);
  db.pragma('user_version = 999');
  db.close();
  const r = await runMain({ SLACK_BOT_TOKEN: fake.token, SLACK_SIGNING_SECRET: 'secret-abcdef', SLACK_API_URL: fake.apiUrl, PORT: '0', DATABASE_PATH: file });
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('schema version 999');
  expect(r.stderr).toContain('newer Ballast');
});

it('starts, creates the database folder, never logs the token or secret, and exits 0 on SIGTERM', async () => {
  const file = path.join(dir, 'nested', 'folder', 'ballast.db');
  const r = await runMain(
    { SLACK_BOT_TOKEN: fake.token, SLACK_SIGNING_SECRET: 'secret-abcdef', SLACK_API_URL: fake.apiUrl, PORT: '0', DATABASE_PATH: file, LOG_LEVEL: 'debug' },
    { untilLog: /Ballast is listening/, signal: 'SIGTERM' },
  );
  expect(r.code).toBe(0);
  expect(fs.existsSync(file)).toBe(true);
  expect(r.stdout).toContain('"msg":"stopped"');
  expect(r.stdout + r.stderr).not.toContain(fake.token);
  expect(r.stdout + r.stderr).not.toContain('secret-abcdef');
});
