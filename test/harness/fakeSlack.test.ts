import { ErrorCode, LogLevel, WebClient, type Logger, type WebAPIPlatformError, type WebAPIRateLimitedError, type WebAPIHTTPError } from '@slack/web-api';
import { startFakeSlack, type FakeSlack } from '../support/fakeSlack';

const plain = (text: string) => ({ type: 'plain_text' as const, text });

let fake: FakeSlack;
let web: WebClient;

// The client logs every refusal the tests provoke on purpose; keep the output for real failures.
const silent: Logger = {
  debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined,
  setLevel: () => undefined, getLevel: () => LogLevel.ERROR, setName: () => undefined,
};
const client = (token?: string, opts: Record<string, unknown> = {}) =>
  new WebClient(token, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 }, logger: silent, ...opts });

beforeEach(async () => {
  fake = await startFakeSlack();
  web = client('xoxb-test-token', { rejectRateLimitedCalls: true });
  fake.addUser({ id: 'U1', name: 'ada', realName: 'Ada Lovelace', email: 'ada@example.com', tz: 'Europe/Berlin' });
  fake.addUser({ id: 'U2', name: 'bob', tz: 'America/New_York' });
});

afterEach(async () => {
  await fake.close();
});

async function slackError(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (err) {
    return (err as WebAPIPlatformError).data?.error;
  }
  throw new Error('expected the call to fail');
}

describe('fake Slack: authentication', () => {
  it('answers auth.test with the team and the bot user', async () => {
    const res = await web.auth.test();
    expect(res).toMatchObject({ ok: true, team_id: 'T0TEST', user_id: fake.botUserId, bot_id: fake.botId });
  });

  it('refuses a call without a token as not_authed and with a wrong one as invalid_auth', async () => {
    const anonymous = client();
    const wrong = client('xoxb-wrong');
    expect(await slackError(anonymous.auth.test())).toBe('not_authed');
    expect(await slackError(wrong.auth.test())).toBe('invalid_auth');
  });

  it('answers unknown_method for a method it does not know, and records the call', async () => {
    expect(await slackError(web.apiCall('reminders.add', { text: 'x' }))).toBe('unknown_method');
    expect(fake.lastCall('reminders.add')).toMatchObject({ args: { text: 'x' }, ok: false, error: 'unknown_method', status: 200 });
  });
});

describe('fake Slack: users', () => {
  it('answers users.info with the profile, time zone and computed offset', async () => {
    const res = await web.users.info({ user: 'U1' });
    expect(res.user).toMatchObject({
      id: 'U1', team_id: 'T0TEST', name: 'ada', real_name: 'Ada Lovelace', deleted: false, is_bot: false, tz: 'Europe/Berlin',
      profile: { real_name: 'Ada Lovelace', email: 'ada@example.com', status_text: '', status_emoji: '' },
    });
    expect([3600, 7200]).toContain(res.user?.tz_offset);
    expect([-18000, -14400]).toContain((await web.users.info({ user: 'U2' })).user?.tz_offset);
  });

  it('computes tz_offset for the injected clock', async () => {
    const winter = await startFakeSlack({ now: () => Date.UTC(2024, 0, 15) });
    try {
      winter.addUser({ id: 'U9', tz: 'Europe/Berlin' });
      const other = new WebClient('xoxb-test-token', { slackApiUrl: winter.apiUrl, logger: silent });
      expect((await other.users.info({ user: 'U9' })).user?.tz_offset).toBe(3600);
    } finally {
      await winter.close();
    }
  });

  it('answers user_not_found for an unknown user and shows updates and deletions', async () => {
    expect(await slackError(web.users.info({ user: 'U404' }))).toBe('user_not_found');
    fake.updateUser('U1', { statusText: 'Vacation', statusEmoji: ':palm_tree:', deleted: true });
    const res = await web.users.info({ user: 'U1' });
    expect(res.user).toMatchObject({ deleted: true, profile: { status_text: 'Vacation', status_emoji: ':palm_tree:' } });
  });

  it('pages users.list with a cursor and a limit', async () => {
    fake.addUser({ id: 'U3' });
    const pages: string[][] = [];
    for await (const page of web.paginate('users.list', { limit: 2 })) {
      pages.push((((page as { members?: Array<{ id: string }> }).members ?? [])).map((m) => m.id));
    }
    expect(pages).toEqual([[fake.botUserId, 'U1'], ['U2', 'U3']]);
  });

  it('finds a user by email, case-insensitively, and answers users_not_found otherwise', async () => {
    expect((await web.users.lookupByEmail({ email: 'ADA@example.com' })).user?.id).toBe('U1');
    expect(await slackError(web.users.lookupByEmail({ email: 'nobody@example.com' }))).toBe('users_not_found');
  });
});

