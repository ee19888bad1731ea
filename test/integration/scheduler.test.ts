// The scheduler: ticks never overlap, shutdown waits for a pass, and main.ts wires it only when asked.
import { createScheduler } from '../../src/jobs/scheduler';
import type { Job } from '../../src/jobs/types';
import { emptyReport } from '../../src/jobs/types';
import { startJobsHarness, type JobsHarness } from '../support/jobs';
import { startTestApp } from '../support/app';

let h: JobsHarness;
beforeEach(async () => {
  h = await startJobsHarness({ now: '2026-11-26T15:30:00Z' });
});
afterEach(() => h.close());

function gatedJob(): { job: Job; calls: number[]; release: () => void; started: Promise<void> } {
  let release!: () => void;
  let started!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const startedP = new Promise<void>((r) => (started = r));
  const calls: number[] = [];
  const job: Job = async (_deps, at) => {
    calls.push(at);
    started();
    await gate;
    return emptyReport('checkins', at);
  };
  return { job, calls, release, started: startedP };
}

it('skips a tick while the previous pass is still running', async () => {
  const g = gatedJob();
  const s = createScheduler(h.deps, { jobs: { checkins: g.job } });
  const first = s.tick();
  await g.started;
  expect(await s.tick()).toBe('skipped');
  g.release();
  expect(await first).toBe('ran');
  expect(g.calls).toHaveLength(1);
  expect(await s.tick()).toBe('ran');
  expect(g.calls).toHaveLength(2);
});

it('waits for a pass in progress when stopped, and runs no more ticks after', async () => {
  const g = gatedJob();
  const s = createScheduler(h.deps, { jobs: { checkins: g.job } });
  const pass = s.tick();
  await g.started;
  let stopped = false;
  const stopping = s.stop().then(() => (stopped = true));
  await Promise.resolve();
  expect(stopped).toBe(false);
  g.release();
  await stopping;
  await pass;
  expect(stopped).toBe(true);
  expect(await s.tick()).toBe('stopped');
  expect(g.calls).toHaveLength(1);
});

it('runs every registered job as of the clock, and one failing job does not stop the next', async () => {
  const seen: string[] = [];
  const s = createScheduler(h.deps, {
    jobs: {
      checkins: async () => {
        throw new Error('boom');
      },
      pulse: async (_d, at) => {
        seen.push(new Date(at).toISOString());
        return emptyReport('pulse', at);
      },
    },
  });
  await s.tick();
  expect(seen).toEqual(['2026-11-26T15:30:00.000Z']);
  expect(h.logs.some((l) => l.msg === 'job pass failed' && l.job === 'checkins')).toBe(true);
});

it('sends real check-ins from a tick', async () => {
  await h.addPerson({ id: 'U1ADA', tz: 'Europe/Berlin' });
  const s = createScheduler(h.deps);
  await s.tick();
  await s.stop();
  expect(h.checkinsTo('U1ADA')).toHaveLength(1);
});

it('is started by the app only when BALLAST_SCHEDULER is on, and stopped before the store closes', async () => {
  const off = await startTestApp({ env: { BALLAST_SCHEDULER: 'off' } });
  expect(off.ballast.scheduler).toBeNull();
  // Bolt checks its token on the first request; let that finish before the fake closes.
  off.fake.addUser({ id: 'U1ADA', tz: 'Europe/Berlin' });
  await off.slack.command('U1ADA', 'week');
  await off.close();
  const on = await startTestApp({ env: { BALLAST_SCHEDULER: 'on' } });
  expect(on.ballast.scheduler).not.toBeNull();
  on.fake.addUser({ id: 'U1ADA', tz: 'Europe/Berlin' });
  await on.slack.command('U1ADA', 'week');
  on.clock.set('2026-11-26T15:30:00Z');
  expect(await on.ballast.scheduler!.tick()).toBe('ran');
  expect(on.fake.messagesTo('U1ADA').filter((m) => (m.text ?? '').startsWith('Any social engagement'))).toHaveLength(1);
  await on.close();
  expect(await on.ballast.scheduler!.tick()).toBe('stopped');
});
