/**
 * Slack request signing, and a client that sends the app's receiver what Slack would send:
 * slash commands, interactivity payloads, events, each correctly signed unless told otherwise.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { validateMessage, validateView } from './blockKit';

/** `v0=<hex>` over `v0:<timestamp>:<raw body>`, HMAC-SHA256 with the signing secret. */
export function signRequest(signingSecret: string, timestampSeconds: number, rawBody: string | Buffer): string {
  const hmac = createHmac('sha256', signingSecret);
  hmac.update(`v0:${timestampSeconds}:`);
  hmac.update(rawBody);
  return `v0=${hmac.digest('hex')}`;
}

/** The two headers Slack adds to every request. */
export function signatureHeaders(signingSecret: string, timestampSeconds: number, rawBody: string | Buffer): Record<string, string> {
  return {
    'x-slack-request-timestamp': String(timestampSeconds),
    'x-slack-signature': signRequest(signingSecret, timestampSeconds, rawBody),
  };
}

export interface SlackClientOptions {
  /** The app's origin, e.g. `http://127.0.0.1:3000`; requests go to `${baseUrl}/slack/events`. */
  baseUrl: string;
  signingSecret: string;
  teamId?: string;
  teamDomain?: string;
  /** The Enterprise Grid org the workspace belongs to (payloads carry it); none by default. */
  enterpriseId?: string;
  /** The app is installed org-wide on `enterpriseId` (payloads say is_enterprise_install). */
  enterpriseInstall?: boolean;
  apiAppId?: string;
  /** The bot user, as put in events' `authorizations`. */
  botUserId?: string;
  /** Timestamp source for signatures; default the real clock (Bolt checks it against its own). */
  nowSeconds?: () => number;
  /** Makes default `response_url`s, e.g. `(id) => fake.responseUrl(id)`; pass `fake` itself. */
  responseUrls?: { responseUrl(id?: string): string };
  /**
   * When true (default), a reply in the ack (a command's message, a view_submission's
   * response_action) that Slack would refuse throws, as Slack would show the user an error.
   */
  strictAcks?: boolean;
  /** Path of the receiver; default `/slack/events`. */
  path?: string;
}

export interface SlackResponse {
  status: number;
  /** Parsed JSON when the body is JSON, else the text ('' for an empty ack). */
  body: unknown;
  text: string;
  headers: Record<string, string>;
  /** Problems Slack would have with the ack's reply (empty when fine or when nothing was replied). */
  ackProblems: string[];
  /** Milliseconds from sending the request to the app's answer (the ack, for Slack's 3-second rule). */
  ackMs: number;
}

export interface CommandOptions {
  responseUrl?: string;
  triggerId?: string;
  channelId?: string;
  channelName?: string;
  userName?: string;
  /** Default `/ballast`. */
  command?: string;
}

export interface BlockActionOptions {
  userId: string;
  actionId: string;
  value?: string;
  blockId?: string;
  /** Element type; default `button`, or the select type implied by selectedOption/selectedUser. */
  type?: string;
  messageTs?: string;
  channelId?: string;
  /** The message the button sits on (text, blocks, ts), e.g. a FakeMessage from the fake. */
  message?: { ts?: string; text?: string; blocks?: unknown[]; channel?: string };
  isEphemeral?: boolean;
  /** The view the element sits on (modal or home); then there is no message and no response_url. */
  view?: Record<string, unknown>;
  selectedOption?: { text?: string; value: string };
  selectedUser?: string;
  selectedDate?: string;
  responseUrl?: string;
  triggerId?: string;
}

export type ViewStateValue = { type: string } & Record<string, unknown>;

export interface ViewSubmissionOptions {
  userId: string;
  callbackId: string;
  /**
   * `state.values`: `{ [blockId]: { [actionId]: { type, value | selected_option | … } } }`.
   * A bare string stands for `{ type: 'plain_text_input', value }`.
   */
  values: Record<string, Record<string, ViewStateValue | string | null>>;
  privateMetadata?: string;
  viewId?: string;
  /** The modal as opened (blocks, title, …), e.g. `fake.modals()[0].view`. */
  view?: Record<string, unknown>;
  triggerId?: string;
}

