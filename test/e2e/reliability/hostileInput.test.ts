/**
 * Hostile and malformed input through one running Ballast: generated slash commands, log-modal
 * submissions, submissions of the other modals (assign, assignment Done, check-in Other…) and
 * payloads for every button. The bulk goes straight into Bolt's processEvent (what the HTTP
 * receiver calls once a signature checks out: the real middleware, listeners and database), so that
 * 40,000 inputs fit in CI's time; a slice of each also goes over signed HTTP to check status codes.
 */
import fc from 'fast-check';
import { parseCommand } from '../../../src/core/grammar';
import { addDays, daysBetween, isIsoDate, localDate, weekKey } from '../../../src/core/time';
import { validateLogForm } from '../../../src/core/logForm';
import { formFields } from '../../../src/slack/listeners/views/logModal';
import { ACTIONS, ASSIGN_MODAL as A, LOG_MODAL as F, VIEWS } from '../../../src/slack/ids';
import { CHECKIN_MINUTES, readCheckinContext } from '../../../src/slack/blocks/checkin';
import { checkinDedupeKey } from '../../../src/services/checkins';
import { MAX_DAYS_BACK } from '../../../src/core/limits';
import { readEntryMinutes as minutesProblem } from '../../../src/core/logForm';
import { offerAssignment } from '../../../src/services/assignments';
import { startTestApp, type TestApp } from '../../support/app';
import * as db from '../../support/db';
import { onPostgres } from '../../support/testDb';
import { validateMessage } from '../../support/blockKit';
import { newTriggerId } from '../../support/signer';
import { recordFigures } from '../../support/figures';
import { scrubNul } from '../../../src/slack/middleware/withoutNul';
import { withoutNul } from '../../../src/core/slackText';

// On the second database (the jest project "postgres") the same generators run fewer cases: what they
// find is in the shell, not the store, and the store's side is the same few statements each time.
const RUNS = Number(process.env.BALLAST_FUZZ_RUNS ?? (onPostgres() ? 1_500 : 10_000));
const HTTP_SLICE = Math.min(150, RUNS);
const USERS = Array.from({ length: 40 }, (_, i) => `U${String(1000 + i)}FZ`);
const ZONES = ['Europe/Berlin', 'America/Los_Angeles', 'Asia/Tokyo', 'UTC', 'Australia/Adelaide'];

let t: TestApp;
const figures: Record<string, unknown> = {};
const entries = (): Promise<number> => db.count(t, 'SELECT COUNT(*) FROM entries');
const zoneOf = (userId: string): string => ZONES[USERS.indexOf(userId) % ZONES.length];
/** The fuzz users' zones, and the lead's. */
const zoneOfAnyone = (userId: string): string => (userId === LEAD ? 'Europe/Berlin' : zoneOf(userId));

/** A payload part as the listeners read it: after the edge middleware drops NUL characters (scrubNul). */
function asRead<T>(value: T): T {
  const copy = structuredClone(value);
  scrubNul(copy);
  return copy;
}

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

/**
 * Error-level log lines that mean Ballast itself broke: everything at error level except a Slack call
 * the fake refused (a generated click names a message that does not exist, so updating it fails) and
 * the storage answer; and, whatever the listener called it, a modal that could not open because the
 * generated click carried an empty, missing or spent trigger id.
 */
const EXPECTED_ERRORS = new RegExp([
  ': Slack refused a call$', ': storage unavailable$', '^could not update the check-in message after the modal$',
].join('|'));
const TRIGGER_REFUSALS = new Set(['invalid_trigger_id', 'expired_trigger_id']);
const unexpectedErrors = () =>
  t.logs.filter((l) => Number(l.level) >= 50 && !EXPECTED_ERRORS.test(String(l.msg))
    && !TRIGGER_REFUSALS.has(String((l.err as { code?: unknown } | undefined)?.code)));

/** A social lead, who offers the first few fuzz users a conversation each, so assignment buttons and the Done modal have something to act on. */
const LEAD = 'U1999LD';
const OFFERED_TO = USERS.slice(0, 6);

beforeAll(async () => {
  t = await startTestApp();
  USERS.forEach((id) => t.fake.addUser({ id, name: id.toLowerCase(), tz: zoneOf(id) }));
  t.fake.addUser({ id: LEAD, name: 'lead', tz: 'Europe/Berlin' });
  await t.slack.command(LEAD, 'week');
  await t.ballast.store.people.setRole(LEAD, 'lead');
});

