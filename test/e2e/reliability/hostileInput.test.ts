/**
 * Hostile and malformed input through one running Ballast: generated slash commands, log-modal
 * submissions and button payloads. The bulk goes straight into Bolt's processEvent (what the HTTP
 * receiver calls once a signature checks out: the real middleware, listeners and database), so that
 * 30,000 inputs fit in CI's time; a slice of each also goes over signed HTTP to check status codes.
 */
import fc from 'fast-check';
import { parseCommand } from '../../../src/core/grammar';
import { localDate } from '../../../src/core/time';
import { validateLogForm } from '../../../src/core/logForm';
import { formFields } from '../../../src/slack/listeners/views/logModal';
import { ACTIONS, LOG_MODAL as F, VIEWS } from '../../../src/slack/ids';
import { startTestApp, type TestApp } from '../../support/app';
import { validateMessage } from '../../support/blockKit';
import { newTriggerId } from '../../support/signer';
import { recordFigures } from '../../support/figures';

const RUNS = Number(process.env.BALLAST_FUZZ_RUNS ?? 10_000);
const HTTP_SLICE = Math.min(150, RUNS);
const USERS = Array.from({ length: 40 }, (_, i) => `U${String(1000 + i)}FZ`);
const ZONES = ['Europe/Berlin', 'America/Los_Angeles', 'Asia/Tokyo', 'UTC', 'Australia/Adelaide'];

let t: TestApp;
const figures: Record<string, unknown> = {};
const entries = (): number => (t.ballast.store.db.prepare('SELECT COUNT(*) AS n FROM entries').get() as { n: number }).n;
const zoneOf = (userId: string): string => ZONES[USERS.indexOf(userId) % ZONES.length];

/** Per-input assertions: a plain comparison, and jest's expect (with its message) only when it fails. */
function same(actual: unknown, expected: unknown): void {
  if (actual !== expected) expect(actual).toEqual(expected);
}

interface Delivered {
  acked: boolean;
  response: unknown;
  threw?: unknown;
}

/** One payload into the app as the receiver hands it over after verifying the signature. */
async function deliver(body: Record<string, unknown>): Promise<Delivered> {
  const out: Delivered = { acked: false, response: undefined };
  try {
    await t.ballast.app.processEvent({
      body,
      ack: async (response?: unknown) => {
        if (out.acked) throw new Error('acknowledged twice');
        out.acked = true;
        out.response = response;
      },
    });
  } catch (err) {
    out.threw = err;
  }
  return out;
}

const commandBody = (userId: string, text: string) => ({
  token: 'legacy', team_id: t.fake.teamId, team_domain: 'ballast-test', channel_id: 'C0GENERAL', channel_name: 'general',
  user_id: userId, user_name: userId.toLowerCase(), command: '/ballast', text, api_app_id: t.fake.appId,
  is_enterprise_install: 'false', response_url: t.fake.responseUrl('fuzz'), trigger_id: newTriggerId(),
});

const unexpectedErrors = () =>
  t.logs.filter((l) => ['command failed', 'unhandled error in a listener', 'log modal submission failed'].includes(String(l.msg)));

beforeAll(async () => {
  t = await startTestApp();
  USERS.forEach((id) => t.fake.addUser({ id, name: id.toLowerCase(), tz: zoneOf(id) }));
});
afterAll(async () => {
  recordFigures('hostileInput', figures);
  await t.close();
});
afterEach(() => {
  expect(t.fake.rejections).toEqual([]);
  expect(unexpectedErrors()).toEqual([]);
});

// ── generators ──────────────────────────────────────────────────────────────────────────────

const WORDS = [
  'log', 'log', 'log', 'week', 'undo', 'budget', 'hours', 'help', 'privacy', 'pause', 'assign', 'admin', 'lgo', 'reply',
  'comment', 'share', 'post', 'monitor', 'other', 'linkedin', 'x', 'twitter', 'today', 'yesterday', 'tomorrow', 'monday',
  '2026-11-20', '2026-02-30', '30m', '1h', '1h30m', '1.5h', '1:30', '45', '0', '721', '-5', '99999999999999999999m',
  '<@U1000FZ>', '<@U1001FZ|fz>', '@fz', '<https://example.com/a|a label>', 'https://x.com/1', 'javascript:alert(1)',
  '<!channel>', '*', '_', '~', '`', '```', '>', '&lt;', '&amp;', '\u0000', '\u202e', '🙂', '👩‍👩‍👧', 'İ', 'ﷺ', '\n', '\t',
];
const word = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 10 }) },
);
const commandText = fc.oneof(
  { weight: 6, arbitrary: fc.array(word, { maxLength: 8 }).map((ws) => ws.join(' ')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }).map((n) => `log 5m ${n.repeat(20)}`) },
);

