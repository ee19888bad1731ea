// Binds the SlackPort to @slack/web-api: Slack's errors become SlackError with Slack's own code.
import { WebClient, type WebClientOptions } from '@slack/web-api';
import type { SlackProfile } from '../core/model';
import { SlackError, type SlackPort } from '../services/ports';

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
      const r = await call('views.open', () => client.views.open({ trigger_id: triggerId, view }));
      return r.view?.id ?? '';
    },
    async updateView(viewId, view) {
      await call('views.update', () => client.views.update({ view_id: viewId, view }));
    },
    async pushView(triggerId, view) {
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
