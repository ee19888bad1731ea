/**
 * A fake Slack Web API on 127.0.0.1 for tests and the sandbox. The app's real WebClient talks to it
 * over HTTP (`slackApiUrl: fake.apiUrl`). It records every call, answers like Slack (including
 * errors, 429s with Retry-After, 500s, delays) and refuses Block Kit that Slack would refuse.
 */
import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { slackFileIds, validateMessage, validateView } from './blockKit';

export interface FakeSlackOptions {
  /** Bot token the fake accepts; default `xoxb-test-token`. */
  token?: string;
  /** App-level token for `apps.connections.open`; default `xapp-test-token`. */
  appToken?: string;
  teamId?: string;
  teamDomain?: string;
  botUserId?: string;
  botId?: string;
  appId?: string;
  /** WebSocket URL `apps.connections.open` hands out (Socket Mode tests); also settable later. */
  socketModeUrl?: string;
  /** Seconds part of the first message ts; ts values then increase by 0.000100. */
  tsBaseSeconds?: number;
  /** Clock for time-zone offsets in `users.info`; default the real clock. */
  now?: () => number;
  /**
   * Slack processes an uploaded image a moment after `files.completeUploadExternal`; until then an
   * image block naming it is refused. The fake stands for that moment with a count: `files.info`
   * answers "not processed yet" this many times per file (default 1), so no test waits on a clock.
   */
  fileProcessingPolls?: number;
}

/**
 * What Slack grants when someone approves an install (OAuth v2): the fake answers `oauth.v2.access`
 * for the grant's code once, and `auth.test` for its bot token with the grant's team or enterprise.
 */
export interface FakeGrant {
  /** The workspace installed to; absent for an org-wide (Enterprise Grid) install. */
  team?: { id: string; name: string };
  enterprise?: { id: string; name: string };
  isEnterpriseInstall: boolean;
  /** The workspaces of an org-wide install's enterprise (whose people its token sees). */
  orgTeams?: string[];
  /** Who approved the install. */
  userId: string;
  botToken: string;
  botUserId: string;
  botId: string;
  scopes: string[];
  /**
   * Token rotation on: the bot token lasts this many seconds, the install answer carries a refresh
   * token, and `oauth.v2.access` with `grant_type=refresh_token` trades it, once, for a new pair (the
   * new token lasting twelve hours).
   */
  expiresIn?: number;
}

/** The client id and secret the fake's `oauth.v2.access` accepts. */
export const FAKE_CLIENT = { id: '1111.2222', secret: 'fake-client-secret' } as const;

export interface FakeUserInput {
  id: string;
  /** The workspace the user belongs to; default the fake's own (`teamId`). */
  teamId?: string;
  name?: string;
  realName?: string;
  displayName?: string;
  /** IANA zone, default `Europe/Berlin`; `tz_offset` is computed for the fake's `now`. */
  tz?: string;
  deleted?: boolean;
  isBot?: boolean;
  email?: string;
  statusText?: string;
  statusEmoji?: string;
  /** Unix seconds; 0 = never. */
  statusExpiration?: number;
  isAdmin?: boolean;
  isOwner?: boolean;
}

export type FakeUser = Required<Omit<FakeUserInput, 'email'>> & { email?: string };

export interface FakeCall {
  method: string;
  /** The installation whose token made the call (its team or enterprise id); absent for the fake's own token. */
  installation?: string;
  /** Decoded arguments (JSON-encoded form fields such as `blocks` and `view` parsed); no token. */
  args: Record<string, unknown>;
  /** Epoch milliseconds when the request arrived. */
  at: number;
  /** HTTP status answered; undefined while the call is pending (delayed or hung). */
  status?: number;
  ok?: boolean;
  error?: string;
}

export interface FakeMessage {
  channel: string;
  ts: string;
  text?: string;
  blocks?: unknown[];
  threadTs?: string;
  /** The user whose DM channel this is, when it is a DM. */
  dmUser?: string;
  /** Arguments of the postMessage call, then of each chat.update applied to it. */
  history: Record<string, unknown>[];
  deleted: boolean;
}

export interface FakeEphemeral {
  channel: string;
  user: string;
  ts: string;
  text?: string;
  blocks?: unknown[];
  args: Record<string, unknown>;
}

export interface FakeView {
  id: string;
  type: 'modal' | 'home';
  /** The view as the app last sent it. */
  view: Record<string, unknown>;
  hash: string;
  /** `views.publish` user, or undefined for modals. */
  user?: string;
  triggerId?: string;
  externalId?: string;
  /** Earlier versions, oldest first. */
  history: Record<string, unknown>[];
}

export interface FakeFile {
  id: string;
  filename: string;
  title?: string;
  length: number;
  bytes?: Buffer;
  completed: boolean;
  /** `files.info` calls answered so far for this file. */
  infoCalls: number;
  /** Processed by "Slack": an image block may show it (see `fileProcessingPolls`). */
  processed: boolean;
  /** Channels the file was shared to (user ids resolved to their DM channel). */
  sharedTo: string[];
  initialComment?: string;
  text(): string;
}

export interface FakeResponse {
  id: string;
  body: Record<string, unknown>;
  at: number;
}

export interface FakeRejection {
  method: string;
  error: string;
  problems: string[];
  args: Record<string, unknown>;
}

type Fault =
  | { kind: 'error'; method: string; remaining: number; error: string; forUser?: string }
  | { kind: 'ratelimit'; method: string; remaining: number; retryAfter: number }
  | { kind: 'ratelimitEach'; method: string; remaining: number; retryAfter: number; seen: Set<string> }
  | { kind: 'server'; method: string; remaining: number }
  | { kind: 'delay'; method: string; remaining: number; ms: number }
  | { kind: 'hang'; method: string; remaining: number };

interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

type Args = Record<string, unknown>;