describe('fake Slack: conversations and messages', () => {
  it('opens one stable DM channel per user and refuses deleted users and bots', async () => {
    const first = await web.conversations.open({ users: 'U1' });
    const again = await web.conversations.open({ users: 'U1' });
    expect(first.channel?.id).toMatch(/^D/);
    expect(again.channel?.id).toBe(first.channel?.id);
    expect((await web.conversations.open({ users: 'U2' })).channel?.id).not.toBe(first.channel?.id);
    fake.addUser({ id: 'U3', deleted: true });
    expect(await slackError(web.conversations.open({ users: 'U3' }))).toBe('user_disabled');
    expect(await slackError(web.conversations.open({ users: fake.botUserId }))).toBe('cannot_dm_bot');
    expect(await slackError(web.conversations.open({ users: 'U404' }))).toBe('user_not_found');
  });

  it('stores DMs with increasing ts, whether sent to the DM channel or to the user id', async () => {
    const dm = (await web.conversations.open({ users: 'U1' })).channel?.id as string;
    const a = await web.chat.postMessage({ channel: dm, text: 'first' });
    const b = await web.chat.postMessage({ channel: 'U1', text: 'second', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*second*' } }] });
    expect(a.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(Number(b.ts)).toBeGreaterThan(Number(a.ts));
    expect(b.channel).toBe(dm);
    expect(fake.messagesTo('U1').map((m) => m.text)).toEqual(['first', 'second']);
    expect(fake.messagesTo('U1')[1]?.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: '*second*' } }]);
    expect(fake.callsTo('chat.postMessage')[1]?.args.blocks).toHaveLength(1);
    expect(fake.messagesTo('U2')).toEqual([]);
  });

  it('refuses to post to an unknown DM channel, an unknown user or a deleted user', async () => {
    fake.addUser({ id: 'U3', deleted: true });
    expect(await slackError(web.chat.postMessage({ channel: 'D404', text: 'x' }))).toBe('channel_not_found');
    expect(await slackError(web.chat.postMessage({ channel: 'U404', text: 'x' }))).toBe('channel_not_found');
    expect(await slackError(web.chat.postMessage({ channel: 'U3', text: 'x' }))).toBe('is_archived');
  });

  it('refuses invalid blocks with invalid_blocks, the problems, and a recorded rejection', async () => {
    const blocks = [{ type: 'header', text: { type: 'mrkdwn', text: 'Week' } }];
    let error: WebAPIPlatformError | undefined;
    try {
      await web.chat.postMessage({ channel: 'C1', text: 'x', blocks: blocks as never });
    } catch (err) {
      error = err as WebAPIPlatformError;
    }
    expect(error?.data.error).toBe('invalid_blocks');
    expect(error?.data.response_metadata?.messages).toEqual([expect.stringContaining('must be plain_text')]);
    expect(fake.rejections).toEqual([expect.objectContaining({ method: 'chat.postMessage', error: 'invalid_blocks' })]);
    expect(fake.messages).toEqual([]);
  });

  it('refuses a message without text or blocks as no_text', async () => {
    expect(await slackError(web.chat.postMessage({ channel: 'C1' } as never))).toBe('no_text');
    expect(fake.rejections).toHaveLength(1);
  });

  it('updates a stored message and answers message_not_found for an unknown ts', async () => {
    const posted = await web.chat.postMessage({ channel: 'U1', text: 'Any social engagement today?' });
    await web.chat.update({ channel: posted.channel as string, ts: posted.ts as string, text: 'Logged 15 min' });
    expect(fake.messagesTo('U1').map((m) => m.text)).toEqual(['Logged 15 min']);
    expect(fake.messagesTo('U1')[0]?.history).toHaveLength(2);
    expect(await slackError(web.chat.update({ channel: posted.channel as string, ts: '1.000000', text: 'x' }))).toBe('message_not_found');
    const bad = web.chat.update({ channel: posted.channel as string, ts: posted.ts as string, text: 'x', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '' } }] });
    expect(await slackError(bad)).toBe('invalid_blocks');
  });

  it('stores ephemeral messages and validates them', async () => {
    const res = await web.chat.postEphemeral({ channel: 'C1', user: 'U1', text: 'only you' });
    expect(res.message_ts).toBeDefined();
    expect(fake.ephemeralsTo('U1').map((e) => e.text)).toEqual(['only you']);
    expect(await slackError(web.chat.postEphemeral({ channel: 'C1', user: 'U1', text: 'x', blocks: [{ type: 'bogus' }] as never }))).toBe('invalid_blocks');
  });

  it('answers chat.getPermalink with a permalink to the message', async () => {
    const res = await web.chat.getPermalink({ channel: 'C1', message_ts: '1700000000.000100' });
    expect(res.permalink).toBe('https://ballast-test.slack.com/archives/C1/p1700000000000100');
  });
});

