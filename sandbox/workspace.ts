/**
 * The Slack client's side of the sandbox: what each person sees (DMs, ephemeral replies, App Home,
 * modals) assembled from what the fake Slack recorded, and every click or submission turned into
 * the signed request Slack would send Ballast. No Ballast rules here; only Slack's behaviour.
 */
import type { FakeSlack, FakeView } from '../test/support/fakeSlack';
import { validateView } from '../test/support/blockKit';
import { newTriggerId, type SlackClient, type SlackResponse } from '../test/support/signer';
import { SHORTCUTS } from '../src/slack/ids';
import { actionOf, findElement, stateValues, type RawValue } from './public/render';
import { COMMUNITY_CHANNEL, COMMUNITY_POSTS } from './seed';

type Json = Record<string, unknown>;
/** Raw values the page read from its inputs: `{ [blockId]: { [actionId]: raw } }`. */
export type RawState = Record<string, Record<string, RawValue>>;

interface Ephemeral {
  id: string;
  user: string;
  order: number;
  /** What the person did that this answers, e.g. `/ballast log 30m`. */
  label: string;
  text?: string;
  blocks?: unknown[];
  /** A problem Slack would have shown instead of (or next to) the reply. */
  note?: string;
  deleted: boolean;
}

type Target =
  | { kind: 'ephemeral'; user: string; id: string }
  | { kind: 'message'; user: string; channel: string; ts: string }
  | { kind: 'new'; user: string; label: string };

export type Where =
  | { kind: 'message'; channel: string; ts: string }
  | { kind: 'ephemeral'; id: string }
  | { kind: 'view'; viewId: string };

export interface Outcome {
  ok: boolean;
  /** Shown to the person, as Slack would show a failed interaction. */
  error?: string;
  /** Inline field errors of a modal, by block id. */
  errors?: Record<string, string>;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const truthy = (v: unknown): boolean => v === true || v === 'true';

export class Workspace {
  private order = 0;
  private readonly messageOrder = new Map<string, number>();
  private readonly messageUpdated = new Map<string, { versions: number; at: number }>();
  private readonly overrides = new Map<string, { text?: string; blocks?: unknown[]; at: number }>();
  private readonly hidden = new Set<string>();
  private readonly ephemerals: Ephemeral[] = [];
  /** What people typed in their DM with Ballast (the Messages tab): Slack shows them in the DM. */
  private readonly typed: { user: string; channel: string; ts: string; text: string; order: number }[] = [];
  private readonly targets = new Map<string, Target>();
  private readonly triggerUsers = new Map<string, string>();
  private readonly pushed = new Set<string>();
  private readonly closed = new Set<string>();
  private readonly viewErrors = new Map<string, Record<string, string>>();
  private responsesSeen = 0;
  private ephemeralsSeen = 0;
  private seq = 0;

  constructor(
    private readonly fake: FakeSlack,
    private readonly slack: SlackClient,
    /** Who `@name` in a typed command can mean, as Slack's autocomplete would offer. */
    private readonly people: readonly { id: string; handles: readonly string[] }[] = [],
  ) {}

  /** Folds what the fake recorded since last time into the people's views; call after every change. */
  sync(): void {
    for (const m of this.fake.messages) {
      const key = `${m.channel}:${m.ts}`;
      if (!this.messageOrder.has(key)) this.messageOrder.set(key, ++this.order);
      const seen = this.messageUpdated.get(key);
      if (!seen || seen.versions !== m.history.length) this.messageUpdated.set(key, { versions: m.history.length, at: ++this.order });
    }
    for (; this.responsesSeen < this.fake.responses.length; this.responsesSeen += 1) {
      const r = this.fake.responses[this.responsesSeen]!;
      const target = this.targets.get(r.id);
      if (target) this.applyResponse(target, r.body);
    }
    for (; this.ephemeralsSeen < this.fake.ephemerals.length; this.ephemeralsSeen += 1) {
      const e = this.fake.ephemerals[this.ephemeralsSeen]!;
      this.ephemerals.push({ id: this.nextId('E'), user: e.user, order: ++this.order, label: 'Only visible to you', text: e.text, blocks: e.blocks, deleted: false });
    }
  }

