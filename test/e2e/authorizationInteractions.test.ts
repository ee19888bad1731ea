/**
 * Who may press which button, submit which modal and use which shortcut (DESIGN.md, Privacy and Slack
 * surface): every interaction that acts on an assignment or on someone's entry, tried by every member
 * of the cast (`test/support/cast.ts`), as a table against one app.
 *
 * A click can be forged or replayed by anyone who can reach the app (a copied button value, a stale
 * message, a crafted payload), so each row sends the real payload as that actor would, with the
 * value of the real button. Allowed rows wait for the stored effect; refused rows wait for the
 * refusal the actor is shown and then check that nothing stored changed and nothing was sent to anyone
 * else; a stranger's payload is acknowledged and dropped.
 *
 * To cover a new button or modal, add its rows to ROWS with `everyone(...)`.
 */
import { localDate, weekKey } from '../../src/core/time';
import { checkinQuestion } from '../../src/slack/blocks/checkin';
import { encodeOffer, encodeReassign } from '../../src/slack/blocks/assignment';
import { ACTIONS, ASSIGN_MODAL as F, LOG_MODAL as L, SHORTCUTS, VIEWS } from '../../src/slack/ids';
import { buttonsOf, textOf } from '../support/assignments';
import type { TestApp } from '../support/app';
import * as db from '../support/db';
import {
  ACTORS, CAST, LEADS_AND_ADMINS, LEAD_REFUSAL, SENDS, TARGET, outcomeFor, startCast, type Actor, type Cast, type Outcome,
} from '../support/cast';
import type { FakeMessage } from '../support/fakeSlack';
import { recordFigures } from '../support/figures';
import type { SlackClient } from '../support/signer';

const LINK = 'https://x.com/acme/status/2001';
const ZONE = 'Europe/Berlin';
// The cast's clock starts on Thursday 26 Nov 2026 (test/support/app.ts).
const TWO_DAYS_AGO = '2026-11-24';

/** What a row needs in place before the actor acts; made fresh for every row. */
type Given = 'offered' | 'askingWhy' | 'accepted' | 'declined' | 'checkedIn' | 'logged' | 'nothing';

interface Fixture {
  /** An assignment the lead offered the employee (for the `given` states), with its own link. */
  assignmentId: number;
  link: string;
  /** The message the actor's click comes from: the employee's offer DM, or their answered check-in. */
  message: FakeMessage | null;
  /** The employee's check-in entry (`checkedIn`), or an entry they logged in the modal (`logged`). */
  entryId: number;
}

interface Act {
  t: TestApp;
  client: SlackClient;
  actorId: string;
  f: Fixture;
}

/** Everything the actor has been told about what they did, so far ('' until something arrives). */
type Told = () => string;

interface Row {
  what: string;
  actor: Actor;
  expect: Outcome;
  given: Given;
  /** The employee and TARGET are set a budget their week already exceeds, so only an "anyway" goes through. */
  overBudget?: boolean;
  act: (a: Act) => Promise<Told>;
  /** The stored (or sent) effect, read back: equal to `after` when allowed, unchanged otherwise. */
  effect: (t: TestApp, f: Fixture) => unknown | Promise<unknown>;
  /** The effect once allowed, given what it was before. */
  after: (before: unknown) => unknown;
  refusal: RegExp;
}

const NOT_ASSIGNEE = /Only the person this conversation was offered to can accept, decline or finish it\./;
const NOT_THEIR_LEAD = /Only the lead who assigned this conversation can hand it to someone else\./;
const NOT_THEIR_ENTRY = /That entry was already removed/;

// ── How each kind of interaction is sent and what the actor hears back ───────────────────────────