const JSON_FIELDS = new Set(['blocks', 'attachments', 'view', 'files', 'metadata', 'unfurls']);

const ok = (body: Args = {}): Answer => ({ status: 200, body: { ok: true, ...body } });
const fail = (error: string, extra: Args = {}): Answer => ({ status: 200, body: { ok: false, error, ...extra } });

const wallClock = (): number => performance.timeOrigin + performance.now();
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

function zoneInfo(tz: string, atMs: number): { offsetSeconds: number; label: string } {
  const date = new Date(atMs);
  const part = (style: 'longOffset' | 'long'): string =>
    new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: style })
      .formatToParts(date)
      .find((p) => p.type === 'timeZoneName')?.value ?? '';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(part('longOffset'));
  const offsetSeconds = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60) : 0;
  return { offsetSeconds, label: part('long') };
}

export class FakeSlack {
  readonly calls: FakeCall[] = [];
  readonly responses: FakeResponse[] = [];
  readonly rejections: FakeRejection[] = [];
  readonly messages: FakeMessage[] = [];
  readonly ephemerals: FakeEphemeral[] = [];
  readonly views = new Map<string, FakeView>();
  readonly files: FakeFile[] = [];
  private readonly fileProcessingPolls: number;

  readonly token: string;
  readonly appToken: string;
  readonly teamId: string;
  readonly teamDomain: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly appId: string;

  private readonly users = new Map<string, FakeUser>();
  private readonly dmChannels = new Map<string, string>(); // user id -> D id
  private readonly homes = new Map<string, FakeView>(); // user id -> home view
  private faults: Fault[] = [];
  private postingRate?: { perChannelPerSecond: number; sent: Map<string, number[]> };
  private workspaceRates: Array<{ method: string; perSecond: number; tokens: number; last: number }> = [];
  private windows: Array<{ method: string; limit: number; windowMs: number; perChannel: boolean; used: Map<string, { start: number; n: number }> }> = [];
  private usedTriggers = new Set<string>();
  private readonly grants = new Map<string, FakeGrant>(); // OAuth code -> grant, until exchanged
  private readonly granted = new Map<string, FakeGrant>(); // bot token -> grant
  private readonly revokedTokens = new Set<string>(); // uninstalled: every call answers token_revoked
  private readonly refreshTokens = new Map<string, FakeGrant>(); // token rotation: refresh token -> grant, until used
  private rotations = 0;
  /** The workspaces whose people the call being answered may see (its token's). */
  private scope: ReadonlySet<string> = new Set();
  private socketModeUrl?: string;
  private seq = 0;
  private readonly tsBase: number;
  private readonly now: () => number;
  private readonly events = new EventEmitter();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly server: http.Server;
  private port = 0;