const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null, freq: 4 });
const fieldValue = (good: fc.Arbitrary<string>) =>
  fc.oneof({ weight: 6, arbitrary: good }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) });
const modalFields = fc.record({
  minutes: maybe(fieldValue(fc.constantFrom('30m', '1h', '90', '1:15', '0', '721', '12h', '2h30m', 'soon', ' 15 ', '1e2'))),
  kind: maybe(fieldValue(fc.constantFrom('respond', 'comment', 'share', 'post', 'monitor', 'other', 'reply'))),
  network: maybe(fieldValue(fc.constantFrom('linkedin', 'x', 'reddit', 'other', 'twitter', 'myspace'))),
  date: maybe(fieldValue(fc.integer({ min: -3, max: 20 }).map((back) => `2026-11-${String(26 - back).padStart(2, '0')}`))),
  link: maybe(fieldValue(fc.constantFrom('https://www.linkedin.com/feed/1', 'http://x.com/a b', 'ftp://x', `https://e.com/${'a'.repeat(2100)}`))),
  note: maybe(fc.string({ unit: 'grapheme', maxLength: 520 })),
  shape: fc.constantFrom('ok', 'ok', 'ok', 'ok', 'wrong-type', 'missing-block', 'null-value'),
});

type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;

function modalValues(f: ValueOf<typeof modalFields>): Record<string, Record<string, unknown>> {
  const selects = new Set(['kind', 'network']);
  const values: Record<string, Record<string, unknown>> = {};
  const put = (block: string, action: string, key: string, v: string | null): void => {
    if (f.shape === 'missing-block' && key === 'minutes') return;
    let el: Record<string, unknown>;
    if (f.shape === 'null-value') el = { type: 'plain_text_input', value: null };
    else if (selects.has(key)) el = { type: 'static_select', selected_option: v === null ? null : { text: { type: 'plain_text', text: v }, value: v } };
    else if (key === 'date') el = { type: 'datepicker', selected_date: v };
    else el = { type: f.shape === 'wrong-type' ? 'checkboxes' : 'plain_text_input', value: v };
    values[block] = { [action]: el };
  };
  put(F.minutesBlock, F.minutesAction, 'minutes', f.minutes);
  put(F.kindBlock, F.kindAction, 'kind', f.kind);
  put(F.networkBlock, F.networkAction, 'network', f.network);
  put(F.dateBlock, F.dateAction, 'date', f.date);
  put(F.linkBlock, F.linkAction, 'link', f.link);
  put(F.noteBlock, F.noteAction, 'note', f.note);
  return values;
}

let viewSeq = 0;
function submissionBody(userId: string, values: Record<string, Record<string, unknown>>, teamId = t.fake.teamId) {
  viewSeq += 1;
  const id = `V0FUZZ${viewSeq}`;
  return {
    type: 'view_submission', team: { id: teamId, domain: 'ballast-test' },
    user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: teamId },
    api_app_id: t.fake.appId, token: 'legacy', trigger_id: newTriggerId(), is_enterprise_install: false, enterprise: null,
    view: {
      id, type: 'modal', blocks: [], title: { type: 'plain_text', text: 'Log engagement' }, team_id: teamId, app_id: t.fake.appId,
      hash: 'h0', root_view_id: id, previous_view_id: null, callback_id: VIEWS.logModal, private_metadata: '', state: { values },
    },
    response_urls: [],
  };
}

const jsonish = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.json({ maxDepth: 2 }),
  fc.constantFrom('', '{}', '[]', 'null', '{"entryId":1}', '{"entryId":-1}', '99999999999999999999', 'x'.repeat(3000)),
);
const buttonPayload = fc.record({
  actionId: fc.oneof(fc.constantFrom(ACTIONS.openLogModal, ACTIONS.undoEntry, 'ballast_nothing', ''), fc.string({ maxLength: 30 })),
  value: fc.option(jsonish, { nil: undefined }),
  type: fc.constantFrom('button', 'button', 'static_select', 'overflow', 'datepicker', 'nonsense'),
  container: fc.constantFrom('message', 'view', 'none'),
  triggerId: fc.constantFrom('fresh', 'fresh', 'empty', 'missing'),
  actionsShape: fc.constantFrom('one', 'one', 'one', 'many', 'empty', 'missing', 'not-array'),
  teamShape: fc.constantFrom('ours', 'ours', 'ours', 'other', 'null'),
});

