// The check-in DM and the pulse through the real app: buttons, the Other… modal, undo, double clicks.
import { ACTIONS, VIEWS } from '../../src/slack/ids';
import { runCheckins } from '../../src/jobs/checkins';
import { runPulse } from '../../src/jobs/pulse';
import { startTestApp, type TestApp } from '../support/app';
import type { FakeMessage } from '../support/fakeSlack';

const ADA = 'U100ADA';
let t: TestApp;

beforeEach(async () => {
  // Thursday 2026-11-26, 16:30 in Berlin.
  t = await startTestApp({ now: '2026-11-26T15:30:00Z' });
  t.fake.addUser({ id: ADA, name: 'ada', tz: 'Europe/Berlin' });
  await t.slack.command(ADA, 'week');
});
afterEach(async () => {
  expect(t.fake.rejections).toEqual([]);
  await t.close();
});

async function checkin(): Promise<FakeMessage> {
  await runCheckins(t.ballast.deps, t.clock.now(), { dryRun: false });
  const [m] = t.fake.messagesTo(ADA).filter((x) => (x.text ?? '').startsWith('Any social engagement'));
  return m;
}
const click = (m: FakeMessage, actionId: string, value = '2026-11-26') =>
  t.slack.blockAction({ userId: ADA, actionId, value, message: { ts: m.ts, channel: m.channel, blocks: m.blocks } });
const updates = (m: FakeMessage) => m.history.length - 1;
const entries = () => t.ballast.store.entries.allOf(ADA);
const buttonTexts = (blocks: unknown) => JSON.stringify(blocks).match(/"text":"[^"]*","emoji":true},"action_id"/g)?.join(' ') ?? '';

it('asks with Nothing today, 15m, 30m, 1h and Other… buttons', async () => {
  const m = await checkin();
  expect(m.text).toContain('Thu 26 Nov');
  const b = buttonTexts(m.blocks);
  for (const label of ['Nothing today', '15m', '30m', '1h', 'Other…']) expect(b).toContain(`"text":"${label}"`);
});

it('logs a button click and turns the message into what was logged, with an undo button', async () => {
  const m = await checkin();
  await click(m, ACTIONS.checkin30);
  await t.fake.waitFor(() => updates(m) === 1);
  const stored = await entries();
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ minutes: 30, date: '2026-11-26', source: 'checkin' });
  expect(m.text).toContain('Logged 30m for Thu 26 Nov');
  expect(JSON.stringify(m.blocks)).toContain(ACTIONS.checkinUndo);
  expect(JSON.stringify(m.blocks)).not.toContain(ACTIONS.checkin15);
});

it('logs once when the person double-clicks two buttons', async () => {
  const m = await checkin();
  await Promise.all([click(m, ACTIONS.checkin15), click(m, ACTIONS.checkin60)]);
  await t.fake.waitFor(() => updates(m) === 2);
  expect(await entries()).toHaveLength(1);
});

it('logs once when Slack delivers the same click twice', async () => {
  const m = await checkin();
  const opts = { userId: ADA, actionId: ACTIONS.checkin15, value: '2026-11-26', triggerId: '1.2.same', message: { ts: m.ts, channel: m.channel, blocks: m.blocks } };
  await Promise.all([t.slack.blockAction(opts), t.slack.blockAction(opts)]);
  // The repeat delivery carries the same trigger_id and is dropped at the edge; the first updates the message.
  await t.fake.waitFor(() => updates(m) >= 1);
  const stored = await entries();
  expect(stored).toHaveLength(1);
  expect(stored[0].minutes).toBe(15);
});

it('undoes from the message and puts the question back; a second undo removes nothing else', async () => {
  await t.slack.command(ADA, 'log 20m reply yesterday');
  const m = await checkin();
  await click(m, ACTIONS.checkin30);
  await t.fake.waitFor(() => updates(m) === 1);
  const id = (await entries()).find((e) => e.source === 'checkin')!.id;
  await click(m, ACTIONS.checkinUndo, String(id));
  await t.fake.waitFor(() => updates(m) === 2);
  expect((await entries()).map((e) => e.source)).toEqual(['command']);
  expect(JSON.stringify(m.blocks)).toContain('Removed 30m');
  expect(JSON.stringify(m.blocks)).toContain(ACTIONS.checkin15);
  await click(m, ACTIONS.checkinUndo, String(id));
  await t.fake.waitFor(() => t.fake.ephemeralsTo(ADA).length === 1);
  expect(t.fake.ephemeralsTo(ADA)[0].text).toContain('already removed');
  expect(await entries()).toHaveLength(1);
});