  private applyResponse(target: Target, body: Json): void {
    const content = { text: typeof body.text === 'string' ? body.text : undefined, blocks: Array.isArray(body.blocks) ? body.blocks : undefined };
    if (target.kind === 'ephemeral') {
      const e = this.ephemerals.find((x) => x.id === target.id);
      if (!e) return;
      if (truthy(body.delete_original)) e.deleted = true;
      else if (truthy(body.replace_original)) Object.assign(e, content, { note: undefined });
      else this.ephemerals.push({ id: this.nextId('E'), user: target.user, order: ++this.order, label: e.label, ...content, deleted: false });
      return;
    }
    if (target.kind === 'message') {
      const key = `${target.channel}:${target.ts}`;
      if (truthy(body.delete_original)) this.hidden.add(key);
      else if (truthy(body.replace_original)) this.overrides.set(key, { ...content, at: ++this.order });
      else this.ephemerals.push({ id: this.nextId('E'), user: target.user, order: ++this.order, label: 'Only visible to you', ...content, deleted: false });
      return;
    }
    this.ephemerals.push({ id: this.nextId('E'), user: target.user, order: ++this.order, label: target.label, ...content, deleted: false });
  }

  private nextId(prefix: string): string {
    this.seq += 1;
    return `${prefix}${this.seq}`;
  }

  private trigger(user: string): string {
    const id = newTriggerId();
    this.triggerUsers.set(id, user);
    return id;
  }

  private responseUrl(target: Target): string {
    const id = this.nextId('R');
    this.targets.set(id, target);
    return this.fake.responseUrl(id);
  }

  /** A DM message as the person sees it: chat.update applied, or a response_url replacing it, whichever came last. */
  private shown(channel: string, ts: string): { text?: string; blocks?: unknown[]; edited: boolean } | undefined {
    const m = this.fake.messages.find((x) => x.channel === channel && x.ts === ts && !x.deleted);
    if (!m || this.hidden.has(`${channel}:${ts}`)) return undefined;
    const override = this.overrides.get(`${channel}:${ts}`);
    const updated = this.messageUpdated.get(`${channel}:${ts}`);
    if (override && (!updated || override.at > updated.at)) return { text: override.text, blocks: override.blocks, edited: true };
    return { text: m.text, blocks: m.blocks, edited: m.history.length > 1 };
  }

  /** The modals open for a person, bottom first (views.open starts a stack, views.push adds to it). */
  modalStack(user: string): FakeView[] {
    let stack: FakeView[] = [];
    for (const v of this.fake.views.values()) {
      if (v.type !== 'modal' || !v.triggerId || this.triggerUsers.get(v.triggerId) !== user) continue;
      const isPush = this.pushed.has(v.id) || this.fake.calls.some((c) => c.method === 'views.push' && c.ok === true && c.args.trigger_id === v.triggerId);
      if (!isPush) stack = [];
      stack.push(v);
    }
    return stack.filter((v) => !this.closed.has(v.id));
  }

  /** Everything one person sees right now. */
  stateOf(user: string): Json {
    this.sync();
    const dm = this.fake.dmChannelOf(user);
    const mine = this.fake.messagesIn(dm);
    const timeline: (Json & { order: number })[] = [];
    for (const m of mine) {
      if (m.threadTs && mine.some((p) => p.ts === m.threadTs)) continue;
      const shown = this.shown(m.channel, m.ts);
      if (!shown) continue;
      const replies = mine
        .filter((r) => r.threadTs === m.ts && r.ts !== m.ts)
        .map((r) => ({ channel: r.channel, ts: r.ts, ...this.shown(r.channel, r.ts) }))
        .filter((r) => r.text !== undefined || r.blocks !== undefined);
      timeline.push({ kind: 'message', channel: m.channel, ts: m.ts, ...shown, replies, order: this.messageOrder.get(`${m.channel}:${m.ts}`) ?? 0 });
    }
    for (const m of this.typed) {
      if (m.user === user) timeline.push({ kind: 'typed', channel: m.channel, ts: m.ts, text: m.text, order: m.order });
    }
    for (const e of this.ephemerals) {
      if (e.user !== user || e.deleted) continue;
      timeline.push({ kind: 'ephemeral', id: e.id, label: e.label, text: e.text, blocks: e.blocks, note: e.note, order: e.order });
    }
    timeline.sort((a, b) => a.order - b.order);
    const stack = this.modalStack(user);
    const top = stack[stack.length - 1];
    const home = this.fake.homeOf(user);
    return {
      dmChannel: dm,
      timeline,
      home: home ? { id: home.id, hash: home.hash, view: home.view } : null,
      modal: top ? { id: top.id, hash: top.hash, view: top.view, depth: stack.length, errors: this.viewErrors.get(top.id) ?? null } : null,
      rejections: this.fake.rejections.map((r) => `${r.method}: ${r.error} ${r.problems.join('; ')}`),
    };
  }

