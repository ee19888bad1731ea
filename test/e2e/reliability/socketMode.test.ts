// Socket Mode end to end: the real app connects to a fake Socket Mode server through apps.connections.open.
import { startFakeSlack, type FakeSlack } from '../../support/fakeSlack';
import { startFakeSocketMode, type FakeSocketMode } from '../../support/fakeSocketMode';
import { startTestApp, type TestApp } from '../../support/app';
import * as db from '../../support/db';
import { recordFigures } from '../../support/figures';
import { ACTIONS } from '../../../src/slack/ids';

let fake: FakeSlack;
let sm: FakeSocketMode;
let t: TestApp;
const entriesOf = (id: string): Promise<number> =>
  db.count(t, 'SELECT COUNT(*) AS n FROM entries WHERE person_id = ?', id);
const ackText = (a: { payload: Record<string, unknown> }): string => String(a.payload.text ?? '');

beforeAll(async () => {
  fake = await startFakeSlack();
  sm = await startFakeSocketMode(fake);
  fake.addUser({ id: 'U100ADA', name: 'ada', tz: 'Europe/Berlin' });
  t = await startTestApp({
    fakeSlack: fake,
    env: { SLACK_APP_TOKEN: fake.appToken },
    start: { socketMode: { clientPingTimeoutMs: 1000, serverPingTimeoutMs: 3000 } },
  });
});
afterAll(async () => {
  await t.close();
  await sm.close();
  await fake.close();
});
afterEach(() => expect(fake.rejections).toEqual([]));

it('opened the socket with the app token at the URL apps.connections.open gave', () => {
  const open = fake.callsTo('apps.connections.open');
  expect(open.length).toBeGreaterThanOrEqual(1);
  expect(open[0].ok).toBe(true);
  expect(sm.connectionCount).toBeGreaterThanOrEqual(1);
  expect(t.logs.some((l) => l.msg === 'Ballast is connected over Socket Mode')).toBe(true);
});

it('answers a slash command in the ack, carrying the ephemeral reply', async () => {
  const env = sm.slashCommand('U100ADA', 'log 30m reply linkedin over the socket');
  const ack = await sm.deliver(env);
  expect(ack.payload.response_type).toBe('ephemeral');
  expect(ackText(ack)).toContain('Logged 30m');
  expect(await entriesOf('U100ADA')).toBe(1);
});

it('handles a button click: "Log time" on App Home opens the log modal', async () => {
  const env = sm.buttonClick('U100ADA', ACTIONS.openLogModal);
  const ack = await sm.deliver(env);
  expect(ack.payload).toEqual({});
  const open = await fake.waitForCall('views.open');
  expect(open.args.trigger_id).toBe((env.payload as { trigger_id: string }).trigger_id);
  expect(fake.modals()).toHaveLength(1);
});

it('processes a redelivered slash command once and says it already did', async () => {
  const env = sm.slashCommand('U100ADA', 'log 10m comment delivered twice');
  const before = await entriesOf('U100ADA');
  const first = await sm.deliver(env);
  const again = await sm.redeliver(env, 1, 'timeout');
  expect(ackText(first)).toContain('Logged 10m');
  expect(ackText(again)).toContain('already handled');
  expect(await entriesOf('U100ADA')).toBe(before + 1);
});

it('processes a redelivered events_api envelope once: App Home is published once', async () => {
  fake.reset();
  const env = sm.event({ type: 'app_home_opened', user: 'U100ADA', channel: 'D100ADA', tab: 'home' });
  await sm.deliver(env);
  await fake.waitForCall('views.publish');
  await sm.redeliver(env, 1, 'timeout');
  await sm.redeliver(env, 2, 'timeout');
  // A later, different event proves the app got past the redeliveries before we count.
  await sm.deliver(sm.event({ type: 'app_home_opened', user: 'U100ADA', channel: 'D100ADA', tab: 'messages' }));
  expect(sm.acksFor(env.envelope_id)).toHaveLength(3);
  expect(fake.callsTo('views.publish')).toHaveLength(1);
  recordFigures('socketRedelivery', { envelopes: 3, retryAttempts: [1, 2], homePublishes: 1 });
});

it('reconnects after a disconnect with reason refresh_requested and handles the next envelope', async () => {
  const before = sm.connectionCount;
  const opensBefore = fake.callsTo('apps.connections.open').length;
  const started = performance.now();
  sm.requestDisconnect('refresh_requested');
  await sm.waitForConnection(before + 1);
  const reconnectMs = performance.now() - started;
  expect(fake.callsTo('apps.connections.open').length).toBeGreaterThan(opensBefore);
  const ack = await sm.deliver(sm.slashCommand('U100ADA', 'log 5m share after refresh'));
  expect(ackText(ack)).toContain('Logged 5m');
  expect(ack.connection).toBeGreaterThan(before);
  recordFigures('socketRefresh', { reason: 'refresh_requested', reconnectMs: Math.round(reconnectMs) });
});

it('notices a server that stops answering pings, reconnects, and handles the next envelope', async () => {
  const stalled = sm.stopAnsweringPings();
  const started = performance.now();
  await sm.waitForConnection(stalled + 1);
  const reconnectMs = performance.now() - started;
  expect(sm.pingsSeenOn(stalled)).toBeGreaterThan(0);
  const ack = await sm.deliver(sm.slashCommand('U100ADA', 'week'));
  expect(ackText(ack)).toMatch(/\d+m/);
  expect(ack.connection).toBeGreaterThan(stalled);
  expect(t.logs.some((l) => typeof l.msg === 'string' && l.msg.includes("A pong wasn't received"))).toBe(true);
  recordFigures('socketPingTimeout', { clientPingTimeoutMs: 1000, reconnectMs: Math.round(reconnectMs) });
});
