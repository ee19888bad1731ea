// Slack's failure modes: refused scopes and channels, gone accounts, a revoked token, 500s, 429s and a slow Slack.
import { sendOnce, dm } from '../../../src/services/sendOnce';
import { startTestApp, type TestApp } from '../../support/app';
import { startFakeSlack } from '../../support/fakeSlack';
import { recordFigures } from '../../support/figures';
import { count as countRows } from '../../support/db';

let t: TestApp;
const count = (sql: string): Promise<number> => countRows(t, sql);
const text = (r: { body: unknown }): string => (r.body as { text?: string }).text ?? '';
const logsWith = (msg: string) => t.logs.filter((l) => typeof l.msg === 'string' && l.msg.includes(msg));

beforeAll(async () => {
  t = await startTestApp();
  t.fake.addUser({ id: 'U100ADA', name: 'ada', tz: 'Europe/Berlin' });
  // Ada is known to Ballast before anything goes wrong.
  expect(text(await t.slack.command('U100ADA', 'log 10m reply'))).toContain('Logged');
});
afterAll(() => t.close());
beforeEach(() => t.fake.reset());
afterEach(() => expect(t.fake.rejections).toEqual([]));

it('tells a new person to try again and logs the code when users.info answers missing_scope', async () => {
  t.fake.addUser({ id: 'U101BEA', name: 'bea' });
  t.fake.fail('users.info', 'missing_scope');
  const r = await t.slack.command('U101BEA', 'log 30m reply');
  expect(text(r)).toContain('try again');
  expect(await count("SELECT COUNT(*) AS n FROM entries WHERE person_id = 'U101BEA'")).toBe(0);
  expect(logsWith('users.info failed for a new person').some((l) => JSON.stringify(l).includes('missing_scope'))).toBe(true);
});

it.each(['not_in_channel', 'channel_not_found'])('records a %s DM failure once, never resends it, and keeps serving', async (code) => {
  t.fake.fail('chat.postMessage', code);
  const key = { job: 'reliability', subject: 'U100ADA', period: code };
  const send = () => dm(t.ballast.deps, 'U100ADA', { text: 'hello' });
  const first = await sendOnce(t.ballast.deps, key, send, { personId: 'U100ADA' });
  const second = await sendOnce(t.ballast.deps, key, send, { personId: 'U100ADA' });
  expect(first).toEqual({ status: 'failed', error: code });
  expect(second.status).toBe('duplicate');
  expect(t.fake.callsTo('chat.postMessage')).toHaveLength(1);
  expect(logsWith('send failed').filter((l) => l.code === code)).toHaveLength(1);
  expect(text(await t.slack.command('U100ADA', 'week'))).toContain('10m');
});

it('marks a person inactive when Slack says account_inactive, and says so instead of logging', async () => {
  t.fake.addUser({ id: 'U102CAL', name: 'cal' });
  expect(text(await t.slack.command('U102CAL', 'log 5m'))).toContain('Logged');
  t.clock.advance(25 * 60); // past the daily profile refresh
  t.fake.fail('users.info', 'account_inactive');
  const r = await t.slack.command('U102CAL', 'log 30m reply');
  expect(text(r)).toContain("Slack doesn't know this account");
  expect(await count("SELECT COUNT(*) AS n FROM entries WHERE person_id = 'U102CAL'")).toBe(1);
  expect(await count("SELECT active AS n FROM people WHERE id = 'U102CAL'")).toBe(0);
});

