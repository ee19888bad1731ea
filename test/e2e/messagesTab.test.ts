// The Messages tab through the real app: text typed to Ballast in its DM (a `message` event in an im
// channel) is read with the /ballast grammar and answered in the DM; edits, bots and Ballast's own
// messages are ignored; a redelivered event is handled once.
import { ACTIONS } from '../../src/slack/ids';
import { startTestApp, type TestApp } from '../support/app';
import { welcomesSent } from '../support/welcome';

const ADA = 'U100ADA';
const DM = 'D100ADA';
let t: TestApp;

beforeEach(async () => {
  t = await startTestApp({ now: '2026-11-26T10:00:00Z' });
  t.fake.addUser({ id: ADA, name: 'ada', tz: 'Europe/Berlin' });
  expect(t.fake.dmChannelOf(ADA)).toBe(DM);
});
afterEach(async () => {
  expect(t.fake.rejections).toEqual([]);
  await t.close();
});

let seq = 0;
const typed = (text: string, extra: Record<string, unknown> = {}, opts: { eventId?: string; retryNum?: number } = {}) =>
  t.slack.event({ type: 'message', channel: DM, channel_type: 'im', user: ADA, text, ts: `1764151200.${String(++seq).padStart(6, '0')}`, ...extra }, opts);
const posted = () => t.fake.callsTo('chat.postMessage').map((c) => c.args as { channel: string; text: string; blocks?: unknown[]; thread_ts?: string });
const entries = () => t.ballast.store.entries.allOf(ADA);

it('logs "log 30m reply" typed in the DM and answers there with the week, and an Undo', async () => {
  const r = await typed('log 30m reply linkedin answered a thread');
  expect(r.status).toBe(200);
  await t.fake.waitFor(() => posted().length === 1);
  const [answer] = posted();
  expect(answer.channel).toBe(DM);
  expect(answer.text).toContain('Logged 30m replying on linkedin');
  expect(JSON.stringify(answer.blocks)).toContain(ACTIONS.entryUndo);
  expect(await entries()).toEqual([expect.objectContaining({ minutes: 30, kind: 'respond', network: 'linkedin', note: 'answered a thread', source: 'command' })]);
});

it.each([
  ['/ballast week', 'of 4h'],
  ['Ballast: budget', 'weekly advocacy budget is 4h'],
  ['hi', 'Your commands'],
  ['help durations', '1h30m'],
  ['lgo 30m', 'Did you mean `log`'],
])('answers "%s" as the slash command would', async (text, expected) => {
  await typed(text);
  await t.fake.waitFor(() => posted().length === 1);
  expect(JSON.stringify(posted()[0])).toContain(expected);
  expect(await entries()).toEqual([]);
});

it('answers a message in a thread inside that thread', async () => {
  await typed('week', { thread_ts: '1764151100.000100' });
  await t.fake.waitFor(() => posted().length === 1);
  expect(posted()[0].thread_ts).toBe('1764151100.000100');
});

it('ignores edits, deletions, bots, Ballast itself and messages outside its DM', async () => {
  await typed('log 30m', { subtype: 'message_changed' });
  await typed('log 30m', { subtype: 'message_deleted' });
  await typed('log 30m', { bot_id: 'B0OTHER' });
  await typed('log 30m', { user: t.fake.botUserId, bot_id: t.fake.botId });
  await typed('log 30m', { channel_type: 'channel', channel: 'C0GENERAL' });
  await typed('   ');
  // A round trip that is answered, so anything wrongly handled above has had its chance to show.
  await typed('week');
  await t.fake.waitFor(() => posted().length >= 1);
  expect(posted()).toHaveLength(1);
  expect(posted()[0].text).toContain('of 4h');
  expect(await entries()).toEqual([]);
});

it('logs once when Slack redelivers the same message event', async () => {
  const ev = { type: 'message', channel: DM, channel_type: 'im', user: ADA, text: 'log 15m comment', ts: '1764151200.999999' };
  await t.slack.event(ev, { eventId: 'Ev0DM0001' });
  await t.slack.event(ev, { eventId: 'Ev0DM0001', retryNum: 1 });
  await t.fake.waitFor(() => posted().length === 1);
  expect(await entries()).toHaveLength(1);
  expect(posted()).toHaveLength(1);
});

it('refuses bad input in the DM with what was wrong, and stores nothing', async () => {
  await typed('log 13h reply');
  await t.fake.waitFor(() => posted().length === 1);
  expect(posted()[0].text).toMatch(/12 hours/);
  expect(await entries()).toEqual([]);
});

it('welcomes a newcomer whose first contact is a typed message, after the answer', async () => {
  const n = await startTestApp({ now: '2026-11-26T10:00:00Z', newcomers: true });
  try {
    n.fake.addUser({ id: ADA, name: 'ada', tz: 'Europe/Berlin' });
    n.fake.dmChannelOf(ADA);
    await n.slack.event({ type: 'message', channel: DM, channel_type: 'im', user: ADA, text: 'log 20m comment', ts: '1764151200.000001' });
    await n.fake.waitFor(() => welcomesSent(n).length === 1);
    const texts = n.fake.callsTo('chat.postMessage').map((c) => String(c.args.text));
    expect(texts[0]).toContain('Logged 20m');
    expect(texts[1]).toMatch(/^Welcome to Ballast/);
    expect(n.fake.rejections).toEqual([]);
  } finally {
    await n.close();
  }
});

it('refuses role-gated commands typed in the DM exactly as the slash command does, and changes nothing', async () => {
  t.fake.addUser({ id: 'U200BOB', name: 'bob', tz: 'Europe/Berlin' });
  // One after another, each answered before the next is typed: the three replies are posted after
  // their acks, so messages sent at once may be answered in any order.
  for (const [i, text] of ['admin role <@U200BOB|bob> lead', 'budget <@U200BOB|bob> 3h', 'team'].entries()) {
    await typed(text);
    await t.fake.waitFor(() => posted().length === i + 1);
  }
  const texts = posted().map((p) => p.text);
  const slash = await Promise.all(['admin role <@U200BOB|bob> lead', 'budget <@U200BOB|bob> 3h', 'team'].map(async (c) => ((await t.slack.command(ADA, c)).body as { text: string }).text));
  expect(texts).toEqual(slash);
  expect(texts[0]).toMatch(/admin/i);
  expect(await t.ballast.store.people.get('U200BOB')).toBeUndefined();
  expect((await t.ballast.store.people.get(ADA))!.role).toBe('none');
});
