/**
 * Acknowledge first, everywhere (DESIGN.md, Slack surface): every subcommand, every action id and
 * modal of `src/slack/ids.ts`, both shortcuts, `app_home_opened`, `message.im` and the welcome, driven through the real
 * receiver while Slack is slow: once with every Web API call answered 1 s late, once with each
 * `chat.postMessage` answered 429 `Retry-After: 3` before it goes through. Each ack must arrive
 * within Slack's 3 s (timed by the signed-request client), each follow-up (DM, warning, message
 * update, Home) must be delivered exactly once, and nothing may be stored twice.
 *
 * The tables are keyed by the ids themselves: an id added to ACTIONS, VIEWS or SHORTCUTS, or a
 * command type added to core/types.ts, fails this file until it has a case here.
 */
import type { Command } from '../../../src/core/types';
import { localDate, weekKey } from '../../../src/core/time';
import { checkinQuestion } from '../../../src/slack/blocks/checkin';
import { pulseQuestion } from '../../../src/slack/blocks/pulse';
import { encodeOffer, encodeReassign } from '../../../src/slack/blocks/assignment';
import { ACTIONS, ASSIGN_MODAL as A, LOG_MODAL as L, SETTINGS_MODAL as S, SHORTCUTS, VIEWS } from '../../../src/slack/ids';
import { addPerson, buttonsOf, textOf, type PersonSetup } from '../../support/assignments';
import { startTestApp, type TestApp } from '../../support/app';
import * as db from '../../support/db';
import type { FakeMessage } from '../../support/fakeSlack';
import { recordFigures } from '../../support/figures';
import { makeNewcomer } from '../../support/welcome';
import type { SlackResponse } from '../../support/signer';

const LEAD = 'U900LEAD';
const ADMIN = 'U901ADM';
const MANAGER = 'U902MGR';
const ZONE = 'Europe/Berlin';
const NOW = '2026-11-26T10:00:00Z'; // Thursday, 11:00 in Berlin: inside everyone's sending hours
const DUE = Date.parse('2026-11-27T12:00:00Z');

/** One surface tried once: the requests it sends (timed) and what must hold once the app has settled. */
interface Trial {
  act: () => Promise<SlackResponse[]>;
  check: () => void | Promise<void>;
}
type Case = (t: TestApp, me: string) => Promise<Trial>;

// ── Reading what happened ────────────────────────────────────────────────────────────────────────

const n = (t: TestApp, sql: string, ...args: unknown[]): Promise<number> =>
  db.count(t, `SELECT COUNT(*) AS n FROM ${sql}`, ...args);
const entriesOf = (t: TestApp, id: string) => n(t, 'entries WHERE person_id = ?', id);
const dmsTo = (t: TestApp, id: string, re: RegExp) => t.fake.messagesTo(id).filter((m) => re.test(textOf(m)));
const WARNING = /Heads up: /;
const OFFER = /asked you to take/;
const link = (me: string) => `https://x.com/acme/status/${me}`;

async function assignmentOf(t: TestApp, me: string): Promise<{ id: number; state: string; lead_ts: string | null; decline_reason: string | null }> {
  return (await db.row<never>(t, 'SELECT * FROM assignments WHERE link = ? ORDER BY id DESC', link(me)))!;
}
const leadReplies = async (t: TestApp, me: string, re: RegExp) => {
  const ts = (await assignmentOf(t, me)).lead_ts;
  return t.fake.messages.filter((m) => !m.deleted && m.threadTs === ts && re.test(textOf(m)));
};
const modalOpened = (t: TestApp, callbackId: string, trigger: string) =>
  t.fake.callsTo('views.open').filter((c) => c.status === 200 && c.args.trigger_id === trigger && (c.args.view as { callback_id?: string }).callback_id === callbackId).length;
const currentOf = (t: TestApp, m: FakeMessage): FakeMessage => t.fake.messages.find((x) => x.ts === m.ts && x.channel === m.channel)!;
const buttonTexts = (m: FakeMessage | undefined) => buttonsOf(m?.blocks).map((b) => b.text);

/** A command's answer: in the ack, or (when not ready in 2.5 s) "Working on it" then exactly one response_url reply. */
function answerOf(t: TestApp, r: SlackResponse, url: string): string {
  const acked = (r.body as { text?: string }).text ?? '';
  if (!acked.includes('Working on it')) {
    expect(t.fake.responsesTo(url)).toHaveLength(0);
    return acked;
  }
  const late = t.fake.responsesTo(url);
  expect(late).toHaveLength(1);
  return textOf(late[0].body as { text?: string });
}

// ── Setting the scene (with Slack still fast) ────────────────────────────────────────────────────

async function person(t: TestApp, id: string, o: PersonSetup & { manager?: string } = {}): Promise<void> {
  if (await t.ballast.store.people.get(id)) return;
  await addPerson(t, id, o);
  if (o.manager) await t.ballast.store.people.setManager(id, o.manager);
}

/** An offer from the lead to `assignee` of the case's own link, its DM delivered; returns the DM. */
async function offered(t: TestApp, me: string, assignee: string, state: 'offered' | 'accepted' | 'declined' | 'askingWhy' = 'offered'): Promise<FakeMessage> {
  const r = await t.slack.command(LEAD, `assign <@${assignee}> <${link(me)}> est 20m due tomorrow`);
  expect(textOf(r.body as { text?: string })).toContain('Offered to');
  await t.ballast.settled();
  const dm = t.fake.messagesTo(assignee).find((m) => !m.threadTs && textOf(m).includes(link(me)))!;
  const a = await assignmentOf(t, me);
  if (state === 'accepted') await t.ballast.store.assignments.transition(a.id, 'offered', 'accepted', t.clock.now());
  if (state === 'declined') await t.ballast.store.assignments.transition(a.id, 'offered', 'declined', t.clock.now(), { declineReason: 'no_capacity' });
  if (state === 'askingWhy') {
    await click(t, assignee, dm, ACTIONS.assignDecline, String(a.id));
    await t.ballast.settled();
  }
  return currentOf(t, dm);
}