describe('fake Slack: views', () => {
  const view = { type: 'modal' as const, callback_id: 'log', title: plain('Log time'), submit: plain('Log'), blocks: [{ type: 'input' as const, block_id: 'm', label: plain('Minutes'), element: { type: 'number_input' as const, action_id: 'm', is_decimal_allowed: false } }] };

  it('opens a modal once per trigger id and refuses a reused trigger as expired_trigger_id', async () => {
    const res = await web.views.open({ trigger_id: '1.2.abc', view });
    expect(res.view).toMatchObject({ id: expect.stringMatching(/^V/), callback_id: 'log', hash: expect.any(String) });
    expect(fake.modals()).toHaveLength(1);
    expect(await slackError(web.views.open({ trigger_id: '1.2.abc', view }))).toBe('expired_trigger_id');
    expect(await slackError(web.views.open({ trigger_id: '', view }))).toBe('invalid_trigger_id');
  });

  it('refuses an invalid modal with invalid_arguments', async () => {
    const bad = { ...view, title: plain('A title that is far too long for Slack') };
    expect(await slackError(web.views.open({ trigger_id: '1.2.def', view: bad }))).toBe('invalid_arguments');
    expect(fake.rejections).toEqual([expect.objectContaining({ method: 'views.open', problems: [expect.stringContaining('title')] })]);
  });

  it('updates a view by id, honouring the hash', async () => {
    const opened = await web.views.open({ trigger_id: '1.2.ghi', view });
    const id = opened.view?.id as string;
    const updated = await web.views.update({ view_id: id, hash: opened.view?.hash, view: { ...view, title: plain('Logged') } });
    expect(updated.view?.title).toEqual(plain('Logged'));
    expect(await slackError(web.views.update({ view_id: id, hash: opened.view?.hash, view }))).toBe('hash_conflict');
    expect(await slackError(web.views.update({ view_id: 'V404', view }))).toBe('not_found');
    expect(fake.views.get(id)?.history).toHaveLength(1);
  });

  it('publishes an App Home per user', async () => {
    await web.views.publish({ user_id: 'U1', view: { type: 'home', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Your week' } }] } });
    expect(fake.homeOf('U1')?.view.blocks).toHaveLength(1);
    expect(await slackError(web.views.publish({ user_id: 'U1', view: { type: 'home', blocks: [{ type: 'header', text: { type: 'mrkdwn', text: 'x' } }] } as never }))).toBe('invalid_arguments');
  });
});

describe('fake Slack: files', () => {
  it('takes a file through the three-step upload and shares it to the channel', async () => {
    await web.filesUploadV2({ channel_id: 'U1', filename: 'entries.csv', content: 'date,minutes\n2024-03-04,30\n', title: 'Entries' });
    const [file] = fake.filesSharedTo('U1');
    expect(file?.text()).toBe('date,minutes\n2024-03-04,30\n');
    expect(file).toMatchObject({ filename: 'entries.csv', title: 'Entries', completed: true });
  });
});

describe('fake Slack: response_url', () => {
  it('records valid posts and refuses invalid blocks with HTTP 400', async () => {
    const url = fake.responseUrl('cmd1');
    const good = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Logged', response_type: 'ephemeral' }) });
    expect(good.status).toBe(200);
    expect(fake.responsesTo(url).map((r) => r.body.text)).toEqual(['Logged']);
    const bad = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '' } }] }) });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, error: 'invalid_blocks' });
    expect(fake.rejections).toEqual([expect.objectContaining({ method: 'response_url' })]);
    expect(fake.responses).toHaveLength(1);
  });

  it('accepts delete_original without text', async () => {
    const res = await fetch(fake.responseUrl(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ delete_original: true }) });
    expect(res.status).toBe(200);
  });
});