/**
 * Fresh offers from the lead to OFFERED_TO, made through the service with "anyway" and after a
 * resume: the generated commands before may have paused them or filled their week.
 */
let offerRound = 0;
async function offerAFew(): Promise<void> {
  offerRound += 1;
  const lead = (await t.ballast.store.people.get(LEAD))!;
  for (const [i, to] of OFFERED_TO.entries()) {
    await t.ballast.store.people.setPause(to, false, null);
    const r = await offerAssignment(t.ballast.deps, lead, to, { link: `https://x.com/fuzz/${offerRound}/${i}`, estimate: 15 }, { force: true });
    expect(r.ok && r.value.kind).toBe('offered');
  }
}

/**
 * What a payload may have changed, person by person: every column of their entries (so an edit, a
 * swap or a removal shows), every column of every assignment, every person's row, the org settings and
 * the strain answers. Small enough to read before and after every input.
 */
/** Every column of a table, as SQL that turns a row into one JSON array (built in the database: this runs 40,000 times). */
const columns = new Map<string, string>();
const rowJson = async (table: string) => {
  if (!columns.has(table)) columns.set(table, (await db.columnsOf(t, table)).join(', '));
  return jsonArray(columns.get(table)!);
};
/** The two dialects' spelling of a JSON array of values and of joining rows' texts in an order, one per line. */
const jsonArray = (cols: string) => (onPostgres() ? `json_build_array(${cols})::text` : `json_array(${cols})`);
const lines = (text: string, order: string) => (onPostgres() ? `string_agg(${text}, chr(10) ORDER BY ${order})` : `group_concat(${text}, char(10))`);

/**
 * What a payload may have changed: every column of each person's entries (so an edit, a swap or a
 * removal shows), every column of every assignment, everyone's person row but the actor's, the
 * actor's privileged columns, the org settings and the strain answers.
 */
async function snapshot(actorId: string) {
  const entriesBy = new Map((await db.rows<{ p: string; n: number; r: string }>(t,
    `SELECT person_id AS p, COUNT(*) AS n, ${lines(await rowJson('entries'), 'id')} AS r FROM entries GROUP BY person_id`))
    .map((e) => [e.p, { n: e.n, rows: e.r }]));
  const assignments = new Map((await db.rows<{ id: number; lead: string; assignee: string; state: string; row: string }>(t,
    `SELECT id, lead_id AS lead, assignee_id AS assignee, state, ${await rowJson('assignments')} AS row FROM assignments`))
    .map((r) => [r.id, r]));
  const others = await db.value(t, `SELECT ${lines(await rowJson('people'), 'id')} FROM people WHERE id != ?${onPostgres() ? '' : ' ORDER BY id'}`, actorId);
  const own = (await db.value(t, `SELECT ${jsonArray(PRIVILEGED_COLUMNS.join(', '))} FROM people WHERE id = ?`, actorId)) ?? null;
  const settings = await db.value(t, `SELECT ${lines("key || '=' || value", 'key')} FROM settings`);
  const strain = new Set((await db.rows<{ k: string }>(t, "SELECT person_id || '|' || week_key || '|' || answer AS k FROM strain")).map((r) => r.k));
  return { entriesBy, assignments, others, own, settings, strain };
}
type Snapshot = Awaited<ReturnType<typeof snapshot>>;

/** What a person can never change about themselves by clicking or submitting: role, manager, budget, standing. */
const PRIVILEGED_COLUMNS = ['role', 'manager_id', 'budget_minutes', 'budget_set_by', 'budget_set_at', 'active', 'team_id'];

/**
 * Whose entries, assignments and strain answers differ between two snapshots of one input. A change to
 * anyone else's person row, to a privileged column of the actor's own (once they exist), or to the org
 * settings fails there and then; so does a removed assignment.
 */