export interface MessageShortcutOptions {
  userId: string;
  callbackId: string;
  channelId: string;
  messageTs: string;
  text: string;
  /** Author of the message; default `U0AUTHOR`. */
  messageUserId?: string;
  triggerId?: string;
  responseUrl?: string;
}

export interface EventOptions {
  eventId?: string;
  eventTime?: number;
  retryNum?: number;
  retryReason?: string;
}

export interface RawRequest {
  body: string | Buffer;
  headers?: Record<string, string>;
  /** Sign the body (default true). */
  sign?: boolean;
  /** Signature timestamp in seconds; default now. */
  timestamp?: number;
  contentType?: string;
  /** Path instead of the receiver's; e.g. `/healthz`. */
  path?: string;
  method?: string;
}

let counter = 0;
/** Unique ids in Slack's shape: trigger ids look like `12345.98765.abcdef…`. */
export function newTriggerId(): string {
  counter += 1;
  return `${1000 + counter}.${process.pid}.${randomBytes(8).toString('hex')}`;
}

export function createSlackClient(opts: SlackClientOptions) {
  const teamId = opts.teamId ?? 'T0TEST';
  const teamDomain = opts.teamDomain ?? 'ballast-test';
  const apiAppId = opts.apiAppId ?? 'A0BALLAST';
  const botUserId = opts.botUserId ?? 'U0BALLAST';
  const nowSeconds = opts.nowSeconds ?? ((): number => Math.floor(new Date().getTime() / 1000));
  const strict = opts.strictAcks ?? true;
  const path = opts.path ?? '/slack/events';
  const team = { id: teamId, domain: teamDomain };
  const enterpriseId = opts.enterpriseId ?? null;
  const orgWide = Boolean(opts.enterpriseInstall && enterpriseId);
  const enterprise = enterpriseId ? { id: enterpriseId, name: `Org ${enterpriseId}` } : null;
  const user = (id: string) => ({ id, username: id.toLowerCase(), name: id.toLowerCase(), team_id: teamId });
  const actionTs = (): string => `${nowSeconds()}.${String(++counter).padStart(6, '0')}`;
  const responseUrl = (given?: string): string =>
    given ?? opts.responseUrls?.responseUrl() ?? `https://hooks.slack.com/actions/${teamId}/0/unreachable`;

  async function raw(req: RawRequest): Promise<SlackResponse> {
    const timestamp = req.timestamp ?? nowSeconds();
    const headers: Record<string, string> = {
      'content-type': req.contentType ?? 'application/x-www-form-urlencoded',
      'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      ...(req.sign === false ? {} : signatureHeaders(opts.signingSecret, timestamp, req.body)),
      ...req.headers,
    };
    const sentAt = performance.now();
    const res = await fetch(`${opts.baseUrl}${req.path ?? path}`, {
      method: req.method ?? 'POST',
      headers,
      body: req.method === 'GET' ? undefined : req.body,
    });
    const text = await res.text();
    const ackMs = performance.now() - sentAt;
    let body: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('json') || /^\s*[{[]/.test(text)) {
      try {
        body = JSON.parse(text) as unknown;
      } catch {
        body = text;
      }
    }
    return { status: res.status, body, text, headers: Object.fromEntries(res.headers.entries()), ackProblems: [], ackMs };
  }

  function checkAck(res: SlackResponse, kind: 'message' | 'view_submission'): SlackResponse {
    if (res.status !== 200 || typeof res.body !== 'object' || res.body === null) return res;
    const body = res.body as Record<string, unknown>;
    if (kind === 'message') {
      res.ackProblems = validateMessage(body).problems;
    } else if (body.response_action === 'update' || body.response_action === 'push') {
      res.ackProblems = validateView(body.view);
    } else if (body.response_action === 'errors') {
      const errors = body.errors;
      const good = typeof errors === 'object' && errors !== null && Object.values(errors).every((e) => typeof e === 'string' && e.length > 0);
      if (!good) res.ackProblems = ['[ERROR] response_action errors must map block ids to non-empty strings'];
    }
    if (strict && res.ackProblems.length > 0) {
      throw new Error(`Slack would refuse this ack (${kind}):\n${res.ackProblems.join('\n')}\nbody: ${res.text}`);
    }
    return res;
  }

  const form = (fields: Record<string, string>): string => new URLSearchParams(fields).toString();
  const interactive = async (payload: Record<string, unknown>): Promise<SlackResponse> =>
    raw({ body: form({ payload: JSON.stringify(payload) }) });

  async function command(userId: string, text: string, o: CommandOptions = {}): Promise<SlackResponse> {
    const body = form({
      token: 'legacy-verification-token',
      team_id: teamId,
      team_domain: teamDomain,
      channel_id: o.channelId ?? 'C0GENERAL',
      channel_name: o.channelName ?? (o.channelId?.startsWith('D') ? 'directmessage' : 'general'),
      user_id: userId,
      user_name: o.userName ?? userId.toLowerCase(),
      command: o.command ?? '/ballast',
      text,
      api_app_id: apiAppId,
      ...(enterpriseId ? { enterprise_id: enterpriseId, enterprise_name: `Org ${enterpriseId}` } : {}),
      is_enterprise_install: String(orgWide),
      response_url: responseUrl(o.responseUrl),
      trigger_id: o.triggerId ?? newTriggerId(),
    });
    return checkAck(await raw({ body }), 'message');
  }

  /** Any interactivity payload, sent as Slack does (`payload=<json>`). */
  async function action(payload: Record<string, unknown>): Promise<SlackResponse> {
    const res = await interactive(payload);
    return payload.type === 'view_submission' ? checkAck(res, 'view_submission') : res;
  }

  async function blockAction(o: BlockActionOptions): Promise<SlackResponse> {
    const type = o.type ?? (o.selectedOption ? 'static_select' : o.selectedUser ? 'users_select' : o.selectedDate ? 'datepicker' : 'button');
    const act: Record<string, unknown> = {
      action_id: o.actionId,
      block_id: o.blockId ?? 'b0',
      type,
      action_ts: actionTs(),
    };
    if (type === 'button') {
      act.text = { type: 'plain_text', text: o.actionId, emoji: true };
      if (o.value !== undefined) act.value = o.value;
    }
    if (o.selectedOption) {
      act.selected_option = { text: { type: 'plain_text', text: o.selectedOption.text ?? o.selectedOption.value }, value: o.selectedOption.value };
    }
    if (o.selectedUser) act.selected_user = o.selectedUser;
    if (o.selectedDate) act.selected_date = o.selectedDate;
    const payload: Record<string, unknown> = {
      type: 'block_actions',
      user: user(o.userId),
      api_app_id: apiAppId,
      token: 'legacy-verification-token',
      trigger_id: o.triggerId ?? newTriggerId(),
      team,
      enterprise,
      is_enterprise_install: orgWide,
      state: { values: {} },
      actions: [act],
    };
    if (o.view) {
      const viewId = (o.view.id as string | undefined) ?? 'V0VIEW';
      payload.container = { type: 'view', view_id: viewId };
      payload.view = { id: viewId, team_id: teamId, state: { values: {} }, hash: 'h0', private_metadata: '', callback_id: '', ...o.view };
    } else {
      const ts = o.messageTs ?? o.message?.ts ?? '1700000000.000100';
      const channelId = o.channelId ?? o.message?.channel ?? 'D0DM';
      payload.container = { type: 'message', message_ts: ts, channel_id: channelId, is_ephemeral: o.isEphemeral ?? false };
      payload.channel = { id: channelId, name: channelId.startsWith('D') ? 'directmessage' : 'general' };
      payload.message = { type: 'message', ts, text: o.message?.text ?? '', blocks: o.message?.blocks ?? [], user: botUserId, bot_id: 'B0BALLAST' };
      payload.response_url = responseUrl(o.responseUrl);
    }
    return interactive(payload);
  }

  async function viewSubmission(o: ViewSubmissionOptions): Promise<SlackResponse> {
    const values: Record<string, Record<string, unknown>> = {};
    for (const [blockId, actions] of Object.entries(o.values)) {
      values[blockId] = {};
      for (const [actionId, v] of Object.entries(actions)) {
        (values[blockId] as Record<string, unknown>)[actionId] = typeof v === 'string' ? { type: 'plain_text_input', value: v } : v;
      }
    }
    const viewId = o.viewId ?? (o.view?.id as string | undefined) ?? 'V0MODAL';
    const payload = {
      type: 'view_submission',
      team,
      user: user(o.userId),
      api_app_id: apiAppId,
      token: 'legacy-verification-token',
      trigger_id: o.triggerId ?? newTriggerId(),
      is_enterprise_install: orgWide,
      enterprise,
      view: {
        type: 'modal',
        blocks: [],
        title: { type: 'plain_text', text: 'Ballast' },
        team_id: teamId,
        app_id: apiAppId,
        hash: 'h0',
        root_view_id: viewId,
        previous_view_id: null,
        ...o.view,
        id: viewId,
        callback_id: o.callbackId,
        private_metadata: o.privateMetadata ?? (o.view?.private_metadata as string | undefined) ?? '',
        state: { values },
      },
      response_urls: [],
    };
    return checkAck(await interactive(payload), 'view_submission');
  }

  async function viewClosed(o: { userId: string; callbackId: string; privateMetadata?: string; viewId?: string }): Promise<SlackResponse> {
    return interactive({
      type: 'view_closed',
      team,
      user: user(o.userId),
      api_app_id: apiAppId,
      token: 'legacy-verification-token',
      is_cleared: false,
      view: { id: o.viewId ?? 'V0MODAL', type: 'modal', callback_id: o.callbackId, private_metadata: o.privateMetadata ?? '', state: { values: {} } },
    });
  }

  async function shortcut(o: { userId: string; callbackId: string; triggerId?: string }): Promise<SlackResponse> {
    return interactive({
      type: 'shortcut',
      token: 'legacy-verification-token',
      action_ts: actionTs(),
      team,
      user: user(o.userId),
      is_enterprise_install: orgWide,
      enterprise,
      callback_id: o.callbackId,
      trigger_id: o.triggerId ?? newTriggerId(),
    });
  }

  async function messageShortcut(o: MessageShortcutOptions): Promise<SlackResponse> {
    return interactive({
      type: 'message_action',
      token: 'legacy-verification-token',
      action_ts: actionTs(),
      team,
      user: user(o.userId),
      channel: { id: o.channelId, name: o.channelId.startsWith('D') ? 'directmessage' : 'general' },
      is_enterprise_install: orgWide,
      enterprise,
      callback_id: o.callbackId,
      trigger_id: o.triggerId ?? newTriggerId(),
      response_url: responseUrl(o.responseUrl),
      message_ts: o.messageTs,
      message: { type: 'message', user: o.messageUserId ?? 'U0AUTHOR', ts: o.messageTs, text: o.text },
    });
  }

  async function event(ev: Record<string, unknown>, o: EventOptions = {}): Promise<SlackResponse> {
    const eventTime = o.eventTime ?? nowSeconds();
    const body = JSON.stringify({
      token: 'legacy-verification-token',
      team_id: teamId,
      ...(enterpriseId ? { enterprise_id: enterpriseId } : {}),
      api_app_id: apiAppId,
      event: { event_ts: `${eventTime}.000100`, ...ev },
      type: 'event_callback',
      event_id: o.eventId ?? `Ev${String(++counter).padStart(8, '0')}`,
      event_time: eventTime,
      authorizations: [{ enterprise_id: enterpriseId, team_id: orgWide ? null : teamId, user_id: botUserId, is_bot: true, is_enterprise_install: orgWide }],
      is_ext_shared_channel: false,
      event_context: `4-${randomBytes(6).toString('hex')}`,
    });
    const headers: Record<string, string> = {};
    if (o.retryNum !== undefined) headers['x-slack-retry-num'] = String(o.retryNum);
    if (o.retryReason !== undefined) headers['x-slack-retry-reason'] = o.retryReason;
    return raw({ body, headers, contentType: 'application/json' });
  }

  async function urlVerification(challenge: string): Promise<SlackResponse> {
    const body = JSON.stringify({ token: 'legacy-verification-token', challenge, type: 'url_verification' });
    return raw({ body, contentType: 'application/json' });
  }

  return { command, action, blockAction, viewSubmission, viewClosed, shortcut, messageShortcut, event, urlVerification, raw };
}

export type SlackClient = ReturnType<typeof createSlackClient>;