function click(t: TestApp, userId: string, m: FakeMessage | null, actionId: string, value: string, o: { ephemeral?: boolean; trigger?: string; url?: string } = {}) {
  return t.slack.blockAction({
    userId, actionId, value, responseUrl: o.url ?? t.fake.responseUrl(), isEphemeral: o.ephemeral, triggerId: o.trigger,
    message: m ? { ts: m.ts, channel: m.channel, blocks: m.blocks, text: m.text } : { ts: '1700000000.000900', channel: 'D0LEAD' },
  });
}

/** A Ballast DM in the person's channel, as a job would post it. */
async function posted(t: TestApp, userId: string, message: { text: string; blocks?: never[] } | ReturnType<typeof checkinQuestion>): Promise<FakeMessage> {
  const channel = await t.ballast.deps.slack.openDm(userId);
  const ref = await t.ballast.deps.slack.postMessage(channel, message);
  return t.fake.messagesIn(channel).find((m) => m.ts === ref.ts)!;
}

function logForm(v: { minutes: string; kind?: string; note?: string }) {
  const opt = (value?: string) => ({ type: 'static_select', selected_option: value ? { value, text: { type: 'plain_text', text: value } } : null });
  return {
    [L.minutesBlock]: { [L.minutesAction]: { type: 'plain_text_input', value: v.minutes } },
    [L.kindBlock]: { [L.kindAction]: opt(v.kind ?? 'respond') },
    [L.networkBlock]: { [L.networkAction]: opt('linkedin') },
    [L.dateBlock]: { [L.dateAction]: { type: 'datepicker', selected_date: null } },
    [L.linkBlock]: { [L.linkAction]: { type: 'url_text_input', value: null } },
    [L.noteBlock]: { [L.noteAction]: { type: 'plain_text_input', value: v.note ?? null } },
  };
}

function assignForm(to: string, me: string) {
  return {
    [A.userBlock]: { [A.userAction]: { type: 'users_select', selected_user: to } },
    [A.linkBlock]: { [A.linkAction]: { type: 'url_text_input', value: link(me) } },
    [A.estimateBlock]: { [A.estimateAction]: '20m' },
    [A.dueBlock]: { [A.dueAction]: 'tomorrow' },
    [A.briefBlock]: { [A.briefAction]: 'the pricing question' },
    [A.anywayBlock]: { [A.anywayAction]: { type: 'checkboxes', selected_options: [] } },
  };
}

// ── Commands: one case per command type (a new type fails to compile until it has one) ───────────

/** A command whose only follow-up is its answer: it arrives once, and says `expected`. */
const says = (text: (me: string) => string, expected: RegExp, setup: (t: TestApp, me: string) => Promise<void> = person, who?: string): Case =>
  async (t, me) => {
    await setup(t, me);
    const url = t.fake.responseUrl();
    let r: SlackResponse;
    return {
      act: async () => [(r = await t.slack.command(who ?? me, text(me), { responseUrl: url }))],
      check: () => expect(answerOf(t, r, url)).toMatch(expected),
    };
  };

const COMMANDS: Record<Command['type'], Case> = {
  week: says(() => 'week', /Your week|of your/),
  entries: says(() => 'entries', /Your entries of the last 14 days: 1 entry/, async (t, me) => {
    await person(t, me);
    await ownEntry(t, me, 15);
  }),
  async log(t, me) {
    await person(t, me, { logged: 180 }); // 75% of 4h: 30m more reaches "near"
    const url = t.fake.responseUrl();
    let r: SlackResponse;
    return {
      act: async () => [(r = await t.slack.command(me, 'log 30m reply linkedin answered a thread', { responseUrl: url }))],
      check: async () => {
        // The reply is in the ack, not held up by the warning DM.
        expect((r.body as { text: string }).text).toContain('Logged 30m');
        expect(await entriesOf(t, me)).toBe(2);
        expect(dmsTo(t, me, WARNING)).toHaveLength(1);
      },
    };
  },
  undo: says(() => 'undo', /Removed 15m/, async (t, me) => {
    await person(t, me);
    await t.slack.command(me, 'log 15m reply');
  }),
  budget: says(() => 'budget', /budget/),
  'budget-set': says((me) => `budget <@${me}|them> 3h`, /3h/, (t, me) => person(t, me, { manager: MANAGER }), MANAGER),
  hours: says(() => 'hours 30', /30 a week/),
  async pause(t, me) {
    await person(t, me);
    await offered(t, me, me);
    const url = t.fake.responseUrl();
    let r: SlackResponse;
    return {
      act: async () => [(r = await t.slack.command(me, 'pause', { responseUrl: url }))],
      check: async () => {
        expect(answerOf(t, r, url)).toContain('Paused');
        expect(await assignmentOf(t, me)).toMatchObject({ state: 'declined', decline_reason: 'paused' });
        expect(await leadReplies(t, me, /paus/i)).toHaveLength(1);
      },
    };
  },
  resume: says(() => 'resume', /Welcome back/, async (t, me) => person(t, me, { paused: true })),
  checkin: says(() => 'checkin 09:30 mon-fri', /09:30/),
  'checkin-off': says(() => 'checkin off', /off/),
  nudges: says(() => 'nudges off', /Nudges are off/),
  team: says(() => 'team', /./, person, MANAGER),
  async assign(t, me) {
    await person(t, me);
    const url = t.fake.responseUrl();
    let r: SlackResponse;
    return {
      act: async () => [(r = await t.slack.command(LEAD, `assign <@${me}> <${link(me)}> est 20m`, { responseUrl: url }))],
      check: async () => {
        expect((r.body as { text: string }).text).toContain(`Offered to <@${me}>`);
        expect(await n(t, 'assignments WHERE link = ?', link(me))).toBe(1);
        expect(dmsTo(t, me, OFFER)).toHaveLength(1);
      },
    };
  },
  assignments: says(() => 'assignments', /./),
  privacy: says(() => 'privacy', /manager/i),
  'privacy-share-strain': says(() => 'privacy share-strain on', /strain answers/),
  'admin-manager': says((me) => `admin manager <@${me}> <@${MANAGER}>`, /now reports to/, (t, me) => person(t, me), ADMIN),
  'admin-role': says((me) => `admin role <@${me}> lead`, /social lead/, (t, me) => person(t, me), ADMIN),
  'admin-settings': says(() => 'admin settings', /./, person, ADMIN),
  'admin-settings-set': says(() => 'admin settings digest_time 09:00', /09:00/, person, ADMIN),
  'admin-report': says(() => 'admin report', /./, person, ADMIN),
  async export(t, me) {
    await person(t, me);
    await t.slack.command(me, 'log 15m reply');
    const url = t.fake.responseUrl();
    let r: SlackResponse;
    return {
      act: async () => [(r = await t.slack.command(me, 'export', { responseUrl: url }))],
      check: async () => {
        expect(answerOf(t, r, url)).toContain('ballast-entries-');
        expect(t.fake.filesSharedTo(me)).toHaveLength(1);
      },
    };
  },
  help: says(() => 'help', /Ballast/),
};