function changedBetween(a: Snapshot, b: Snapshot) {
  same(b.settings, a.settings);
  same(b.others, a.others);
  if (a.own !== null) same(b.own, a.own);
  const people = new Set([...a.entriesBy.keys(), ...b.entriesBy.keys()]);
  const entries = [...people].filter((p) => a.entriesBy.get(p)?.rows !== b.entriesBy.get(p)?.rows).map((p) => ({
    person: p, delta: (b.entriesBy.get(p)?.n ?? 0) - (a.entriesBy.get(p)?.n ?? 0),
  }));
  const assignments = [...b.assignments.values()].filter((x) => a.assignments.get(x.id)?.row !== x.row)
    .map(({ row: _row, ...x }) => ({ ...x, created: !a.assignments.has(x.id) }));
  for (const id of a.assignments.keys()) same(b.assignments.has(id), true);
  const strain = [...new Set([...[...a.strain].filter((k) => !b.strain.has(k)), ...[...b.strain].filter((k) => !a.strain.has(k))])]
    .map((k) => {
      const [person, week] = k.split('|');
      return { person, week };
    });
  return { entries, assignments, strain };
}

/** The weeks a pulse answer may be recorded for: the person's this week and last. */
function answerableWeeks(userId: string): string[] {
  const today = localDate(t.clock.now(), zoneOfAnyone(userId));
  return [weekKey(today), weekKey(addDays(today, -7))];
}

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
function submissionBody(
  userId: string, values: Record<string, Record<string, unknown>>, teamId = t.fake.teamId,
  view: { callbackId: string; metadata: string } = { callbackId: VIEWS.logModal, metadata: '' },
) {
  viewSeq += 1;
  const id = `V0FUZZ${viewSeq}`;
  return {
    type: 'view_submission', team: { id: teamId, domain: 'ballast-test' },
    user: { id: userId, username: userId.toLowerCase(), name: userId.toLowerCase(), team_id: teamId },
    api_app_id: t.fake.appId, token: 'legacy', trigger_id: newTriggerId(), is_enterprise_install: false, enterprise: null,
    view: {
      id, type: 'modal', blocks: [], title: { type: 'plain_text', text: 'Log engagement' }, team_id: teamId, app_id: t.fake.appId,
      hash: 'h0', root_view_id: id, previous_view_id: null, callback_id: view.callbackId, private_metadata: view.metadata, state: { values },
    },
    response_urls: [],
  };
}

/** The other modals: assign (leads), an assignment's Done, and the check-in's Other…; fields good, junk, missing or of the wrong type. */
const otherModal = fc.record({
  callbackId: fc.constantFrom(VIEWS.assignModal, VIEWS.assignDone, VIEWS.checkinOther),
  metadata: fc.oneof(
    fc.integer({ min: -1, max: 14 }).map(String),
    fc.record({
      date: fc.constantFrom('2026-11-26', '2026-11-25', '2026-11-01', '2026-12-01', 'nope'), channel: fc.constantFrom('D0DM', 'C0X', ''), ts: fc.constant('1700000000.000100'),
    }).map((c) => JSON.stringify(c)),
    fc.string({ unit: 'binary', maxLength: 40 }),
  ),
  user: maybe(fc.constantFrom(...USERS.slice(0, 8), LEAD, 'U0NOBODY', '')),
  link: maybe(fieldValue(fc.constantFrom('https://x.com/acme/status/1', 'https://www.linkedin.com/feed/update/2', 'http://x.com/a b', 'javascript:alert(1)', 'x.com/3'))),
  estimate: maybe(fieldValue(fc.constantFrom('15m', '30', '1h', '0', '13h', 'soon', ''))),
  due: maybe(fieldValue(fc.constantFrom('tomorrow', '2h', 'friday 17:00', 'yesterday', 'never', ''))),
  brief: maybe(fc.string({ unit: 'grapheme', maxLength: 600 })),
  anyway: fc.boolean(),
  minutes: maybe(fieldValue(fc.constantFrom('30m', '1h', '90', '0', '721', '13h', 'soon', ' 15 '))),
  logFields: modalFields,
  shape: fc.constantFrom('ok', 'ok', 'ok', 'ok', 'wrong-type', 'missing-block', 'null-value'),
});