  constructor(opts: FakeSlackOptions = {}) {
    this.token = opts.token ?? 'xoxb-test-token';
    this.appToken = opts.appToken ?? 'xapp-test-token';
    this.teamId = opts.teamId ?? 'T0TEST';
    this.teamDomain = opts.teamDomain ?? 'ballast-test';
    this.botUserId = opts.botUserId ?? 'U0BALLAST';
    this.botId = opts.botId ?? 'B0BALLAST';
    this.appId = opts.appId ?? 'A0BALLAST';
    this.socketModeUrl = opts.socketModeUrl;
    this.tsBase = opts.tsBaseSeconds ?? 1700000000;
    this.now = opts.now ?? wallClock;
    this.fileProcessingPolls = opts.fileProcessingPolls ?? 1;
    this.events.setMaxListeners(0);
    this.addUser({ id: this.botUserId, name: 'ballast', realName: 'Ballast', isBot: true });
    this.server = http.createServer((req, res) => {
      this.route(req, res).catch((err: unknown) => {
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(String(err));
        }
      });
    });
  }

  /** @internal use startFakeSlack */
  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Web API base URL, with the trailing slash WebClient expects. */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  // ---------------------------------------------------------------- users

  addUser(input: FakeUserInput): FakeUser {
    const user: FakeUser = {
      id: input.id,
      teamId: input.teamId ?? this.teamId,
      name: input.name ?? input.id.toLowerCase(),
      realName: input.realName ?? input.name ?? input.id,
      displayName: input.displayName ?? input.name ?? '',
      tz: input.tz ?? 'Europe/Berlin',
      deleted: input.deleted ?? false,
      isBot: input.isBot ?? false,
      email: input.email,
      statusText: input.statusText ?? '',
      statusEmoji: input.statusEmoji ?? '',
      statusExpiration: input.statusExpiration ?? 0,
      isAdmin: input.isAdmin ?? false,
      isOwner: input.isOwner ?? false,
    };
    this.users.set(user.id, user);
    return user;
  }

  updateUser(id: string, patch: Partial<Omit<FakeUserInput, 'id'>>): FakeUser {
    const user = this.users.get(id);
    if (!user) throw new Error(`fake Slack: no user ${id}`);
    Object.assign(user, patch);
    return user;
  }

  /** Every user's id, the bot's included. */
  userIds(): string[] {
    return [...this.users.keys()];
  }

  user(id: string): FakeUser | undefined {
    return this.users.get(id);
  }

  /** The user as `users.info` returns it. */
  slackUser(id: string): Record<string, unknown> | undefined {
    const u = this.users.get(id);
    if (!u) return undefined;
    const zone = zoneInfo(u.tz, this.now());
    return {
      id: u.id,
      team_id: u.teamId,
      name: u.name,
      real_name: u.realName,
      deleted: u.deleted,
      is_bot: u.isBot,
      is_app_user: false,
      is_admin: u.isAdmin,
      is_owner: u.isOwner,
      tz: u.tz,
      tz_label: zone.label,
      tz_offset: zone.offsetSeconds,
      ...(u.isBot && u.id === this.botUserId ? { profile_bot_id: this.botId } : {}),
      profile: {
        real_name: u.realName,
        display_name: u.displayName,
        ...(u.email !== undefined ? { email: u.email } : {}),
        status_text: u.statusText,
        status_emoji: u.statusEmoji,
        status_expiration: u.statusExpiration,
        ...(u.isBot && u.id === this.botUserId ? { bot_id: this.botId } : {}),
      },
    };
  }

  /** The stable DM channel id of a user (what `conversations.open` answers). */
  dmChannelOf(userId: string): string {
    let id = this.dmChannels.get(userId);
    if (!id) {
      id = /^[UW]/.test(userId) ? `D${userId.slice(1)}` : `D${userId}`;
      this.dmChannels.set(userId, id);
    }
    return id;
  }

  private userOfDm(channel: string): string | undefined {
    for (const [user, dm] of this.dmChannels) if (dm === channel) return user;
    return undefined;
  }

  // ---------------------------------------------------------------- helpers for tests

  callsTo(method: string): FakeCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  lastCall(method: string): FakeCall | undefined {
    const list = this.callsTo(method);
    return list[list.length - 1];
  }

  /** Messages (current state) posted to a user's DM, whether sent to `D…` or to the user id. */
  messagesTo(userId: string): FakeMessage[] {
    const dm = this.dmChannels.get(userId);
    return this.messages.filter((m) => !m.deleted && (m.channel === dm || m.channel === userId));
  }

  messagesIn(channel: string): FakeMessage[] {
    return this.messages.filter((m) => !m.deleted && m.channel === channel);
  }

  ephemeralsTo(userId: string): FakeEphemeral[] {
    return this.ephemerals.filter((e) => e.user === userId);
  }

  /** The App Home last published for a user. */
  homeOf(userId: string): FakeView | undefined {
    return this.homes.get(userId);
  }

  /** Modals opened or pushed, oldest first. */
  modals(): FakeView[] {
    return [...this.views.values()].filter((v) => v.type === 'modal');
  }

  file(id: string): FakeFile | undefined {
    return this.files.find((f) => f.id === id);
  }

  /** Deletes an uploaded file, as a workspace admin can: blocks naming it are then refused. */
  deleteFile(id: string): void {
    const at = this.files.findIndex((f) => f.id === id);
    if (at >= 0) this.files.splice(at, 1);
  }

  filesSharedTo(channelOrUser: string): FakeFile[] {
    const dm = this.dmChannels.get(channelOrUser);
    return this.files.filter((f) => f.sharedTo.includes(channelOrUser) || (dm !== undefined && f.sharedTo.includes(dm)));
  }

  /** A `response_url` served by this fake; posts to it land in `responses`. */
  responseUrl(id: string = `R${++this.seq}`): string {
    return `${this.baseUrl}/response/${encodeURIComponent(id)}`;
  }

  responsesTo(url: string): FakeResponse[] {
    const id = decodeURIComponent(url.slice(url.lastIndexOf('/') + 1));
    return this.responses.filter((r) => r.id === id);
  }

  setSocketModeUrl(url: string): void {
    this.socketModeUrl = url;
  }

  /**
   * Resolves with the predicate's first truthy value, re-checked after every request the fake
   * answers (no polling, no sleeping). Rejects after `timeoutMs` with the calls seen so far.
   */
  waitFor<T>(predicate: (fake: FakeSlack) => T | undefined | null | false, timeoutMs = 2000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = (): boolean => {
        const value = predicate(this);
        if (value === undefined || value === null || value === false) return false;
        cleanup();
        resolve(value);
        return true;
      };
      const onChange = (): void => {
        try {
          check();
        } catch (err) {
          cleanup();
          reject(err);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        const seen = this.calls.map((c) => `${c.method}${c.error ? `(${c.error})` : ''}`).join(', ');
        reject(new Error(`fake Slack: condition not met within ${timeoutMs}ms; calls: [${seen}]`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.events.off('change', onChange);
      };
      this.events.on('change', onChange);
      onChange();
    });
  }

  /** Calls `listener` after every request the fake answers (the sandbox page refreshes on it); returns an unsubscribe. */
  onChange(listener: () => void): () => void {
    this.events.on('change', listener);
    return () => {
      this.events.off('change', listener);
    };
  }

  /** Waits for a call to `method` (optionally matching) and returns it. */
  waitForCall(method: string, match: (call: FakeCall) => boolean = () => true, timeoutMs = 2000): Promise<FakeCall> {
    return this.waitFor(() => this.calls.find((c) => c.method === method && c.status !== undefined && match(c)), timeoutMs);
  }

  /** Clears recordings, stored messages/views and faults; keeps users, DM channels and uploaded files (workspace state). */
  reset(): void {
    for (const list of [this.calls, this.responses, this.rejections, this.messages, this.ephemerals]) {
      list.length = 0;
    }
    this.views.clear();
    this.homes.clear();
    this.usedTriggers.clear();
    this.clearFaults();
  }

  /** Removes faults and rate enforcement. */
  clearFaults(): void {
    this.faults = [];
    this.postingRate = undefined;
    this.workspaceRates = [];
    this.windows = [];
  }

  // ---------------------------------------------------------------- faults

  /** `method` may be `'*'` for every method. `times` defaults to every call until reset. */
  fail(method: string, error: string, opts: { times?: number; forUser?: string } = {}): void {
    this.faults.push({ kind: 'error', method, error, remaining: opts.times ?? Infinity, forUser: opts.forUser });
  }

  rateLimit(method: string, retryAfterSeconds: number, times = Infinity): void {
    this.faults.push({ kind: 'ratelimit', method, retryAfter: retryAfterSeconds, remaining: times });
  }

  /**
   * Every distinct call to `method` (same arguments) is answered 429 with `Retry-After` the first
   * time, and served when retried: Slack pushing back on each message once, which a client that
   * waits out Retry-After gets through without sending anything twice.
   */
  rateLimitEachOnce(method: string, retryAfterSeconds: number): void {
    this.faults.push({ kind: 'ratelimitEach', method, retryAfter: retryAfterSeconds, remaining: Infinity, seen: new Set() });
  }

  serverError(method: string, times = Infinity): void {
    this.faults.push({ kind: 'server', method, remaining: times });
  }

  delay(method: string, ms: number, times = Infinity): void {
    this.faults.push({ kind: 'delay', method, ms, remaining: times });
  }

  /** The method never answers (until `close()`); the call is still recorded. */
  hang(method: string): void {
    this.faults.push({ kind: 'hang', method, remaining: Infinity });
  }

  /** Slack's one message per second per channel for chat.postMessage. */
  enforcePostingRate(opts: { perChannelPerSecond: number } = { perChannelPerSecond: 1 }): void {
    this.postingRate = { perChannelPerSecond: opts.perChannelPerSecond, sent: new Map() };
  }

  /** A token bucket of `perSecond` calls per second for `method` across the workspace. */
  enforceWorkspaceRate(opts: { method: string; perSecond: number }): void {
    this.workspaceRates.push({ method: opts.method, perSecond: opts.perSecond, tokens: opts.perSecond, last: performance.now() });
  }

  /**
   * At most `limit` calls to `method` in each window of `windowMs`, for the whole workspace or (with
   * `perChannel`) for each channel: fixed windows from the first call, and beyond the limit a 429 whose
   * Retry-After is the whole seconds until the window ends. `clearFaults()` removes it.
   */
  enforceWindow(opts: { method: string; limit: number; windowMs: number; perChannel?: boolean }): void {
    this.windows.push({ ...opts, perChannel: opts.perChannel ?? false, used: new Map() });
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.events.removeAllListeners();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  // ---------------------------------------------------------------- HTTP

  private async route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', this.baseUrl);
    const path = url.pathname;
    if (req.method === 'POST' && path.startsWith('/api/')) {
      await this.handleApi(decodeURIComponent(path.slice(5)), req, raw, res);
    } else if (req.method === 'POST' && path.startsWith('/upload/')) {
      await this.handleUpload(decodeURIComponent(path.slice(8)), req, raw, res);
    } else if (req.method === 'POST' && path.startsWith('/response/')) {
      this.handleResponseUrl(decodeURIComponent(path.slice(10)), req, raw, res);
    } else {
      send(res, { status: 404, body: { ok: false, error: 'not_found' } });
    }
    this.events.emit('change');
  }

  private async handleApi(method: string, req: http.IncomingMessage, raw: Buffer, res: http.ServerResponse): Promise<void> {
    const args = await decodeBody(req, raw);
    const bodyToken = typeof args.token === 'string' ? args.token : undefined;
    delete args.token;
    const call: FakeCall = { method, args, at: wallClock() };
    this.calls.push(call);
    // Lets tests wait for a call that is still pending (delayed or hung), not only answered ones.
    this.events.emit('change');
    const answer = await this.answer(method, args, req, call, bodyToken);
    if (answer === 'hang') return;
    call.status = answer.status;
    call.ok = answer.body.ok === true;
    if (typeof answer.body.error === 'string') call.error = answer.body.error;
    send(res, answer);
  }

  private async answer(method: string, args: Args, req: http.IncomingMessage, call: FakeCall, bodyToken?: string): Promise<Answer | 'hang'> {
    if (method === 'oauth.v2.access') return this.exchange(args, req);
    const header = req.headers.authorization;
    const bearer = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
    const given = bearer ?? bodyToken;
    const expected = method === 'apps.connections.open' ? this.appToken : this.token;
    if (!given) return fail('not_authed');
    const grant = method === 'apps.connections.open' ? undefined : this.granted.get(given);
    if (grant) call.installation = grant.isEnterpriseInstall ? grant.enterprise!.id : grant.team!.id;
    if (this.revokedTokens.has(given)) return fail('token_revoked');
    // An installed workspace's own token sees that workspace's people (an org-wide one, every
    // workspace of its enterprise), and auth.test names its installation.
    if (grant && method === 'auth.test') return this.authTestOf(grant);
    if (!grant && given !== expected) return fail('invalid_auth');
    const scope = new Set(grant ? (grant.isEnterpriseInstall ? grant.orgTeams ?? [] : [grant.team!.id]) : [this.teamId]);

    if (this.takeFault(method, args, 'hang')) return 'hang';
    const delay = this.takeFault(method, args, 'delay');
    if (delay?.kind === 'delay') await this.sleep(delay.ms);
    const limited = this.takeFault(method, args, 'ratelimit');
    if (limited?.kind === 'ratelimit') return rateLimited(limited.retryAfter);
    const each = this.takeFault(method, args, 'ratelimitEach');
    if (each?.kind === 'ratelimitEach') {
      const key = JSON.stringify(args);
      if (!each.seen.has(key)) {
        each.seen.add(key);
        return rateLimited(each.retryAfter);
      }
    }
    if (this.takeFault(method, args, 'server')) return { status: 500, body: { ok: false, error: 'internal_error' } };
    const failure = this.takeFault(method, args, 'error');
    if (failure?.kind === 'error') return fail(failure.error);

    const throttled = this.throttle(method, args);
    if (throttled) return throttled;

    const handler = this.handlers[method];
    if (!handler) return fail('unknown_method');
    // Handlers answer synchronously, so the scope is theirs alone while they run.
    this.scope = scope;
    try {
      return handler(args);
    } finally {
      this.scope = new Set();
    }
  }

  /** A user the call being answered may see: one of its token's workspaces. */
  private visible(id: unknown): FakeUser | undefined {
    const u = typeof id === 'string' ? this.users.get(id) : undefined;
    return u && this.scope.has(u.teamId) ? u : undefined;
  }

  /** Slack's OAuth consent, approved: the app's redirect URL gets `code`, which `oauth.v2.access` exchanges once. */
  grant(code: string, g: FakeGrant): void {
    this.grants.set(code, g);
  }

  /** The installation behind `botToken` is gone (uninstalled): every call with it answers token_revoked, as Slack's do. */
  revoke(botToken: string): void {
    this.revokedTokens.add(botToken);
  }

  private exchange(args: Args, req: http.IncomingMessage): Answer {
    const basic = req.headers.authorization?.startsWith('Basic ')
      ? Buffer.from(req.headers.authorization.slice(6), 'base64').toString('utf8').split(':') : [];
    const [id, secret] = [str(args.client_id) ?? basic[0], str(args.client_secret) ?? basic[1]];
    if (id !== FAKE_CLIENT.id) return fail('invalid_client_id');
    if (secret !== FAKE_CLIENT.secret) return fail('bad_client_secret');
    if (str(args.grant_type) === 'refresh_token') return this.rotate(str(args.refresh_token));
    const code = str(args.code);
    const g = code ? this.grants.get(code) : undefined;
    if (!g) return fail('invalid_code');
    this.grants.delete(code!);
    this.granted.set(g.botToken, g);
    return ok({ ...this.tokenAnswer(g), authed_user: { id: g.userId } });
  }

  /** A refresh token used once more (two replicas refreshing at once) is refused, as Slack refuses it. */
  private rotate(refreshToken: string | undefined): Answer {
    const g = refreshToken ? this.refreshTokens.get(refreshToken) : undefined;
    if (!g) return fail('invalid_refresh_token');
    this.refreshTokens.delete(refreshToken!);
    // A refreshed token lasts Slack's twelve hours, whatever the first one was given.
    const next = { ...g, botToken: `${g.botToken.replace(/-r\d+$/, '')}-r${++this.rotations}`, expiresIn: 12 * 3600 };
    this.granted.set(next.botToken, next);
    return ok(this.tokenAnswer(next));
  }

  private tokenAnswer(g: FakeGrant): Record<string, unknown> {
    const rotation: Record<string, unknown> = {};
    if (g.expiresIn !== undefined) {
      const refresh = `xoxe-1-refresh-${g.botToken}`;
      this.refreshTokens.set(refresh, g);
      Object.assign(rotation, { refresh_token: refresh, expires_in: g.expiresIn });
    }
    return {
      app_id: this.appId, scope: g.scopes.join(','), token_type: 'bot', access_token: g.botToken, bot_user_id: g.botUserId,
      team: g.team ?? null, enterprise: g.enterprise ?? null, is_enterprise_install: g.isEnterpriseInstall, ...rotation,
    };
  }

  private authTestOf(g: FakeGrant): Answer {
    return ok({
      url: g.isEnterpriseInstall ? `https://${g.enterprise!.id.toLowerCase()}.enterprise.slack.com/` : `https://${g.team!.id.toLowerCase()}.slack.com/`,
      team: g.team?.name, user: 'ballast', team_id: g.team?.id, user_id: g.botUserId, bot_id: g.botId,
      enterprise_id: g.enterprise?.id, is_enterprise_install: g.isEnterpriseInstall,
    });
  }

  private takeFault(method: string, args: Args, kind: Fault['kind']): Fault | undefined {
    const fault = this.faults.find(
      (f) =>
        f.kind === kind &&
        f.remaining > 0 &&
        (f.method === method || f.method === '*') &&
        (f.kind !== 'error' || f.forUser === undefined || this.involves(args, f.forUser)),
    );
    if (fault) fault.remaining -= 1;
    return fault;
  }

  private involves(args: Args, userId: string): boolean {
    const dm = this.dmChannels.get(userId);
    if (args.user === userId || args.user_id === userId) return true;
    if (args.channel === userId || (dm !== undefined && args.channel === dm)) return true;
    if (typeof args.users === 'string' && args.users.split(',').includes(userId)) return true;
    const email = this.users.get(userId)?.email;
    return email !== undefined && args.email === email;
  }

  private throttle(method: string, args: Args): Answer | undefined {
    const now = performance.now();
    for (const bucket of this.workspaceRates) {
      if (bucket.method !== method) continue;
      bucket.tokens = Math.min(bucket.perSecond, bucket.tokens + ((now - bucket.last) / 1000) * bucket.perSecond);
      bucket.last = now;
      if (bucket.tokens < 1) {
        return rateLimited(Math.max(1, Math.ceil((1 - bucket.tokens) / bucket.perSecond)));
      }
    }
    let postKey: string | undefined;
    if (this.postingRate && method === 'chat.postMessage' && typeof args.channel === 'string') {
      postKey = /^[UW]/.test(args.channel) ? this.dmChannelOf(args.channel) : args.channel;
      const recent = (this.postingRate.sent.get(postKey) ?? []).filter((t) => now - t < 1000);
      this.postingRate.sent.set(postKey, recent);
      if (recent.length >= this.postingRate.perChannelPerSecond) return rateLimited(1);
    }
    const counted: { start: number; n: number }[] = [];
    for (const w of this.windows) {
      if (w.method !== method) continue;
      const key = w.perChannel ? String(args.channel ?? '') : '';
      let used = w.used.get(key);
      if (!used) w.used.set(key, (used = { start: now, n: 0 }));
      // Fixed windows on the grid from the first call: a late caller does not move the next window.
      while (now >= used.start + w.windowMs) {
        used.start += w.windowMs;
        used.n = 0;
      }
      if (used.n >= w.limit) return rateLimited(Math.max(1, Math.ceil((used.start + w.windowMs - now) / 1000)));
      counted.push(used);
    }
    // Only calls that pass every limit spend from them.
    for (const used of counted) used.n += 1;
    for (const bucket of this.workspaceRates) if (bucket.method === method) bucket.tokens -= 1;
    if (postKey !== undefined) this.postingRate?.sent.get(postKey)?.push(now);
    return undefined;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.timers.delete(t);
        resolve();
      }, ms);
      this.timers.add(t);
    });
  }

  private reject(method: string, error: string, problems: string[], args: Args): Answer {
    this.rejections.push({ method, error, problems, args });
    return fail(error, { response_metadata: { messages: problems } });
  }

  private nextTs(): string {
    this.seq += 1;
    const micros = this.seq * 100;
    return `${this.tsBase + Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
  }

  private nextId(prefix: string): string {
    this.seq += 1;
    return `${prefix}${String(this.seq).padStart(8, '0')}`;
  }

  /** Where a message to `channel` goes: a user id becomes that user's DM. */
  private resolveChannel(channel: unknown): { channel: string; dmUser?: string } | { error: string } {
    if (typeof channel !== 'string' || channel.length === 0) return { error: 'channel_not_found' };
    let dmUser: string | undefined;
    if (/^[UW]/.test(channel)) dmUser = channel;
    else if (channel.startsWith('D')) {
      dmUser = this.userOfDm(channel);
      if (!dmUser) return { error: 'channel_not_found' };
    }
    if (dmUser === undefined) return { channel };
    const user = this.visible(dmUser);
    if (!user) return { error: 'channel_not_found' };
    if (user.isBot) return { error: 'cannot_dm_bot' };
    if (user.deleted) return { error: 'is_archived' };
    return { channel: this.dmChannelOf(dmUser), dmUser };
  }

  private messageOf(m: FakeMessage): Args {
    return { type: 'message', ts: m.ts, text: m.text ?? '', blocks: m.blocks, user: this.botUserId, bot_id: this.botId, app_id: this.appId, team: this.teamId };
  }

  private checkMessage(method: string, args: Args): Answer | undefined {
    const { error, problems } = validateMessage(args);
    if (error) return this.reject(method, error, problems, args);
    const files = this.fileProblems(typeof args.blocks === 'string' ? safeParse(args.blocks) : args.blocks);
    return files.length ? this.reject(method, 'invalid_blocks', files, args) : undefined;
  }

  /** An image block may name a Slack file only once it is uploaded, completed and processed. */
  private fileProblems(blocks: unknown): string[] {
    return slackFileIds(blocks).flatMap((id) => {
      const file = this.files.find((f) => f.id === id);
      if (!file || !file.completed) return [`[ERROR] slack_file ${id} not found [json-pointer:/blocks]`];
      if (!file.processed) return [`[ERROR] slack_file ${id} is not processed yet [json-pointer:/blocks]`];
      return [];
    });
  }

  private storeView(args: Args, type: 'modal' | 'home', method: string, existing?: FakeView): Answer | FakeView {
    const view = args.view;
    if (typeof view === 'string') return this.reject(method, 'invalid_arguments', ['[ERROR] view is not valid JSON [json-pointer:/view]'], args);
    const problems = validateView(view);
    problems.push(...this.fileProblems((view as Args | null)?.blocks));
    if (problems.length > 0) return this.reject(method, 'invalid_arguments', problems, args);
    const v = view as Args;
    if (v.type !== type) return this.reject(method, 'invalid_arguments', [`[ERROR] must be ${type} [json-pointer:/view/type]`], args);
    if (existing) {
      existing.history.push(existing.view);
      existing.view = v;
      existing.hash = this.nextId('H');
      if (typeof v.external_id === 'string') existing.externalId = v.external_id;
      return existing;
    }
    const stored: FakeView = {
      id: this.nextId('V'),
      type,
      view: v,
      hash: this.nextId('H'),
      history: [],
      externalId: typeof v.external_id === 'string' ? v.external_id : undefined,
      triggerId: str(args.trigger_id),
    };
    this.views.set(stored.id, stored);
    return stored;
  }

  private viewResult(v: FakeView): Answer {
    return ok({
      view: {
        ...v.view,
        id: v.id,
        team_id: this.teamId,
        app_id: this.appId,
        bot_id: this.botId,
        hash: v.hash,
        state: { values: {} },
        root_view_id: v.id,
        previous_view_id: null,
        private_metadata: v.view.private_metadata ?? '',
        callback_id: v.view.callback_id ?? '',
        external_id: v.externalId ?? '',
      },
    });
  }

  private openModal(method: string, args: Args): Answer {
    if (args.trigger_id === undefined && args.interactivity_pointer === undefined) {
      return fail('invalid_arguments', { response_metadata: { messages: ['[ERROR] missing required field: trigger_id'] } });
    }
    const trigger = str(args.trigger_id) ?? str(args.interactivity_pointer);
    if (!trigger) return fail('invalid_trigger_id');
    if (this.usedTriggers.has(trigger)) return fail('expired_trigger_id');
    const stored = this.storeView(args, 'modal', method);
    if (!('id' in stored)) return stored;
    this.usedTriggers.add(trigger);
    return this.viewResult(stored);
  }

  private readonly handlers: Record<string, (args: Args) => Answer> = {
    'api.test': (args) => ok({ args }),
    'auth.test': () =>
      ok({
        url: `https://${this.teamDomain}.slack.com/`,
        team: 'Ballast Test',
        user: 'ballast',
        team_id: this.teamId,
        user_id: this.botUserId,
        bot_id: this.botId,
        is_enterprise_install: false,
      }),
    'users.info': (args) => {
      const user = this.visible(args.user) ? this.slackUser(String(args.user)) : undefined;
      return user ? ok({ user }) : fail('user_not_found');
    },
    'users.list': (args) => {
      const all = [...this.users.values()].filter((u) => this.scope.has(u.teamId)).map((u) => u.id);
      let offset = 0;
      if (str(args.cursor)) {
        const m = /^offset:(\d+)$/.exec(Buffer.from(String(args.cursor), 'base64').toString('utf8'));
        if (!m) return fail('invalid_cursor');
        offset = Number(m[1]);
      }
      const requested = Number(args.limit ?? 0);
      const limit = requested > 0 ? Math.min(requested, 1000) : 1000;
      const page = all.slice(offset, offset + limit);
      const next = offset + limit < all.length ? Buffer.from(`offset:${offset + limit}`).toString('base64') : '';
      return ok({ members: page.map((id) => this.slackUser(id)), cache_ts: Math.floor(this.now() / 1000), response_metadata: { next_cursor: next } });
    },
    'users.lookupByEmail': (args) => {
      const email = String(args.email ?? '').toLowerCase();
      const user = [...this.users.values()].find((u) => this.scope.has(u.teamId) && u.email !== undefined && u.email.toLowerCase() === email);
      return user ? ok({ user: this.slackUser(user.id) }) : fail('users_not_found');
    },
    'conversations.open': (args) => {
      if (str(args.channel)) {
        const resolved = this.resolveChannel(args.channel);
        return 'error' in resolved ? fail(resolved.error) : ok({ channel: { id: resolved.channel } });
      }
      const ids = String(args.users ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      if (ids.length === 0) return fail('users_list_not_supplied');
      for (const id of ids) {
        const user = this.visible(id);
        if (!user) return fail('user_not_found');
        if (user.deleted) return fail('user_disabled');
        if (user.isBot) return fail('cannot_dm_bot');
      }
      const first = ids[0] as string;
      const id = ids.length === 1 ? this.dmChannelOf(first) : `G${ids.map((i) => i.slice(1)).join('')}`;
      return ok({ channel: { id, ...(ids.length === 1 ? { user: first, is_im: true } : { is_mpim: true }) } });
    },
    'chat.postMessage': (args) => {
      const resolved = this.resolveChannel(args.channel);
      if ('error' in resolved) return fail(resolved.error);
      const bad = this.checkMessage('chat.postMessage', args);
      if (bad) return bad;
      const message: FakeMessage = {
        channel: resolved.channel,
        ts: this.nextTs(),
        text: typeof args.text === 'string' ? args.text : undefined,
        blocks: Array.isArray(args.blocks) ? args.blocks : undefined,
        threadTs: str(args.thread_ts),
        dmUser: resolved.dmUser,
        history: [args],
        deleted: false,
      };
      this.messages.push(message);
      return ok({ channel: message.channel, ts: message.ts, message: this.messageOf(message) });
    },
    'chat.postEphemeral': (args) => {
      const resolved = this.resolveChannel(args.channel);
      if ('error' in resolved) return fail(resolved.error);
      const user = this.visible(args.user);
      if (!user || user.deleted) return fail('user_not_in_channel');
      const bad = this.checkMessage('chat.postEphemeral', args);
      if (bad) return bad;
      const ts = this.nextTs();
      this.ephemerals.push({
        channel: resolved.channel,
        user: user.id,
        ts,
        text: typeof args.text === 'string' ? args.text : undefined,
        blocks: Array.isArray(args.blocks) ? args.blocks : undefined,
        args,
      });
      return ok({ message_ts: ts });
    },
    'chat.update': (args) => {
      const resolved = this.resolveChannel(args.channel);
      const message = 'error' in resolved ? undefined : this.messages.find((m) => m.channel === resolved.channel && m.ts === args.ts && !m.deleted);
      if (!message) return fail('message_not_found');
      const bad = this.checkMessage('chat.update', args);
      if (bad) return bad;
      if (typeof args.text === 'string') message.text = args.text;
      if (Array.isArray(args.blocks)) message.blocks = args.blocks;
      message.history.push(args);
      return ok({ channel: message.channel, ts: message.ts, text: message.text ?? '', message: this.messageOf(message) });
    },
    'chat.delete': (args) => {
      const resolved = this.resolveChannel(args.channel);
      const message = 'error' in resolved ? undefined : this.messages.find((m) => m.channel === resolved.channel && m.ts === args.ts && !m.deleted);
      if (!message) return fail('message_not_found');
      message.deleted = true;
      return ok({ channel: message.channel, ts: message.ts });
    },
    'chat.getPermalink': (args) => {
      if (!str(args.channel) || !str(args.message_ts)) return fail('invalid_arguments');
      const channel = String(args.channel);
      return ok({ channel, permalink: `https://${this.teamDomain}.slack.com/archives/${channel}/p${String(args.message_ts).replace('.', '')}` });
    },
    'views.open': (args) => this.openModal('views.open', args),
    'views.push': (args) => this.openModal('views.push', args),
    'views.update': (args) => {
      const byId = str(args.view_id);
      const byExternal = str(args.external_id);
      const existing = byId ? this.views.get(byId) : [...this.views.values()].find((v) => byExternal !== undefined && v.externalId === byExternal);
      if (!existing) return fail('not_found');
      if (str(args.hash) && args.hash !== existing.hash) return fail('hash_conflict');
      const stored = this.storeView(args, existing.type, 'views.update', existing);
      return 'id' in stored ? this.viewResult(stored) : stored;
    },
    'views.publish': (args) => {
      const userId = str(args.user_id);
      if (!userId || !this.users.has(userId)) return fail('user_not_found');
      const existing = this.homes.get(userId);
      if (existing && str(args.hash) && args.hash !== existing.hash) return fail('hash_conflict');
      const stored = this.storeView(args, 'home', 'views.publish', existing);
      if (!('id' in stored)) return stored;
      stored.user = userId;
      this.homes.set(userId, stored);
      return this.viewResult(stored);
    },
    'files.getUploadURLExternal': (args) => {
      const filename = str(args.filename);
      const length = Number(args.length);
      if (!filename || !Number.isInteger(length) || length <= 0) return fail('invalid_arguments');
      const id = this.nextId('F');
      const files = this.files;
      files.push({
        id,
        filename,
        length,
        completed: false,
        infoCalls: 0,
        processed: false,
        sharedTo: [],
        text() {
          return this.bytes?.toString('utf8') ?? '';
        },
      });
      return ok({ upload_url: `${this.baseUrl}/upload/${id}`, file_id: id });
    },
    'files.completeUploadExternal': (args) => {
      const list = Array.isArray(args.files) ? (args.files as Args[]) : undefined;
      if (!list || list.length === 0) return fail('invalid_arguments');
      const done: FakeFile[] = [];
      for (const entry of list) {
        const file = this.files.find((f) => f.id === entry.id);
        if (!file) return fail('file_not_found');
        if (!file.bytes) return fail('file_upload_not_complete');
        done.push(file);
      }
      let target: string | undefined;
      if (str(args.channel_id)) {
        const resolved = this.resolveChannel(args.channel_id);
        if ('error' in resolved) return fail(resolved.error);
        target = resolved.channel;
      }
      done.forEach((file, i) => {
        file.completed = true;
        file.title = str(list[i]?.title) ?? file.filename;
        file.initialComment = str(args.initial_comment);
        if (target && !file.sharedTo.includes(target)) file.sharedTo.push(target);
      });
      return ok({ files: done.map((f) => ({ id: f.id, name: f.filename, title: f.title, size: f.length })) });
    },
    'files.info': (args) => {
      const file = this.files.find((f) => f.id === str(args.file));
      if (!file || !file.completed) return fail('file_not_found');
      file.infoCalls += 1;
      if (file.infoCalls > this.fileProcessingPolls) file.processed = true;
      const image = /\.png$/i.test(file.filename);
      return ok({
        file: {
          id: file.id, name: file.filename, title: file.title, size: file.length,
          mimetype: image ? 'image/png' : 'text/plain', channels: file.sharedTo,
          // Slack adds an image's dimensions and thumbnails once it has processed it.
          ...(file.processed && image ? { original_w: 800, original_h: 360, thumb_360: `${this.baseUrl}/files/${file.id}/thumb_360.png` } : {}),
        },
      });
    },
    'apps.connections.open': () =>
      this.socketModeUrl ? ok({ url: this.socketModeUrl }) : fail('internal_error', { warning: 'fake Slack: no socketModeUrl set' }),
  };

  private async handleUpload(id: string, req: http.IncomingMessage, raw: Buffer, res: http.ServerResponse): Promise<void> {
    const file = this.files.find((f) => f.id === id);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('file not found');
      return;
    }
    const type = req.headers['content-type'] ?? '';
    if (type.startsWith('multipart/form-data')) {
      const form = await new Request('http://fake.local/', { method: 'POST', headers: { 'content-type': type }, body: raw }).formData();
      const part = [...form.values()].find((v) => typeof v !== 'string');
      file.bytes = part && typeof part !== 'string' ? Buffer.from(await part.arrayBuffer()) : Buffer.alloc(0);
    } else {
      file.bytes = raw;
    }
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(`OK - ${file.bytes.length}`);
  }

  private handleResponseUrl(id: string, req: http.IncomingMessage, raw: Buffer, res: http.ServerResponse): void {
    let body: Args;
    try {
      body = (req.headers['content-type'] ?? '').includes('json')
        ? (JSON.parse(raw.toString('utf8')) as Args)
        : decodeForm(raw.toString('utf8'));
    } catch {
      send(res, { status: 400, body: { ok: false, error: 'invalid_payload' } });
      return;
    }
    if (body.delete_original !== true && body.delete_original !== 'true') {
      const { error, problems } = validateMessage(body);
      if (error) {
        this.rejections.push({ method: 'response_url', error, problems, args: body });
        send(res, { status: 400, body: { ok: false, error, response_metadata: { messages: problems } } });
        return;
      }
    }
    this.responses.push({ id, body, at: wallClock() });
    send(res, ok());
  }
}