// ── Buttons: one case per action id ──────────────────────────────────────────────────────────────

/** The assignee answers their offer DM; `want` is the stored state and the DM's buttons afterwards. */
const assigneeClicks = (action: string, given: 'offered' | 'askingWhy', want: { state: string; reason?: string; buttons?: string[]; lead?: RegExp }, o: PersonSetup = {}): Case =>
  async (t, me) => {
    await person(t, me);
    const dm = await offered(t, me, me, given);
    const a = await assignmentOf(t, me);
    // Over budget once offered (a plain Accept would only warn), for "Accept anyway".
    const date = localDate(t.clock.now(), ZONE);
    if (o.logged) await t.ballast.store.entries.add({ personId: me, minutes: o.logged, kind: 'post', date, weekKey: weekKey(date), source: 'command' }, t.clock.now());
    let ephemeral = false;
    if (action === ACTIONS.assignAcceptAnyway) ephemeral = true;
    return {
      act: async () => [await click(t, me, dm, action, String(a.id), { ephemeral })],
      check: async () => {
        expect(await assignmentOf(t, me)).toMatchObject({ state: want.state, ...(want.reason ? { decline_reason: want.reason } : {}) });
        if (want.buttons) expect(buttonTexts(currentOf(t, dm))).toEqual(want.buttons);
        if (want.lead) expect(await leadReplies(t, me, want.lead)).toHaveLength(1);
      },
    };
  };

const checkinClick = (action: string, minutes: number | null): Case => async (t, me) => {
  await person(t, me);
  const date = localDate(t.clock.now(), ZONE);
  const q = await posted(t, me, checkinQuestion(date));
  return {
    // Clicked twice, as a person does when Slack is slow: logged once.
    act: async () => Promise.all([click(t, me, q, action, date), click(t, me, q, action, date)]),
    check: async () => {
      expect(await entriesOf(t, me)).toBe(minutes === null ? 0 : 1);
      if (minutes !== null) expect(await n(t, 'entries WHERE person_id = ? AND minutes = ?', me, minutes)).toBe(1);
      expect(textOf(currentOf(t, q))).not.toContain('Any social engagement today?*');
    },
  };
};

const pulseClick = (action: string, answer: string): Case => async (t, me) => {
  await person(t, me);
  const week = weekKey(localDate(t.clock.now(), ZONE));
  const q = await posted(t, me, pulseQuestion(week, null));
  return {
    act: async () => [await click(t, me, q, action, week)],
    check: async () => {
      expect(await db.rows(t, 'SELECT answer FROM strain WHERE person_id = ?', me)).toEqual([{ answer }]);
      expect(textOf(currentOf(t, q))).toContain('Recorded for');
    },
  };
};

/** The lead's Offer (or Offer anyway) on a suggestion: stored once, DMed once. */
const leadOffers = (action: string, o: PersonSetup): Case => async (t, me) => {
  await person(t, me, o);
  const value = encodeOffer({ to: me, estimate: 20, dueMs: DUE, link: link(me), brief: 'the pricing question' });
  return {
    act: async () => [await click(t, LEAD, null, action, value, { ephemeral: true })],
    check: async () => {
      expect(await n(t, 'assignments WHERE link = ?', link(me))).toBe(1);
      expect(dmsTo(t, me, OFFER)).toHaveLength(1);
    },
  };
};

/** One of the person's own entries, dated today, stored directly; returns its id. */
async function ownEntry(t: TestApp, me: string, minutes: number): Promise<number> {
  const date = localDate(t.clock.now(), ZONE);
  const { entry } = await t.ballast.store.entries.add({ personId: me, minutes, kind: 'respond', date, weekKey: weekKey(date), source: 'command' }, t.clock.now());
  return entry.id;
}

/** A button on one of the person's entries, pressed on the `/ballast entries` list (answered on its response_url). */
const onEntryList = (action: string, value: (id: number) => string, want: (t: TestApp, me: string, url: string) => void | Promise<void>): Case =>
  async (t, me) => {
    await person(t, me);
    const id = await ownEntry(t, me, 15);
    const url = t.fake.responseUrl();
    return {
      act: async () => [await click(t, me, null, action, value(id), { ephemeral: true, url })],
      check: () => want(t, me, url),
    };
  };