it.each(['invalid_auth', 'token_revoked'])('with the token refused (%s) logs it clearly once and keeps logging time for known people', async (code) => {
  t.fake.fail('*', code);
  const before = logsWith("Slack refuses Ballast's bot token").length;
  const replies = [];
  for (let i = 0; i < 3; i += 1) replies.push(text(await t.slack.command('U100ADA', `log 5m note ${code} ${i}`)));
  for (let i = 0; i < 2; i += 1) {
    await t.slack.event({ type: 'app_home_opened', user: 'U100ADA', channel: 'D100ADA', tab: 'home' });
  }
  await t.fake.waitFor((f) => f.callsTo('views.publish').length === 2);
  t.fake.addUser({ id: 'U103DEX', name: 'dex' });
  const stranger = text(await t.slack.command('U103DEX', 'log 5m'));
  expect(replies.every((r) => r.startsWith('Logged'))).toBe(true);
  expect(stranger).toContain('try again');
  const alarms = logsWith("Slack refuses Ballast's bot token").slice(before);
  expect(alarms).toHaveLength(1);
  expect(alarms[0]).toMatchObject({ level: 50, code });
  expect(t.logText()).not.toContain(t.fake.token);
  // Once Slack takes the token again, a new failure would be reported again.
  t.fake.clearFaults();
  await t.slack.event({ type: 'app_home_opened', user: 'U100ADA', channel: 'D100ADA', tab: 'home' });
  await t.fake.waitFor((f) => f.callsTo('views.publish').some((c) => c.ok));
});

it('retries users.info through two 500s and logs the entry', async () => {
  t.fake.addUser({ id: 'U104EVA', name: 'eva' });
  t.fake.serverError('users.info', 2);
  const r = await t.slack.command('U104EVA', 'log 20m comment');
  expect(text(r)).toContain('Logged');
  expect(t.fake.callsTo('users.info').map((c) => c.status)).toEqual([500, 500, 200]);
  recordFigures('slack500', { injected500s: 2, usersInfoCalls: 3, outcome: 'logged' });
});

it('waits out a 429 for the Retry-After it was given before publishing App Home again', async () => {
  t.fake.rateLimit('views.publish', 1, 1);
  await t.slack.event({ type: 'app_home_opened', user: 'U100ADA', channel: 'D100ADA', tab: 'home' });
  await t.fake.waitFor((f) => f.callsTo('views.publish').some((c) => c.ok), 5000);
  const [limited, ok] = t.fake.callsTo('views.publish');
  expect(limited.status).toBe(429);
  const waited = ok.at - limited.at;
  expect(waited).toBeGreaterThanOrEqual(990);
  recordFigures('slack429', { retryAfterSeconds: 1, waitedMs: Math.round(waited), publishes: 2 });
});

it('acknowledges within 3 seconds while users.info hangs for 5, then answers through response_url', async () => {
  t.fake.addUser({ id: 'U105FAY', name: 'fay' });
  t.fake.delay('users.info', 5000, 1);
  const responseUrl = t.fake.responseUrl('slow-slack');
  // Timed by the client from request to answer: the request itself resolves once the late reply is out.
  const r = await t.slack.command('U105FAY', 'log 45m reply linkedin slow day', { responseUrl });
  const ackMs = r.ackMs;
  expect(r.status).toBe(200);
  expect(text(r)).toContain('Working on it');
  expect(ackMs).toBeLessThan(3000);
  const [late] = await t.fake.waitFor((f) => (f.responsesTo(responseUrl).length ? f.responsesTo(responseUrl) : undefined), 8000);
  const lateMs = late.at - (t.fake.callsTo('users.info')[0]?.at ?? 0);
  expect(String(late.body.text)).toContain('Logged');
  expect(late.body.replace_original).toBe(true);
  expect(await count("SELECT COUNT(*) AS n FROM entries WHERE person_id = 'U105FAY'")).toBe(1);
  recordFigures('slowSlack', { usersInfoDelayMs: 5000, ackMs: Math.round(ackMs), lateReplyAfterUsersInfoMs: Math.round(lateMs) });
}, 15000);

it('serves commands when it started while auth.test was refused', async () => {
  const fake = await startFakeSlack();
  fake.fail('auth.test', 'invalid_auth');
  const fresh = await startTestApp({ fakeSlack: fake });
  try {
    fresh.fake.addUser({ id: 'U106GUS', name: 'gus' });
    expect(text(await fresh.slack.command('U106GUS', 'log 15m share'))).toContain('Logged');
    fresh.fake.clearFaults();
    expect(text(await fresh.slack.command('U106GUS', 'week'))).toContain('15m');
  } finally {
    await fresh.close();
    await fake.close();
  }
});
