// Exactly once: repeated passes, two processes on one database file, a killed pass, catch-up.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { runCheckins } from '../../src/jobs/checkins';
import { startJobsHarness, type JobsHarness } from '../support/jobs';

const SCRIPT = path.resolve(__dirname, '../support/passProcess.ts');
// Thursday 2026-11-26, 16:30 in Berlin.
const AT = '2026-11-26T15:30:00Z';

function spawnPass(h: JobsHarness, at: string): { child: ChildProcessWithoutNullStreams; ready: Promise<void>; done: Promise<string> } {
  // node runs the pass itself, with tsx as a loader: the tsx command would run it in a child process of
  // its own, which a SIGKILL of the command does not reach.
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, h.dbPath, h.fake.apiUrl, h.fake.token, at, 'checkins'], {
    cwd: path.resolve(__dirname, '../..'),
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.startsWith('ready\n')) resolve();
    });
    child.once('exit', () => reject(new Error(`pass process exited before ready: ${err}`)));
  });
  const done = new Promise<string>((resolve) => child.once('exit', () => resolve(out.slice('ready\n'.length).trim())));
  return { child, ready, done };
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => `U${String(i + 1).padStart(3, '0')}TEAM`);

async function seed(h: JobsHarness, n: number): Promise<string[]> {
  const people = ids(n);
  for (const id of people) await h.addPerson({ id, tz: 'Europe/Berlin' });
  return people;
}

describe('exactly once', () => {
  let h: JobsHarness;
  beforeEach(async () => {
    h = await startJobsHarness({ now: AT });
  });
  afterEach(() => h.close());

  it('sends nothing more when the same pass runs twice', async () => {
    const people = await seed(h, 5);
    const first = await runCheckins(h.deps, h.clock.now(), { dryRun: false });
    const second = await runCheckins(h.deps, h.clock.now(), { dryRun: false });
    expect(first.sent).toBe(5);
    expect(second.sent).toBe(0);
    expect(second.lines.every((l) => l.includes('already sent'))).toBe(true);
    for (const id of people) expect(h.checkinsTo(id)).toHaveLength(1);
  });

  it('sends each check-in once when two processes run the same pass on one database file at the same moment', async () => {
    const people = await seed(h, 40);
    h.fake.delay('chat.postMessage', 5);
    const a = spawnPass(h, AT);
    const b = spawnPass(h, AT);
    await Promise.all([a.ready, b.ready]);
    a.child.stdin.write('go\n');
    b.child.stdin.write('go\n');
    const [ra, rb] = (await Promise.all([a.done, b.done])).map((s) => JSON.parse(s) as { sent: number });
    expect(ra.sent + rb.sent).toBe(40);
    // Both really worked the pass: each process tried people the other one sent to.
    expect(ra.sent).toBeGreaterThan(0);
    expect(rb.sent).toBeGreaterThan(0);
    for (const id of people) expect(h.checkinsTo(id)).toHaveLength(1);
  }, 60_000);

  it('never sends twice when a pass is killed halfway and run again', async () => {
    // Enough people and a slow enough Slack that the pass is still running when the kill lands,
    // even on a busy machine: at 32 at a time and 200 ms a send it needs at least 1.4 s.
    const people = await seed(h, 240);
    h.fake.delay('chat.postMessage', 200);
    const a = spawnPass(h, AT);
    await a.ready;
    a.child.stdin.write('go\n');
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').filter((c) => c.ok).length >= 20, 20_000);
    a.child.kill('SIGKILL');
    await a.done;
    h.fake.clearFaults();
    const rerun = await runCheckins(h.deps, h.clock.now(), { dryRun: false });
    expect(rerun.sent).toBeGreaterThan(0);
    const claims = await h.store.claims.ofJob('checkin');
    for (const id of people) {
      expect(h.checkinsTo(id).length).toBeLessThanOrEqual(1);
      const claim = claims.find((c) => c.subject === id)!;
      // Sent, or caught in flight by the kill: Slack may or may not have it, so inside its lease it is
      // not re-sent (after the lease it is taken over: claimLease and replicaProcesses tests).
      if (h.checkinsTo(id).length === 0) expect(claim.status).toBe('claimed');
    }
    const inFlight = claims.filter((c) => c.status === 'claimed').length;
    expect(inFlight).toBeLessThanOrEqual(32);
    expect(claims.filter((c) => c.status === 'sent').length + inFlight).toBe(240);
  }, 60_000);

  it('catches up after downtime while the person is still inside sending hours', async () => {
    await seed(h, 1);
    // Down from 16:00 to 18:45 Berlin time: the 16:30 check-in goes out on the first pass back.
    h.clock.set('2026-11-26T17:45:00Z');
    const r = await runCheckins(h.deps, h.clock.now(), { dryRun: false });
    expect(r.sent).toBe(1);
    expect(h.checkinsTo('U001TEAM')).toHaveLength(1);
  });

  it('skips a missed check-in once the person is outside sending hours that day', async () => {
    await seed(h, 1);
    // Back at 19:05 Berlin time: too late to DM; the day is skipped and tomorrow is untouched.
    h.clock.set('2026-11-26T18:05:00Z');
    const r = await runCheckins(h.deps, h.clock.now(), { dryRun: false });
    expect(r.sent).toBe(0);
    expect(r.lines[0]).toContain('missed: outside sending hours');
    expect(h.checkinsTo('U001TEAM')).toHaveLength(0);
    h.clock.set('2026-11-27T15:30:00Z');
    expect((await runCheckins(h.deps, h.clock.now(), { dryRun: false })).sent).toBe(1);
    expect(h.checkinsTo('U001TEAM')).toHaveLength(1);
    expect(h.checkinsTo('U001TEAM')[0].text).toContain('Fri 27 Nov');
  });
});