/** App Home's week arrows: Home published once with that week. */
const homeStep = (action: string, monday: string, label: RegExp): Case => async (t, me) => {
  await person(t, me);
  return {
    act: async () => [await t.slack.blockAction({ userId: me, actionId: action, value: monday, view: { id: `VH${me}`, type: 'home' } })],
    check: async () => {
      expect(t.fake.callsTo('views.publish').filter((c) => c.args.user_id === me && c.status === 200)).toHaveLength(1);
      expect(JSON.stringify(t.fake.homeOf(me))).toMatch(label);
    },
  };
};


// ── App Home controls (issue 14): clicked on App Home, each redraws Home once or opens its modal ──

const homeClick = (t: TestApp, me: string, actionId: string, value: string, trigger?: string, type: 'home' | 'modal' = 'home') =>
  t.slack.blockAction({ userId: me, actionId, value, triggerId: trigger, view: { id: `VH${me}`, type } });
const homesOf = (t: TestApp, me: string) => t.fake.callsTo('views.publish').filter((c) => c.args.user_id === me && c.status === 200).length;
const opensModal = (actionId: string, callbackId: string, value = 'home', setup: (t: TestApp, me: string) => Promise<void> = person): Case => async (t, me) => {
  await setup(t, me);
  const trigger = `9100.${me}.${actionId}`;
  return {
    act: async () => [await homeClick(t, me, actionId, value, trigger)],
    check: () => expect(modalOpened(t, callbackId, trigger)).toBe(1),
  };
};
const redrawsHome = (actionId: string, value: (t: TestApp, me: string) => Promise<string>, stored: (t: TestApp, me: string) => Promise<void>, setup: (t: TestApp, me: string) => Promise<void> = person): Case => async (t, me) => {
  await setup(t, me);
  const v = await value(t, me);
  return {
    act: async () => [await homeClick(t, me, actionId, v)],
    check: async () => {
      expect(homesOf(t, me)).toBe(1);
      await stored(t, me);
    },
  };
};
const asReport = (t: TestApp, me: string) => person(t, me, { manager: MANAGER });