/** A button on the fixture's message, pressed by the actor; answers arrive at its response_url or as an ephemeral. */
function press(actionId: string, value: (f: Fixture) => string, opts: { ephemeral?: boolean } = {}) {
  return async ({ t, client, actorId, f }: Act): Promise<Told> => {
    const responseUrl = t.fake.responseUrl();
    const ephemeralsBefore = t.fake.ephemeralsTo(actorId).length;
    const m = f.message;
    const r = await client.blockAction({
      userId: actorId, actionId, value: value(f), responseUrl, isEphemeral: opts.ephemeral,
      message: m ? { ts: m.ts, channel: m.channel, blocks: m.blocks, text: m.text } : undefined,
    });
    expect(r.status).toBe(200);
    return () => [
      ...t.fake.responsesTo(responseUrl).map((x) => textOf(x.body as { text?: string; blocks?: unknown[] })),
      ...t.fake.ephemeralsTo(actorId).slice(ephemeralsBefore).map((x) => textOf(x)),
    ].join('\n');
  };
}

/** A modal submission; what the actor is told is the acknowledgement's inline errors. */
function submit(callbackId: string, values: (f: Fixture) => Parameters<SlackClient['viewSubmission']>[0]['values'], metadata: (f: Fixture) => string = () => '') {
  return async ({ client, actorId, f }: Act): Promise<Told> => {
    const r = await client.viewSubmission({ userId: actorId, callbackId, values: values(f), privateMetadata: metadata(f) });
    expect(r.status).toBe(200);
    const errors = (r.body as { errors?: Record<string, string> } | null)?.errors;
    return () => (errors ? Object.values(errors).join('\n') : '');
  };
}

/** The "Assign to an advocate" message shortcut on a message in a listening channel. */
function shortcut() {
  return async ({ t, client, actorId }: Act): Promise<Told> => {
    const responseUrl = t.fake.responseUrl();
    const r = await client.messageShortcut({
      userId: actorId, callbackId: SHORTCUTS.assignMessage, channelId: 'C0LISTEN', messageTs: '1764150000.000200',
      text: 'New mention: is the pricing page right?', responseUrl,
    });
    expect(r.status).toBe(200);
    return () => t.fake.responsesTo(responseUrl).map((x) => textOf(x.body as { text?: string; blocks?: unknown[] })).join('\n');
  };
}

// ── Effects read back ────────────────────────────────────────────────────────────────────────────

const assignmentRow = (t: TestApp, f: Fixture) =>
  db.row(t, 'SELECT state, decline_reason AS reason, done_minutes AS done FROM assignments WHERE id = ?', f.assignmentId);
/** The assignment as stored and the buttons its DM shows the assignee. */
const assignmentAndButtons = async (t: TestApp, f: Fixture) => ({
  ...((await assignmentRow(t, f)) as object),
  buttons: buttonsOf(t.fake.messagesTo(CAST.employee).find((x) => x.ts === f.message?.ts)?.blocks).map((b) => b.text),
});
const modalsOpened = (callbackId: string, metadata?: (f: Fixture) => string) => (t: TestApp, f: Fixture) =>
  t.fake.callsTo('views.open').filter((c) => {
    const view = c.args.view as { callback_id?: string; private_metadata?: string };
    return c.status === 200 && view.callback_id === callbackId && (!metadata || view.private_metadata === metadata(f));
  }).length;
/** Open offers of the row's link to TARGET (the person leads offer to in these rows). */
const offersOfLink = (t: TestApp, f: Fixture) =>
  db.row(t, "SELECT COUNT(*) AS n FROM assignments WHERE assignee_id = ? AND link = ? AND state = 'offered'", TARGET, f.link);
/** Open offers of the row's conversation to the colleague (the reassign target). */
const reassigned = (t: TestApp, f: Fixture) =>
  db.row(t, "SELECT COUNT(*) AS n FROM assignments WHERE assignee_id = ? AND link = ? AND state = 'offered'", CAST.colleague, f.link);
const entryExists = (t: TestApp, f: Fixture) =>
  db.row(t, 'SELECT COUNT(*) AS n FROM entries WHERE id = ?', f.entryId);
const entryAsStored = (t: TestApp, f: Fixture) =>
  db.row(t, 'SELECT minutes, kind, note, date, week_key AS weekKey FROM entries WHERE id = ?', f.entryId);
