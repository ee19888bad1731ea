/**
 * SIGTERM: what is in flight finishes, then the process exits 0. The lead adds "SIGTERM during a
 * scheduler pass" here once the scheduler is merged (spawn with BALLAST_SCHEDULER=on, start a pass,
 * signal mid-pass, then assert the pass stops at a claim boundary and a second pass sends nothing twice).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startFakeSlack, type FakeSlack } from '../../support/fakeSlack';
import { spawnBallast } from '../../support/childApp';
import { recordFigures } from '../../support/figures';

let fake: FakeSlack;
let dir: string;
beforeAll(async () => {
  fake = await startFakeSlack();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ballast-sigterm-'));
});
afterAll(() => fake.close());

it('finishes a request in flight when SIGTERM arrives, then exits 0', async () => {
  fake.addUser({ id: 'U100ADA', name: 'ada', tz: 'Europe/Berlin' });
  const dbPath = path.join(dir, 'ballast.db');
  const app = await spawnBallast({ fake, dbPath });
  // A new person: the command waits on users.info, which Slack answers slowly.
  fake.delay('users.info', 1500, 1);
  const inFlight = app.slack.command('U100ADA', 'log 25m reply in flight at shutdown');
  await fake.waitFor((f) => f.callsTo('users.info').length > 0, 5000);
  const signalledAt = performance.now();
  app.child.kill('SIGTERM');
  const r = await inFlight;
  const answeredMs = performance.now() - signalledAt;
  expect(r.status).toBe(200);
  expect((r.body as { text: string }).text).toContain('Logged 25m');
  const exit = await app.exited;
  expect(exit).toEqual({ code: 0, signal: null });
  expect(app.logs.map((l) => l.msg)).toEqual(expect.arrayContaining(['signal received', 'shutting down', 'stopped']));
  const db = new Database(dbPath, { readonly: true });
  try {
    expect(db.prepare('SELECT note FROM entries').all()).toEqual([{ note: 'in flight at shutdown' }]);
  } finally {
    db.close();
  }
  recordFigures('sigtermInFlight', { usersInfoDelayMs: 1500, answeredAfterSignalMs: Math.round(answeredMs), exitCode: exit.code });
}, 30000);