const ACTION_CASES: Record<string, Case> = {
  [ACTIONS.entryEdit]: async (t, me) => {
    await person(t, me);
    const id = await ownEntry(t, me, 15);
    const trigger = `9006.${me}.edit`;
    return {
      act: async () => [await click(t, me, null, ACTIONS.entryEdit, String(id), { ephemeral: true, trigger })],
      check: () => expect(modalOpened(t, VIEWS.editEntry, trigger)).toBe(1),
    };
  },
  [ACTIONS.entryDelete]: onEntryList(ACTIONS.entryDelete, String, async (t, me, url) => {
    expect(await entriesOf(t, me)).toBe(0);
    expect(t.fake.responsesTo(url).filter((r) => textOf(r.body as { text?: string }).includes('Your entries'))).toHaveLength(1);
  }),
  [ACTIONS.entryUndo]: onEntryList(ACTIONS.entryUndo, String, async (t, me, url) => {
    expect(await entriesOf(t, me)).toBe(0);
    expect(t.fake.responsesTo(url)).toHaveLength(1);
  }),
  [ACTIONS.entriesOlder]: onEntryList(ACTIONS.entriesOlder, () => '20', async (t, me, url) => {
    expect(await entriesOf(t, me)).toBe(1);
    expect(t.fake.responsesTo(url).map((r) => textOf(r.body as { text?: string }))).toEqual([expect.stringContaining('Your entries')]);
  }),
  [ACTIONS.entriesNewer]: onEntryList(ACTIONS.entriesNewer, () => '0', async (t, me, url) => {
    expect(await entriesOf(t, me)).toBe(1);
    expect(t.fake.responsesTo(url).map((r) => textOf(r.body as { text?: string }))).toEqual([expect.stringContaining('Your entries')]);
  }),
  [ACTIONS.homeWeekEarlier]: homeStep(ACTIONS.homeWeekEarlier, '2026-11-16', /Week of Mon 16 Nov/),
  [ACTIONS.homeWeekLater]: homeStep(ACTIONS.homeWeekLater, '2026-11-23', /Your week/),
  [ACTIONS.openLogModal]: async (t, me) => {
    await person(t, me);
    const trigger = `9001.${me}.open`;
    return {
      act: async () => [await t.slack.blockAction({ userId: me, actionId: ACTIONS.openLogModal, value: 'home', triggerId: trigger, view: { id: `VH${me}`, type: 'home' } })],
      check: () => expect(modalOpened(t, VIEWS.logModal, trigger)).toBe(1),
    };
  },
  [ACTIONS.assignOffer]: leadOffers(ACTIONS.assignOffer, {}),
  [ACTIONS.assignOfferAnyway]: leadOffers(ACTIONS.assignOfferAnyway, { logged: 600 }),
  [ACTIONS.assignAccept]: assigneeClicks(ACTIONS.assignAccept, 'offered', { state: 'accepted', buttons: ['Done', 'Decline'], lead: /accepted/i }),
  [ACTIONS.assignAcceptAnyway]: assigneeClicks(ACTIONS.assignAcceptAnyway, 'offered', { state: 'accepted', lead: /accepted/i }, { logged: 600 }),
  [ACTIONS.assignDecline]: assigneeClicks(ACTIONS.assignDecline, 'offered', { state: 'offered', buttons: ['No capacity', 'Not my area', 'Other', 'Back'] }),
  [ACTIONS.assignDeclineBack]: assigneeClicks(ACTIONS.assignDeclineBack, 'askingWhy', { state: 'offered', buttons: ['Accept', 'Decline', 'Done'] }),
  [ACTIONS.assignDeclineNoCapacity]: assigneeClicks(ACTIONS.assignDeclineNoCapacity, 'askingWhy', { state: 'declined', reason: 'no_capacity', lead: /declined/i }),
  [ACTIONS.assignDeclineNotMyArea]: assigneeClicks(ACTIONS.assignDeclineNotMyArea, 'askingWhy', { state: 'declined', reason: 'not_my_area', lead: /declined/i }),
  [ACTIONS.assignDeclineOther]: assigneeClicks(ACTIONS.assignDeclineOther, 'askingWhy', { state: 'declined', reason: 'other', lead: /declined/i }),
  [ACTIONS.assignDone]: async (t, me) => {
    await person(t, me);
    const dm = await offered(t, me, me, 'accepted');
    const trigger = `9002.${me}.done`;
    return {
      act: async () => [await click(t, me, dm, ACTIONS.assignDone, String((await assignmentOf(t, me)).id), { trigger })],
      check: () => expect(modalOpened(t, VIEWS.assignDone, trigger)).toBe(1),
    };
  },
  [ACTIONS.assignReassign]: async (t, me) => {
    const next = `${me}N`;
    await person(t, me);
    await person(t, next);
    await offered(t, me, me, 'declined');
    const a = await assignmentOf(t, me);
    return {
      act: async () => [await click(t, LEAD, null, ACTIONS.assignReassign, encodeReassign(a.id, next))],
      check: async () => {
        expect(await n(t, "assignments WHERE link = ? AND assignee_id = ? AND state = 'offered'", link(me), next)).toBe(1);
        expect(dmsTo(t, next, OFFER)).toHaveLength(1);
      },
    };
  },
  [ACTIONS.checkinNothing]: checkinClick(ACTIONS.checkinNothing, null),
  [ACTIONS.checkin15]: checkinClick(ACTIONS.checkin15, 15),
  [ACTIONS.checkin30]: checkinClick(ACTIONS.checkin30, 30),
  [ACTIONS.checkin60]: checkinClick(ACTIONS.checkin60, 60),
  [ACTIONS.checkinOther]: async (t, me) => {
    await person(t, me);
    const date = localDate(t.clock.now(), ZONE);
    const q = await posted(t, me, checkinQuestion(date));
    const trigger = `9003.${me}.other`;
    return {
      act: async () => [await click(t, me, q, ACTIONS.checkinOther, date, { trigger })],
      check: () => expect(modalOpened(t, VIEWS.checkinOther, trigger)).toBe(1),
    };
  },
  [ACTIONS.checkinUndo]: async (t, me) => {
    await person(t, me);
    const date = localDate(t.clock.now(), ZONE);
    const q = await posted(t, me, checkinQuestion(date));
    await click(t, me, q, ACTIONS.checkin15, date);
    await t.ballast.settled();
    const answered = currentOf(t, q);
    const undo = buttonsOf(answered.blocks).find((b) => b.action_id === ACTIONS.checkinUndo)!;
    return {
      act: async () => [await click(t, me, answered, ACTIONS.checkinUndo, undo.value!)],
      check: async () => {
        expect(await entriesOf(t, me)).toBe(0);
        expect(buttonTexts(currentOf(t, q))).toContain('15m');
      },
    };
  },
  [ACTIONS.openCheckinSettings]: opensModal(ACTIONS.openCheckinSettings, VIEWS.checkinSettings),
  [ACTIONS.openPause]: opensModal(ACTIONS.openPause, VIEWS.pause),
  [ACTIONS.homeNudges]: redrawsHome(ACTIONS.homeNudges, async () => 'off', async (t, me) => expect((await t.ballast.store.people.get(me))!.nudgesEnabled).toBe(false)),
  [ACTIONS.homeShareStrain]: redrawsHome(ACTIONS.homeShareStrain, async () => 'on', async (t, me) => expect((await t.ballast.store.people.get(me))!.shareStrain).toBe(true)),
  [ACTIONS.homeResume]: redrawsHome(ACTIONS.homeResume, async () => 'home', async (t, me) => expect((await t.ballast.store.people.get(me))!.paused).toBe(false), (t, me) => person(t, me, { paused: true })),
  [ACTIONS.homeAssignAccept]: redrawsHome(ACTIONS.homeAssignAccept, async (t, me) => {
    await offered(t, me, me);
    return String((await assignmentOf(t, me)).id);
  }, async (t, me) => expect((await assignmentOf(t, me)).state).toBe('accepted')),
  [ACTIONS.homeAssignAcceptAnyway]: redrawsHome(ACTIONS.homeAssignAcceptAnyway, async (t, me) => {
    await offered(t, me, me);
    await ownEntry(t, me, 600); // now over budget: only "Accept anyway" accepts
    return String((await assignmentOf(t, me)).id);
  }, async (t, me) => expect((await assignmentOf(t, me)).state).toBe('accepted')),
  [ACTIONS.homeTeamPage]: async (t, me) => {
    await person(t, me);
    return {
      act: async () => [await homeClick(t, me, ACTIONS.homeTeamPage, '15')],
      check: () => expect(homesOf(t, me)).toBe(1),
    };
  },
  [ACTIONS.reportMenu]: async (t, me) => {
    await asReport(t, me);
    const trigger = `9101.${me}.menu`;
    return {
      act: async () => [await t.slack.blockAction({ userId: MANAGER, actionId: ACTIONS.reportMenu, type: 'overflow', selectedOption: { value: `budget:${me}` }, triggerId: trigger, view: { id: 'VHMGR', type: 'home' } })],
      check: () => expect(modalOpened(t, VIEWS.reportBudget, trigger)).toBe(1),
    };
  },
  [ACTIONS.reportBudget]: async (t, me) => {
    await asReport(t, me);
    const trigger = `9102.${me}.budget`;
    return {
      act: async () => [await click(t, MANAGER, null, ACTIONS.reportBudget, me, { trigger })],
      check: () => expect(modalOpened(t, VIEWS.reportBudget, trigger)).toBe(1),
    };
  },
  [ACTIONS.reportNote]: async (t, me) => {
    await asReport(t, me);
    const trigger = `9103.${me}.note`;
    return {
      act: async () => [await click(t, MANAGER, null, ACTIONS.reportNote, me, { trigger })],
      check: () => expect(modalOpened(t, VIEWS.reportNote, trigger)).toBe(1),
    };
  },
  [ACTIONS.openTeamView]: async (t, me) => {
    await asReport(t, me);
    const trigger = `9104.${me}.team`;
    return {
      act: async () => [await click(t, MANAGER, null, ACTIONS.openTeamView, 'digest', { trigger })],
      check: () => expect(t.fake.callsTo('views.open').filter((c) => c.status === 200 && c.args.trigger_id === trigger)).toHaveLength(1),
    };
  },
  [ACTIONS.pulseNone]: pulseClick(ACTIONS.pulseNone, 'none'),
  [ACTIONS.pulseBit]: pulseClick(ACTIONS.pulseBit, 'bit'),
  [ACTIONS.pulseBack]: pulseClick(ACTIONS.pulseBack, 'back'),
};

