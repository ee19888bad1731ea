import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel, isValidSlackRequest, type Logger } from '@slack/bolt';
import { startFakeSlack, type FakeSlack } from '../support/fakeSlack';
import { createSlackClient, newTriggerId, signRequest, signatureHeaders } from '../support/signer';

const secret = 'test-signing-secret';

describe('signRequest', () => {
  it('matches an independent HMAC-SHA256 over v0:timestamp:body', () => {
    const body = 'token=x&text=log%2030m';
    const expected = `v0=${createHmac('sha256', secret).update(`v0:1700000000:${body}`).digest('hex')}`;
    expect(signRequest(secret, 1700000000, body)).toBe(expected);
    expect(signRequest(secret, 1700000000, Buffer.from(body))).toBe(expected);
  });

  it('produces headers that Bolt accepts, and Bolt refuses them for another body or secret', () => {
    const now = 1700000000;
    const headers = signatureHeaders(secret, now, 'a=1');
    const check = (body: string, signingSecret: string) =>
      isValidSlackRequest({
        signingSecret,
        body,
        nowMilliseconds: now * 1000,
        headers: { 'x-slack-signature': headers['x-slack-signature'] as string, 'x-slack-request-timestamp': now },
      });
    expect(check('a=1', secret)).toBe(true);
    expect(check('a=2', secret)).toBe(false);
    expect(check('a=1', 'other-secret')).toBe(false);
  });

  it('makes unique trigger ids', () => {
    const ids = new Set(Array.from({ length: 100 }, () => newTriggerId()));
    expect(ids.size).toBe(100);
  });
});