/** The edit modal as the employee would submit it for their entry: 40 minutes of sharing, two days ago. */
const editForm = (date: string) => () => ({
  [L.minutesBlock]: { [L.minutesAction]: '40m' },
  [L.kindBlock]: { [L.kindAction]: { type: 'static_select', selected_option: { value: 'share', text: { type: 'plain_text', text: 'Sharing' } } } },
  [L.networkBlock]: { [L.networkAction]: { type: 'static_select', selected_option: null } },
  [L.dateBlock]: { [L.dateAction]: { type: 'datepicker', selected_date: date } },
  [L.linkBlock]: { [L.linkAction]: { type: 'url_text_input', value: null } },
  [L.noteBlock]: { [L.noteAction]: 'edited' },
});

// ── The table ────────────────────────────────────────────────────────────────────────────────────

const ASSIGNEE: Actor[] = ['employee'];
const THE_LEAD: Actor[] = ['lead'];

function everyone(what: string, allowed: Actor[], rest: Omit<Row, 'what' | 'actor' | 'expect'>): Row[] {
  return ACTORS.map((actor) => ({ what, actor, expect: outcomeFor(actor, allowed), ...rest }));
}

const id = (f: Fixture) => String(f.assignmentId);
const offerValue = (f: Fixture) => encodeOffer({ to: TARGET, estimate: 20, dueMs: Date.parse('2026-11-27T12:00:00Z'), link: f.link, brief: 'the pricing question' });
const assignForm = (f: Fixture) => ({
  [F.userBlock]: { [F.userAction]: { type: 'users_select', selected_user: TARGET } },
  [F.linkBlock]: { [F.linkAction]: { type: 'url_text_input', value: f.link } },
  [F.estimateBlock]: { [F.estimateAction]: '20m' },
  [F.dueBlock]: { [F.dueAction]: 'tomorrow' },
  [F.briefBlock]: { [F.briefAction]: 'the pricing question' },
  [F.anywayBlock]: { [F.anywayAction]: { type: 'checkboxes', selected_options: [] } },
});
const OFFERED_BUTTONS = ['Accept', 'Decline', 'Done'];
const ACCEPTED_BUTTONS = ['Done', 'Decline'];
const WHY_BUTTONS = ['No capacity', 'Not my area', 'Other', 'Back'];

