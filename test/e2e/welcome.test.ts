// The welcome DM at first contact, through the real app: once, after the trigger's own answer, with
// the budget and how it was set, who sees what (as `/ballast privacy` says it) and three buttons.
import { ACTIONS, BLOCKS } from '../../src/slack/ids';
import { WELCOME_JOB, welcomeKey } from '../../src/services/welcome';
import { runCheckins } from '../../src/jobs/checkins';
import { privacyLines } from '../../src/slack/blocks/privacy';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { startTestApp, type TestApp } from '../support/app';
import { seedEntry, seedPerson } from '../support/org';
import { welcomesSent } from '../support/welcome';

const ADA = 'U100ADA';
const MGR = 'U300MGR';
let t: TestApp;

beforeEach(async () => {
  // Thursday 26 November 2026, 11:00 in Berlin.
  t = await startTestApp({ now: '2026-11-26T10:00:00Z', newcomers: true });
  t.fake.addUser({ id: ADA, name: 'ada', realName: 'Ada Lovelace', tz: 'Europe/Berlin' });
  t.fake.addUser({ id: MGR, name: 'mia', tz: 'Europe/Berlin' });
});
afterEach(async () => {
  expect(t.fake.rejections).toEqual([]);
  await t.close();
});

type Block = { type: string; block_id?: string; text?: { text: string }; elements?: { type: string; action_id?: string; text: { text: string } | string }[] };
const textOf = (blocks: unknown[]): string => (blocks as Block[]).map((b) => b.text?.text ?? '').join('\n');
const methods = () => t.fake.calls.map((c) => c.method).filter((m) => m !== 'users.info' && m !== 'auth.test');

it('sends a newcomer one welcome after the reply to their first command, and none at the next', async () => {
  const r = await t.slack.command(ADA, 'week');
  expect((r.body as { text: string }).text).toContain('0m of 4h');
  const [welcome] = welcomesSent(t);
  expect(welcomesSent(t)).toHaveLength(1);
  expect(welcome.channel).toBe(ADA);
  const text = textOf(welcome.blocks);
  // What Ballast is for, and the one plain explanation of relationship work.
  expect(text).toContain('side job with a budget');
  expect(welcome.text).toContain('Relationship work counts: replying, commenting and conversations, not only posting');
  expect(text).toContain('Replying to people, commenting on their posts and keeping conversations going');
  // The budget and how it was set: the org default of 10% of 40 contracted hours.
  expect(text).toContain('*4h a week* (the default: 10% of your 40 contracted hours)');
  expect(text).toContain('16:30 (Europe/Berlin)');
  // The buttons, by id, in their own block.
  const buttons = (welcome.blocks as Block[]).find((b) => b.block_id === BLOCKS.welcomeButtons)!;
  expect(buttons.elements!.map((e) => [e.action_id, (e.text as { text: string }).text])).toEqual([
    [ACTIONS.openLogModal, 'Log time'], [ACTIONS.openCheckinSettings, 'Set check-in time'], [ACTIONS.openPause, 'Pause'],
  ]);
  expect(await t.ballast.store.claims.get(welcomeKey(ADA))).toMatchObject({ status: 'sent' });

  await t.slack.command(ADA, 'budget');
  await t.slack.command(ADA, 'help');
  expect(welcomesSent(t)).toHaveLength(1);
});

it('says who sees what in exactly the lines of /ballast privacy', async () => {
  await seedPerson(t, { id: MGR });
  await seedPerson(t, { id: ADA, managerId: MGR, newcomer: true });
  const privacy = await t.slack.command(ADA, 'privacy');
  const shown = textOf((privacy.body as { blocks: unknown[] }).blocks);
  const lines = privacyLines((await t.ballast.store.people.get(ADA))!, DEFAULT_SETTINGS);
  const welcome = textOf(welcomesSent(t)[0].blocks);
  for (const line of Object.values(lines)) {
    expect(shown).toContain(line);
    expect(welcome).toContain(`• ${line}`);
  }
  expect(welcome).toContain(`<@${MGR}>* sees, for their direct reports only`);
});

