// The sandbox's Slack side without a browser: signed payloads shaped as Slack's, modal stacks, response_url, jobs on a jump.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BlockAction, ViewSubmitAction } from '@slack/bolt';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { jumpTarget, nextLocal } from '../../sandbox/clock';
import { JOBS } from '../../src/jobs';
import { JOB_NAMES, type Job } from '../../src/jobs/types';
import { USAGE } from '../../src/core/grammar';
import { renderBlocks } from '../../sandbox/public/render';
import { COMPANY } from '../../sandbox/seed';

// Tuesday 24 Nov 2026, 11:00 in Berlin.
const NOW = '2026-11-24T10:00:00Z';
const ADA = 'U100ADA';

let dir: string;
let sandbox: Sandbox;
const seen: { actions: BlockAction[]; submissions: ViewSubmitAction[] } = { actions: [], submissions: [] };
const modal = (title: string, callbackId = 't_modal') => ({
  type: 'modal' as const,
  callback_id: callbackId,
  title: { type: 'plain_text' as const, text: title },
  submit: { type: 'plain_text' as const, text: 'Go' },
  blocks: [
    { type: 'input' as const, block_id: 'b_text', label: { type: 'plain_text' as const, text: 'Text' }, element: { type: 'plain_text_input' as const, action_id: 'a_text' } },
    {
      type: 'actions' as const, block_id: 'b_acts',
      elements: [{ type: 'button' as const, action_id: 't_inside', text: { type: 'plain_text' as const, text: 'Inside' }, value: 'v' }],
    },
  ],
});

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ballast-sandbox-slack-'));
  sandbox = await startSandbox({ port: 0, dbPath: path.join(dir, 'sandbox.db'), now: NOW, logLevel: 'warn' });
  // Test-only listeners on the real app, to see exactly what the sandbox sends as Slack.
  const app = sandbox.ballast.app;
  app.action<BlockAction>('t_open', async ({ ack, body, client }) => {
    await ack();
    seen.actions.push(body);
    await client.views.open({ trigger_id: body.trigger_id, view: modal('First') });
  });
  app.action<BlockAction>('t_inside', async ({ ack, body }) => {
    await ack();
    seen.actions.push(body);
  });
  app.action<BlockAction>('t_replace', async ({ ack, body, respond }) => {
    await ack();
    seen.actions.push(body);
    await respond({ replace_original: true, text: 'Replaced', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Replaced by response_url' } }] });
  });
  app.action<BlockAction>('t_eph', async ({ ack, body, respond }) => {
    await ack();
    seen.actions.push(body);
    await respond({ replace_original: true, text: 'Ephemeral replaced' });
  });
  app.action<BlockAction>('t_delete', async ({ ack, respond }) => {
    await ack();
    await respond({ delete_original: true });
  });
  app.view<ViewSubmitAction>('t_modal', async ({ ack, body }) => {
    seen.submissions.push(body);
    const text = body.view.state.values.b_text?.a_text?.value;
    if (text === 'bad') await ack({ response_action: 'errors', errors: { b_text: 'Not like that' } });
    else if (text === 'push') await ack({ response_action: 'push', view: modal('Second') });
    else if (text === 'update') await ack({ response_action: 'update', view: modal('Updated') });
    else if (text === 'clear') await ack({ response_action: 'clear' });
    else await ack();
  });
});

