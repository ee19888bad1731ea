// Helpers for assignment tests: people with roles and logged minutes, buttons on fake messages, clicks.
import type { Role } from '../../src/core/types';
import { localDate, weekKey } from '../../src/core/time';
import { toProfile } from '../../src/slack/webApi';
import type { TestApp } from './app';
import type { FakeMessage } from './fakeSlack';

export interface PersonSetup {
  tz?: string;
  role?: Role;
  paused?: boolean;
  pausedUntil?: string | null;
  /** Minutes already logged today. */
  logged?: number;
  statusEmoji?: string;
  inactive?: boolean;
  realName?: string;
}

export async function addPerson(t: TestApp, id: string, o: PersonSetup = {}): Promise<void> {
  const tz = o.tz ?? 'Europe/Berlin';
  t.fake.addUser({ id, name: id.slice(4).toLowerCase(), realName: o.realName ?? id.slice(4), tz, statusEmoji: o.statusEmoji ?? '' });
  const store = t.ballast.store;
  const now = t.clock.now();
  await store.people.upsertProfile(toProfile(t.fake.slackUser(id) as never), now);
  if (o.role) await store.people.setRole(id, o.role);
  if (o.paused) await store.people.setPause(id, true, o.pausedUntil ?? null);
  if (o.inactive) await store.people.markInactive(id);
  let left = o.logged ?? 0;
  const date = localDate(now, tz);
  while (left > 0) {
    const minutes = Math.min(left, 600);
    await store.entries.add({ personId: id, minutes, kind: 'post', date, weekKey: weekKey(date), source: 'command' }, now);
    left -= minutes;
  }
}

export interface FoundButton {
  action_id: string;
  value?: string;
  text: string;
  style?: string;
}

/** Every button in a message's blocks: in actions blocks and as section accessories. */
export function buttonsOf(blocks: unknown[] | undefined): FoundButton[] {
  const out: FoundButton[] = [];
  for (const b of (blocks ?? []) as Record<string, unknown>[]) {
    const elements = b.type === 'actions' ? (b.elements as Record<string, unknown>[]) : b.accessory ? [b.accessory as Record<string, unknown>] : [];
    for (const e of elements) {
      if (e.type === 'button') {
        out.push({ action_id: e.action_id as string, value: e.value as string | undefined, text: (e.text as { text: string }).text, style: e.style as string | undefined });
      }
    }
  }
  return out;
}

/** All the text a person would read in a message: its fallback text and every text in its blocks. */
export function textOf(m: { text?: string; blocks?: unknown[] } | undefined): string {
  if (!m) return '';
  const parts: string[] = [m.text ?? ''];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.text === 'string') parts.push(o.text);
      Object.values(o).forEach(walk);
    }
  };
  walk(m.blocks ?? []);
  return parts.join('\n');
}

export function buttonIn(m: { blocks?: unknown[] } | undefined, actionId: string): FoundButton {
  const b = buttonsOf(m?.blocks).find((x) => x.action_id === actionId);
  if (!b) throw new Error(`no ${actionId} button in ${JSON.stringify(m?.blocks)}`);
  return b;
}

/** Click a button on a message as a user; returns the response_url the app may answer on. */
export async function click(t: TestApp, userId: string, m: FakeMessage | { ts?: string; channel?: string; blocks?: unknown[] }, actionId: string, opts: { ephemeral?: boolean } = {}) {
  const b = buttonIn(m, actionId);
  const responseUrl = t.fake.responseUrl();
  const res = await t.slack.blockAction({
    userId, actionId, value: b.value, message: { ts: m.ts, channel: m.channel, blocks: m.blocks }, responseUrl,
    isEphemeral: opts.ephemeral,
  });
  expect(res.status).toBe(200);
  return { responseUrl, responses: () => t.fake.responsesTo(responseUrl) };
}