function buttonBody(userId: string, b: ValueOf<typeof buttonPayload>): Record<string, unknown> {
  const action: Record<string, unknown> = { action_id: b.actionId, block_id: 'b0', type: b.type, action_ts: '1700000000.000100' };
  if (b.value !== undefined) action.value = b.value;
  const shapes: Record<string, unknown> = { one: [action], many: [action, { ...action, action_id: ACTIONS.openLogModal }], empty: [], missing: undefined, 'not-array': action };
  const actions = shapes[b.actionsShape];
  const teamId = b.teamShape === 'other' ? 'T0OTHER' : t.fake.teamId;
  const body: Record<string, unknown> = {
    type: 'block_actions', user: { id: userId, username: 'fz', name: 'fz', team_id: teamId }, api_app_id: t.fake.appId,
    token: 'legacy', team: b.teamShape === 'null' ? null : { id: teamId, domain: 'ballast-test' }, enterprise: null,
    is_enterprise_install: false, state: { values: {} },
  };
  if (actions !== undefined) body.actions = actions;
  if (b.triggerId !== 'missing') body.trigger_id = b.triggerId === 'empty' ? '' : newTriggerId();
  if (b.container === 'message') {
    body.container = { type: 'message', message_ts: '1700000000.000100', channel_id: 'D0DM', is_ephemeral: false };
    body.channel = { id: 'D0DM', name: 'directmessage' };
    body.message = { type: 'message', ts: '1700000000.000100', text: 'x', blocks: [] };
    body.response_url = t.fake.responseUrl('fuzz-button');
  } else if (b.container === 'view') {
    body.container = { type: 'view', view_id: 'V0HOME' };
    body.view = { id: 'V0HOME', type: 'home', blocks: [], state: { values: {} }, hash: 'h0', private_metadata: '', callback_id: '' };
  }
  return body;
}

// ── properties ──────────────────────────────────────────────────────────────────────────────

it(`answers ${RUNS.toLocaleString('en')} generated slash commands without throwing, storing only what it confirms`, async () => {
  const start = entries();
  let logged = 0;
  let removed = 0;
  let refused = 0;
  const stats = { inputs: 0, refusals: 0, logged: 0, removed: 0, otherReplies: 0 };
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...USERS), commandText, async (userId, text) => {
      stats.inputs += 1;
      const before = entries();
      const r = await deliver(commandBody(userId, text));
      same(r.threw, undefined);
      same(r.acked, true);
      const reply = r.response as { text: string; response_type: string };
      same(reply.response_type, 'ephemeral');
      const problems = validateMessage(reply as unknown as Record<string, unknown>).problems;
      if (problems.length) expect({ text, problems }).toEqual({ text, problems: [] });
      const delta = entries() - before;
      const parsed = parseCommand(text, { nowMs: t.clock.now(), zone: zoneOf(userId) });
      if (!parsed.ok) {
        refused += 1;
        same(delta, 0);
      } else if (reply.text.startsWith('Logged')) {
        logged += 1;
        same(parsed.command.type, 'log');
        same(delta, 1);
      } else if (reply.text.includes('Removed')) {
        removed += 1;
        same(delta, -1);
      } else {
        same(delta, 0);
      }
    }),
    { numRuns: RUNS },
  );
  expect(entries() - start).toBe(logged - removed);
  Object.assign(stats, { refusals: refused, logged, removed, otherReplies: stats.inputs - refused - logged - removed });
  figures.commands = stats;
}, 240_000);

