// The Friday strain pulse with its mix nudge, and the inactivity nudge.
import { runPulse } from '../../src/jobs/pulse';
import { runNudges } from '../../src/jobs/nudges';
import { logEngagement } from '../../src/services/entries';
import type { Kind } from '../../src/core/types';
import { startJobsHarness, type JobsHarness } from '../support/jobs';

// Friday 2026-11-27, 16:30 in Berlin.
const FRIDAY = '2026-11-27T15:30:00Z';

let h: JobsHarness;
afterEach(() => h.close());

const pulsesTo = (id: string) => h.fake.messagesTo(id).filter((m) => (m.text ?? '').startsWith('Weekly pulse'));
const nudgesTo = (id: string) => h.fake.messagesTo(id).filter((m) => /since you last logged|haven’t logged/.test(m.text ?? ''));

async function log(id: string, minutes: number, kind: Kind, date?: string) {
  const r = await logEngagement(h.deps, (await h.store.people.get(id))!, { minutes, kind, source: 'command', date });
  if (!r.ok) throw new Error(r.error.message);
}

describe('the strain pulse', () => {
  beforeEach(async () => {
    h = await startJobsHarness({ now: FRIDAY });
  });

  it('goes out on Friday at the check-in time with the three answers, once per week', async () => {
    await h.addPerson({ id: 'U1ADA', tz: 'Europe/Berlin' });
    h.clock.set('2026-11-27T15:29:00Z');
    expect((await runPulse(h.deps, h.clock.now(), { dryRun: false })).sent).toBe(0);
    h.clock.set(FRIDAY);
    expect((await runPulse(h.deps, h.clock.now(), { dryRun: false })).sent).toBe(1);
    expect((await runPulse(h.deps, h.clock.now(), { dryRun: false })).sent).toBe(0);
    const [pulse] = pulsesTo('U1ADA');
    const buttons = JSON.stringify(pulse.blocks);
    for (const label of ['Not at all', 'Squeezed it a bit', 'Pushed it back']) expect(buttons).toContain(label);
    expect(buttons).toContain('2026-W48');
    expect(buttons).not.toContain('A thought on your mix');
  });

  it('is not sent on other days, nor to paused people or on holidays', async () => {
    await h.addPerson({ id: 'U1ADA', tz: 'Europe/Berlin' });
    await h.addPerson({ id: 'U2PAUSED', tz: 'Europe/Berlin' });
    await h.store.people.setPause('U2PAUSED', true, null);
    h.clock.set('2026-11-26T15:30:00Z');
    expect((await runPulse(h.deps, h.clock.now(), { dryRun: false })).sent).toBe(0);
    h.clock.set(FRIDAY);
    await runPulse(h.deps, h.clock.now(), { dryRun: false });
    expect(pulsesTo('U2PAUSED')).toHaveLength(0);
    await h.store.settings.addHoliday('2026-12-04', null);
    h.clock.set('2026-12-04T15:30:00Z');
    const r = await runPulse(h.deps, h.clock.now(), { dryRun: false });
    expect(r.lines.find((l) => l.startsWith('U1ADA'))).toContain('holiday');
    expect(pulsesTo('U1ADA')).toHaveLength(1);
  });

  it('carries the relationship-work nudge when the week is mostly posting', async () => {
    await h.addPerson({ id: 'U1POSTER', tz: 'Europe/Berlin' });
    await log('U1POSTER', 60, 'post');
    await log('U1POSTER', 15, 'respond');
    await runPulse(h.deps, h.clock.now(), { dryRun: false });
    const text = JSON.stringify(pulsesTo('U1POSTER')[0].blocks);
    expect(text).toContain('A thought on your mix');
    expect(text).toContain('1h of your 1h 15m');
  });

  it.each([
    ['under an hour in total', [[50, 'post']]],
    ['posting under 60%', [[35, 'post'], [30, 'monitor']]],
    ['relationship work over 25%', [[60, 'post'], [25, 'respond']]],
  ] as [string, [number, Kind][]][])('leaves the mix nudge out with %s', async (_name, entries) => {
    await h.addPerson({ id: 'U1MIXED', tz: 'Europe/Berlin' });
    for (const [m, k] of entries) await log('U1MIXED', m, k);
    await runPulse(h.deps, h.clock.now(), { dryRun: false });
    expect(JSON.stringify(pulsesTo('U1MIXED')[0].blocks)).not.toContain('A thought on your mix');
  });

  it('leaves the mix nudge out for someone who turned nudges off', async () => {
    await h.addPerson({ id: 'U1QUIET', tz: 'Europe/Berlin' });
    await h.store.people.setNudges('U1QUIET', false);
    await log('U1QUIET', 90, 'post');
    await runPulse(h.deps, h.clock.now(), { dryRun: false });
    expect(JSON.stringify(pulsesTo('U1QUIET')[0].blocks)).not.toContain('A thought on your mix');
  });
});

describe('the inactivity nudge', () => {
  // Created on Monday 2026-11-02; the first pass at 16:30 Berlin on the given days.
  beforeEach(async () => {
    h = await startJobsHarness({ now: '2026-11-02T09:00:00Z' });
    await h.addPerson({ id: 'U1SILENT', tz: 'Europe/Berlin' });
  });
  const at = async (iso: string) => {
    h.clock.set(iso);
    return runNudges(h.deps, h.clock.now(), { dryRun: false });
  };

  it('comes after 14 days without an entry, not after 13', async () => {
    h.clock.set('2026-11-03T09:00:00Z');
    await log('U1SILENT', 20, 'respond');
    const thirteen = await at('2026-11-16T15:30:00Z');
    expect(thirteen.lines[0]).toContain('active 13 day(s) ago');
    expect(nudgesTo('U1SILENT')).toHaveLength(0);
    await at('2026-11-17T15:30:00Z');
    expect(nudgesTo('U1SILENT')).toHaveLength(1);
    expect(nudgesTo('U1SILENT')[0].text).toContain('14 days since you last logged');
  });

  it('nudges someone who never logged, once, and not again within 14 days', async () => {
    await at('2026-11-16T15:30:00Z');
    expect(nudgesTo('U1SILENT')).toHaveLength(1);
    expect(nudgesTo('U1SILENT')[0].text).toContain('haven’t logged');
    await at('2026-11-17T15:30:00Z');
    await at('2026-11-27T15:30:00Z');
    expect(nudgesTo('U1SILENT')).toHaveLength(1);
    await at('2026-11-30T15:30:00Z');
    expect(nudgesTo('U1SILENT')).toHaveLength(2);
  });

  it('stops for people who turned nudges off or paused', async () => {
    await h.addPerson({ id: 'U2PAUSED', tz: 'Europe/Berlin' });
    await h.store.people.setNudges('U1SILENT', false);
    await h.store.people.setPause('U2PAUSED', true, null);
    const r = await at('2026-11-16T15:30:00Z');
    expect(r.lines.find((l) => l.startsWith('U1SILENT'))).toContain('nudges off');
    expect(r.lines.find((l) => l.startsWith('U2PAUSED'))).toContain('paused');
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });
});