function otherModalValues(m: ValueOf<typeof otherModal>): Record<string, Record<string, unknown>> {
  if (m.callbackId === VIEWS.checkinOther) return modalValues(m.logFields);
  const text = (v: string | null) => (m.shape === 'null-value' ? { type: 'plain_text_input', value: null } : m.shape === 'wrong-type' ? { type: 'checkboxes', value: v } : { type: 'plain_text_input', value: v });
  if (m.callbackId === VIEWS.assignDone) return m.shape === 'missing-block' ? {} : { [A.minutesBlock]: { [A.minutesAction]: text(m.minutes) } };
  const values: Record<string, Record<string, unknown>> = {
    [A.userBlock]: { [A.userAction]: { type: 'users_select', selected_user: m.user } },
    [A.linkBlock]: { [A.linkAction]: m.shape === 'ok' ? { type: 'url_text_input', value: m.link } : text(m.link) },
    [A.estimateBlock]: { [A.estimateAction]: text(m.estimate) },
    [A.dueBlock]: { [A.dueAction]: text(m.due) },
    [A.briefBlock]: { [A.briefAction]: text(m.brief) },
    [A.anywayBlock]: { [A.anywayAction]: { type: 'checkboxes', selected_options: m.anyway ? [{ text: { type: 'plain_text', text: 'Offer anyway' }, value: 'yes' }] : [] } },
  };
  if (m.shape === 'missing-block') delete values[A.userBlock];
  return values;
}

/** The blocks each modal may put an inline error on. */
const MODAL_BLOCKS: Record<string, string[]> = {
  [VIEWS.assignModal]: [A.userBlock, A.linkBlock, A.estimateBlock, A.dueBlock, A.briefBlock, A.anywayBlock],
  [VIEWS.assignDone]: [A.minutesBlock],
  [VIEWS.checkinOther]: [F.minutesBlock, F.kindBlock, F.networkBlock, F.linkBlock, F.noteBlock],
};

const jsonish = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.json({ maxDepth: 2 }),
  fc.constantFrom('', '{}', '[]', 'null', '{"entryId":1}', '{"entryId":-1}', '99999999999999999999', 'x'.repeat(3000)),
);
/** Every action id Ballast listens for. */
const ALL_ACTIONS = Object.values(ACTIONS);
/** Values shaped like the real ones: dates (check-ins, pulse), ids (assignments, entries), reassign and offer encodings. */
const plausibleValue = fc.oneof(
  fc.constantFrom('2026-11-26', '2026-11-25', '2026-11-24', '2026-11-23', '2026-11-20', '2026-11-12', '2026-11-11', '2026-11-27', '2026-12-25', '2026-02-30', '1999-01-01', 'today'),
  fc.constantFrom('2026-W48', '2026-W47', '2026-W46', '2026-W49', '2026-W99', '2026-w48'),
  fc.integer({ min: -1, max: 12 }).map(String),
  fc.constantFrom('1.5', '1e3', '0x10', ' 3', '3 ', '99999999999999999999'),
  fc.tuple(fc.integer({ min: 0, max: 12 }), fc.constantFrom(...USERS.slice(0, 8), 'U0', 'nobody', '')).map(([id, to]) => `${id}|${to}`),
  fc.tuple(fc.constantFrom(...USERS.slice(0, 8), 'UX', ''), fc.integer({ min: -5, max: 900 }), fc.integer({ min: 0, max: 60 }), fc.string({ maxLength: 40 }))
    .map(([to, est, len, tail]) => `v1|${to}|${est}|1764300000000|${len}|https://x.com/acme/status/1${tail}`),
);
const buttonPayload = fc.record({
  actionId: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...ALL_ACTIONS) },
    { weight: 1, arbitrary: fc.constantFrom('ballast_nothing', '', 'ballast_undo_entry') }, // the last: a button of old messages, no longer listened for
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  ),
  value: fc.option(fc.oneof({ weight: 4, arbitrary: plausibleValue }, { weight: 1, arbitrary: jsonish }), { nil: undefined, freq: 10 }),
  type: fc.constantFrom('button', 'button', 'static_select', 'overflow', 'datepicker', 'nonsense'),
  container: fc.constantFrom('message', 'message', 'message', 'view', 'none'),
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
  const start = await entries();
  let logged = 0;
  let removed = 0;
  let refused = 0;
  const stats = { inputs: 0, refusals: 0, logged: 0, removed: 0, otherReplies: 0 };
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...USERS), commandText, async (userId, text) => {
      stats.inputs += 1;
      const before = await entries();
      const r = await deliver(commandBody(userId, text));
      same(r.threw, undefined);
      same(r.acked, true);
      const reply = r.response as { text: string; response_type: string };
      same(reply.response_type, 'ephemeral');
      const problems = validateMessage(reply as unknown as Record<string, unknown>).problems;
      if (problems.length) expect({ text, problems }).toEqual({ text, problems: [] });
      const delta = (await entries()) - before;
      // The app reads the text without NULs (src/slack/middleware/withoutNul.ts), so the oracle does too.
      const parsed = parseCommand(withoutNul(text), { nowMs: t.clock.now(), zone: zoneOf(userId) });
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
  expect((await entries()) - start).toBe(logged - removed);
  Object.assign(stats, { refusals: refused, logged, removed, otherReplies: stats.inputs - refused - logged - removed });
  figures.commands = stats;
}, 240_000);