// ── Modals: one case per callback id ─────────────────────────────────────────────────────────────

const VIEW_CASES: Record<string, Case> = {
  [VIEWS.checkinSettings]: async (t, me) => {
    await person(t, me);
    const values = {
      [S.enabledBlock]: { [S.enabledAction]: { type: 'checkboxes', selected_options: [{ value: 'on', text: { type: 'plain_text', text: 'on' } }] } },
      [S.timeBlock]: { [S.timeAction]: { type: 'timepicker', selected_time: '09:15' } },
      [S.daysBlock]: { [S.daysAction]: { type: 'checkboxes', selected_options: [{ value: '1', text: { type: 'plain_text', text: 'Monday' } }] } },
    };
    let r: SlackResponse;
    return {
      act: async () => [(r = await t.slack.viewSubmission({ userId: me, callbackId: VIEWS.checkinSettings, values }))],
      check: async () => {
        expect(r.body).toBe('');
        expect(await t.ballast.store.people.get(me)).toMatchObject({ checkinTime: '09:15', checkinDays: [1] });
        expect(homesOf(t, me)).toBe(1);
      },
    };
  },
  [VIEWS.pause]: async (t, me) => {
    await person(t, me);
    await offered(t, me, me);
    const values = { [S.untilBlock]: { [S.untilAction]: { type: 'datepicker', selected_date: '2026-12-04' } } };
    return {
      act: async () => [await t.slack.viewSubmission({ userId: me, callbackId: VIEWS.pause, values })],
      check: async () => {
        expect(await t.ballast.store.people.get(me)).toMatchObject({ paused: true, pausedUntil: '2026-12-04' });
        expect(await assignmentOf(t, me)).toMatchObject({ state: 'declined', decline_reason: 'paused' });
        expect(homesOf(t, me)).toBe(1);
      },
    };
  },
  [VIEWS.reportBudget]: async (t, me) => {
    await asReport(t, me);
    const submit = () => t.slack.viewSubmission({ userId: MANAGER, callbackId: VIEWS.reportBudget, privateMetadata: me, values: { [S.budgetBlock]: { [S.budgetAction]: '3h' } } });
    return {
      act: async () => [await submit()],
      check: async () => {
        expect((await t.ballast.store.people.get(me))!.budgetMinutes).toBe(180);
        expect(dmsTo(t, me, /set your weekly advocacy budget to 3h/)).toHaveLength(1);
      },
    };
  },
  [VIEWS.reportNote]: async (t, me) => {
    await asReport(t, me);
    const submit = () => t.slack.viewSubmission({ userId: MANAGER, callbackId: VIEWS.reportNote, privateMetadata: me, values: { [S.noteBlock]: { [S.noteAction]: 'Take Friday easy.' } } });
    return {
      act: async () => [await submit()],
      check: () => expect(dmsTo(t, me, /A note from your manager <@U902MGR>/)).toHaveLength(1),
    };
  },
  [VIEWS.editEntry]: async (t, me) => {
    await person(t, me, { logged: 150 });
    const id = await ownEntry(t, me, 15);
    const submit = () => t.slack.viewSubmission({ userId: me, callbackId: VIEWS.editEntry, viewId: `VE${me}`, privateMetadata: String(id), values: logForm({ minutes: '45m' }) });
    return {
      // 150 + 15 is 69% of 4h; edited to 45m, 81% reaches "near": one warning, however often Slack delivers the submission.
      act: async () => Promise.all([submit(), submit()]),
      check: async () => {
        expect(await entriesOf(t, me)).toBe(2);
        expect(await n(t, 'entries WHERE id = ? AND minutes = 45', id)).toBe(1);
        expect(dmsTo(t, me, WARNING)).toHaveLength(1);
        expect(t.fake.homeOf(me)).toBeDefined();
      },
    };
  },
  [VIEWS.logModal]: async (t, me) => {
    await person(t, me, { logged: 180 });
    const submit = () => t.slack.viewSubmission({ userId: me, callbackId: VIEWS.logModal, viewId: `VL${me}`, values: logForm({ minutes: '30m' }) });
    return {
      // Submitted, and delivered again by Slack: one entry, one warning, the Home refreshed.
      act: async () => Promise.all([submit(), submit()]),
      check: async () => {
        expect(await entriesOf(t, me)).toBe(2);
        expect(dmsTo(t, me, WARNING)).toHaveLength(1);
        expect(t.fake.homeOf(me)).toBeDefined();
      },
    };
  },
  [VIEWS.assignDone]: async (t, me) => {
    await person(t, me, { logged: 180 });
    await offered(t, me, me, 'accepted');
    const id = String((await assignmentOf(t, me)).id);
    const submit = () => t.slack.viewSubmission({ userId: me, callbackId: VIEWS.assignDone, privateMetadata: id, values: { [A.minutesBlock]: { [A.minutesAction]: '30m' } } });
    return {
      act: async () => Promise.all([submit(), submit()]),
      check: async () => {
        expect((await assignmentOf(t, me)).state).toBe('done');
        expect(await n(t, 'entries WHERE person_id = ? AND assignment_id = ?', me, Number(id))).toBe(1);
        expect(await leadReplies(t, me, /finished it/)).toHaveLength(1);
        expect(dmsTo(t, me, WARNING)).toHaveLength(1);
        expect(t.fake.homeOf(me)).toBeDefined();
      },
    };
  },
  [VIEWS.assignModal]: async (t, me) => {
    await person(t, me);
    const submit = () => t.slack.viewSubmission({ userId: LEAD, callbackId: VIEWS.assignModal, viewId: `VA${me}`, values: assignForm(me, me) });
    let first: SlackResponse;
    return {
      act: async () => {
        first = await submit();
        return [first];
      },
      check: async () => {
        expect(first.body).toBe(''); // closed: no errors
        expect(await n(t, 'assignments WHERE link = ?', link(me))).toBe(1);
        expect(dmsTo(t, me, OFFER)).toHaveLength(1);
      },
    };
  },
  [VIEWS.checkinOther]: async (t, me) => {
    await person(t, me, { logged: 180 });
    const date = localDate(t.clock.now(), ZONE);
    const q = await posted(t, me, checkinQuestion(date));
    const metadata = JSON.stringify({ date, channel: q.channel, ts: q.ts });
    const submit = () => t.slack.viewSubmission({ userId: me, callbackId: VIEWS.checkinOther, privateMetadata: metadata, values: logForm({ minutes: '30m' }) });
    return {
      act: async () => Promise.all([submit(), submit()]),
      check: async () => {
        expect(await entriesOf(t, me)).toBe(2);
        expect(textOf(currentOf(t, q))).toContain('Logged 30m');
        expect(dmsTo(t, me, WARNING)).toHaveLength(1);
      },
    };
  },
};