describe('createSlackClient against a recording server', () => {
  let server: http.Server;
  let seen: Array<{ url?: string; headers: http.IncomingHttpHeaders; body: string }>;
  let reply: { status: number; type: string; body: string };
  let baseUrl: string;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen.push({ url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(reply.status, { 'content-type': reply.type });
        res.end(reply.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  beforeEach(() => {
    seen = [];
    reply = { status: 200, type: 'text/plain', body: '' };
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const lastRequest = () => seen[seen.length - 1] as { url?: string; headers: http.IncomingHttpHeaders; body: string };
  const verify = (req: { headers: http.IncomingHttpHeaders; body: string }) => {
    const ts = String(req.headers['x-slack-request-timestamp']);
    const expected = `v0=${createHmac('sha256', secret).update(`v0:${ts}:${req.body}`).digest('hex')}`;
    return req.headers['x-slack-signature'] === expected;
  };

  it('sends a signed slash command with Slack\'s form fields to /slack/events', async () => {
    const slack = createSlackClient({ baseUrl, signingSecret: secret, nowSeconds: () => 1700000000 });
    await slack.command('U1', 'log 30m reply', { responseUrl: 'http://x/response/1', channelId: 'D1' });
    const req = lastRequest();
    expect(req.url).toBe('/slack/events');
    expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(req.headers['x-slack-request-timestamp']).toBe('1700000000');
    expect(verify(req)).toBe(true);
    expect(Object.fromEntries(new URLSearchParams(req.body))).toMatchObject({
      team_id: 'T0TEST', user_id: 'U1', command: '/ballast', text: 'log 30m reply', channel_id: 'D1',
      response_url: 'http://x/response/1', trigger_id: expect.any(String), api_app_id: 'A0BALLAST',
    });
  });

  it('parses a JSON ack and throws when the ack carries blocks Slack would refuse', async () => {
    const slack = createSlackClient({ baseUrl, signingSecret: secret });
    reply = { status: 200, type: 'application/json', body: JSON.stringify({ response_type: 'ephemeral', text: 'Logged 30 min' }) };
    expect((await slack.command('U1', 'log 30m')).body).toEqual({ response_type: 'ephemeral', text: 'Logged 30 min' });
    reply.body = JSON.stringify({ text: 'x', blocks: [{ type: 'header', text: { type: 'mrkdwn', text: 'x' } }] });
    await expect(slack.command('U1', 'log 30m')).rejects.toThrow(/Slack would refuse this ack/);
    const lenient = createSlackClient({ baseUrl, signingSecret: secret, strictAcks: false });
    expect((await lenient.command('U1', 'log 30m')).ackProblems).toHaveLength(1);
  });

  it('takes response URLs from the fake when none is given', async () => {
    const slack = createSlackClient({ baseUrl, signingSecret: secret, responseUrls: { responseUrl: () => 'http://fake/response/R1' } });
    await slack.command('U1', '');
    expect(new URLSearchParams(lastRequest().body).get('response_url')).toBe('http://fake/response/R1');
  });

  it('sends a block action as a payload form field', async () => {
    const slack = createSlackClient({ baseUrl, signingSecret: secret });
    await slack.blockAction({ userId: 'U1', actionId: 'checkin_15', value: '15', blockId: 'checkin', messageTs: '1700000000.000100', channelId: 'D1' });
    const req = lastRequest();
    expect(verify(req)).toBe(true);
    const payload = JSON.parse(new URLSearchParams(req.body).get('payload') as string) as Record<string, unknown>;
    expect(payload).toMatchObject({
      type: 'block_actions', user: { id: 'U1' }, team: { id: 'T0TEST' },
      container: { type: 'message', message_ts: '1700000000.000100', channel_id: 'D1' },
      actions: [{ action_id: 'checkin_15', block_id: 'checkin', value: '15', type: 'button' }],
      response_url: expect.any(String), trigger_id: expect.any(String),
    });
  });

  it('sends view submissions with state values, turning bare strings into text inputs', async () => {
    const slack = createSlackClient({ baseUrl, signingSecret: secret });
    await slack.viewSubmission({
      userId: 'U1', callbackId: 'log_modal', privateMetadata: '{"a":1}',
      values: { minutes: { m: { type: 'number_input', value: '30' } }, note: { n: 'hello' } },
    });
    const payload = JSON.parse(new URLSearchParams(lastRequest().body).get('payload') as string) as Record<string, unknown>;
    expect(payload).toMatchObject({
      type: 'view_submission',
      view: { callback_id: 'log_modal', private_metadata: '{"a":1}', state: { values: { minutes: { m: { type: 'number_input', value: '30' } }, note: { n: { type: 'plain_text_input', value: 'hello' } } } } },
    });
  });

  it('sends events as JSON with retry headers when asked', async () => {
    const slack = createSlackClient({ baseUrl, signingSecret: secret });
    await slack.event({ type: 'app_home_opened', user: 'U1', tab: 'home' }, { eventId: 'Ev1', retryNum: 1, retryReason: 'http_timeout' });
    const req = lastRequest();
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers['x-slack-retry-num']).toBe('1');
    expect(req.headers['x-slack-retry-reason']).toBe('http_timeout');
    expect(verify(req)).toBe(true);
    expect(JSON.parse(req.body)).toMatchObject({ type: 'event_callback', event_id: 'Ev1', team_id: 'T0TEST', event: { type: 'app_home_opened', user: 'U1' } });
  });

  it('sends raw requests unsigned, stale or with any headers', async () => {
    const slack = createSlackClient({ baseUrl, signingSecret: secret });
    await slack.raw({ body: 'x=1', sign: false });
    expect(lastRequest().headers['x-slack-signature']).toBeUndefined();
    await slack.raw({ body: 'x=1', timestamp: 1 });
    expect(lastRequest().headers['x-slack-request-timestamp']).toBe('1');
    expect(verify(lastRequest())).toBe(true);
  });
});

describe('createSlackClient against a real Bolt app', () => {
  let fake: FakeSlack;
  let app: App;
  let server: http.Server;
  const got: Record<string, unknown[]> = {};
  const note = (key: string, value: unknown) => (got[key] ??= []).push(value);
  const silent: Logger = {
    debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined,
    setLevel: () => undefined, getLevel: () => LogLevel.ERROR, setName: () => undefined,
  };

  beforeAll(async () => {
    fake = await startFakeSlack();
    fake.addUser({ id: 'U1' });
    app = new App({
      token: fake.token,
      receiver: new HTTPReceiver({ signingSecret: secret, logger: silent }),
      clientOptions: { slackApiUrl: fake.apiUrl },
      logger: silent,
    });
    app.command('/ballast', async ({ ack, command, respond }) => {
      await ack({ response_type: 'ephemeral', text: `got ${command.text}` });
      await respond({ text: 'later' });
    });
    app.action('press', async ({ ack, body }) => {
      note('action', body);
      await ack();
    });
    app.view('log_modal', async ({ ack, view }) => {
      note('view', view.state.values);
      await ack({ response_action: 'errors', errors: { minutes: 'Too many' } });
    });
    app.shortcut('log_shortcut', async ({ ack, shortcut }) => {
      note('shortcut', shortcut.trigger_id);
      await ack();
    });
    app.shortcut('assign', async ({ ack, shortcut }) => {
      note('message_action', shortcut);
      await ack();
    });
    // Events are acked before their listener runs, so this one leaves a trace in the fake to wait for.
    app.event('app_home_opened', async ({ event, client }) => {
      await client.chat.postMessage({ channel: event.user, text: 'home opened' });
    });
    server = (await app.start(0)) as http.Server;
  });

  afterAll(async () => {
    await app.stop();
    await fake.close();
  });

  const client = () =>
    createSlackClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, signingSecret: secret, responseUrls: fake });

  it('gets a slash command through and carries the ack and the response_url post', async () => {
    const res = await client().command('U1', 'week');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ response_type: 'ephemeral', text: 'got week' });
    expect((await fake.waitFor(() => fake.responses[0])).body).toMatchObject({ text: 'later' });
  });

  it('gets actions, view submissions, both kinds of shortcut and events through', async () => {
    const slack = client();
    expect((await slack.blockAction({ userId: 'U1', actionId: 'press', value: 'v' })).status).toBe(200);
    const view = await slack.viewSubmission({ userId: 'U1', callbackId: 'log_modal', values: { minutes: { m: '30' } } });
    expect(view.body).toEqual({ response_action: 'errors', errors: { minutes: 'Too many' } });
    expect((await slack.shortcut({ userId: 'U1', callbackId: 'log_shortcut' })).status).toBe(200);
    await slack.messageShortcut({ userId: 'U1', callbackId: 'assign', channelId: 'C1', messageTs: '1.2', text: 'help?' });
    expect((await slack.event({ type: 'app_home_opened', user: 'U1', tab: 'home', channel: 'D1' })).status).toBe(200);
    expect(got.action).toHaveLength(1);
    expect(got.view).toEqual([{ minutes: { m: { type: 'plain_text_input', value: '30' } } }]);
    expect(got.shortcut).toHaveLength(1);
    expect(got.message_action).toEqual([expect.objectContaining({ message: expect.objectContaining({ text: 'help?' }) })]);
    expect((await fake.waitFor(() => fake.messagesTo('U1')[0])).text).toBe('home opened');
  });

  it('answers a URL verification challenge', async () => {
    const res = await client().urlVerification('abc');
    expect(res.body).toEqual({ challenge: 'abc' });
  });

  it('is refused by Bolt when forged or stale', async () => {
    const slack = client();
    expect((await slack.raw({ body: 'command=%2Fballast', sign: false })).status).toBe(401);
    expect((await slack.raw({ body: 'command=%2Fballast', timestamp: 1 })).status).toBe(401);
  });
});