describe('fake Slack: faults', () => {
  it('answers each distinct call 429 once with rateLimitEachOnce, and serves it when retried', async () => {
    fake.rateLimitEachOnce('chat.postMessage', 3);
    const first = await web.chat.postMessage({ channel: 'U1', text: 'one' }).catch((e: WebAPIRateLimitedError) => e);
    expect((first as WebAPIRateLimitedError).code).toBe(ErrorCode.RateLimitedError);
    expect((first as WebAPIRateLimitedError).retryAfter).toBe(3);
    expect((await web.chat.postMessage({ channel: 'U1', text: 'one' })).ok).toBe(true);
    // Another message is its own call: limited once too; other methods are not touched.
    expect(await web.chat.postMessage({ channel: 'U1', text: 'two' }).catch((e: WebAPIRateLimitedError) => e.code)).toBe(ErrorCode.RateLimitedError);
    expect((await web.auth.test()).ok).toBe(true);
    expect(fake.callsTo('chat.postMessage').map((c) => c.status)).toEqual([429, 200, 429]);
    expect(fake.messagesTo('U1').map((m) => m.text)).toEqual(['one']);
  });

  it('fails a method with the given error a given number of times', async () => {
    fake.fail('users.info', 'fatal_error', { times: 1 });
    expect(await slackError(web.users.info({ user: 'U1' }))).toBe('fatal_error');
    expect((await web.users.info({ user: 'U1' })).ok).toBe(true);
  });

  it('fails only for the given user', async () => {
    fake.fail('chat.postMessage', 'channel_not_found', { forUser: 'U2' });
    expect((await web.chat.postMessage({ channel: 'U1', text: 'hi' })).ok).toBe(true);
    expect(await slackError(web.chat.postMessage({ channel: 'U2', text: 'hi' }))).toBe('channel_not_found');
  });

  it('answers 429 with Retry-After when rate limiting', async () => {
    fake.rateLimit('chat.postMessage', 7, 1);
    const raw = await fetch(`${fake.apiUrl}chat.postMessage`, { method: 'POST', headers: { authorization: 'Bearer xoxb-test-token', 'content-type': 'application/json' }, body: JSON.stringify({ channel: 'C1', text: 'x' }) });
    expect(raw.status).toBe(429);
    expect(raw.headers.get('retry-after')).toBe('7');
    expect(await raw.json()).toEqual({ ok: false, error: 'ratelimited' });
    fake.rateLimit('chat.postMessage', 3, 1);
    await expect(web.chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toMatchObject({ code: ErrorCode.RateLimitedError, retryAfter: 3 } satisfies Partial<WebAPIRateLimitedError>);
  });

  it('answers HTTP 500 for a server error', async () => {
    fake.serverError('auth.test', 1);
    await expect(web.auth.test()).rejects.toMatchObject({ code: ErrorCode.HTTPError, statusCode: 500 } satisfies Partial<WebAPIHTTPError>);
    expect((await web.auth.test()).ok).toBe(true);
  });

  it('delays an answer', async () => {
    fake.delay('auth.test', 150, 1);
    const started = performance.now();
    await web.auth.test();
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('never answers a hung method, and close() releases it', async () => {
    fake.hang('users.info');
    const pending = web.users.info({ user: 'U1' });
    await fake.waitFor(() => fake.callsTo('users.info').length === 1);
    expect(fake.lastCall('users.info')?.status).toBeUndefined();
    await fake.close();
    await expect(pending).rejects.toBeDefined();
    fake = await startFakeSlack(); // afterEach closes this one
  });

  it('enforces one message per second per channel', async () => {
    fake.enforcePostingRate({ perChannelPerSecond: 1 });
    await web.chat.postMessage({ channel: 'U1', text: 'one' });
    await expect(web.chat.postMessage({ channel: 'U1', text: 'two' })).rejects.toMatchObject({ retryAfter: 1 });
    await web.chat.postMessage({ channel: 'U2', text: 'other channel' });
    expect(fake.lastCall('chat.postMessage')?.ok).toBe(true);
    expect(fake.callsTo('chat.postMessage').map((c) => c.status)).toEqual([200, 429, 200]);
  });

  it('enforces a workspace-wide rate with an honest Retry-After', async () => {
    fake.enforceWorkspaceRate({ method: 'chat.postMessage', perSecond: 2 });
    await web.chat.postMessage({ channel: 'C1', text: '1' });
    await web.chat.postMessage({ channel: 'C2', text: '2' });
    await expect(web.chat.postMessage({ channel: 'C3', text: '3' })).rejects.toMatchObject({ retryAfter: 1 });
    expect(fake.messages).toHaveLength(2);
  });

  it('forgets faults, calls and stored messages on reset, but keeps users', async () => {
    fake.fail('auth.test', 'invalid_auth');
    await web.chat.postMessage({ channel: 'U1', text: 'x' });
    fake.reset();
    expect(fake.calls).toEqual([]);
    expect(fake.messagesTo('U1')).toEqual([]);
    expect((await web.auth.test()).ok).toBe(true);
    expect((await web.users.info({ user: 'U1' })).ok).toBe(true);
  });
});

describe('fake Slack: waiting and Socket Mode', () => {
  it('resolves waitFor when a later call satisfies it, without polling', async () => {
    const waiting = fake.waitFor(() => fake.messagesTo('U1')[0]);
    void web.chat.postMessage({ channel: 'U1', text: 'async send' });
    expect((await waiting).text).toBe('async send');
  });

  it('rejects waitFor after the timeout, listing the calls seen', async () => {
    await web.auth.test();
    await expect(fake.waitFor(() => fake.callsTo('chat.postMessage').length > 0, 50)).rejects.toThrow(/auth\.test/);
  });

  it('hands out the Socket Mode URL for the app token', async () => {
    fake.setSocketModeUrl('ws://127.0.0.1:1/socket');
    const app = client();
    expect((await app.apps.connections.open({ token: 'xapp-test-token' })).url).toBe('ws://127.0.0.1:1/socket');
    expect(await slackError(app.apps.connections.open({ token: 'xoxb-test-token' }))).toBe('invalid_auth');
  });
});