it(`answers ${RUNS.toLocaleString('en')} generated log-modal submissions: an entry for each valid one, inline errors and nothing stored otherwise`, async () => {
  const start = await entries();
  const stats = { inputs: 0, stored: 0, refusedWithFieldErrors: 0 };
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...USERS), modalFields, async (userId, f) => {
      stats.inputs += 1;
      const values = modalValues(f);
      const body = submissionBody(userId, values);
      const before = await entries();
      const r = await deliver(body);
      same(r.threw, undefined);
      same(r.acked, true);
      const read = structuredClone(values);
      scrubNul(read);
      const expected = validateLogForm(formFields(read as never), localDate(t.clock.now(), zoneOf(userId)));
      const delta = (await entries()) - before;
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
  expect((await entries()) - start).toBe(stats.stored);
  // Each stored entry refreshed App Home; every published view passed the fake's Block Kit checks.
  await t.fake.waitFor((fk) => fk.callsTo('views.publish').filter((c) => c.status !== undefined).length >= stats.stored, 30_000);
  figures.modalSubmissions = stats;
}, 240_000);

const ASSIGNEE_ACTIONS = new Set<string>([
  ACTIONS.assignAccept, ACTIONS.assignAcceptAnyway, ACTIONS.homeAssignAccept, ACTIONS.homeAssignAcceptAnyway, ACTIONS.assignDeclineNoCapacity, ACTIONS.assignDeclineNotMyArea, ACTIONS.assignDeclineOther,
]);
const PULSE_ACTIONS = new Set<string>([ACTIONS.pulseNone, ACTIONS.pulseBit, ACTIONS.pulseBack]);
/** The buttons that remove one of the clicker's own entries: check-in Undo, a confirmation's Undo, Delete. */
const REMOVING_ACTIONS = new Set<string>([ACTIONS.checkinUndo, ACTIONS.entryUndo, ACTIONS.entryDelete]);

it(`answers ${RUNS.toLocaleString('en')} generated button payloads without throwing on anything Slack could send, changing only what the clicker may`, async () => {
  // A clean slate of entries (the command and modal properties above logged thousands), and offers to act on.
  await db.run(t, 'DELETE FROM entries');
  await offerAFew();
  const stats = {
    inputs: 0, wellFormed: 0, structurallyBroken: 0, brokenRefused: 0, knownActionIds: 0,
    checkinEntriesLogged: 0, checkinEntriesUndone: 0, assignmentsAnswered: 0, doneEntriesRemoved: 0, pulseAnswers: 0, changedNothing: 0,
  };
  await fc.assert(
    // Half the clicks come from the people with an offer, so the assignment buttons are often theirs to press.
    fc.asyncProperty(fc.oneof(fc.constantFrom(...OFFERED_TO), fc.constantFrom(...USERS)), buttonPayload, async (userId, b) => {
      stats.inputs += 1;
      const before = await snapshot(userId);
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
      if ((ALL_ACTIONS as string[]).includes(b.actionId)) stats.knownActionIds += 1;
      // Whatever the payload, only the clicker's own things change, and only through the button that changes them.
      const changed = changedBetween(before, await snapshot(userId));
      const acted = broken ? [] : b.actionsShape === 'many' ? [b.actionId, ACTIONS.openLogModal] : [b.actionId];
      for (const e of changed.entries) {
        same(e.person, userId);
        if (e.delta === 1) same(acted.some((a) => Object.hasOwn(CHECKIN_MINUTES, a)), true);
        else same(e.delta === -1 && acted.some((a) => REMOVING_ACTIONS.has(a)), true);
        if (e.delta === 1) stats.checkinEntriesLogged += 1;
        else stats.checkinEntriesUndone += 1;
      }
      for (const a of changed.assignments) {
        same(a.created, false);
        same(a.assignee, userId);
        // Removing the entry a Done logged keeps the assignment done and drops only its link to the entry.
        const unlinked = a.state === 'done' && acted.some((x) => REMOVING_ACTIONS.has(x)) && changed.entries.some((e) => e.delta === -1);
        same(acted.some((x) => ASSIGNEE_ACTIONS.has(x)) || unlinked, true);
        if (unlinked) stats.doneEntriesRemoved += 1;
        else stats.assignmentsAnswered += 1;
      }
      for (const p of changed.strain) {
        same(p.person, userId);
        same(answerableWeeks(userId).includes(p.week), true);
        same(acted.some((x) => PULSE_ACTIONS.has(x)), true);
        stats.pulseAnswers += 1;
      }
      if (!changed.entries.length && !changed.assignments.length && !changed.strain.length) stats.changedNothing += 1;
    }),
    { numRuns: RUNS },
  );
  figures.buttonPayloads = stats;
}, 240_000);