it('names the manager who set an explicit budget', async () => {
  await seedPerson(t, { id: MGR });
  await seedPerson(t, { id: ADA, managerId: MGR, newcomer: true });
  await t.slack.command(MGR, 'budget <@U100ADA|ada> 3h');
  // The budget-change DM goes to Ada; she has not been in touch yet, so no welcome so far.
  expect(welcomesSent(t)).toHaveLength(0);
  await t.slack.command(ADA, 'week');
  expect(textOf(welcomesSent(t)[0].blocks)).toContain(`*3h a week* (set for you by <@${MGR}>)`);
});

it('welcomes a newcomer whose first command logs time: that entry does not make them an old hand', async () => {
  const r = await t.slack.command(ADA, 'log 30m reply linkedin');
  expect((r.body as { text: string }).text).toContain('Logged 30m');
  expect(welcomesSent(t)).toHaveLength(1);
});

it('sends nothing to someone who had entries before the welcome existed, and records them as met', async () => {
  await seedPerson(t, { id: ADA, newcomer: true });
  await seedEntry(t, ADA, '2026-11-20', 45, 'comment');
  await t.slack.command(ADA, 'week');
  await t.slack.event({ type: 'app_home_opened', user: ADA, channel: 'D100ADA', tab: 'home' });
  expect(welcomesSent(t)).toEqual([]);
  expect(await t.ballast.store.claims.get(welcomeKey(ADA))).toMatchObject({ status: 'skipped', detail: 'had entries before the welcome' });
});

it('sends nothing to people seeded by the tests unless they are seeded as newcomers', async () => {
  await seedPerson(t, { id: MGR });
  await t.slack.command(MGR, 'week');
  expect(welcomesSent(t)).toEqual([]);
});

it('welcomes at the first App Home open, after Home is published', async () => {
  await t.slack.event({ type: 'app_home_opened', user: ADA, channel: 'D100ADA', tab: 'home' });
  await t.fake.waitFor(() => welcomesSent(t).length === 1);
  const order = methods();
  expect(order.indexOf('views.publish')).toBeGreaterThanOrEqual(0);
  expect(order.indexOf('views.publish')).toBeLessThan(order.indexOf('chat.postMessage'));
});

it('welcomes at the first check-in answer, after the check-in shows what was logged', async () => {
  // Known from a roster import, never in touch: 16:30 in Berlin, the check-in goes out.
  t.clock.set('2026-11-26T15:30:00Z');
  await seedPerson(t, { id: ADA, newcomer: true });
  await runCheckins(t.ballast.deps, t.clock.now(), { dryRun: false });
  const [m] = t.fake.messagesTo(ADA).filter((x) => (x.text ?? '').startsWith('Any social engagement'));
  expect(welcomesSent(t)).toEqual([]);
  await t.slack.blockAction({ userId: ADA, actionId: ACTIONS.checkin15, value: '2026-11-26', message: { ts: m.ts, channel: m.channel, blocks: m.blocks } });
  await t.fake.waitFor(() => welcomesSent(t).length === 1);
  expect(m.text).toContain('Logged 15m');
  const order = methods();
  expect(order.indexOf('chat.update')).toBeLessThan(order.lastIndexOf('chat.postMessage'));
});

it('sends one welcome when two first commands arrive at once', async () => {
  await Promise.all([t.slack.command(ADA, 'week'), t.slack.command(ADA, 'budget'), t.slack.command(ADA, 'help')]);
  expect(welcomesSent(t)).toHaveLength(1);
  expect((await t.ballast.store.claims.ofJob(WELCOME_JOB)).map((c) => [c.subject, c.status])).toEqual([[ADA, 'sent']]);
});

it('goes out at once outside quiet hours: it answers something the person did', async () => {
  t.clock.set('2026-11-26T22:00:00Z'); // 23:00 in Berlin
  await t.slack.command(ADA, 'week');
  expect(welcomesSent(t)).toHaveLength(1);
});

it('is not sent to someone Slack reports gone, and the command still answers', async () => {
  await t.slack.command(ADA, 'week');
  expect(welcomesSent(t)).toHaveLength(1);
  t.fake.addUser({ id: 'U700NEW', name: 'neo', tz: 'UTC' });
  t.fake.fail('chat.postMessage', 'user_not_found', { times: 1 });
  const r = await t.slack.command('U700NEW', 'week');
  expect((r.body as { text: string }).text).toContain('of 4h');
  expect(await t.ballast.store.claims.get(welcomeKey('U700NEW'))).toMatchObject({ status: 'failed', detail: 'user_not_found' });
});
