/**
 * SIGTERM: what is in flight finishes, then the process exits 0. Two processes: the app serving a
 * request, and a scheduler pass (`jobs run checkins`, the pass the in-app scheduler and an outside
 * scheduler both run; the app has no clock override, so the CLI's --at gives the pass its instant).
 * The in-app scheduler's stop() waiting for a running pass is in test/integration/scheduler.test.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startFakeSlack, type FakeSlack } from '../../support/fakeSlack';
import { spawn } from 'node:child_process';
import { spawnBallast } from '../../support/childApp';
import { startJobsHarness } from '../../support/jobs';
import { recordFigures } from '../../support/figures';

let fake: FakeSlack;
let dir: string;
beforeAll(async () => {
  fake = await startFakeSlack();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ballast-sigterm-'));
});
afterAll(() => fake.close());

/** `npm run ballast -- jobs run …` as a child process (node + tsx, without npm in between). */
function runJobsChild(env: Record<string, string>, args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'jobs', 'run', ...args], {
    cwd: path.resolve(__dirname, '..', '..', '..'),
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal, out, err }));
  });
  return { child, exited };
}

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

it('stops a check-in pass at a person boundary on SIGTERM, exits 0, and the next pass sends nobody twice', async () => {
  const PEOPLE = 80;
  const POST_DELAY_MS = 400;
  const AT = '2026-11-26T15:30:00Z'; // 16:30 in Berlin: everyone's check-in is due
  const h = await startJobsHarness({ fake: await startFakeSlack() });
  try {
    const ids = Array.from({ length: PEOPLE }, (_, i) => `U5${String(i).padStart(3, '0')}SIG`);
    for (const id of ids) await h.addPerson({ id, tz: 'Europe/Berlin' });
    const env = { DATABASE_PATH: h.dbPath, SLACK_API_URL: h.fake.apiUrl, SLACK_BOT_TOKEN: h.fake.token };
    h.fake.delay('chat.postMessage', POST_DELAY_MS);

    const first = runJobsChild(env, ['checkins', '--at', AT]);
    // Signal while a batch of sends is waiting on Slack.
    await h.fake.waitFor((f) => f.callsTo('chat.postMessage').length >= 16, 20000);
    const signalledAt = performance.now();
    first.child.kill('SIGTERM');
    const pendingAtSignal = h.fake.callsTo('chat.postMessage').filter((c) => c.status === undefined).length;
    const r1 = await first.exited;
    const stoppedMs = performance.now() - signalledAt;
    expect(r1.signal).toBeNull();
    expect(r1.code).toBe(0);
    expect(r1.err).toContain('SIGTERM received; stopping after the work in flight');
    const notReached = Number(/(\d+) not reached/.exec(r1.err)?.[1]);
    expect(notReached).toBeGreaterThan(0);
    // Every send in flight at the signal completed: no request left unanswered.
    expect(pendingAtSignal).toBeGreaterThan(0);
    expect(h.fake.callsTo('chat.postMessage').every((c) => c.status === 200 && c.ok)).toBe(true);
    const sentFirst = ids.filter((id) => h.checkinsTo(id).length > 0);
    expect(sentFirst.length + notReached).toBe(PEOPLE);
    // The stop is at a claim boundary: every claim taken has its message, nobody else was claimed.
    const claimed = (await h.store.claims.ofJob('checkin')).length;
    expect(claimed).toBe(sentFirst.length);

    h.fake.reset();
    const second = await runJobsChild(env, ['checkins', '--at', AT]).exited;
    expect(second.code).toBe(0);
    expect(second.err).toContain(`${notReached} sent, ${sentFirst.length} skipped, 0 failed`);
    const perPerson = ids.map((id) => h.checkinsTo(id).length);
    // reset() cleared the first pass's calls: the second sent to exactly the people not reached.
    expect(ids.filter((_id, i) => perPerson[i] === 1).sort()).toEqual(ids.filter((id) => !sentFirst.includes(id)).sort());
    expect(perPerson.every((n) => n <= 1)).toBe(true);
    expect((await h.store.claims.ofJob('checkin')).length).toBe(PEOPLE);
    expect(h.fake.rejections).toEqual([]);
    recordFigures('sigtermSchedulerPass', {
      people: PEOPLE, postMessageDelayMs: POST_DELAY_MS, sendsInFlightAtSignal: pendingAtSignal,
      sentBeforeStop: sentFirst.length, notReached, claimedWithoutSend: claimed - sentFirst.length,
      exitedAfterSignalMs: Math.round(stoppedMs), exitCode: r1.code, secondPassSent: notReached, sentTwice: perPerson.filter((n) => n > 1).length,
    });
  } finally {
    await h.close();
    await h.fake.close();
  }
}, 40000);