/**
 * What the app must do with a submission of the other modals, worked out from the stored state and
 * the form, not from the app's answer: the Done modal is the assignee's (unless they declined) with a
 * duration of 1 minute to 12 hours; the check-in Other… form is the log form for the check-in's own
 * date, which must be today or up to two weeks back. The assign modal is only ever accepted from the
 * lead (checked below); whether a given form is good enough is left to the assign tests.
 */
function expectedOf(userId: string, m: ValueOf<typeof otherModal>, values: Record<string, Record<string, unknown>>, before: Snapshot): 'accept' | 'refuse' | 'either' {
  if (m.callbackId === VIEWS.assignDone) {
    const a = before.assignments.get(Number(m.metadata));
    const minutes = (values[A.minutesBlock]?.[A.minutesAction] as { value?: string | null } | undefined)?.value;
    if (!a || a.assignee !== userId || a.state === 'declined' || 'error' in minutesProblem(minutes)) return 'refuse';
    return 'accept';
  }
  if (m.callbackId === VIEWS.checkinOther) {
    const c = readCheckinContext(m.metadata);
    if (!c || !isIsoDate(c.date)) return 'refuse';
    if (!validateLogForm({ ...formFields(values as never), date: c.date }, c.date).ok) return 'refuse';
    const back = daysBetween(c.date, localDate(t.clock.now(), zoneOfAnyone(userId)));
    return back >= 0 && back <= MAX_DAYS_BACK ? 'accept' : 'refuse';
  }
  return 'either';
}

