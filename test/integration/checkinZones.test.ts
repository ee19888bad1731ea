// Check-ins in four zones, across the days the clocks change: exactly one per working day, at local time.
import { runCheckins } from '../../src/jobs/checkins';
import { localClock } from '../../src/core/time';
import { startJobsHarness, localDay, type JobsHarness } from '../support/jobs';

const PEOPLE = [
  { id: 'U1NEWYORK', tz: 'America/New_York' },
  { id: 'U2BERLIN', tz: 'Europe/Berlin' },
  { id: 'U3KOLKATA', tz: 'Asia/Kolkata' },
  { id: 'U4AUCKLAND', tz: 'Pacific/Auckland' },
];

/** Runs a pass every `stepMin` minutes from `from` to `to` (UTC instants). */
async function simulate(h: JobsHarness, from: string, to: string, stepMin = 10): Promise<void> {
  h.clock.set(from);
  const end = Date.parse(to);
  while (h.clock.now() <= end) {
    await runCheckins(h.deps, h.clock.now(), { dryRun: false });
    h.clock.advance(stepMin);
  }
}

async function sentCheckins(h: JobsHarness, userId: string) {
  return (await h.store.claims.ofJob('checkin')).filter((c) => c.subject === userId && c.status === 'sent');
}

describe.each([
  ['US spring forward (Sun 2026-03-08)', '2026-03-06T00:00:00Z', '2026-03-10T23:59:00Z'],
  ['EU spring forward (Sun 2026-03-29)', '2026-03-27T00:00:00Z', '2026-03-31T23:59:00Z'],
  ['NZ autumn back (Sun 2026-04-05)', '2026-04-03T00:00:00Z', '2026-04-07T23:59:00Z'],
  ['NZ spring forward (Sun 2026-09-27)', '2026-09-25T00:00:00Z', '2026-09-29T23:59:00Z'],
  ['EU autumn back (Sun 2026-10-25)', '2026-10-23T00:00:00Z', '2026-10-27T23:59:00Z'],
  ['US autumn back (Sun 2026-11-01)', '2026-10-30T00:00:00Z', '2026-11-03T23:59:00Z'],
])('around the %s', (_name, from, to) => {
  let h: JobsHarness;
  beforeAll(async () => {
    h = await startJobsHarness({ now: '2026-01-01T00:00:00Z' });
    for (const p of PEOPLE) await h.addPerson({ ...p, checkinDays: [1, 2, 3, 4, 5, 6, 7] });
    // One person keeps the default Monday-to-Friday days and 16:30.
    await h.addPerson({ id: 'U5WEEKDAYS', tz: 'Europe/Berlin' });
    await simulate(h, from, to);
  });
  afterAll(() => h.close());

  it.each(PEOPLE)('sends $id exactly one check-in on each local day, at 16:30 local time', async ({ id, tz }) => {
    const sent = await sentCheckins(h, id);
    const days = sent.map((c) => c.period);
    expect(new Set(days).size).toBe(days.length);
    for (const c of sent) {
      expect(localDay(c.claimedAt, tz)).toBe(c.period);
      expect(localClock(c.claimedAt, tz).hhmm).toBe('16:30');
    }
    // Every local day whose 16:30 fell inside the simulated span got one.
    const expected = new Set<string>();
    for (let t = Date.parse(from); t <= Date.parse(to); t += 10 * 60_000) {
      if (localClock(t, tz).hhmm === '16:30') expected.add(localDay(t, tz));
    }
    expect(new Set(days)).toEqual(expected);
    expect(h.checkinsTo(id)).toHaveLength(expected.size);
  });

  it('sends the default Monday-to-Friday person nothing at the weekend', async () => {
    const sent = await sentCheckins(h, 'U5WEEKDAYS');
    expect(sent.length).toBeGreaterThan(0);
    for (const c of sent) expect(localClock(c.claimedAt, 'Europe/Berlin').weekday).toBeLessThanOrEqual(5);
  });
});