const ROWS: Row[] = [
  // The assignee's DM: only the person it was offered to may answer it.
  ...everyone('accept an offer', ASSIGNEE, {
    given: 'offered', act: press(ACTIONS.assignAccept, id), effect: assignmentAndButtons, refusal: NOT_ASSIGNEE,
    after: () => ({ state: 'accepted', reason: null, done: null, buttons: ACCEPTED_BUTTONS }),
  }),
  ...everyone('accept anyway after the over-budget warning', ASSIGNEE, {
    given: 'offered', overBudget: true, act: press(ACTIONS.assignAcceptAnyway, id, { ephemeral: true }), effect: assignmentAndButtons, refusal: NOT_ASSIGNEE,
    after: () => ({ state: 'accepted', reason: null, done: null, buttons: ACCEPTED_BUTTONS }),
  }),
  ...everyone('start declining an offer', ASSIGNEE, {
    given: 'offered', act: press(ACTIONS.assignDecline, id), effect: assignmentAndButtons, refusal: NOT_ASSIGNEE,
    after: () => ({ state: 'offered', reason: null, done: null, buttons: WHY_BUTTONS }),
  }),
  ...everyone('go back from declining', ASSIGNEE, {
    given: 'askingWhy', act: press(ACTIONS.assignDeclineBack, id), effect: assignmentAndButtons, refusal: NOT_ASSIGNEE,
    after: () => ({ state: 'offered', reason: null, done: null, buttons: OFFERED_BUTTONS }),
  }),
  ...([
    ['no capacity', ACTIONS.assignDeclineNoCapacity, 'no_capacity'],
    ['not my area', ACTIONS.assignDeclineNotMyArea, 'not_my_area'],
    ['other', ACTIONS.assignDeclineOther, 'other'],
  ] as const).flatMap(([why, action, reason]) => everyone(`decline, because ${why}`, ASSIGNEE, {
    given: 'askingWhy', act: press(action, id), effect: assignmentRow, refusal: NOT_ASSIGNEE,
    after: () => ({ state: 'declined', reason, done: null }),
  })),
  ...everyone('open the Done modal', ASSIGNEE, {
    given: 'accepted', act: press(ACTIONS.assignDone, id), effect: modalsOpened(VIEWS.assignDone, id), refusal: NOT_ASSIGNEE,
    after: (n) => (n as number) + 1,
  }),
  ...everyone('submit the Done modal (30m)', ASSIGNEE, {
    given: 'accepted',
    act: submit(VIEWS.assignDone, () => ({ [F.minutesBlock]: { [F.minutesAction]: '30m' } }), id),
    effect: async (t, f) => ({
      ...((await assignmentRow(t, f)) as object),
      logged: await db.row(t, 'SELECT COUNT(*) AS n FROM entries WHERE assignment_id = ?', f.assignmentId),
    }),
    refusal: NOT_ASSIGNEE,
    after: () => ({ state: 'done', reason: null, done: 30, logged: { n: 1 } }),
  }),
  // The lead's thread: only the lead who assigned it hands a declined conversation on.
  ...everyone('offer a declined conversation to the next best', THE_LEAD, {
    given: 'declined', act: press(ACTIONS.assignReassign, (f) => encodeReassign(f.assignmentId, CAST.colleague)),
    effect: reassigned, refusal: NOT_THEIR_LEAD, after: () => ({ n: 1 }),
  }),
  // Suggestions, the assign modal and the message shortcut: leads and admins.
  ...everyone('offer from the suggestions', LEADS_AND_ADMINS, {
    given: 'nothing', act: press(ACTIONS.assignOffer, offerValue, { ephemeral: true }), effect: offersOfLink, refusal: LEAD_REFUSAL,
    after: () => ({ n: 1 }),
  }),
  ...everyone('offer anyway, past the advocate’s budget', LEADS_AND_ADMINS, {
    given: 'nothing', overBudget: true, act: press(ACTIONS.assignOfferAnyway, offerValue, { ephemeral: true }), effect: offersOfLink, refusal: LEAD_REFUSAL,
    after: () => ({ n: 1 }),
  }),
  ...everyone('submit the assign modal', LEADS_AND_ADMINS, {
    given: 'nothing', act: submit(VIEWS.assignModal, assignForm), effect: offersOfLink, refusal: LEAD_REFUSAL, after: () => ({ n: 1 }),
  }),
  ...everyone('use the "Assign to an advocate" shortcut', LEADS_AND_ADMINS, {
    given: 'nothing', act: shortcut(), effect: modalsOpened(VIEWS.assignModal), refusal: LEAD_REFUSAL, after: (n) => (n as number) + 1,
  }),
  // The check-in DM's Undo removes the clicker's own entry, never anyone else's.
  ...everyone("undo the employee's check-in", ASSIGNEE, {
    given: 'checkedIn', act: press(ACTIONS.checkinUndo, (f) => String(f.entryId)), effect: entryExists, refusal: NOT_THEIR_ENTRY,
    after: () => ({ n: 0 }),
  }),
  // An entry's Edit, Delete and Undo, and the edit modal: its owner only, whatever id a payload carries.
  ...everyone("open the edit modal on the employee's entry", ASSIGNEE, {
    given: 'logged', act: press(ACTIONS.entryEdit, (f) => String(f.entryId), { ephemeral: true }),
    effect: modalsOpened(VIEWS.editEntry, (f) => String(f.entryId)), refusal: NOT_THEIR_ENTRY, after: (n) => (n as number) + 1,
  }),
  ...everyone("submit the edit modal for the employee's entry", ASSIGNEE, {
    given: 'logged', act: submit(VIEWS.editEntry, editForm(TWO_DAYS_AGO), (f) => String(f.entryId)),
    effect: entryAsStored, refusal: NOT_THEIR_ENTRY,
    after: () => ({ minutes: 40, kind: 'share', note: 'edited', date: TWO_DAYS_AGO, weekKey: weekKey(TWO_DAYS_AGO) }),
  }),
  ...everyone("delete the employee's entry", ASSIGNEE, {
    given: 'logged', act: press(ACTIONS.entryDelete, (f) => String(f.entryId), { ephemeral: true }), effect: entryExists, refusal: NOT_THEIR_ENTRY,
    after: () => ({ n: 0 }),
  }),
  ...everyone("undo the employee's log from its confirmation", ASSIGNEE, {
    given: 'logged', act: press(ACTIONS.entryUndo, (f) => String(f.entryId)), effect: entryExists, refusal: NOT_THEIR_ENTRY,
    after: () => ({ n: 0 }),
  }),
];