it(`answers ${RUNS.toLocaleString('en')} generated assign, Done and check-in Other… submissions: inline errors and nothing stored, or exactly the submitter's change`, async () => {
  await offerAFew();
  const stats = { inputs: 0, refusedWithFieldErrors: 0, offersMade: 0, assignmentsDone: 0, doneAgainUnchanged: 0, checkinEntries: 0, checkinAlreadyAnswered: 0 };
  const submitter = fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...OFFERED_TO) }, { weight: 1, arbitrary: fc.constant(LEAD) }, { weight: 1, arbitrary: fc.constantFrom(...USERS) });
  await fc.assert(
    fc.asyncProperty(submitter, otherModal, async (userId, m) => {
      stats.inputs += 1;
      const values = otherModalValues(m);
      const before = await snapshot(userId);
      // Modelled on what the app reads: the payload after the edge middleware drops NUL characters.
      const read = asRead(m);
      const expected = expectedOf(userId, read, asRead(values), before);
      const context = readCheckinContext(read.metadata);
      const answeredBefore = context
        ? await db.count(t, 'SELECT COUNT(*) FROM entries WHERE dedupe_key = ?', checkinDedupeKey(userId, context.date))
        : 0;
      const r = await deliver(submissionBody(userId, values, t.fake.teamId, { callbackId: m.callbackId, metadata: m.metadata }));
      same(r.threw, undefined);
      same(r.acked, true);
      const changed = changedBetween(before, await snapshot(userId));
      same(changed.strain.length, 0);
      if (r.response !== undefined) {
        // Refused: inline errors on the modal's own blocks, and nothing stored.
        if (expected === 'accept') expect({ userId, m, response: r.response }).toEqual({ userId, m, response: undefined });
        stats.refusedWithFieldErrors += 1;
        const res = r.response as { response_action: string; errors: Record<string, string> };
        same(res.response_action, 'errors');
        same(Object.keys(res.errors).length > 0, true);
        for (const [block, message] of Object.entries(res.errors)) {
          same(MODAL_BLOCKS[m.callbackId].includes(block), true);
          same(typeof message === 'string' && message.length > 0, true);
        }
        same(changed.entries.length + changed.assignments.length, 0);
        return;
      }
      if (expected === 'refuse') expect({ userId, m, accepted: true }).toEqual({ userId, m, accepted: false });
      // Accepted: exactly what this submitter may change.
      if (m.callbackId === VIEWS.assignModal) {
        same(userId, LEAD);
        same(changed.entries.length, 0);
        same(changed.assignments.length, 1);
        same(changed.assignments[0].created && changed.assignments[0].lead === LEAD, true);
        stats.offersMade += 1;
      } else if (m.callbackId === VIEWS.assignDone && before.assignments.get(Number(read.metadata))?.state === 'done') {
        // Done again (a resubmission): accepted, and nothing new.
        same(changed.entries.length + changed.assignments.length, 0);
        stats.doneAgainUnchanged += 1;
      } else if (m.callbackId === VIEWS.assignDone) {
        same(changed.assignments.length, 1);
        const a = changed.assignments[0];
        same(a.id, Number(read.metadata));
        same(a.assignee, userId);
        same(a.state, 'done');
        same(JSON.stringify(changed.entries), JSON.stringify([{ person: userId, delta: 1 }]));
        stats.assignmentsDone += 1;
      } else {
        same(changed.assignments.length, 0);
        // The check-in's own dedupe key: a date already answered stores nothing new.
        same(JSON.stringify(changed.entries), JSON.stringify(answeredBefore ? [] : [{ person: userId, delta: 1 }]));
        if (answeredBefore) stats.checkinAlreadyAnswered += 1;
        else stats.checkinEntries += 1;
      }
    }),
    { numRuns: RUNS },
  );
  figures.otherModalSubmissions = stats;
}, 240_000);

/** The people whose entries the edit-modal property edits, and the entries it may aim at. */
const EDITORS = USERS.slice(8, 14);