// ── Shortcuts and the one event ──────────────────────────────────────────────────────────────────

const SHORTCUT_CASES: Record<string, Case> = {
  [SHORTCUTS.logEngagement]: async (t, me) => {
    await person(t, me);
    const trigger = `9004.${me}.shortcut`;
    return {
      act: async () => [await t.slack.shortcut({ userId: me, callbackId: SHORTCUTS.logEngagement, triggerId: trigger })],
      check: () => expect(modalOpened(t, VIEWS.logModal, trigger)).toBe(1),
    };
  },
  [SHORTCUTS.assignMessage]: async (t, me) => {
    const trigger = `9005.${me}.assign`;
    return {
      act: async () => [await t.slack.messageShortcut({
        userId: LEAD, callbackId: SHORTCUTS.assignMessage, channelId: 'C0LISTEN', messageTs: '1764150000.000200',
        text: `Is the pricing page right? <${link(me)}>`, triggerId: trigger,
      })],
      check: () => expect(modalOpened(t, VIEWS.assignModal, trigger)).toBe(1),
    };
  },
};

const homeOpened: Case = async (t, me) => {
  await person(t, me);
  return {
    act: async () => [await t.slack.event({ type: 'app_home_opened', user: me, channel: `D${me}`, tab: 'home' })],
    check: () => expect(t.fake.callsTo('views.publish').filter((c) => c.args.user_id === me && c.status === 200)).toHaveLength(1),
  };
};

/** Text typed to Ballast in its DM (the Messages tab): logged once, answered once in the DM. */
const dmTyped: Case = async (t, me) => {
  await person(t, me);
  const channel = t.fake.dmChannelOf(me);
  return {
    act: async () => [await t.slack.event({ type: 'message', channel, channel_type: 'im', user: me, text: 'log 25m reply', ts: '1764151200.000100' })],
    check: async () => {
      expect(await entriesOf(t, me)).toBe(1);
      expect(dmsTo(t, me, /Logged 25m/)).toHaveLength(1);
    },
  };
};

/** A newcomer's first command: the reply in the ack, the welcome DM after it, once. */
const firstContact: Case = async (t, me) => {
  await person(t, me);
  await makeNewcomer(t, me);
  return {
    act: async () => [await t.slack.command(me, 'week')],
    check: () => expect(dmsTo(t, me, /Welcome to Ballast/)).toHaveLength(1),
  };
};

const SURFACES: [string, Case][] = [
  ...Object.entries(COMMANDS).map(([type, c]) => [`/ballast ${type}`, c] as [string, Case]),
  ...Object.entries(ACTION_CASES).map(([id, c]) => [`button ${id}`, c] as [string, Case]),
  ...Object.entries(VIEW_CASES).map(([id, c]) => [`modal ${id}`, c] as [string, Case]),
  ...Object.entries(SHORTCUT_CASES).map(([id, c]) => [`shortcut ${id}`, c] as [string, Case]),
  ['event app_home_opened', homeOpened],
  ['event message.im', dmTyped],
  ['welcome at first contact', firstContact],
];

describe('every surface has a case', () => {
  it.each(Object.values(ACTIONS))('button %s', (id) => expect(ACTION_CASES[id]).toBeDefined());
  it.each(Object.values(VIEWS))('modal %s', (id) => expect(VIEW_CASES[id]).toBeDefined());
  it.each(Object.values(SHORTCUTS))('shortcut %s', (id) => expect(SHORTCUT_CASES[id]).toBeDefined());
});