  // ------------------------------------------------------------ what the person does

  async command(user: string, userName: string, text: string): Promise<Outcome> {
    const entry: Ephemeral = { id: this.nextId('E'), user, order: ++this.order, label: `/ballast ${text}`.trim(), deleted: false };
    this.ephemerals.push(entry);
    const r = await this.slack.command(user, escapeCommandText(text, this.people), {
      responseUrl: this.responseUrl({ kind: 'ephemeral', user, id: entry.id }),
      triggerId: this.trigger(user),
      channelId: this.fake.dmChannelOf(user),
      userName,
    });
    if (r.status !== 200) {
      entry.note = failed(r);
      return { ok: false, error: entry.note };
    }
    if (r.ackProblems.length) entry.note = `Slack would refuse this reply: ${r.ackProblems.join('; ')}`;
    if (isObject(r.body)) {
      if (typeof r.body.text === 'string') entry.text = r.body.text;
      if (Array.isArray(r.body.blocks)) entry.blocks = r.body.blocks;
    }
    return { ok: true };
  }

  /**
   * A message typed in the DM with Ballast (not a slash command): Slack shows it in the DM and sends
   * Ballast a `message` event in an im channel, its text escaped as Slack escapes it.
   */
  async dmMessage(user: string, text: string): Promise<Outcome> {
    const channel = this.fake.dmChannelOf(user);
    const ts = `${1_700_000_000 + ++this.seq}.000200`;
    this.typed.push({ user, channel, ts, text, order: ++this.order });
    const r = await this.slack.event({
      type: 'message', channel, channel_type: 'im', user, text: escapeCommandText(text, this.people), ts,
      client_msg_id: this.nextId('M'), team: this.fake.teamId,
    });
    return r.status === 200 ? { ok: true } : { ok: false, error: failed(r) };
  }

  /** A click or a choice on a message, an ephemeral reply, App Home or a modal: a signed block_actions. */
  async blockAction(user: string, where: Where, blockId: string, actionId: string, raw: RawValue, rawState: RawState): Promise<Outcome> {
    const base: Json = {
      type: 'block_actions',
      user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: this.fake.teamId },
      api_app_id: this.fake.appId,
      token: 'legacy-verification-token',
      trigger_id: this.trigger(user),
      team: { id: this.fake.teamId, domain: this.fake.teamDomain },
      enterprise: null,
      is_enterprise_install: false,
    };
    const actionTs = `${1_700_000_000 + ++this.seq}.000100`;
    let blocks: unknown[] | undefined;
    if (where.kind === 'view') {
      const v = this.fake.views.get(where.viewId);
      if (!v) return { ok: false, error: 'That view is gone.' };
      blocks = v.view.blocks as unknown[];
      const values = stateValues(blocks, (b, a) => rawState[b]?.[a] ?? null);
      Object.assign(base, { container: { type: 'view', view_id: v.id }, view: this.fullView(v, values), state: { values } });
    } else if (where.kind === 'message') {
      const shown = this.shown(where.channel, where.ts);
      if (!shown) return { ok: false, error: 'That message is gone.' };
      blocks = shown.blocks;
      const m = this.fake.messages.find((x) => x.channel === where.channel && x.ts === where.ts);
      Object.assign(base, {
        container: { type: 'message', message_ts: where.ts, channel_id: where.channel, is_ephemeral: false, ...(m?.threadTs ? { thread_ts: m.threadTs } : {}) },
        channel: { id: where.channel, name: 'directmessage' },
        message: {
          type: 'message', text: shown.text ?? '', blocks: shown.blocks ?? [], ts: where.ts, user: this.fake.botUserId,
          bot_id: this.fake.botId, app_id: this.fake.appId, team: this.fake.teamId, ...(m?.threadTs ? { thread_ts: m.threadTs } : {}),
        },
        state: { values: stateValues(blocks, (b, a) => rawState[b]?.[a] ?? null) },
        response_url: this.responseUrl({ kind: 'message', user, channel: where.channel, ts: where.ts }),
      });
    } else {
      const e = this.ephemerals.find((x) => x.id === where.id && x.user === user && !x.deleted);
      if (!e) return { ok: false, error: 'That reply is gone.' };
      blocks = e.blocks;
      const dm = this.fake.dmChannelOf(user);
      Object.assign(base, {
        container: { type: 'message', message_ts: `${1_700_000_000 + e.order}.000000`, channel_id: dm, is_ephemeral: true },
        channel: { id: dm, name: 'directmessage' },
        state: { values: stateValues(blocks, (b, a) => rawState[b]?.[a] ?? null) },
        response_url: this.responseUrl({ kind: 'ephemeral', user, id: e.id }),
      });
    }
    const el = findElement(blocks, blockId, actionId);
    if (!el) return { ok: false, error: `No element ${actionId} in block ${blockId}.` };
    base.actions = [actionOf(el, blockId, raw, actionTs)];
    const r = await this.slack.action(base);
    return r.status === 200 ? { ok: true } : { ok: false, error: failed(r) };
  }

