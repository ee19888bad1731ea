// Binds the SlackPort to @slack/web-api: Slack's errors become SlackError with Slack's own code.
import { WebClient, type FetchFunction, type WebClientOptions } from '@slack/web-api';
import type { SlackProfile } from '../core/model';
import { SlackError, type SlackPort } from '../services/ports';
import type { SlackHoldsStore } from '../services/store';
import type { Log } from '../logger';
import { systemClock } from '../clock';

/**
 * A payload without a trigger id (a message event, a forged click) can open no modal: refused here
 * with Slack's own code for it, without a call Slack would refuse anyway.
 */
const noTrigger = (method: string): SlackError => new SlackError('invalid_trigger_id', method);

interface SlackUser {
  id?: string; team_id?: string; name?: string; real_name?: string; tz?: string; deleted?: boolean;
  is_bot?: boolean;
  profile?: { real_name?: string; display_name?: string; email?: string; status_text?: string; status_emoji?: string;
    status_expiration?: number };
}

export function toProfile(u: SlackUser): SlackProfile {
  return {
    id: u.id ?? '',
    teamId: u.team_id ?? '',
    name: u.profile?.display_name || u.name || '',
    realName: u.real_name || u.profile?.real_name || u.name || '',
    email: u.profile?.email ?? null,
    tz: u.tz || 'UTC',
    isBot: Boolean(u.is_bot) || u.id === 'USLACKBOT',
    deleted: Boolean(u.deleted),
    statusText: u.profile?.status_text ?? '',
    statusEmoji: u.profile?.status_emoji ?? '',
    statusExpiration: u.profile?.status_expiration ?? 0,
  };
}

/** Slack's answers that mean Ballast's own token no longer works: nothing will, until someone fixes it. */
export const TOKEN_CODES = new Set(['invalid_auth', 'token_revoked', 'token_expired', 'not_authed', 'account_inactive_app', 'team_access_not_granted']);

export interface SlackPortHooks {
  /** Called on every call that failed because of the token itself (Slack's code), and on every success. */
  onTokenFailure?: (code: string, method: string) => void;
  onSuccess?: () => void;
}

async function callWith<T>(method: string, run: () => Promise<T>, hooks: SlackPortHooks = {}): Promise<T> {
  try {
    const result = await run();
    hooks.onSuccess?.();
    return result;
  } catch (e) {
    const err = e as { code?: string; data?: { error?: string }; statusCode?: number; original?: Error };
    if (err.data?.error && TOKEN_CODES.has(err.data.error)) hooks.onTokenFailure?.(err.data.error, method);
    if (err.data?.error) throw new SlackError(err.data.error, method);
    if (err.code === 'slack_webapi_rate_limited_error') throw new SlackError('ratelimited', method);
    if (err.code === 'slack_webapi_http_error') throw new SlackError(`http_${err.statusCode ?? 'error'}`, method);
    // The client waited out every Retry-After and still got 429s: its retries are used up.
    if (/rate limit was exceeded/.test(err.original?.message ?? '')) throw new SlackError('ratelimited', method);
    if (err.code === 'slack_webapi_request_error') throw new SlackError('request_failed', method);
    throw e;
  }
}

export function webClientOptions(apiUrl: string, extra: WebClientOptions = {}): WebClientOptions {
  return {
    slackApiUrl: apiUrl,
    // Retries 5xx and network failures a few times; 429s wait for Retry-After (the client's default).
    retryConfig: { retries: 4, factor: 2, minTimeout: 250, maxTimeout: 4000, randomize: true },
    timeout: 15_000,
    ...extra,
  };
}

/**
 * One rate-limit budget for every replica on the database: a `fetch` for the WebClient that, before
 * each Web API request, waits out any hold another replica (or this one) recorded for the method and
 * channel, and records a hold when Slack answers 429 with Retry-After. The client's own handling stays
 * as it is (it pauses its queue for Retry-After and retries); this adds what it cannot know: the 429s
 * the other replicas saw. Slack does not say which limit a 429 is for, so the hold is for the call's
 * channel; a second channel of the same method held at the same time means the method's own
 * (workspace-wide) limit, and the hold widens to every channel. A call without a channel holds the
 * whole method. Holds are wall-clock times (Retry-After is real time): replica clocks agree by NTP.
 * A failing database never stops a call: the hold is skipped and logged.
 */