// ── Running it ───────────────────────────────────────────────────────────────────────────────────

let cast: Cast;
let t: TestApp;
let seq = 0;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `read()` equals `want` (an allowed action finishes after its acknowledgement). */
async function until(read: () => unknown | Promise<unknown>, want: unknown, timeoutMs = 5000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    try {
      // toEqual, not util.isDeepStrictEqual: rows from the native SQLite module have another realm's prototype.
      expect(await read()).toEqual(want);
      return;
    } catch (err) {
      if (performance.now() > deadline) throw err;
    }
    await sleep(10);
  }
}

/** Waits until the app has made no Slack call or response for a while: the tail of an allowed action. */
async function settle(quietMs = 60): Promise<void> {
  let seen = -1;
  while (seen !== t.fake.calls.length + t.fake.responses.length) {
    seen = t.fake.calls.length + t.fake.responses.length;
    await sleep(quietMs);
  }
}

const offerMessageOf = (link: string): FakeMessage => {
  const m = t.fake.messagesTo(CAST.employee).find((x) => !x.threadTs && textOf(x).includes(link));
  if (!m) throw new Error(`no offer DM for ${link}`);
  return m;
};

async function arrange(row: Row): Promise<Fixture> {
  const budget = (minutes: number | null) => db.run(t, 'UPDATE people SET budget_minutes = ? WHERE id IN (?, ?)', minutes, CAST.employee, TARGET);
  await budget(null);
  const f = await arrangeGiven(row.given);
  // 10 minutes a week, less than the 25 the employee has logged and the 20 offered: a plain Accept or Offer would only warn.
  if (row.overBudget) await budget(10);
  await settle();
  return f;
}

async function arrangeGiven(given: Given): Promise<Fixture> {
  // Earlier rows' offers are over and done with: nobody's capacity fills up as the table runs.
  await db.run(t, "UPDATE assignments SET state = 'expired' WHERE state IN ('offered', 'accepted')");
  const link = `${LINK}/${++seq}`;
  const f: Fixture = { assignmentId: 0, link, message: null, entryId: 0 };
  if (given === 'nothing') return f;
  if (given === 'logged') {
    // A fresh entry of the employee's, from the log modal, beside the private one the cast logged.
    await db.run(t, "DELETE FROM entries WHERE person_id = ? AND source = 'modal'", CAST.employee);
    const date = localDate(t.clock.now(), ZONE);
    const { entry } = await t.ballast.store.entries.add({ personId: CAST.employee, minutes: 15, kind: 'respond', note: 'to change', date, weekKey: weekKey(date), source: 'modal' }, t.clock.now());
    f.entryId = entry.id;
    return f;
  }
  if (given === 'checkedIn') {
    await db.run(t, "DELETE FROM entries WHERE person_id = ? AND source = 'checkin'", CAST.employee);
    const date = localDate(t.clock.now(), ZONE);
    const channel = await t.ballast.deps.slack.openDm(CAST.employee);
    const ref = await t.ballast.deps.slack.postMessage(channel, checkinQuestion(date));
    const question = t.fake.messagesIn(channel).find((x) => x.ts === ref.ts)!;
    await t.slack.blockAction({ userId: CAST.employee, actionId: ACTIONS.checkin15, value: date, message: { ts: question.ts, channel, blocks: question.blocks } });
    await until(() => buttonsOf(question.blocks).map((b) => b.text), ['Undo']);
    f.entryId = (await db.row<{ id: number }>(t, "SELECT id FROM entries WHERE person_id = ? AND source = 'checkin'", CAST.employee))!.id;
    f.message = question;
    return f;
  }
  const r = await t.slack.command(CAST.lead, `assign <@${CAST.employee}> <${link}> est 20m due tomorrow`);
  expect(textOf(r.body as { text?: string })).toContain('Offered to');
  f.message = offerMessageOf(link);
  f.assignmentId = (await db.row<{ id: number }>(t, 'SELECT id FROM assignments WHERE link = ?', link))!.id;
  const now = t.clock.now();
  if (given === 'accepted') await t.ballast.store.assignments.transition(f.assignmentId, 'offered', 'accepted', now);
  if (given === 'declined') await t.ballast.store.assignments.transition(f.assignmentId, 'offered', 'declined', now, { declineReason: 'no_capacity' });
  if (given === 'askingWhy') {
    await t.slack.blockAction({ userId: CAST.employee, actionId: ACTIONS.assignDecline, value: String(f.assignmentId), message: { ts: f.message.ts, channel: f.message.channel, blocks: f.message.blocks } });
    await until(() => buttonsOf(offerMessageOf(link).blocks).map((b) => b.text), WHY_BUTTONS);
  }
  return f;
}