it('tells someone Slack cannot look up why their check-in click did nothing, and tells a garbled undo apart', async () => {
  const m = await checkin();
  t.fake.addUser({ id: 'U100BOB', name: 'bob', tz: 'Europe/Berlin' });
  t.fake.fail('users.info', 'missing_scope', { forUser: 'U100BOB' });
  await t.slack.blockAction({ userId: 'U100BOB', actionId: ACTIONS.checkin30, value: '2026-11-26', message: { ts: m.ts, channel: m.channel, blocks: m.blocks } });
  await click(m, ACTIONS.checkinUndo, 'not-an-id');
  await t.fake.waitFor(() => t.fake.ephemeralsTo('U100BOB').length === 1 && t.fake.ephemeralsTo(ADA).length === 1);
  expect(t.fake.ephemeralsTo('U100BOB')[0].text).toContain("couldn't reach Slack to look you up");
  expect(t.fake.ephemeralsTo(ADA)[0].text).toContain('That check-in could not be read.');
  expect(updates(m)).toBe(0);
  expect(await t.ballast.store.entries.allOf('U100BOB')).toEqual([]);
});

it('answers Nothing today without logging anything', async () => {
  const m = await checkin();
  await click(m, ACTIONS.checkinNothing);
  await t.fake.waitFor(() => updates(m) === 1);
  expect(m.text).toContain('Nothing logged for Thu 26 Nov');
  expect(await entries()).toHaveLength(0);
});

it('opens the log modal from Other… and logs its submission as the check-in answer, once', async () => {
  const m = await checkin();
  await click(m, ACTIONS.checkinOther);
  await t.fake.waitFor(() => t.fake.modals().length === 1);
  const modal = t.fake.modals()[0];
  expect(modal.view.callback_id).toBe(VIEWS.checkinOther);
  const submit = () => t.slack.viewSubmission({
    userId: ADA, callbackId: VIEWS.checkinOther, view: { ...modal.view, id: modal.id },
    values: {
      log_minutes: { minutes: '45m' },
      log_kind: { kind: { type: 'static_select', selected_option: { value: 'comment' } } },
      log_note: { note: 'answered three questions' },
    },
  });
  const r = await submit();
  expect(r.status).toBe(200);
  await t.fake.waitFor(() => updates(m) === 1);
  await submit();
  await click(m, ACTIONS.checkin15);
  await t.fake.waitFor(() => updates(m) === 3);
  const stored = await entries();
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ minutes: 45, kind: 'comment', date: '2026-11-26', source: 'checkin', note: 'answered three questions' });
  expect(m.text).toContain('Logged 45m');
});

it('shows field errors in the Other… modal and stores nothing', async () => {
  const m = await checkin();
  await click(m, ACTIONS.checkinOther);
  await t.fake.waitFor(() => t.fake.modals().length === 1);
  const modal = t.fake.modals()[0];
  const r = await t.slack.viewSubmission({
    userId: ADA, callbackId: VIEWS.checkinOther, view: { ...modal.view, id: modal.id },
    values: { log_minutes: { minutes: 'lots' }, log_kind: { kind: { type: 'static_select', selected_option: { value: 'comment' } } } },
  });
  expect(r.body).toMatchObject({ response_action: 'errors', errors: { log_minutes: expect.stringContaining("isn't a duration") } });
  expect(await entries()).toHaveLength(0);
});

it('warns in a DM when a check-in click takes the week past 80%', async () => {
  await t.slack.command(ADA, 'log 3h reply yesterday');
  const m = await checkin();
  await click(m, ACTIONS.checkin15);
  await t.fake.waitFor(() => updates(m) === 1);
  expect(m.text).toContain('Logged 15m');
  expect(t.fake.messagesTo(ADA).find((x) => (x.text ?? '').startsWith('Heads up'))!.text).toContain('nearing');
});