/** Starts a fake Slack on 127.0.0.1 with a free port. Close it in `afterAll`/`afterEach`. */
export async function startFakeSlack(opts: FakeSlackOptions = {}): Promise<FakeSlack> {
  const fake = new FakeSlack(opts);
  await fake.listen();
  return fake;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function rateLimited(retryAfterSeconds: number): Answer {
  return { status: 429, headers: { 'retry-after': String(retryAfterSeconds) }, body: { ok: false, error: 'ratelimited' } };
}

function send(res: http.ServerResponse, answer: Answer): void {
  if (res.destroyed) return;
  res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', ...answer.headers });
  res.end(JSON.stringify(answer.body));
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function decodeForm(text: string): Args {
  const args: Args = {};
  for (const [key, value] of new URLSearchParams(text)) {
    args[key] = value;
    if (JSON_FIELDS.has(key)) {
      try {
        args[key] = JSON.parse(value) as unknown;
      } catch {
        // Left as a string; the method refuses it as Slack would.
      }
    }
  }
  return args;
}

async function decodeBody(req: http.IncomingMessage, raw: Buffer): Promise<Args> {
  const type = req.headers['content-type'] ?? '';
  if (raw.length === 0) return {};
  if (type.includes('application/json')) {
    try {
      const parsed = JSON.parse(raw.toString('utf8')) as unknown;
      return typeof parsed === 'object' && parsed !== null ? { ...(parsed as Args) } : {};
    } catch {
      return {};
    }
  }
  if (type.startsWith('multipart/form-data')) {
    const form = await new Request('http://fake.local/', { method: 'POST', headers: { 'content-type': type }, body: raw }).formData();
    const args: Args = {};
    for (const [key, value] of form) args[key] = typeof value === 'string' ? value : Buffer.from(await value.arrayBuffer());
    return args;
  }
  return decodeForm(raw.toString('utf8'));
}