/** Everything a refused action must leave as it was: every row of every table that holds what people did or may do. */
async function everything(): Promise<string> {
  const all = (table: string) => db.tableRows(t, table);
  return JSON.stringify(await Promise.all(['people', 'entries', 'assignments', 'strain', 'settings', 'holidays', 'claims'].map(all)));
}

const IGNORED = 'ignored a payload from another workspace';
const ignoredLines = () => t.logs.filter((l) => l.msg === IGNORED).length;

const tally: Record<Outcome, number> = { allowed: 0, forbidden: 0, ignored: 0 };

beforeAll(async () => {
  cast = await startCast();
  t = cast.t;
});
afterAll(async () => {
  recordFigures('authorizationInteractions', {
    rows: ROWS.length, interactions: new Set(ROWS.map((r) => r.what)).size, actors: ACTORS.length, ...tally,
  });
  await t.close();
});
afterEach(() => expect(t.fake.rejections).toEqual([]));

it.each(ROWS)('$actor may $what: $expect', async (row) => {
  const f = await arrange(row);
  const before = await row.effect(t, f);
  const stored = await everything();
  const calls = t.fake.calls.length;
  const ignoredBefore = ignoredLines();
  const actorId = CAST[row.actor];
  const told = await row.act({ t, client: cast.clientFor(row.actor), actorId, f });

  if (row.expect === 'allowed') {
    await until(() => row.effect(t, f), row.after(before));
    expect(told()).not.toMatch(row.refusal);
    await settle();
  } else if (row.expect === 'forbidden') {
    await until(() => row.refusal.test(told()), true);
    // Give a refusal that went on to act anyway (a missing return) the time to show itself.
    await settle();
    expect(await row.effect(t, f)).toEqual(before);
    expect(await everything()).toBe(stored);
    // Nothing reached anyone else: no DM, message update, modal or file; at most an ephemeral to the actor.
    const sent = t.fake.calls.slice(calls).filter((c) => SENDS.includes(c.method) && !(c.method === 'chat.postEphemeral' && c.args.user === actorId));
    expect(sent).toEqual([]);
    // And the refusal names no one else: it must not tell who was given which conversation.
    for (const id of [...Object.values(CAST), TARGET]) if (id !== actorId) expect(told()).not.toContain(id);
  } else {
    // Another workspace's payload is acknowledged (the edge answers what no listener did) and dropped
    // before any listener, with a log line; nothing is stored, sent or recorded about the stranger.
    await until(() => ignoredLines(), ignoredBefore + 1);
    await settle();
    expect(told()).toBe('');
    expect(await row.effect(t, f)).toEqual(before);
    expect(await everything()).toBe(stored);
    expect(t.fake.calls.slice(calls).filter((c) => SENDS.includes(c.method))).toEqual([]);
    expect(t.logs.filter((l) => /not acknowledged/.test(String(l.msg)))).toEqual([]);
  }
  tally[row.expect] += 1;
});
