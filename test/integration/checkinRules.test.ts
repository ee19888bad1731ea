// Who is skipped, and how Slack's faults are handled, in a check-in pass.
import { runCheckins } from '../../src/jobs/checkins';
import { logEngagement } from '../../src/services/entries';
import { startJobsHarness, type JobsHarness } from '../support/jobs';

// Thursday 2026-11-26, 16:30 in Berlin.
const AT = '2026-11-26T15:30:00Z';
const DAY_MS = 86_400_000;

let h: JobsHarness;
beforeEach(async () => {
  h = await startJobsHarness({ now: AT });
});
afterEach(() => h.close());

const pass = () => runCheckins(h.deps, h.clock.now(), { dryRun: false });
const lineOf = (r: { lines: string[] }, id: string) => r.lines.find((l) => l.startsWith(id)) ?? '';

describe('skip rules', () => {
  it('skips someone who already logged time that day, and still asks everyone else', async () => {
    await h.addPerson({ id: 'U1LOGGED', tz: 'Europe/Berlin' });
    await h.addPerson({ id: 'U2OTHER', tz: 'Europe/Berlin' });
    const p = await h.person('U1LOGGED');
    await logEngagement(h.deps, p, { minutes: 20, kind: 'respond', source: 'command' });
    const r = await pass();
    expect(lineOf(r, 'U1LOGGED')).toContain('already logged that day');
    expect(h.checkinsTo('U1LOGGED')).toHaveLength(0);
    expect(h.checkinsTo('U2OTHER')).toHaveLength(1);
  });

  it('skips a paused person, and one paused until today, but not one whose pause ended yesterday', async () => {
    await h.addPerson({ id: 'U1PAUSED', tz: 'Europe/Berlin' });
    await h.addPerson({ id: 'U2UNTILTODAY', tz: 'Europe/Berlin' });
    await h.addPerson({ id: 'U3ENDED', tz: 'Europe/Berlin' });
    await h.store.people.setPause('U1PAUSED', true, null);
    await h.store.people.setPause('U2UNTILTODAY', true, '2026-11-26');
    await h.store.people.setPause('U3ENDED', true, '2026-11-25');
    const r = await pass();
    expect(lineOf(r, 'U1PAUSED')).toContain('skipped: paused');
    expect(lineOf(r, 'U2UNTILTODAY')).toContain('skipped: paused');
    expect(h.checkinsTo('U1PAUSED')).toHaveLength(0);
    expect(h.checkinsTo('U2UNTILTODAY')).toHaveLength(0);
    expect(h.checkinsTo('U3ENDED')).toHaveLength(1);
  });

  it.each([
    ['Vacation until Monday', ''],
    ['OOO', ''],
    ['Out of office', ''],
    ['out-of-office', ''],
    ['Sick today', ''],
    ['', ':palm_tree:'],
    ['', ':face_with_thermometer:'],
  ])('skips someone whose Slack status reads as out of office (%s %s)', async (statusText, statusEmoji) => {
    await h.addPerson({ id: 'U1AWAY', tz: 'Europe/Berlin', statusText, statusEmoji });
    const r = await pass();
    expect(lineOf(r, 'U1AWAY')).toContain('skipped: out of office');
    expect(h.checkinsTo('U1AWAY')).toHaveLength(0);
  });

  it('does not mistake an ordinary status for out of office', async () => {
    await h.addPerson({ id: 'U1BUSY', tz: 'Europe/Berlin', statusText: 'In a meeting', statusEmoji: ':spiral_calendar_pad:' });
    await pass();
    expect(h.checkinsTo('U1BUSY')).toHaveLength(1);
  });

  it('refreshes a day-old profile from users.info and sees a new out-of-office status', async () => {
    await h.addPerson({ id: 'U1WENTAWAY', tz: 'Europe/Berlin' });
    h.clock.set(Date.parse(AT) + DAY_MS);
    h.fake.updateUser('U1WENTAWAY', { statusText: 'On vacation', statusEmoji: ':palm_tree:' });
    const r = await pass();
    expect(h.fake.callsTo('users.info').some((c) => c.args.user === 'U1WENTAWAY')).toBe(true);
    expect(lineOf(r, 'U1WENTAWAY')).toContain('out of office');
    expect((await h.person('U1WENTAWAY')).statusText).toBe('On vacation');
  });

  it('does not call users.info again for a profile refreshed within the day', async () => {
    await h.addPerson({ id: 'U1FRESH', tz: 'Europe/Berlin' });
    await pass();
    expect(h.fake.callsTo('users.info')).toHaveLength(0);
  });

  it('skips everyone on an org holiday, by each person’s own date', async () => {
    await h.addPerson({ id: 'U1BERLIN', tz: 'Europe/Berlin' });
    await h.store.settings.addHoliday('2026-11-26', null);
    const r = await pass();
    expect(lineOf(r, 'U1BERLIN')).toContain('skipped: holiday');
    expect(h.checkinsTo('U1BERLIN')).toHaveLength(0);
  });

  it('skips inactive people and people who turned check-ins off', async () => {
    await h.addPerson({ id: 'U1GONE', tz: 'Europe/Berlin' });
    await h.addPerson({ id: 'U2OFF', tz: 'Europe/Berlin' });
    await h.store.people.markInactive('U1GONE');
    await h.store.people.setCheckin('U2OFF', null, [1, 2, 3, 4, 5], false);
    const r = await pass();
    expect(lineOf(r, 'U1GONE')).toBe('');
    expect(lineOf(r, 'U2OFF')).toContain('check-ins off');
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('waits for the person’s own check-in time and days', async () => {
    await h.addPerson({ id: 'U1LATER', tz: 'Europe/Berlin', checkinTime: '17:45' });
    await h.addPerson({ id: 'U2MWF', tz: 'Europe/Berlin', checkinDays: [1, 3, 5] });
    const r = await pass();
    expect(lineOf(r, 'U1LATER')).toContain('due at 17:45');
    expect(lineOf(r, 'U2MWF')).toContain('no check-in on 2026-11-26');
    h.clock.set('2026-11-26T16:45:00Z');
    await pass();
    expect(h.checkinsTo('U1LATER')).toHaveLength(1);
    expect(h.checkinsTo('U2MWF')).toHaveLength(0);
  });

  it('previews with --dry-run: says who would get one, sends and claims nothing', async () => {
    await h.addPerson({ id: 'U1PREVIEW', tz: 'Europe/Berlin' });
    const r = await runCheckins(h.deps, h.clock.now(), { dryRun: true });
    expect(lineOf(r, 'U1PREVIEW')).toContain('would send check-in for 2026-11-26');
    expect(h.fake.calls).toHaveLength(0);
    expect(await h.store.claims.ofJob('checkin')).toHaveLength(0);
  });
});

describe('Slack faults', () => {
  beforeEach(async () => {
    for (const id of ['U1ALPHA', 'U2BRAVO', 'U3CHARLIE']) await h.addPerson({ id, tz: 'Europe/Berlin' });
  });

  it('waits out a 429 for its Retry-After, then delivers, and serves everyone', async () => {
    h.fake.rateLimit('chat.postMessage', 1, 1);
    const r = await pass();
    expect(r.sent).toBe(3);
    const posts = h.fake.callsTo('chat.postMessage');
    const limited = posts.find((c) => c.status === 429)!;
    const retry = posts.find((c) => c.at > limited.at && c.args.channel === limited.args.channel)!;
    expect(retry.ok).toBe(true);
    expect(retry.at - limited.at).toBeGreaterThanOrEqual(950);
    for (const id of ['U1ALPHA', 'U2BRAVO', 'U3CHARLIE']) expect(h.checkinsTo(id)).toHaveLength(1);
  });

  it('retries a 500 and delivers', async () => {
    h.fake.serverError('chat.postMessage', 2);
    const r = await pass();
    expect(r.sent).toBe(3);
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.status === 500)).toHaveLength(2);
    for (const id of ['U1ALPHA', 'U2BRAVO', 'U3CHARLIE']) expect(h.checkinsTo(id)).toHaveLength(1);
  });

  it.each(['account_inactive', 'user_not_found', 'user_disabled'])(
    'marks a person Slack answers %s for as inactive, serves the others, and skips them from then on',
    async (code) => {
      h.fake.fail('chat.postMessage', code, { forUser: 'U2BRAVO' });
      const r = await pass();
      expect(lineOf(r, 'U2BRAVO')).toContain('marked inactive');
      expect(h.checkinsTo('U1ALPHA')).toHaveLength(1);
      expect(h.checkinsTo('U3CHARLIE')).toHaveLength(1);
      expect((await h.person('U2BRAVO')).active).toBe(false);
      h.clock.set('2026-11-27T15:30:00Z');
      const next = await pass();
      expect(lineOf(next, 'U2BRAVO')).toBe('');
      expect(h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'U2BRAVO')).toHaveLength(1);
    },
  );

  it('logs any other failure once with the person and job, and serves the others', async () => {
    h.fake.fail('chat.postMessage', 'restricted_action', { forUser: 'U1ALPHA' });
    const r = await pass();
    expect(r.failed).toBe(1);
    expect(lineOf(r, 'U1ALPHA')).toContain('restricted_action');
    expect(h.checkinsTo('U2BRAVO')).toHaveLength(1);
    expect(h.checkinsTo('U3CHARLIE')).toHaveLength(1);
    const errors = h.logs.filter((l) => l.level === 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ job: 'checkin', subject: 'U1ALPHA', code: 'restricted_action' });
    expect((await h.person('U1ALPHA')).active).toBe(true);
  });
});

describe('a workspace limit that keeps answering 429', () => {
  it('keeps waiting out Retry-After beyond the client’s own retries, and delivers', async () => {
    await h.addPerson({ id: 'U1PATIENT', tz: 'Europe/Berlin' });
    // The client retries four times; the fifth refusal reaches Ballast, which tries again.
    h.fake.rateLimit('chat.postMessage', 1, 5);
    const r = await pass();
    expect(r.sent).toBe(1);
    const posts = h.fake.callsTo('chat.postMessage');
    expect(posts.filter((c) => c.status === 429)).toHaveLength(5);
    expect(h.checkinsTo('U1PATIENT')).toHaveLength(1);
    for (let i = 1; i < posts.length; i++) expect(posts[i].at - posts[i - 1].at).toBeGreaterThanOrEqual(950);
  }, 20_000);
});