  /** The modal's Submit: a signed view_submission, then what Slack does with the app's answer. */
  async submit(user: string, viewId: string, rawState: RawState): Promise<Outcome> {
    const v = this.modalStack(user).find((x) => x.id === viewId);
    if (!v) return { ok: false, error: 'That modal is no longer open.' };
    const values = stateValues(v.view.blocks, (b, a) => rawState[b]?.[a] ?? null);
    const r = await this.slack.action({
      type: 'view_submission',
      team: { id: this.fake.teamId, domain: this.fake.teamDomain },
      user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: this.fake.teamId },
      api_app_id: this.fake.appId,
      token: 'legacy-verification-token',
      trigger_id: this.trigger(user),
      view: this.fullView(v, values),
      response_urls: [],
      is_enterprise_install: false,
      enterprise: null,
    });
    if (r.status !== 200) return { ok: false, error: failed(r) };
    if (r.ackProblems.length) return { ok: false, error: `Slack would refuse Ballast's answer: ${r.ackProblems.join('; ')}` };
    const body = isObject(r.body) ? r.body : {};
    switch (body.response_action) {
      case 'errors': {
        const errors = isObject(body.errors) ? (body.errors as Record<string, string>) : {};
        this.viewErrors.set(v.id, errors);
        return { ok: false, errors };
      }
      case 'update': {
        const problems = validateView(body.view);
        if (problems.length) return { ok: false, error: `Slack would refuse the updated view: ${problems.join('; ')}` };
        v.history.push(v.view);
        v.view = body.view as Json;
        v.hash = this.nextId('Hsbx');
        this.viewErrors.delete(v.id);
        return { ok: true };
      }
      case 'push': {
        const problems = validateView(body.view);
        if (problems.length) return { ok: false, error: `Slack would refuse the pushed view: ${problems.join('; ')}` };
        const id = this.nextId('VSBX');
        this.pushed.add(id);
        this.fake.views.set(id, { id, type: 'modal', view: body.view as Json, hash: this.nextId('Hsbx'), history: [], triggerId: this.trigger(user) });
        return { ok: true };
      }
      case 'clear':
        for (const x of this.modalStack(user)) this.closed.add(x.id);
        return { ok: true };
      default:
        this.closed.add(v.id);
        this.viewErrors.delete(v.id);
        return { ok: true };
    }
  }

  /** The modal's Close: back one view; Ballast hears of it only if the view asked (notify_on_close). */
  async close(user: string, viewId: string): Promise<Outcome> {
    const v = this.modalStack(user).find((x) => x.id === viewId);
    if (!v) return { ok: true };
    this.closed.add(v.id);
    this.viewErrors.delete(v.id);
    if (v.view.notify_on_close === true) {
      await this.slack.action({
        type: 'view_closed',
        team: { id: this.fake.teamId, domain: this.fake.teamDomain },
        user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: this.fake.teamId },
        api_app_id: this.fake.appId,
        token: 'legacy-verification-token',
        view: this.fullView(v, {}),
        is_cleared: false,
        is_enterprise_install: false,
        enterprise: null,
      });
    }
    return { ok: true };
  }

  /** Opening the Home tab: Slack sends app_home_opened; Ballast publishes the view. */
  async openHome(user: string): Promise<Outcome> {
    const home = this.fake.homeOf(user);
    const r = await this.slack.event({
      type: 'app_home_opened', user, channel: this.fake.dmChannelOf(user), tab: 'home',
      ...(home ? { view: this.fullView(home, {}) } : {}),
    });
    return r.status === 200 ? { ok: true } : { ok: false, error: failed(r) };
  }

  async globalShortcut(user: string): Promise<Outcome> {
    const r = await this.slack.shortcut({ userId: user, callbackId: SHORTCUTS.logEngagement, triggerId: this.trigger(user) });
    return r.status === 200 ? { ok: true } : { ok: false, error: failed(r) };
  }

  async messageShortcut(user: string, channel: string, ts: string): Promise<Outcome> {
    const post = channel === COMMUNITY_CHANNEL.id ? COMMUNITY_POSTS.find((p) => p.ts === ts) : undefined;
    const text = post?.text ?? this.shown(channel, ts)?.text;
    if (text === undefined) return { ok: false, error: 'That message is gone.' };
    const r = await this.slack.messageShortcut({
      userId: user, callbackId: SHORTCUTS.assignMessage, channelId: channel, messageTs: ts, text,
      messageUserId: post ? 'U0CUSTOMER' : this.fake.botUserId,
      triggerId: this.trigger(user),
      responseUrl: this.responseUrl({ kind: 'new', user, label: 'Assign to an advocate' }),
    });
    return r.status === 200 ? { ok: true } : { ok: false, error: failed(r) };
  }

  /** A view as Slack sends it inside payloads: the app's view plus Slack's ids and the current state. */
  private fullView(v: FakeView, values: Json): Json {
    return {
      ...v.view,
      id: v.id,
      team_id: this.fake.teamId,
      type: v.type,
      private_metadata: typeof v.view.private_metadata === 'string' ? v.view.private_metadata : '',
      callback_id: typeof v.view.callback_id === 'string' ? v.view.callback_id : '',
      state: { values },
      hash: v.hash,
      clear_on_close: v.view.clear_on_close === true,
      notify_on_close: v.view.notify_on_close === true,
      previous_view_id: null,
      root_view_id: v.id,
      app_id: this.fake.appId,
      external_id: v.externalId ?? '',
      app_installed_team_id: this.fake.teamId,
      bot_id: this.fake.botId,
    };
  }
}

