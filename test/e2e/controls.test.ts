// pause, resume, checkin and nudges through the real app, and what they change for the next pass.
import { runCheckins } from '../../src/jobs/checkins';
import { startTestApp, type TestApp } from '../support/app';

const ADA = 'U100ADA';
let t: TestApp;

beforeEach(async () => {
  // Thursday 2026-11-26, 10:00 in Berlin.
  t = await startTestApp({ now: '2026-11-26T09:00:00Z' });
  t.fake.addUser({ id: ADA, name: 'ada', tz: 'Europe/Berlin' });
});
afterEach(async () => {
  expect(t.fake.rejections).toEqual([]);
  await t.close();
});

const say = async (text: string) => (await t.slack.command(ADA, text)).body as { text: string; blocks: unknown[] };
const person = async () => (await t.ballast.store.people.get(ADA))!;
const checkinsAt = async (iso: string) => {
  t.clock.set(iso);
  return runCheckins(t.ballast.deps, t.clock.now(), { dryRun: false });
};

it('pauses until a date, inclusive, and check-ins start again the day after', async () => {
  const r = await say('pause until friday');
  expect(r.text).toContain('Paused through Fri 27 Nov');
  expect(JSON.stringify(r.blocks)).toContain('They start again on Sat 28 Nov');
  expect(await person()).toMatchObject({ paused: true, pausedUntil: '2026-11-27' });
  await checkinsAt('2026-11-27T15:30:00Z');
  expect(t.fake.messagesTo(ADA)).toHaveLength(0);
  await checkinsAt('2026-11-30T15:30:00Z');
  expect(t.fake.messagesTo(ADA)).toHaveLength(1);
});

it('pauses for a number of days', async () => {
  const r = await say('pause 3d');
  expect(r.text).toContain('Paused through Sun 29 Nov');
  expect((await person()).pausedUntil).toBe('2026-11-29');
});

it('pauses until resumed, and resumes', async () => {
  expect((await say('pause')).text).toContain('until you resume');
  await checkinsAt('2026-11-26T15:30:00Z');
  expect(t.fake.messagesTo(ADA)).toHaveLength(0);
  expect((await say('resume')).text).toContain('Welcome back');
  expect(await person()).toMatchObject({ paused: false, pausedUntil: null });
  await checkinsAt('2026-11-26T16:00:00Z');
  expect(t.fake.messagesTo(ADA)).toHaveLength(1);
  expect((await say('resume')).text).toContain("weren't paused");
});

it.each([
  ['pause until yesterday', 'is in the past'],
  ['pause 0d', 'A pause lasts 1 to'],
  ['pause until someday', "isn't a date"],
])('refuses `%s` with an example, and stores nothing', async (text, message) => {
  const r = await say(text);
  expect(r.text).toContain(message);
  expect(r.text).toContain('For example: /ballast pause until monday');
  expect((await person()).paused).toBe(false);
});

it('sets the check-in time and days, and the next pass follows them', async () => {
  const r = await say('checkin 9:15 mon,wed,fri');
  expect(r.text).toContain('Your check-in comes at 09:15 (Europe/Berlin), Mon, Wed, Fri');
  expect(await person()).toMatchObject({ checkinTime: '09:15', checkinDays: [1, 3, 5], checkinEnabled: true });
  await checkinsAt('2026-11-26T15:30:00Z');
  expect(t.fake.messagesTo(ADA)).toHaveLength(0);
  await checkinsAt('2026-11-27T08:15:00Z');
  expect(t.fake.messagesTo(ADA)).toHaveLength(1);
});

it('keeps the days when only a time is given', async () => {
  expect((await say('checkin 17:00')).text).toContain('17:00 (Europe/Berlin), Monday to Friday');
});

it.each([
  ['checkin 7:30', 'only sends DMs between 08:00 and 19:00 in each person\'s own time zone, so your check-in at 07:30 would arrive at 08:00 instead: pick a time from 08:00 to 18:59'],
  ['checkin 19:00', 'so your check-in at 19:00 would never be sent'],
  ['checkin 25:00', "isn't a time"],
  ['checkin 16:30 someday', "isn't a set of days"],
  ['checkin', 'Say the check-in time'],
])('refuses `%s` with an example, and stores nothing', async (text, message) => {
  const r = await say(text);
  expect(r.text).toContain(message);
  expect(r.text).toContain('For example: /ballast checkin 16:30 mon-fri');
  expect((await person()).checkinTime).toBeNull();
});

it('turns check-ins off', async () => {
  expect((await say('checkin off')).text).toContain('Daily check-ins are off');
  expect((await person()).checkinEnabled).toBe(false);
  await checkinsAt('2026-11-26T15:30:00Z');
  expect(t.fake.messagesTo(ADA)).toHaveLength(0);
  await say('checkin 16:30');
  expect((await person()).checkinEnabled).toBe(true);
});

it('turns nudges off and on', async () => {
  expect((await say('nudges off')).text).toContain('Nudges are off');
  expect((await person()).nudgesEnabled).toBe(false);
  expect((await say('nudges on')).text).toContain('Nudges are on');
  expect((await person()).nudgesEnabled).toBe(true);
  expect((await say('nudges maybe')).text).toContain('For example: /ballast nudges off');
});
