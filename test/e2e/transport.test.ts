// The HTTP receiver's edges: signatures, staleness, /healthz.
/* eslint-disable no-restricted-properties -- Slack signatures are checked against real time */
import { startTestApp, type TestApp } from '../support/app';
import { count } from '../support/db';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  t.fake.addUser({ id: 'U100ADA', name: 'ada' });
});
afterAll(() => t.close());

const entryCount = () => count(t, 'SELECT COUNT(*) FROM entries');
const commandBody = (text: string) =>
  new URLSearchParams({ command: '/ballast', text, user_id: 'U100ADA', team_id: t.fake.teamId, channel_id: 'C1', trigger_id: 'x', response_url: t.fake.responseUrl() }).toString();

it('answers 401 to a forged signature and stores nothing', async () => {
  const r = await t.slack.raw({ body: commandBody('log 30m'), headers: { 'x-slack-signature': 'v0=' + 'ab'.repeat(32), 'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)) }, sign: false });
  expect(r.status).toBe(401);
  expect(await entryCount()).toBe(0);
});

it('answers 401 to a correctly signed request that is more than five minutes old and stores nothing', async () => {
  const r = await t.slack.raw({ body: commandBody('log 30m'), timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
  expect(r.status).toBe(401);
  expect(await entryCount()).toBe(0);
});

it('answers 401 when the signature headers are missing', async () => {
  const r = await t.slack.raw({ body: commandBody('log 30m'), sign: false });
  expect(r.status).toBe(401);
  expect(await entryCount()).toBe(0);
});

it('accepts the same command correctly signed', async () => {
  const r = await t.slack.raw({ body: commandBody('log 30m') });
  expect(r.status).toBe(200);
  expect(await entryCount()).toBe(1);
});

it('reports health with a JSON body when the database answers', async () => {
  const r = await fetch(`http://127.0.0.1:${t.ballast.port}/healthz`);
  expect(r.status).toBe(200);
  expect(await r.json()).toEqual({ ok: true, database: 'ok' });
});