it(`answers ${RUNS.toLocaleString('en')} generated log-modal submissions: an entry for each valid one, inline errors and nothing stored otherwise`, async () => {
  const start = entries();
  const stats = { inputs: 0, stored: 0, refusedWithFieldErrors: 0 };
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...USERS), modalFields, async (userId, f) => {
      stats.inputs += 1;
      const values = modalValues(f);
      const body = submissionBody(userId, values);
      const before = entries();
      const r = await deliver(body);
      same(r.threw, undefined);
      same(r.acked, true);
      const expected = validateLogForm(formFields(values as never), localDate(t.clock.now(), zoneOf(userId)));
      const delta = entries() - before;
      if (expected.ok) {
        stats.stored += 1;
        same(r.response, undefined);
        same(delta, 1);
      } else {
        stats.refusedWithFieldErrors += 1;
        const res = r.response as { response_action: string; errors: Record<string, string> };
        same(res.response_action, 'errors');
        const blocks: string[] = [F.minutesBlock, F.kindBlock, F.networkBlock, F.dateBlock, F.linkBlock, F.noteBlock];
        for (const [block, message] of Object.entries(res.errors)) {
          same(blocks.includes(block), true);
          same(typeof message === 'string' && message.length > 0, true);
        }
        same(delta, 0);
      }
    }),
    { numRuns: RUNS },
  );
  expect(entries() - start).toBe(stats.stored);
  // Each stored entry refreshed App Home; every published view passed the fake's Block Kit checks.
  await t.fake.waitFor((fk) => fk.callsTo('views.publish').filter((c) => c.status !== undefined).length >= stats.stored, 30_000);
  figures.modalSubmissions = stats;
}, 240_000);

it(`answers ${RUNS.toLocaleString('en')} generated button payloads without throwing on anything Slack could send, and stores nothing`, async () => {
  const start = entries();
  const stats = { inputs: 0, wellFormed: 0, structurallyBroken: 0, brokenRefused: 0 };
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...USERS), buttonPayload, async (userId, b) => {
      stats.inputs += 1;
      const r = await deliver(buttonBody(userId, b));
      // Slack always sends a list of actions and a team or user team; without them Bolt cannot
      // even route the payload, and the HTTP edge answers 400 (checked over HTTP below).
      const broken = b.actionsShape === 'missing' || b.actionsShape === 'not-array' || b.actionsShape === 'empty';
      if (broken) {
        stats.structurallyBroken += 1;
        if (r.threw) stats.brokenRefused += 1;
      } else {
        stats.wellFormed += 1;
        same(r.threw, undefined);
      }
      same(entries(), start);
    }),
    { numRuns: RUNS },
  );
  figures.buttonPayloads = stats;
}, 240_000);

it(`over signed HTTP, never answers 5xx to ${HTTP_SLICE * 3} of the same kinds of input`, async () => {
  const statuses = new Map<number, number>();
  const count = (s: number) => statuses.set(s, (statuses.get(s) ?? 0) + 1);
  const before = entries();
  let logged = 0;
  const texts = fc.sample(commandText, HTTP_SLICE);
  const forms = fc.sample(modalFields, HTTP_SLICE);
  const buttons = fc.sample(buttonPayload, HTTP_SLICE);
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const queue: (() => Promise<void>)[] = [];
  texts.forEach((text, i) => queue.push(async () => {
    const r = await t.slack.raw({ body: form(Object.fromEntries(Object.entries(commandBody(USERS[i % 40], text)).map(([k, v]) => [k, String(v)]))) });
    count(r.status);
    if (String((r.body as { text?: string }).text ?? '').startsWith('Logged')) logged += 1;
  }));
  forms.forEach((f, i) => queue.push(async () => {
    const values = modalValues(f);
    const r = await t.slack.raw({ body: form({ payload: JSON.stringify(submissionBody(USERS[i % 40], values)) }) });
    count(r.status);
    if (r.status === 200 && r.text === '') logged += 1;
  }));
  buttons.forEach((b, i) => queue.push(async () => {
    const r = await t.slack.raw({ body: form({ payload: JSON.stringify(buttonBody(USERS[i % 40], b)) }) });
    count(r.status);
  }));
  const workers = Array.from({ length: 4 }, async () => {
    for (let job = queue.shift(); job; job = queue.shift()) await job();
  });
  await Promise.all(workers);
  const seen = Object.fromEntries(statuses);
  expect(Object.keys(seen).map(Number).every((s) => s === 200 || s === 400)).toBe(true);
  // Undo is among the generated commands; what was confirmed is at most what is stored now plus what was undone.
  expect(entries() - before).toBeLessThanOrEqual(logged);
  figures.http = { requests: HTTP_SLICE * 3, statuses: seen };
}, 240_000);