it(`answers ${RUNS.toLocaleString('en')} generated edit-modal submissions: only the submitter's own entry of the last 14 days changes, and only to a valid form`, async () => {
  const ids: number[] = [];
  for (const userId of EDITORS) {
    await t.slack.command(userId, 'week');
    const today = localDate(t.clock.now(), zoneOf(userId));
    // Today, last week, and 16 days back (history: no longer editable).
    for (const back of [0, 5, 16]) {
      const date = addDays(today, -back);
      const { entry } = await t.ballast.store.entries.add({ personId: userId, minutes: 20, kind: 'respond', date, weekKey: weekKey(date), source: 'command' }, t.clock.now());
      ids.push(entry.id);
    }
  }
  const entryRow = (id: number) => db.row<{ person: string; minutes: number; kind: string; network: string | null; link: string | null; note: string | null; date: string; weekKey: string }>(
    t, 'SELECT person_id AS person, minutes, kind, network, link, note, date, week_key AS weekKey FROM entries WHERE id = ?', id);
  const stats = { inputs: 0, edited: 0, refusedWithFieldErrors: 0, refusedNotTheirs: 0, refusedTooOld: 0 };
  const submission = fc.record({
    target: fc.constantFrom(...ids),
    asOwner: fc.boolean(),
    other: fc.constantFrom(...EDITORS),
    // Mostly the real id; sometimes a forged or broken one.
    metadata: fc.option(fc.oneof(fc.integer({ min: -1, max: Math.max(...ids) + 3 }).map(String), fc.constantFrom('', '1e2', ' 3', '{"id":3}'), fc.string({ unit: 'binary', maxLength: 20 })), { nil: undefined, freq: 3 }),
    form: modalFields,
  });
  await fc.assert(
    fc.asyncProperty(submission, async (sub) => {
      stats.inputs += 1;
      const userId = sub.asOwner ? (await entryRow(sub.target))!.person : sub.other;
      const metadata = sub.metadata ?? String(sub.target);
      const values = modalValues(sub.form);
      const today = localDate(t.clock.now(), zoneOf(userId));
      // The app reads the form as the edge middleware leaves it: without NUL characters.
      const form = validateLogForm(formFields(asRead(values) as never), today);
      const aimed = /^[1-9][0-9]*$/.test(metadata) ? (await entryRow(Number(metadata))) : undefined;
      const back = aimed ? daysBetween(aimed.date, today) : -1;
      const mayEdit = aimed !== undefined && aimed.person === userId && back >= 0 && back <= MAX_DAYS_BACK;
      const before = await snapshot(userId);
      const r = await deliver(submissionBody(userId, values, t.fake.teamId, { callbackId: VIEWS.editEntry, metadata }));
      same(r.threw, undefined);
      same(r.acked, true);
      const changed = changedBetween(before, await snapshot(userId));
      same(changed.assignments.length + changed.strain.length, 0);
      const res = r.response as { response_action: string; errors?: Record<string, string> };
      if (form.ok && mayEdit) {
        same(res.response_action, 'update');
        const { value } = form;
        expect(await entryRow(Number(metadata))).toEqual({ ...value, person: userId, weekKey: weekKey(value.date) });
        // Nobody else's entries moved, and the submitter still has as many.
        for (const e of changed.entries) same(e.person === userId && e.delta === 0, true);
        stats.edited += 1;
        return;
      }
      same(res.response_action, 'errors');
      for (const [block, message] of Object.entries(res.errors ?? {})) {
        same(MODAL_BLOCKS[VIEWS.checkinOther].includes(block) || block === F.dateBlock, true);
        same(typeof message === 'string' && message.length > 0, true);
      }
      same(changed.entries.length, 0);
      if (!form.ok) stats.refusedWithFieldErrors += 1;
      else if (aimed && aimed.person === userId) stats.refusedTooOld += 1;
      else stats.refusedNotTheirs += 1;
    }),
    { numRuns: RUNS },
  );
  // Every kind of answer was tried.
  for (const n of Object.values(stats)) expect(n).toBeGreaterThan(0);
  figures.editModalSubmissions = stats;
}, 240_000);

it(`over signed HTTP, never answers 5xx to ${HTTP_SLICE * 4} of the same kinds of input`, async () => {
  const statuses = new Map<number, number>();
  const count = (s: number) => statuses.set(s, (statuses.get(s) ?? 0) + 1);
  const before = await entries();
  let logged = 0;
  const texts = fc.sample(commandText, HTTP_SLICE);
  const forms = fc.sample(modalFields, HTTP_SLICE);
  const buttons = fc.sample(buttonPayload, HTTP_SLICE);
  const others = fc.sample(otherModal, HTTP_SLICE);
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
  others.forEach((m, i) => queue.push(async () => {
    const body = submissionBody(USERS[i % 8], otherModalValues(m), t.fake.teamId, { callbackId: m.callbackId, metadata: m.metadata });
    const r = await t.slack.raw({ body: form({ payload: JSON.stringify(body) }) });
    count(r.status);
    if (r.status === 200 && r.text === '') logged += 1; // a check-in Other… or a Done may have logged
  }));
  buttons.forEach((b, i) => queue.push(async () => {
    const r = await t.slack.raw({ body: form({ payload: JSON.stringify(buttonBody(USERS[i % 40], b)) }) });
    count(r.status);
    if (r.status === 200 && Object.hasOwn(CHECKIN_MINUTES, b.actionId)) logged += 1; // a check-in answer may have logged
  }));
  const workers = Array.from({ length: 4 }, async () => {
    for (let job = queue.shift(); job; job = queue.shift()) await job();
  });
  await Promise.all(workers);
  const seen = Object.fromEntries(statuses);
  expect(Object.keys(seen).map(Number).every((s) => s === 200 || s === 400)).toBe(true);
  // Undo is among the generated commands and buttons; what was stored is at most what may have logged.
  expect((await entries()) - before).toBeLessThanOrEqual(logged);
  figures.http = { requests: HTTP_SLICE * 4, statuses: seen };
}, 240_000);