describe('the strain pulse', () => {
  it('records the answer, shows it in the week view, and a second click keeps one answer', async () => {
    t.clock.set('2026-11-27T15:30:00Z');
    await runPulse(t.ballast.deps, t.clock.now(), { dryRun: false });
    const [m] = t.fake.messagesTo(ADA).filter((x) => (x.text ?? '').startsWith('Weekly pulse'));
    await click(m, ACTIONS.pulseBit, '2026-W48');
    await t.fake.waitFor(() => updates(m) === 1);
    expect(m.text).toContain('Recorded for the week of Mon 23 Nov: squeezed it a bit');
    await click(m, ACTIONS.pulseBit, '2026-W48');
    await t.fake.waitFor(() => updates(m) === 2);
    expect(await t.ballast.store.strain.ofPerson(ADA)).toMatchObject([{ weekKey: '2026-W48', answer: 'bit' }]);
    const week = await t.slack.command(ADA, 'week');
    expect(JSON.stringify(week.body)).toContain('Your pulse this week: advocacy squeezed your core work a bit');
  });

  it("takes last Friday's pulse on Monday, but not a long-gone or a future week's", async () => {
    t.clock.set('2026-11-27T15:30:00Z');
    await runPulse(t.ballast.deps, t.clock.now(), { dryRun: false });
    const [m] = t.fake.messagesTo(ADA).filter((x) => (x.text ?? '').startsWith('Weekly pulse'));
    t.clock.set('2026-11-30T08:00:00Z'); // Monday of 2026-W49
    await click(m, ACTIONS.pulseBack, '2026-W48');
    await t.fake.waitFor(() => updates(m) === 1);
    expect(m.text).toContain('Recorded for the week of Mon 23 Nov');
    // Two weeks on, the same message's buttons are too late: the message closes instead of recording.
    t.clock.set('2026-12-08T08:00:00Z'); // Tuesday of 2026-W50
    await click(m, ACTIONS.pulseNone, '2026-W48');
    await t.fake.waitFor(() => updates(m) === 2);
    expect(m.text).toBe('The pulse for the week of Mon 23 Nov has closed, so nothing was recorded. Ballast takes answers for this week and last; the next pulse comes on Friday.');
    expect(buttonTexts(m.blocks)).toBe('');
    // A week not yet begun (a forged value) is closed off the same way.
    await click(m, ACTIONS.pulseNone, '2026-W52');
    await t.fake.waitFor(() => updates(m) === 3);
    expect(m.text).toContain('The pulse for the week of Mon 21 Dec has closed');
    expect(await t.ballast.store.strain.ofPerson(ADA)).toMatchObject([{ weekKey: '2026-W48', answer: 'back' }]);
    expect(t.fake.ephemeralsTo(ADA)).toEqual([]);
  });
});

describe('warnings from other ways of logging', () => {
  const headsUp = () => t.fake.messagesTo(ADA).filter((x) => (x.text ?? '').startsWith('Heads up'));

  it('warns once when a slash command takes the week over budget', async () => {
    await t.slack.command(ADA, 'log 4h reply');
    await t.fake.waitFor(() => headsUp().length === 1);
    expect(headsUp()[0].text).toContain('over this week’s advocacy budget');
    await t.slack.command(ADA, 'log 10m reply');
    expect(headsUp()).toHaveLength(1);
  });

  it('warns when the log modal takes the week past 80%', async () => {
    const r = await t.slack.viewSubmission({
      userId: ADA, callbackId: VIEWS.logModal,
      values: { log_minutes: { minutes: '3h15m' }, log_kind: { kind: { type: 'static_select', selected_option: { value: 'post' } } } },
    });
    expect(r.status).toBe(200);
    await t.fake.waitFor(() => headsUp().length === 1);
    expect(headsUp()[0].text).toContain('nearing');
    await t.fake.waitFor(() => t.fake.homeOf(ADA) !== undefined);
  });
});