afterAll(async () => {
  await sandbox?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

afterEach(() => expect(sandbox.fake.rejections).toEqual([]));

async function postDm(blocks: unknown[]): Promise<string> {
  const ref = await sandbox.ballast.deps.slack.postMessage(await sandbox.ballast.deps.slack.openDm(ADA), { text: 'test', blocks: blocks as never });
  return ref.ts;
}

function timeline(): Record<string, unknown>[] {
  return sandbox.workspace.stateOf(ADA).timeline as Record<string, unknown>[];
}

it('seeds nine people with reporting lines, roles and history, and never today so check-ins still go out', async () => {
  const people = await sandbox.ballast.store.people.listActive();
  expect(people).toHaveLength(9);
  expect(new Set(people.map((p) => p.tz)).size).toBeGreaterThanOrEqual(3);
  expect((await sandbox.ballast.store.people.reportsOf('U200MAR')).map((p) => p.id)).toEqual(['U100ADA', 'U101BEN', 'U102CHI']);
  expect((await sandbox.ballast.store.people.withRole('lead')).map((p) => p.id)).toEqual(['U300SOL']);
  expect((await sandbox.ballast.store.people.withRole('admin')).map((p) => p.id)).toEqual(['U400ALX']);
  expect((await sandbox.ballast.store.entries.allOf(ADA)).length).toBeGreaterThan(3);
  expect(await sandbox.ballast.store.entries.hasEntryOn(ADA, '2026-11-24')).toBe(false);
});

it('sends a DM button click as block_actions with the message container, the message and a response_url', async () => {
  const ts = await postDm([{ type: 'actions', block_id: 'b_dm', elements: [{ type: 'button', action_id: 't_open', text: { type: 'plain_text', text: 'Open' }, value: '42' }] }]);
  const channel = sandbox.fake.dmChannelOf(ADA);
  expect(await sandbox.workspace.blockAction(ADA, { kind: 'message', channel, ts }, 'b_dm', 't_open', null, {})).toEqual({ ok: true });
  const body = seen.actions.at(-1)!;
  expect(body.container).toEqual({ type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: false });
  expect(body.message?.ts).toBe(ts);
  expect(body.actions[0]).toMatchObject({ type: 'button', action_id: 't_open', block_id: 'b_dm', value: '42' });
  expect(body.response_url).toContain(sandbox.fake.baseUrl);
  await sandbox.fake.waitFor(() => sandbox.workspace.modalStack(ADA).length === 1);
});

it('keeps a modal stack: errors inline, push on top, update in place, clear closes all', async () => {
  const [first] = sandbox.workspace.modalStack(ADA);
  expect(first!.view.title).toMatchObject({ text: 'First' });

  // A click inside the modal carries the view and its state.
  await sandbox.workspace.blockAction(ADA, { kind: 'view', viewId: first!.id }, 'b_acts', 't_inside', null, { b_text: { a_text: 'typed' } });
  const inside = seen.actions.at(-1)!;
  expect(inside.container).toEqual({ type: 'view', view_id: first!.id });
  expect(inside.view?.state.values).toEqual({ b_text: { a_text: { type: 'plain_text_input', value: 'typed' } } });

  expect(await sandbox.workspace.submit(ADA, first!.id, { b_text: { a_text: 'bad' } })).toEqual({ ok: false, errors: { b_text: 'Not like that' } });
  expect(sandbox.workspace.stateOf(ADA).modal).toMatchObject({ id: first!.id, errors: { b_text: 'Not like that' } });

  await sandbox.workspace.submit(ADA, first!.id, { b_text: { a_text: 'push' } });
  const stack = sandbox.workspace.modalStack(ADA);
  expect(stack.map((v) => (v.view.title as { text: string }).text)).toEqual(['First', 'Second']);

  await sandbox.workspace.submit(ADA, stack[1]!.id, { b_text: { a_text: 'update' } });
  expect(sandbox.workspace.modalStack(ADA).map((v) => (v.view.title as { text: string }).text)).toEqual(['First', 'Updated']);

  await sandbox.workspace.submit(ADA, stack[1]!.id, { b_text: { a_text: 'clear' } });
  expect(sandbox.workspace.modalStack(ADA)).toEqual([]);
  expect(seen.submissions.at(-1)!.view.callback_id).toBe('t_modal');
});

it('shows a DM replaced through response_url in place, and hides one deleted through it', async () => {
  const channel = sandbox.fake.dmChannelOf(ADA);
  const ts = await postDm([{ type: 'actions', block_id: 'b_r', elements: [{ type: 'button', action_id: 't_replace', text: { type: 'plain_text', text: 'Replace' } }] }]);
  await sandbox.workspace.blockAction(ADA, { kind: 'message', channel, ts }, 'b_r', 't_replace', null, {});
  await sandbox.fake.waitFor(() => timeline().find((m) => m.ts === ts && m.text === 'Replaced'));
  expect(timeline().find((m) => m.ts === ts)).toMatchObject({ edited: true });

  const gone = await postDm([{ type: 'actions', block_id: 'b_d', elements: [{ type: 'button', action_id: 't_delete', text: { type: 'plain_text', text: 'Delete' } }] }]);
  await sandbox.workspace.blockAction(ADA, { kind: 'message', channel, ts: gone }, 'b_d', 't_delete', null, {});
  await sandbox.fake.waitFor(() => !timeline().some((m) => m.ts === gone));
});

it('sends a click on an ephemeral message with an ephemeral container, and replaces it through response_url', async () => {
  const channel = sandbox.fake.dmChannelOf(ADA);
  await sandbox.ballast.deps.slack.postEphemeral(channel, ADA, {
    text: 'Pick one',
    blocks: [{ type: 'actions', block_id: 'b_e', elements: [{ type: 'button', action_id: 't_eph', text: { type: 'plain_text', text: 'This one' } }] }],
  });
  const eph = timeline().find((m) => m.kind === 'ephemeral' && m.text === 'Pick one')!;
  expect(await sandbox.workspace.blockAction(ADA, { kind: 'ephemeral', id: eph.id as string }, 'b_e', 't_eph', null, {})).toEqual({ ok: true });
  expect(seen.actions.at(-1)!.container).toMatchObject({ type: 'message', channel_id: channel, is_ephemeral: true });
  await sandbox.fake.waitFor(() => timeline().find((m) => m.id === eph.id && m.text === 'Ephemeral replaced'));
  expect(sandbox.workspace.stateOf('U101BEN').timeline).toEqual([]);
});

it('answers a typed command in the ack, shown only to its author', async () => {
  await sandbox.workspace.command(ADA, 'ada', 'week');
  const reply = timeline().filter((m) => m.kind === 'ephemeral').at(-1)!;
  expect(reply).toMatchObject({ label: '/ballast week' });
  expect(JSON.stringify(reply.blocks)).toContain('weekly budget');
  expect(sandbox.workspace.stateOf('U101BEN').timeline).toEqual([]);
});

it('publishes App Home when the Home tab is opened', async () => {
  await sandbox.workspace.openHome(ADA);
  const home = await sandbox.fake.waitFor(() => sandbox.fake.homeOf(ADA));
  expect(JSON.stringify(home.view.blocks)).toContain('Your week');
});

it('jumps to the person\'s next check-in and runs every registered job at that instant', async () => {
  const calls: number[] = [];
  const job: Job = async (_deps, at) => {
    calls.push(at);
    return { job: 'pulse', at, lines: ['U100ADA: would ask'], sent: 1, skipped: 0, failed: 0, inactive: [] };
  };
  const had = JOBS.pulse;
  JOBS.pulse = job;
  try {
    const result = await sandbox.jump(ADA, 'checkin');
    // Tuesday 16:30 in Berlin.
    expect(result.now).toBe(Date.parse('2026-11-24T15:30:00Z'));
    expect(sandbox.clock.now()).toBe(result.now);
    expect(calls).toEqual([result.now]);
    expect(result.reports).toContainEqual(expect.objectContaining({ job: 'pulse', sent: 1, lines: ['U100ADA: would ask'] }));
    // Every registered job ran, in the order the scheduler knows them; the rest are reported missing.
    expect(result.reports.map((r) => r.job)).toEqual(JOB_NAMES.filter((n) => JOBS[n]));
    expect(result.missing).toEqual(JOB_NAMES.filter((n) => !JOBS[n]));
    expect(result.label).toBe('Tue 24 Nov, 16:30 (Europe/Berlin)');
  } finally {
    if (had) JOBS.pulse = had;
    else delete JOBS.pulse;
  }
});

it('renders every surface Ballast produces (every command\'s example, every job, App Home, the modal) without a placeholder', async () => {
  const examples = [...new Set(Object.values(USAGE).map((u) => u.example))].map((e) =>
    e.replace(/^\/ballast\s*/, '').replace(/@dana/g, '@ada').replace(/@sam/g, '@marta'));
  for (const who of ['U400ALX', 'U200MAR', 'U300SOL', 'U103DEV']) {
    for (const text of examples) await sandbox.workspace.command(who, who, text);
    await sandbox.workspace.globalShortcut(who);
  }
  for (const jump of ['checkin', 'pulse', 'digest', 'hour', 'checkin'] as const) {
    for (const p of COMPANY) await sandbox.jump(p.id, jump);
  }
  for (const p of COMPANY) await sandbox.workspace.openHome(p.id);
  await sandbox.fake.waitFor(() => COMPANY.every((p) => sandbox.fake.homeOf(p.id)), 5000);

  const surfaces: unknown[][] = [];
  for (const m of sandbox.fake.messages) for (const h of m.history) if (Array.isArray(h.blocks)) surfaces.push(h.blocks);
  for (const v of sandbox.fake.views.values()) for (const view of [...v.history, v.view]) surfaces.push(view.blocks as unknown[]);
  for (const r of sandbox.fake.responses) if (Array.isArray(r.body.blocks)) surfaces.push(r.body.blocks);
  for (const p of COMPANY) {
    for (const item of sandbox.workspace.stateOf(p.id).timeline as { blocks?: unknown[] }[]) if (item.blocks) surfaces.push(item.blocks);
  }
  const ctx = { userName: (id: string) => id, people: [] };
  const unsupported = surfaces.map((b) => renderBlocks(b, ctx)).filter((html) => html.includes('[unsupported'));
  expect(unsupported).toEqual([]);
  // Many surfaces, from several sources: commands' replies, DMs from jobs, homes and modals.
  expect(surfaces.length).toBeGreaterThan(100);
  expect(sandbox.fake.messages.length).toBeGreaterThan(5);
}, 60_000);

describe('clock jumps', () => {
  const times = { checkinTime: '16:30' as const, checkinDays: [1, 2, 3, 4, 5] as const, pulseDays: [5] as const, digestDay: 1 as const, digestTime: '09:00' as const };
  it.each([
    ['the next check-in later today', 'checkin', '2026-11-24T10:00:00Z', 'Europe/Berlin', '2026-11-24T15:30:00Z'],
    ['the next check-in tomorrow once today\'s has passed', 'checkin', '2026-11-24T16:00:00Z', 'Europe/Berlin', '2026-11-25T15:30:00Z'],
    ['Monday\'s check-in from a Friday evening', 'checkin', '2026-11-27T22:00:00Z', 'America/New_York', '2026-11-30T21:30:00Z'],
    ['the Friday pulse at check-in time', 'pulse', '2026-11-24T10:00:00Z', 'Asia/Tokyo', '2026-11-27T07:30:00Z'],
    ['the Monday digest at 09:00', 'digest', '2026-11-24T10:00:00Z', 'Europe/Berlin', '2026-11-30T08:00:00Z'],
    ['one hour later', 'hour', '2026-11-24T10:00:00Z', 'Europe/Berlin', '2026-11-24T11:00:00Z'],
  ] as const)('goes to %s', (_what, jump, from, zone, to) => {
    expect(new Date(jumpTarget(jump, Date.parse(from), zone, times)).toISOString()).toBe(new Date(to).toISOString());
  });

  it('never stays on the same instant', () => {
    const at = Date.parse('2026-11-24T15:30:00Z');
    expect(nextLocal(at, 'Europe/Berlin', '16:30', [2])).toBe(Date.parse('2026-12-01T15:30:00Z'));
  });
});
