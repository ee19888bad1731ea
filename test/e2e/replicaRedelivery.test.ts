// A delivery that reaches a second replica is handled once: two real Ballast apps (HTTP receiver, own
// pools) on one PostgreSQL database and one fake Slack, driven through signed requests. Events carry
// Slack's event_id (retried with X-Slack-Retry-Num, possibly to another replica behind the load
// balancer); commands, clicks and submissions carry the trigger_id of the one thing the person did
// (Slack does not retry them, but a load balancer or proxy may replay one). The record of what was
// handled is a row in events_seen, shared by every replica. RELIABILITY.md §9 "Redelivery across replicas".
import { ACTIONS, LOG_MODAL as L, VIEWS } from '../../src/slack/ids';
import { startTestApp, type TestApp } from '../support/app';
import { addPerson } from '../support/assignments';
import { startFakeSlack, type FakeSlack } from '../support/fakeSlack';
import { newTriggerId } from '../support/signer';
import { freshDatabase, type TestDatabase } from '../support/postgres';
import { recordFigures } from '../support/figures';

const ADA = 'U700ADA';
const DROPPED = 'dropped a redelivery already handled';
let database: TestDatabase;
let fake: FakeSlack;
let a: TestApp;
let b: TestApp;

beforeAll(async () => {
  database = await freshDatabase();
  fake = await startFakeSlack();
  // Both start at once, as replicas do; the migration runs once under its advisory lock.
  [a, b] = await Promise.all([0, 1].map(() => startTestApp({ fakeSlack: fake, env: { DATABASE_URL: database.url } })));
  await addPerson(a, ADA);
}, 60_000);
afterAll(async () => {
  await a?.close();
  await b?.close();
  await fake?.close();
  await database?.drop();
});
afterEach(() => expect(fake.rejections).toEqual([]));

const dropped = (t: TestApp) => t.logs.filter((l) => l.msg === DROPPED);
const entries = () => a.ballast.store.entries.allOf(ADA);

function logForm(minutes: string) {
  const opt = (value: string) => ({ type: 'static_select', selected_option: { value, text: { type: 'plain_text', text: value } } });
  return {
    [L.minutesBlock]: { [L.minutesAction]: { type: 'plain_text_input', value: minutes } },
    [L.kindBlock]: { [L.kindAction]: opt('respond') },
    [L.networkBlock]: { [L.networkAction]: opt('linkedin') },
    [L.dateBlock]: { [L.dateAction]: { type: 'datepicker', selected_date: null } },
    [L.linkBlock]: { [L.linkAction]: { type: 'url_text_input', value: null } },
    [L.noteBlock]: { [L.noteAction]: { type: 'plain_text_input', value: null } },
  };
}

it('publishes App Home once when Slack retries an event to the other replica, and once when both get it at the same moment', async () => {
  fake.reset();
  const ev = { type: 'app_home_opened', user: ADA, channel: 'D700ADA', tab: 'home' };
  expect((await a.slack.event(ev, { eventId: 'Ev0REPL01' })).status).toBe(200);
  await fake.waitForCall('views.publish');
  const retries = [];
  for (let n = 1; n <= 3; n += 1) retries.push(await b.slack.event(ev, { eventId: 'Ev0REPL01', retryNum: n, retryReason: 'http_timeout' }));
  expect(retries.map((r) => r.status)).toEqual([200, 200, 200]);

  // A replay that reaches both replicas at once: one of them wins the row. Its publish is the second
  // (Home is published after the ack), so waiting for it also gives a wrongly handled retry time to show.
  await Promise.all([a.slack.event(ev, { eventId: 'Ev0REPL02' }), b.slack.event(ev, { eventId: 'Ev0REPL02' })]);
  await fake.waitFor((f) => f.callsTo('views.publish').length >= 2);
  await a.slack.command(ADA, 'help');
  expect(fake.callsTo('views.publish')).toHaveLength(2);
  // Bolt acknowledges an event before its middleware runs, so the three retries are handled in any order.
  expect(dropped(b).filter((l) => l.key === 'event:Ev0REPL01').map((l) => l.retryNum).sort()).toEqual([1, 2, 3]);
  expect([...dropped(a), ...dropped(b)].filter((l) => l.key === 'event:Ev0REPL02')).toHaveLength(1);
});

it('logs a slash command once when the same delivery reaches the second replica, and answers the replay plainly', async () => {
  const triggerId = newTriggerId();
  const first = await a.slack.command(ADA, 'log 30m reply linkedin answered a thread', { triggerId });
  expect((first.body as { text: string }).text).toContain('Logged 30m');
  const replay = await b.slack.command(ADA, 'log 30m reply linkedin answered a thread', { triggerId });
  expect(replay.status).toBe(200);
  expect((replay.body as { text: string }).text).toBe('Ballast already handled this command.');
  expect((await entries()).filter((e) => e.note === 'answered a thread')).toHaveLength(1);

  // The same text typed again is a new command (a new trigger): logged again, on either replica.
  await b.slack.command(ADA, 'log 30m reply linkedin answered a thread');
  expect((await entries()).filter((e) => e.note === 'answered a thread')).toHaveLength(2);

  // A replay to both at once.
  const both = newTriggerId();
  await Promise.all([a, b].map((t) => t.slack.command(ADA, 'log 20m reply linkedin replayed to both', { triggerId: both })));
  expect((await entries()).filter((e) => e.note === 'replayed to both')).toHaveLength(1);
});

it('opens one modal and logs one entry when a click or a submission is replayed to the other replica', async () => {
  fake.reset();
  const click = newTriggerId();
  await a.slack.blockAction({ userId: ADA, actionId: ACTIONS.openLogModal, view: { type: 'home' }, triggerId: click });
  await b.slack.blockAction({ userId: ADA, actionId: ACTIONS.openLogModal, view: { type: 'home' }, triggerId: click });
  expect(fake.callsTo('views.open')).toHaveLength(1);
  expect(dropped(b).filter((l) => l.key === `trigger:${click}`)).toHaveLength(1);

  const before = (await entries()).length;
  const submit = newTriggerId();
  const answers = await Promise.all([a, b].map((t) => t.slack.viewSubmission({
    userId: ADA, callbackId: VIEWS.logModal, viewId: 'VLREPL', values: logForm('25m'), triggerId: submit,
  })));
  expect(answers.map((r) => r.status)).toEqual([200, 200]);
  const added = (await entries()).slice(before);
  expect(added.map((e) => e.minutes)).toEqual([25]);
  recordFigures('replicaRedelivery', {
    replicas: 2, eventRedeliveries: 4, commandReplays: 2, interactionReplays: 2,
    handledTwice: 0, droppedOnA: dropped(a).length, droppedOnB: dropped(b).length,
  });
});