export function sharedHoldsFetch(
  apiUrl: string, holds: SlackHoldsStore, opts: { log?: Log; fetch?: FetchFunction; now?: () => number } = {},
): FetchFunction {
  const base = opts.fetch ?? (globalThis.fetch as unknown as FetchFunction);
  const now = opts.now ?? systemClock.now;
  const careful = async <T>(what: string, run: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      return await run();
    } catch (err) {
      opts.log?.warn({ err }, `shared Slack rate-limit hold: ${what} failed; going on without it`);
      return fallback;
    }
  };
  return async (url, init) => {
    const href = String(url);
    // Only Web API methods (not the upload URLs files.uploadV2 posts file contents to).
    if (!href.startsWith(apiUrl)) return base(url, init);
    const method = href.slice(apiUrl.length).split('?')[0];
    const channel = channelOf(init?.body);
    for (;;) {
      const until = await careful('reading', () => holds.heldUntil(method, channel, now()), null);
      const wait = until === null ? 0 : until - now();
      if (wait <= 0) break;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
    const response = await base(url, init);
    if (response.status === 429) {
      const seconds = Number.parseInt(response.headers.get('retry-after') ?? '', 10);
      if (!Number.isNaN(seconds)) {
        const at = now();
        const until = at + seconds * 1000;
        await careful('recording', async () => {
          await holds.hold(method, channel, until, at);
          if (channel !== '' && (await holds.channelsHeld(method, at)) >= 2) await holds.hold(method, '', until, at);
        }, undefined);
      }
    }
    return response;
  };
}

/** The `channel` argument of a Web API request body (form-encoded, or multipart for uploads); '' if none. */
function channelOf(body: string | FormData | undefined): string {
  if (typeof body === 'string') return new URLSearchParams(body).get('channel') ?? '';
  if (body && typeof body.get === 'function') {
    const v = body.get('channel');
    return typeof v === 'string' ? v : '';
  }
  return '';
}

export function slackPort(client: WebClient, hooks: SlackPortHooks = {}): SlackPort {
  const call = <T>(method: string, run: () => Promise<T>): Promise<T> => callWith(method, run, hooks);
  return {
    async userInfo(userId) {
      const r = await call('users.info', () => client.users.info({ user: userId }));
      return toProfile(r.user as SlackUser);
    },
    async lookupByEmail(email) {
      const r = await call('users.lookupByEmail', () => client.users.lookupByEmail({ email }));
      return toProfile(r.user as SlackUser);
    },
    async openDm(userId) {
      const r = await call('conversations.open', () => client.conversations.open({ users: userId }));
      const id = r.channel?.id;
      if (!id) throw new SlackError('channel_not_found', 'conversations.open');
      return id;
    },
    async postMessage(channel, m) {
      const r = await call('chat.postMessage', () =>
        client.chat.postMessage({ channel, text: m.text, blocks: m.blocks, thread_ts: m.threadTs, unfurl_links: false }));
      return { channel: r.channel ?? channel, ts: r.ts ?? '' };
    },
    async updateMessage(ref, m) {
      await call('chat.update', () => client.chat.update({ channel: ref.channel, ts: ref.ts, text: m.text, blocks: m.blocks ?? [] }));
    },
    async postEphemeral(channel, user, m) {
      await call('chat.postEphemeral', () => client.chat.postEphemeral({ channel, user, text: m.text, blocks: m.blocks }));
    },
    async publishHome(userId, view) {
      await call('views.publish', () => client.views.publish({ user_id: userId, view }));
    },
    async openView(triggerId, view) {
      if (!triggerId) throw noTrigger('views.open');
      const r = await call('views.open', () => client.views.open({ trigger_id: triggerId, view }));
      return r.view?.id ?? '';
    },
    async updateView(viewId, view) {
      await call('views.update', () => client.views.update({ view_id: viewId, view }));
    },
    async pushView(triggerId, view) {
      if (!triggerId) throw noTrigger('views.push');
      await call('views.push', () => client.views.push({ trigger_id: triggerId, view }));
    },
    async permalink(channel, ts) {
      const r = await call('chat.getPermalink', () => client.chat.getPermalink({ channel, message_ts: ts }));
      return r.permalink ?? '';
    },
    async uploadFile(channel, f) {
      await call('files.uploadV2', () =>
        client.filesUploadV2({
          channel_id: channel, filename: f.filename, title: f.title, content: f.content, initial_comment: f.comment,
        }));
    },
    // Slack's external upload in its three steps, with no channel: the file is only shown by an image block.
    async uploadImage(f) {
      const target = await call('files.getUploadURLExternal', () =>
        client.files.getUploadURLExternal({ filename: f.filename, length: f.bytes.length }));
      if (!target.upload_url || !target.file_id) throw new SlackError('no_upload_url', 'files.getUploadURLExternal');
      const res = await fetch(target.upload_url, { method: 'POST', body: new Uint8Array(f.bytes), headers: { 'content-type': 'application/octet-stream' } });
      if (!res.ok) throw new SlackError(`upload_http_${res.status}`, 'files.upload');
      await call('files.completeUploadExternal', () =>
        client.files.completeUploadExternal({ files: [{ id: target.file_id!, title: f.title }] }));
      return target.file_id;
    },
    async fileProcessed(fileId) {
      const r = await call('files.info', () => client.files.info({ file: fileId }));
      // Slack adds an image's dimensions (and thumbnails) once it has processed it.
      const file = r.file as { original_w?: number; thumb_360?: string } | undefined;
      return Boolean(file?.original_w || file?.thumb_360);
    },
  };
}