const FAULTS = {
  'every Web API call 1 s late': (t: TestApp) => t.fake.delay('*', 1000),
  'chat.postMessage answering 429 Retry-After: 3': (t: TestApp) => t.fake.rateLimitEachOnce('chat.postMessage', 3),
} as const;

const slowest: Record<string, Record<string, number>> = {};

afterAll(() => {
  // A run filtered to other tests (-t) measured nothing: keep the figures of the last full run.
  if (Object.keys(slowest).length) recordFigures('ackFirst', { slowestAckMs: slowest });
});

describe.each(Object.keys(FAULTS) as (keyof typeof FAULTS)[])('with %s', (fault) => {
  let t: TestApp;
  const trials: { surface: string; trial: Trial; responses: SlackResponse[] }[] = [];

  beforeAll(async () => {
    // Each request resolves on its ack here (not on its follow-ups), so concurrent ones overlap.
    t = await startTestApp({ now: NOW, env: { BALLAST_ADMINS: ADMIN }, settle: false });
    await person(t, LEAD, { role: 'lead' });
    await person(t, ADMIN);
    await person(t, MANAGER);
    let i = 0;
    for (const [surface, c] of SURFACES) {
      const me = `U${String(++i).padStart(3, '0')}P`;
      trials.push({ surface, trial: await c(t, me), responses: [] });
    }
    await t.ballast.settled();
    t.fake.clearFaults();
    FAULTS[fault](t);
    // All at once, as independent people use Ballast: each case has its own person and conversation.
    await Promise.all(trials.map(async (x) => {
      x.responses = await x.trial.act();
    }));
    await t.ballast.settled();
  }, 120_000);
  afterAll(async () => {
    slowest[fault] = Object.fromEntries(trials.map((x) => [x.surface, Math.round(Math.max(...x.responses.map((r) => r.ackMs)))]));
    await t.close();
  });

  it.each(SURFACES.map(([s]) => s))('%s: acked within 3 s, each follow-up once, nothing stored twice', async (surface) => {
    const x = trials.find((y) => y.surface === surface)!;
    for (const r of x.responses) {
      expect(r.status).toBe(200);
      expect(r.ackMs).toBeLessThan(3000);
    }
    await x.trial.check();
  });

  it('sent nothing Slack would refuse and logged no unexpected error', () => {
    expect(t.fake.rejections).toEqual([]);
    const errors = t.logs.filter((l) => (l.level as number) >= 50);
    expect(errors).toEqual([]);
  });
});

describe('the assign modal when an advocate Ballast has never seen must be looked up', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    await person(t, LEAD, { role: 'lead' });
  });
  const lookups: Record<string, number> = {};
  afterAll(async () => {
    recordFigures('ackFirstAssignLookup', { ackMs: lookups });
    await t.close();
  });
  afterEach(() => {
    t.fake.clearFaults();
    expect(t.fake.rejections).toEqual([]);
  });
  const submit = (to: string, me: string) =>
    t.slack.viewSubmission({ userId: LEAD, callbackId: VIEWS.assignModal, viewId: `VA${me}`, values: assignForm(to, me) });
  const refusalsToLead = () => dmsTo(t, LEAD, /Ballast did not offer the conversation/);

  it('refuses inline when users.info answers in time', async () => {
    t.fake.addUser({ id: 'U700BOT', name: 'helper', isBot: true });
    t.fake.delay('users.info', 1000);
    const r = await submit('U700BOT', 'U700');
    lookups.inTimeRefused = Math.round(r.ackMs);
    expect(r.ackMs).toBeLessThan(3000);
    expect((r.body as { errors: Record<string, string> }).errors[A.userBlock]).toContain('bots and apps');
    expect(await n(t, 'assignments WHERE link = ?', link('U700'))).toBe(0);
    expect(refusalsToLead()).toHaveLength(0);
  });

  it('closes the modal in time and tells the lead by DM when the lookup is too slow and refuses', async () => {
    t.fake.addUser({ id: 'U701BOT', name: 'helper2', isBot: true });
    t.fake.delay('users.info', 3500);
    const r = await submit('U701BOT', 'U701');
    lookups.lateRefused = Math.round(r.ackMs);
    expect(r.ackMs).toBeLessThan(3000);
    expect(r.body).toBe('');
    expect(await n(t, 'assignments WHERE link = ?', link('U701'))).toBe(0);
    expect(t.fake.messagesTo('U701BOT')).toEqual([]);
    const [told] = refusalsToLead();
    expect(textOf(told)).toContain("I can't offer anything to <@U701BOT>: Ballast is for people; bots and apps cannot log time.");
  });

  it('closes the modal in time and makes the offer once when the slow lookup finds a real person', async () => {
    t.fake.addUser({ id: 'U702NEW', name: 'newbie', tz: ZONE });
    t.fake.delay('users.info', 3500);
    const before = refusalsToLead().length;
    const r = await submit('U702NEW', 'U702');
    lookups.lateOffered = Math.round(r.ackMs);
    expect(r.ackMs).toBeLessThan(3000);
    expect(r.body).toBe('');
    expect(await n(t, 'assignments WHERE link = ?', link('U702'))).toBe(1);
    expect(dmsTo(t, 'U702NEW', OFFER)).toHaveLength(1);
    expect(refusalsToLead()).toHaveLength(before);
    // Resubmitting says it is already theirs, and stores and sends nothing more.
    const again = await submit('U702NEW', 'U702');
    expect((again.body as { errors: Record<string, string> }).errors[A.userBlock]).toContain('already have this conversation');
    expect(await n(t, 'assignments WHERE link = ?', link('U702'))).toBe(1);
    expect(dmsTo(t, 'U702NEW', OFFER)).toHaveLength(1);
  });
});
