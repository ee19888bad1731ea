// Events API retries, other teams' payloads, and requests no listener answers: each handled once, never hanging.
import { ACTIONS } from '../../../src/slack/ids';
import { createSlackClient } from '../../support/signer';
import { SIGNING_SECRET, startTestApp, type TestApp } from '../../support/app';
import { recordFigures } from '../../support/figures';
import { count } from '../../support/db';

let t: TestApp;
const entries = (): Promise<number> => count(t, 'SELECT COUNT(*) FROM entries');

beforeAll(async () => {
  t = await startTestApp();
  t.fake.addUser({ id: 'U100ADA', name: 'ada', tz: 'Europe/Berlin' });
});
afterAll(() => t.close());
afterEach(() => expect(t.fake.rejections).toEqual([]));

describe('Events API retries', () => {
  it('publishes App Home once when Slack delivers the same event_id again with X-Slack-Retry-Num', async () => {
    t.fake.reset();
    const ev = { type: 'app_home_opened', user: 'U100ADA', channel: 'D100ADA', tab: 'home' };
    const first = await t.slack.event(ev, { eventId: 'Ev0RETRY01' });
    expect(first.status).toBe(200);
    await t.fake.waitForCall('views.publish');
    const retries = [];
    for (let n = 1; n <= 3; n += 1) {
      retries.push(await t.slack.event(ev, { eventId: 'Ev0RETRY01', retryNum: n, retryReason: 'http_timeout' }));
    }
    expect(retries.map((r) => r.status)).toEqual([200, 200, 200]);
    // A different event for the same person is a new delivery and publishes again.
    await t.slack.event(ev, { eventId: 'Ev0RETRY02' });
    await t.fake.waitFor((f) => f.callsTo('views.publish').length === 2);
    expect(t.fake.callsTo('views.publish')).toHaveLength(2);
    expect(t.logs.filter((l) => l.msg === 'dropped a redelivery already handled')).toHaveLength(3);
    recordFigures('eventsApiRetries', { deliveries: 5, distinctEventIds: 2, redeliveriesDropped: 3, homePublishes: 2 });
  });
});

describe('payloads for another workspace', () => {
  it('ignores a slash command from another team, tells the person, and stores nothing', async () => {
    const stranger = createSlackClient({
      baseUrl: `http://127.0.0.1:${t.ballast.port}`, signingSecret: SIGNING_SECRET, teamId: 'T0OTHER', responseUrls: t.fake,
    });
    t.fake.addUser({ id: 'U900EVE', name: 'eve' });
    const before = await entries();
    const r = await stranger.command('U900EVE', 'log 30m reply sneaky');
    expect(r.status).toBe(200);
    expect((r.body as { text: string }).text).toContain('only serves the workspace it is installed in');
    expect(await entries()).toBe(before);
    expect(await count(t, "SELECT COUNT(*) FROM people WHERE id = 'U900EVE'")).toBe(0);
  });

  it('ignores button clicks and events from another team', async () => {
    t.fake.reset();
    const stranger = createSlackClient({
      baseUrl: `http://127.0.0.1:${t.ballast.port}`, signingSecret: SIGNING_SECRET, teamId: 'T0OTHER', responseUrls: t.fake,
    });
    const click = await stranger.blockAction({ userId: 'U900EVE', actionId: 'ballast_open_log_modal', view: { type: 'home' } });
    expect(click.status).toBe(200);
    const ev = await stranger.event({ type: 'app_home_opened', user: 'U900EVE', channel: 'D900EVE', tab: 'home' });
    expect(ev.status).toBe(200);
    // Give the app a chance to (wrongly) act, by round-tripping a request of our own first.
    await t.slack.command('U100ADA', 'help');
    expect(t.fake.callsTo('views.open')).toEqual([]);
    expect(t.fake.callsTo('views.publish')).toEqual([]);
    expect(t.logs.filter((l) => l.msg === 'ignored a payload from another workspace').length).toBeGreaterThanOrEqual(3);
  });
});

describe('requests nobody answers', () => {
  it('acknowledges an unknown action id at once instead of letting Slack time out', async () => {
    const started = performance.now();
    const r = await t.slack.blockAction({ userId: 'U100ADA', actionId: 'no_such_action' });
    expect(r.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('answers an assignment click that carries no response_url (forged from a view) with a log line, not a crash', async () => {
    const before = t.logs.length;
    for (const actionId of [ACTIONS.assignAccept, ACTIONS.assignDecline, ACTIONS.assignDone, ACTIONS.assignOffer, ACTIONS.assignReassign]) {
      const r = await t.slack.blockAction({ userId: 'U100ADA', actionId, value: '1', view: { type: 'home' } });
      expect(r.status).toBe(200);
    }
    // The listeners go on after the acknowledgement: wait for their five log lines (or fail after 3 s).
    const lines = () => t.logs.slice(before).map((l) => String(l.msg));
    const noUrl = () => lines().filter((m) => m === 'the payload has no response_url, so its answer could not be sent').length;
    for (const deadline = performance.now() + 3000; noUrl() < 5 && performance.now() < deadline;) await new Promise((r) => setTimeout(r, 10));
    expect(noUrl()).toBe(5);
    expect(lines().filter((m) => /unhandled error|failed$/.test(m))).toEqual([]);
  });

  it('answers 400, not 500, to an interaction payload missing its user, and keeps serving', async () => {
    const r = await t.slack.action({ type: 'block_actions', team: { id: t.fake.teamId }, actions: [{ action_id: 'x', type: 'button' }] });
    expect(r.status).toBe(400);
    const next = await t.slack.command('U100ADA', 'week');
    expect(next.status).toBe(200);
  });

  it('answers 400 to invalid JSON in payload and 413 to a body over 4 MB', async () => {
    const bad = await t.slack.raw({ body: 'payload=%7Bnot-json' });
    expect(bad.status).toBe(400);
    const huge = await t.slack.raw({ body: `payload=${'a'.repeat(4 * 1024 * 1024 + 10)}` });
    expect(huge.status).toBe(413);
    const before = await entries();
    const unsigned = await t.slack.raw({ body: 'command=%2Fballast&text=log+30m', sign: false });
    expect(unsigned.status).toBe(401);
    expect(await entries()).toBe(before);
  });
});