/**
 * The command text as Slack sends it with `should_escape: true`: &, < and > escaped, `@name` picked
 * from autocomplete sent as `<@U…|name>`, links as `<https://…>`. Tokens typed in that form stay.
 */
export function escapeCommandText(text: string, people: readonly { id: string; handles: readonly string[] }[]): string {
  return text
    .split(/(<(?:[@#][A-Z0-9]+(?:\|[^<>]*)?|![^<>\s]+|(?:https?:\/\/|mailto:)[^<>\s|]+(?:\|[^<>]*)?)>)/)
    .map((part, i) => {
      if (i % 2 === 1) return part;
      return part
        .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
        .replace(/https?:\/\/\S+/g, (url) => `<${url}>`)
        .replace(/(^|\s)@([\p{L}][\p{L}\d._-]*)/gu, (whole, pre: string, handle: string) => {
          const who = people.find((p) => p.handles.some((h) => h.toLowerCase() === handle.toLowerCase()));
          return who ? `${pre}<@${who.id}|${handle.toLowerCase()}>` : whole;
        });
    })
    .join('');
}

function failed(r: SlackResponse): string {
  if (r.status === 404) return 'Ballast did not answer within 3 seconds (this feature may not be built yet); Slack would show an error.';
  return `Ballast answered HTTP ${r.status}${r.text ? `: ${r.text.slice(0, 200)}` : ''}; Slack would show an error.`;
}
