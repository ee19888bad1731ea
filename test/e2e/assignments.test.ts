// Assignments end to end: the real app over signed HTTP, the fake Slack recording what it was asked to do.
import { ACTIONS, SHORTCUTS, VIEWS, ASSIGN_MODAL as F } from '../../src/slack/ids';
import type { Assignment } from '../../src/core/model';
import type { Logged } from '../../src/services/entries';
import { startTestApp, type TestApp } from '../support/app';
import { addPerson, buttonIn, buttonsOf, click, textOf } from '../support/assignments';
import type { FakeMessage } from '../support/fakeSlack';

const LEAD = 'U100LEAD';
const ADA = 'U200ADA';
const BEN = 'U201BEN';
const CAT = 'U202CAT';
const DAN = 'U203DAN';
const LINK = 'https://x.com/acme/status/1865';

let t: TestApp;
async function start(env?: Record<string, string>): Promise<TestApp> {
  return startTestApp({ env });
}

beforeEach(async () => {
  t = await start();
  await addPerson(t, LEAD, { role: 'lead' });
});
afterEach(async () => {
  expect(t.fake.rejections).toEqual([]);
  await t.close();
});

/** The lead thread's first message is redrawn after every reply: the last step of telling the lead. */
const leadParentUpdates = (n: number) =>
  t.fake.waitFor((f) => f.callsTo('chat.update').filter((c) => c.args.channel === f.dmChannelOf(LEAD) && c.status).length >= n);
const all = (): Promise<Assignment[]> => t.ballast.store.assignments.ofLead(LEAD);
const replyText = (r: { body: unknown }): string => textOf(r.body as { text?: string; blocks?: unknown[] });

/** The assignee's message for an assignment (the DM that carries its buttons). */
function offerMessage(userId: string, index = 0): FakeMessage {
  const list = t.fake.messagesTo(userId).filter((m) => !m.threadTs && /asked you to take/.test(textOf(m)));
  if (!list[index]) throw new Error(`no offer message #${index} for ${userId}`);
  return list[index];
}

function leadThread(): { parent: FakeMessage; replies: FakeMessage[] } {
  const msgs = t.fake.messagesTo(LEAD);
  const parent = msgs.find((m) => !m.threadTs)!;
  return { parent, replies: msgs.filter((m) => m.threadTs === parent.ts) };
}

async function offer(text = `assign <@${ADA}> <${LINK}> est 20m due 2h answer the pricing question`) {
  const r = await t.slack.command(LEAD, text);
  expect(r.status).toBe(200);
  return r;
}

describe('the life cycle', () => {
  it('offers, accepts and finishes with the real minutes, logging them once and telling the lead in one thread', async () => {
    await addPerson(t, ADA);
    const r = await offer();
    expect(replyText(r)).toContain(`Offered to <@${ADA}>`);
    const [a] = await all();
    expect(a).toMatchObject({ assigneeId: ADA, link: LINK, estimateMinutes: 20, state: 'offered', brief: 'answer the pricing question' });
    expect(a.dueAt).toBe(t.clock.now() + 2 * 60 * 60_000);

    // The assignee's DM: brief, link, estimate, due, and the three buttons.
    const dm = offerMessage(ADA);
    expect(textOf(dm)).toContain(LINK);
    expect(textOf(dm)).toContain('answer the pricing question');
    expect(textOf(dm)).toContain('20m');
    expect(textOf(dm)).toContain('Thu 26 Nov, 13:00'); // due in Ada's zone (Berlin)
    expect(buttonsOf(dm.blocks).map((b) => b.text)).toEqual(['Accept', 'Decline', 'Done']);
    expect(leadThread().parent).toBeDefined();

    // Accept: the DM updates, the lead hears in the thread.
    await click(t, ADA, dm, ACTIONS.assignAccept);
    await t.fake.waitFor(() => leadThread().replies.some((m) => /accepted/.test(textOf(m))));
    expect((await t.ballast.store.assignments.get(a.id))!.state).toBe('accepted');
    expect(buttonsOf(offerMessage(ADA).blocks).map((b) => b.text)).toEqual(['Done', 'Decline']);

    // Done opens the modal with the estimate prefilled.
    const hooks: Logged[] = [];
    t.ballast.deps.afterLog = [...(t.ballast.deps.afterLog ?? []), async (_d, _p, logged) => void hooks.push(logged)];
    await click(t, ADA, offerMessage(ADA), ACTIONS.assignDone);
    const opened = await t.fake.waitForCall('views.open');
    const modal = opened.args.view as { callback_id: string; private_metadata: string; blocks: unknown[] };
    expect(modal.callback_id).toBe(VIEWS.assignDone);
    expect(JSON.stringify(modal.blocks)).toContain('"initial_value":"20m"');

    const submit = () => t.slack.viewSubmission({
      userId: ADA, callbackId: VIEWS.assignDone, privateMetadata: modal.private_metadata, viewId: 'V0DONE',
      values: { [F.minutesBlock]: { [F.minutesAction]: '25m' } },
    });
    expect((await submit()).status).toBe(200);
    expect((await submit()).status).toBe(200); // Slack delivering the submission twice

    const entries = await t.ballast.store.entries.allOf(ADA);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ minutes: 25, kind: 'respond', link: LINK, source: 'assignment', assignmentId: a.id });
    expect(await t.ballast.store.assignments.get(a.id)).toMatchObject({ state: 'done', doneMinutes: 25, entryId: entries[0].id });
    // The entry went through logEngagement like any other, so warnings see it: once.
    expect(hooks).toHaveLength(1);
    expect(hooks[0].week.total).toBe(25);

    // The DM shows it done, the lead hears it without the minutes, the week counts them.
    expect(textOf(offerMessage(ADA))).toMatch(/Done\. 25m logged/);
    expect(buttonsOf(offerMessage(ADA).blocks)).toEqual([]);
    const thread = leadThread();
    expect(t.fake.messagesTo(LEAD).filter((m) => !m.threadTs)).toHaveLength(1);
    expect(thread.replies.map((m) => textOf(m))).toEqual([expect.stringMatching(/accepted/), expect.stringMatching(/finished it/)]);
    expect(t.fake.messagesTo(LEAD).map((m) => textOf(m)).join('\n')).not.toMatch(/25m/);
    expect(textOf(thread.parent)).toContain('done');
    const week = await t.slack.command(ADA, 'week');
    expect(replyText(week)).toContain('25m');
    await t.fake.waitFor((f) => f.homeOf(ADA));
  });

  it('warns the advocate once when the minutes of a finished assignment take their week to a new level', async () => {
    await addPerson(t, ADA, { logged: 180 });
    await offer(`assign <@${ADA}> <${LINK}> est 15m`);
    const [a] = await all();
    const submit = () => t.slack.viewSubmission({
      userId: ADA, callbackId: VIEWS.assignDone, privateMetadata: String(a.id), values: { [F.minutesBlock]: { [F.minutesAction]: '15' } },
    });
    await submit();
    await submit();
    // 195 of 240 minutes: the real warnings hook (registered in main.ts) sends the "near" warning, once.
    const warnings = t.fake.messagesTo(ADA).filter((m) => /Heads up/.test(m.text ?? ''));
    expect(warnings).toHaveLength(1);
    expect(warnings[0].text).toContain('nearing this week’s budget (3h 15m of 4h, 81%)');
    await t.fake.waitFor((f) => f.homeOf(ADA));
  });

  it('asks why on decline, tells the lead the reason, and offers the next best advocate to the lead', async () => {
    await addPerson(t, ADA);
    await addPerson(t, BEN, { logged: 30 });
    await addPerson(t, CAT, { logged: 200 });
    await offer();
    const [a] = await all();

    await click(t, ADA, offerMessage(ADA), ACTIONS.assignDecline);
    await t.fake.waitFor(() => buttonsOf(offerMessage(ADA).blocks).some((b) => b.text === 'Not my area'));
    expect(buttonsOf(offerMessage(ADA).blocks).map((b) => b.text)).toEqual(['No capacity', 'Not my area', 'Other', 'Back']);
    expect((await t.ballast.store.assignments.get(a.id))!.state).toBe('offered'); // nothing changes until a reason

    await click(t, ADA, offerMessage(ADA), ACTIONS.assignDeclineNotMyArea);
    const reply = await t.fake.waitFor(() => leadThread().replies.find((m) => /declined/.test(textOf(m))));
    expect(await t.ballast.store.assignments.get(a.id)).toMatchObject({ state: 'declined', declineReason: 'not_my_area' });
    expect(textOf(reply)).toContain('not my area');
    expect(textOf(reply)).toContain(`<@${BEN}>`); // Ben has more room than Cat
    expect(textOf(reply)).not.toMatch(/\d+m\b/); // bands, never minutes
    expect(textOf(offerMessage(ADA))).toMatch(/Declined \(not my area\)/);

    const reassign = await click(t, LEAD, reply, ACTIONS.assignReassign);
    const [answer] = await t.fake.waitFor(() => (reassign.responses().length ? reassign.responses() : null));
    expect(textOf(answer.body as never)).toContain(`Offered to <@${BEN}>`);
    const second = (await all()).find((x) => x.assigneeId === BEN)!;
    expect(second).toMatchObject({ link: LINK, estimateMinutes: 20, brief: 'answer the pricing question', state: 'offered', dueAt: a.dueAt });
    expect(textOf(offerMessage(BEN))).toContain(LINK);
  });

  it('goes back to the usual buttons when the assignee changes their mind about declining', async () => {
    await addPerson(t, ADA);
    await offer();
    await click(t, ADA, offerMessage(ADA), ACTIONS.assignDecline);
    await t.fake.waitFor(() => buttonsOf(offerMessage(ADA).blocks).some((b) => b.text === 'Back'));
    await click(t, ADA, offerMessage(ADA), ACTIONS.assignDeclineBack);
    await t.fake.waitFor(() => buttonsOf(offerMessage(ADA).blocks).some((b) => b.text === 'Accept'));
    expect((await all())[0].state).toBe('offered');
  });
});

describe('only the assignee can act, and only once', () => {
  it('refuses someone else clicking, ephemerally, and changes nothing', async () => {
    await addPerson(t, ADA);
    await addPerson(t, BEN);
    await offer();
    for (const action of [ACTIONS.assignAccept, ACTIONS.assignDecline, ACTIONS.assignDone]) {
      const c = await click(t, BEN, offerMessage(ADA), action);
      const [res] = await t.fake.waitFor(() => (c.responses().length ? c.responses() : null));
      expect(res.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      // The refusal names no one: a forged click must not tell who was given which conversation.
      expect((res.body as { text: string }).text).toBe('Only the person this conversation was offered to can accept, decline or finish it.');
    }
    // An id that does not exist reads the same, so refusals are no way to probe for assignments.
    const probe = await t.slack.blockAction({ userId: BEN, actionId: ACTIONS.assignAccept, value: '9999', responseUrl: t.fake.responseUrl('probe') });
    expect(probe.status).toBe(200);
    const [probed] = await t.fake.waitFor(() => (t.fake.responsesTo('probe').length ? t.fake.responsesTo('probe') : null));
    expect((probed.body as { text: string }).text).toBe('Only the person this conversation was offered to can accept, decline or finish it.');
    // A Done submission for someone else's assignment (a forged private_metadata) is refused too.
    const forged = await t.slack.viewSubmission({
      userId: BEN, callbackId: VIEWS.assignDone, privateMetadata: String((await all())[0].id), values: { [F.minutesBlock]: { [F.minutesAction]: '10m' } },
    });
    expect(forged.body).toMatchObject({ response_action: 'errors', errors: { [F.minutesBlock]: expect.stringContaining('Only the person this conversation was offered to') } });
    expect(await t.ballast.store.entries.allOf(BEN)).toEqual([]);
    expect((await all())[0].state).toBe('offered');
    expect(t.fake.callsTo('views.open')).toHaveLength(0);
    expect(leadThread().replies).toHaveLength(0);
  });

  it('lets only the lead who assigned it offer a declined conversation to someone else', async () => {
    await addPerson(t, ADA);
    await addPerson(t, BEN);
    await addPerson(t, CAT, { role: 'lead' });
    await offer();
    await click(t, ADA, offerMessage(ADA), ACTIONS.assignDecline);
    await t.fake.waitFor(() => buttonsOf(offerMessage(ADA).blocks).some((b) => b.text === 'No capacity'));
    await click(t, ADA, offerMessage(ADA), ACTIONS.assignDeclineNoCapacity);
    const reply = await t.fake.waitFor(() => leadThread().replies.find((m) => /declined/.test(textOf(m))));
    const c = await click(t, CAT, reply, ACTIONS.assignReassign);
    const [res] = await t.fake.waitFor(() => (c.responses().length ? c.responses() : null));
    expect((res.body as { text: string }).text).toBe('Only the lead who assigned this conversation can hand it to someone else.');
    expect(textOf(res.body as never)).not.toContain(LEAD);
    expect(await t.ballast.store.assignments.ofAssignee(BEN)).toEqual([]);
  });

  it('accepts once however many times the button is clicked at once', async () => {
    await addPerson(t, ADA);
    await offer();
    const dm = offerMessage(ADA);
    await Promise.all([click(t, ADA, dm, ACTIONS.assignAccept), click(t, ADA, dm, ACTIONS.assignAccept), click(t, ADA, dm, ACTIONS.assignAccept)]);
    // Every click redraws the message; only one changes the state and tells the lead.
    await t.fake.waitFor((f) => f.callsTo('chat.update').filter((c) => c.args.channel === dm.channel && c.status).length >= 3);
    await leadParentUpdates(1);
    expect((await all())[0].state).toBe('accepted');
    expect(leadThread().replies.filter((m) => /accepted/.test(textOf(m)))).toHaveLength(1);
  });

  it('declines once when two reasons race, and tells the lead once', async () => {
    await addPerson(t, ADA);
    await offer();
    await click(t, ADA, offerMessage(ADA), ACTIONS.assignDecline);
    await t.fake.waitFor(() => buttonsOf(offerMessage(ADA).blocks).some((b) => b.text === 'Other'));
    const dm = offerMessage(ADA);
    await Promise.all([click(t, ADA, dm, ACTIONS.assignDeclineOther), click(t, ADA, dm, ACTIONS.assignDeclineNoCapacity)]);
    await t.fake.waitFor(() => leadThread().replies.some((m) => /declined/.test(textOf(m))));
    await t.fake.waitFor((f) => f.callsTo('chat.update').filter((c) => c.args.channel === dm.channel && c.status).length >= 3);
    await leadParentUpdates(1);
    expect(leadThread().replies.filter((m) => /declined/.test(textOf(m)))).toHaveLength(1);
    expect((await all())[0].state).toBe('declined');
  });

  it('refuses Done after a decline', async () => {
    await addPerson(t, ADA);
    await offer();
    const dm = offerMessage(ADA);
    const [a] = await all();
    await t.ballast.store.assignments.transition(a.id, 'offered', 'declined', t.clock.now(), { declineReason: 'other' });
    const c = await click(t, ADA, dm, ACTIONS.assignDone);
    const [res] = await t.fake.waitFor(() => (c.responses().length ? c.responses() : null));
    expect(textOf(res.body as { text: string })).toContain('You declined this one');
    const sub = await t.slack.viewSubmission({
      userId: ADA, callbackId: VIEWS.assignDone, privateMetadata: String(a.id), values: { [F.minutesBlock]: { [F.minutesAction]: '10m' } },
    });
    expect(sub.body).toMatchObject({ response_action: 'errors' });
    expect(await t.ballast.store.entries.allOf(ADA)).toEqual([]);
  });

  it('refuses a bad duration in the Done modal inline and logs nothing', async () => {
    await addPerson(t, ADA);
    await offer();
    const [a] = await all();
    for (const bad of ['soon', '0', '13h']) {
      const sub = await t.slack.viewSubmission({
        userId: ADA, callbackId: VIEWS.assignDone, privateMetadata: String(a.id), values: { [F.minutesBlock]: { [F.minutesAction]: bad } },
      });
      expect(sub.body).toMatchObject({ response_action: 'errors', errors: { [F.minutesBlock]: expect.any(String) } });
    }
    expect(await t.ballast.store.entries.allOf(ADA)).toEqual([]);
    expect((await all())[0].state).toBe('offered');
  });
});

describe('suggestions', () => {
  async function crowd(): Promise<void> {
    await addPerson(t, ADA, { logged: 150 }); // 90m left of 240: some
    await addPerson(t, BEN); // 240: plenty
    await addPerson(t, CAT); // 240 too, but already handed an assignment this week
    await addPerson(t, DAN, { logged: 300 }); // over budget: none
    await addPerson(t, 'U204EVE', { paused: true }); // paused indefinitely
    await addPerson(t, 'U205FAY', { paused: true, pausedUntil: '2026-11-30' }); // paused until a later date
    await addPerson(t, 'U206GUS', { inactive: true });
    await addPerson(t, 'U207HAL', { statusEmoji: ':palm_tree:' }); // away by status
    await addPerson(t, 'U208IDA', { paused: true, pausedUntil: '2026-11-25' }); // pause ended yesterday: 240, plenty
    await addPerson(t, 'U209JO', { role: 'lead' });
    const cat = await t.ballast.store.assignments.create(
      { leadId: 'U209JO', assigneeId: CAT, link: 'https://x.com/other', brief: null, estimateMinutes: 10, dueAt: t.clock.now() + 3_600_000 }, t.clock.now());
    await t.ballast.store.assignments.transition(cat.assignment.id, 'offered', 'declined', t.clock.now());
  }

  it('ranks by room, breaks ties by fewer assignments then id, and never suggests the paused, away, inactive or the lead', async () => {
    await crowd();
    const { suggestAdvocates } = await import('../../src/services/assignments');
    const lead = (await t.ballast.store.people.get(LEAD))!;
    const ranked = await suggestAdvocates(t.ballast.deps, lead, { limit: 20 });
    expect(ranked.map((s) => [s.person.id, s.band])).toEqual([
      [BEN, 'plenty'], ['U208IDA', 'plenty'], ['U209JO', 'plenty'], [CAT, 'plenty'], [ADA, 'some'], [DAN, 'none'],
    ]);
  });

  it('answers /ballast assign without a person with the three with most room, as bands with an Offer button each', async () => {
    await crowd();
    const r = await offer(`assign <${LINK}> est 20m`);
    const body = r.body as { blocks: unknown[] };
    const text = textOf(body as never);
    expect(buttonsOf(body.blocks).map((b) => b.text)).toEqual(['Offer', 'Offer', 'Offer']);
    expect(text).toMatch(new RegExp(`1\\. <@${BEN}>: .*plenty of room`));
    expect(text).toMatch(/2\. <@U208IDA>/);
    expect(text).toMatch(/3\. <@U209JO>/);
    for (const hidden of ['U204EVE', 'U205FAY', 'U206GUS', 'U207HAL', LEAD]) expect(text).not.toContain(hidden);
    expect(text).not.toMatch(/240|4h|90m|1h 30m/); // bands, never the minutes behind them
    expect(await all()).toEqual([]);

    // Clicking Offer (twice, as people do) offers once and replaces the suggestions.
    const message = { blocks: body.blocks };
    const first = await click(t, LEAD, message, ACTIONS.assignOffer, { ephemeral: true });
    const [res] = await t.fake.waitFor(() => (first.responses().length ? first.responses() : null));
    expect(res.body).toMatchObject({ replace_original: true });
    expect(textOf(res.body as never)).toContain(`Offered to <@${BEN}>`);
    const second = await click(t, LEAD, message, ACTIONS.assignOffer, { ephemeral: true });
    const [again] = await t.fake.waitFor(() => (second.responses().length ? second.responses() : null));
    expect(textOf(again.body as never)).toContain('already has this conversation');
    expect((await all()).filter((a) => a.assigneeId === BEN)).toHaveLength(1);
    expect(t.fake.messagesTo(BEN).filter((m) => /asked you to take/.test(textOf(m)))).toHaveLength(1);
  });

  it('shows someone over budget with no room, and says so when nobody is available at all', async () => {
    await addPerson(t, DAN, { logged: 300 });
    let r = await offer(`assign <${LINK}>`);
    expect(textOf(r.body as never)).toMatch(new RegExp(`<@${DAN}>: .*no room`));
    await t.ballast.store.people.setPause(DAN, true, null);
    r = await offer(`assign <${LINK}>`);
    expect(textOf(r.body as never)).toContain('Nobody is available right now');
    expect(buttonsOf((r.body as { blocks: unknown[] }).blocks)).toEqual([]);
  });
});

describe('over budget', () => {
  it('warns the lead before offering, warns the advocate in the offer, and again before accepting', async () => {
    await addPerson(t, ADA, { logged: 230 });
    const r = await offer(`assign <@${ADA}> <${LINK}> est 20m`);
    expect(textOf(r.body as never)).toContain(`would take <@${ADA}> past their weekly budget`);
    expect(await all()).toEqual([]); // nothing offered yet
    expect(t.fake.messagesTo(ADA)).toEqual([]);

    const anyway = await click(t, LEAD, r.body as { blocks: unknown[] }, ACTIONS.assignOfferAnyway, { ephemeral: true });
    await t.fake.waitFor(() => anyway.responses().length > 0);
    expect((await all())[0].state).toBe('offered');
    expect(textOf(offerMessage(ADA))).toContain('past your weekly advocacy budget');
    await t.fake.waitFor(() => leadThread().replies.some((m) => /past their weekly budget/.test(textOf(m))));
    expect(t.fake.messagesTo(LEAD).filter((m) => !m.threadTs)).toHaveLength(1); // one thread per assignment

    const accept = await click(t, ADA, offerMessage(ADA), ACTIONS.assignAccept);
    const [warning] = await t.fake.waitFor(() => (accept.responses().length ? accept.responses() : null));
    expect(textOf(warning.body as never)).toContain('Accepting this would take you past your weekly advocacy budget');
    expect((await all())[0].state).toBe('offered');
    await t.fake.waitFor(() => leadThread().replies.some((m) => /was warned that accepting/.test(textOf(m))));

    const confirmed = await click(t, ADA, warning.body as { blocks: unknown[] }, ACTIONS.assignAcceptAnyway, { ephemeral: true });
    await t.fake.waitFor(() => leadThread().replies.some((m) => /accepted\. It takes them past/.test(textOf(m))));
    const [gone] = await t.fake.waitFor(() => (confirmed.responses().length ? confirmed.responses() : null));
    expect(gone.body).toMatchObject({ delete_original: true });
    expect((await all())[0].state).toBe('accepted');
  });
});

describe('the message shortcut', () => {
  it('opens a modal with the permalink, an excerpt, a user picker and the suggestions, and offers on submit', async () => {
    await addPerson(t, ADA);
    await addPerson(t, BEN, { logged: 150 });
    const res = await t.slack.messageShortcut({
      userId: LEAD, callbackId: SHORTCUTS.assignMessage, channelId: 'C0LISTEN', messageTs: '1764150000.000200',
      text: 'New mention: @acme is the pricing page right? Asking for a friend.',
    });
    expect(res.status).toBe(200);
    const call = await t.fake.waitForCall('views.open');
    const view = call.args.view as { callback_id: string; blocks: Record<string, unknown>[] };
    expect(view.callback_id).toBe(VIEWS.assignModal);
    const permalink = 'https://ballast-test.slack.com/archives/C0LISTEN/p1764150000000200';
    expect(t.fake.callsTo('chat.getPermalink')[0].args).toMatchObject({ channel: 'C0LISTEN', message_ts: '1764150000.000200' });
    const json = JSON.stringify(view.blocks);
    expect(json).toContain(`"initial_value":"${permalink}"`);
    expect(json).toContain('is the pricing page right?');
    expect(json).toContain('users_select');
    expect(json).toContain(`"initial_user":"${ADA}"`);
    expect(textOf({ blocks: view.blocks })).toMatch(new RegExp(`1\\. <@${ADA}>: .*plenty[\\s\\S]*2\\. <@${BEN}>: .*some`));

    const submit = (values: Record<string, string>, user = BEN) => t.slack.viewSubmission({
      userId: LEAD, callbackId: VIEWS.assignModal, viewId: 'V0ASSIGN',
      values: {
        [F.userBlock]: { [F.userAction]: { type: 'users_select', selected_user: user } },
        [F.linkBlock]: { [F.linkAction]: { type: 'url_text_input', value: values.link ?? permalink } },
        [F.estimateBlock]: { [F.estimateAction]: values.estimate ?? '30m' },
        [F.dueBlock]: { [F.dueAction]: values.due ?? 'tomorrow' },
        [F.briefBlock]: { [F.briefAction]: values.brief ?? 'point them to the pricing FAQ' },
        [F.anywayBlock]: { [F.anywayAction]: { type: 'checkboxes', selected_options: [] } },
      },
    });
    // Bad fields come back inline, naming what is wrong, and nothing is stored.
    expect((await submit({ due: 'someday' })).body).toMatchObject({ response_action: 'errors', errors: { [F.dueBlock]: expect.stringContaining("isn't a due time") } });
    expect((await submit({ estimate: 'lots' })).body).toMatchObject({ response_action: 'errors', errors: { [F.estimateBlock]: expect.any(String) } });
    expect((await submit({ link: 'ftp://files.example.com/x' })).body).toMatchObject({ response_action: 'errors', errors: { [F.linkBlock]: expect.stringContaining('http') } });
    expect((await submit({ estimate: '2h' }, BEN)).body).toMatchObject({ response_action: 'errors', errors: { [F.anywayBlock]: expect.stringContaining('past their weekly budget') } });
    expect(await all()).toEqual([]);

    const ok = await submit({});
    expect(ok.status).toBe(200);
    expect(ok.text).toBe('');
    const [a] = await all();
    expect(a).toMatchObject({ assigneeId: BEN, link: permalink, estimateMinutes: 30, brief: 'point them to the pricing FAQ', state: 'offered' });
    expect(new Date(a.dueAt).toISOString()).toBe('2026-11-27T16:00:00.000Z'); // tomorrow 17:00 in Berlin
    expect(textOf(offerMessage(BEN))).toContain(permalink);
  });

  it('refuses a non-lead ephemerally and opens nothing', async () => {
    await addPerson(t, ADA);
    const url = t.fake.responseUrl();
    await t.slack.messageShortcut({ userId: ADA, callbackId: SHORTCUTS.assignMessage, channelId: 'C0LISTEN', messageTs: '1764150000.000300', text: 'hi', responseUrl: url });
    const [res] = await t.fake.waitFor(() => (t.fake.responsesTo(url).length ? t.fake.responsesTo(url) : null));
    expect(textOf(res.body as never)).toContain('Only social leads and admins');
    expect(t.fake.callsTo('views.open')).toHaveLength(0);
  });
});

describe('refusals', () => {
  it('refuses non-leads and stores nothing', async () => {
    await addPerson(t, ADA);
    await addPerson(t, BEN);
    const r = await t.slack.command(ADA, `assign <@${BEN}> <${LINK}>`);
    expect(replyText(r)).toContain('Only social leads and admins can assign');
    const s = await t.slack.command(ADA, `assign <${LINK}>`);
    expect(replyText(s)).toContain('Only social leads and admins can assign');
    expect(await t.ballast.store.assignments.ofAssignee(BEN)).toEqual([]);
    expect(t.fake.messagesTo(BEN)).toEqual([]);
  });

  it('lets admins from BALLAST_ADMINS assign', async () => {
    await t.close();
    t = await start({ BALLAST_ADMINS: 'U300ADM' });
    await addPerson(t, 'U300ADM');
    await addPerson(t, ADA);
    const r = await t.slack.command('U300ADM', `assign <@${ADA}> <${LINK}>`);
    expect(replyText(r)).toContain(`Offered to <@${ADA}>`);
    const [a] = await t.ballast.store.assignments.ofAssignee(ADA);
    expect(a).toMatchObject({ estimateMinutes: 15, dueAt: t.clock.now() + 24 * 60 * 60_000 }); // the defaults
  });

  it.each<[string, string, RegExp]>([
    ['a link that is not http', `assign <@${ADA}> <ftp://files.example.com/x>`, /Only http and https/],
    ['no link at all', `assign <@${ADA}> please reply`, /paste a link|link to it/],
    ['an over-long link', `assign <@${ADA}> https://x.com/${'a'.repeat(1100)}`, /at most 1000/],
    ['a zero estimate', `assign <@${ADA}> <${LINK}> est 0m`, /estimate/i],
    ['an estimate over 12 hours', `assign <@${ADA}> <${LINK}> est 13h`, /estimate|12 hours/i],
    ['an estimate that is not a duration', `assign <@${ADA}> <${LINK}> est soon`, /duration|estimate/i],
    ['a due time in the past', `assign <@${ADA}> <${LINK}> due 2026-11-20`, /in the past/],
    ['a due time that is not one', `assign <@${ADA}> <${LINK}> due whenever`, /isn't a due time/],
    ['a due time too far away', `assign <@${ADA}> <${LINK}> due 2027-03-01`, /within 30 days/],
    ['a bare @name', `assign @ada <${LINK}>`, /autocomplete/],
    ['assigning to oneself', `assign <@${LEAD}> <${LINK}>`, /That's you/],
  ])('refuses %s with a clear reply and an example, storing nothing', async (_name, text, message) => {
    await addPerson(t, ADA);
    const r = await offer(text);
    expect(replyText(r)).toMatch(message);
    expect(replyText(r)).toContain('For example');
    expect(await all()).toEqual([]);
    expect(t.fake.messagesTo(ADA)).toEqual([]);
  });

  it('hands the offer straight back, with the next best, when Slack will not deliver it', async () => {
    await addPerson(t, ADA);
    await addPerson(t, BEN);
    t.fake.fail('conversations.open', 'user_disabled', { times: 1 });
    const r = await offer();
    // The reply goes in the ack, before the DM is tried; the lead's thread says what became of it.
    expect(replyText(r)).toContain(`Offered to <@${ADA}>`);
    const [a] = await all();
    expect(a).toMatchObject({ state: 'declined', declineReason: 'unreachable' });
    expect((await t.ballast.store.people.get(ADA))!.active).toBe(false);
    const back = leadThread().replies.find((m) => /would not deliver/.test(textOf(m)))!;
    expect(buttonIn(back, ACTIONS.assignReassign).value).toBe(`${a.id}|${BEN}`);
  });

  it('suggests nobody and offers nothing on an org holiday', async () => {
    await addPerson(t, ADA);
    await t.ballast.store.settings.addHoliday('2026-11-26', null);
    expect(replyText(await offer(`assign <${LINK}>`))).toContain('Nobody is available right now');
    expect(replyText(await offer())).toContain('paused or away');
    expect(await all()).toEqual([]);
  });

  it('refuses to offer to someone paused', async () => {
    await addPerson(t, ADA, { paused: true, pausedUntil: '2026-12-01' });
    const r = await offer();
    expect(replyText(r)).toContain('paused or away until 2026-12-01');
    expect(await all()).toEqual([]);
  });
});

describe('lists, the week and App Home', () => {
  it('lists yours as assignee and, for leads, the ones you assigned; leads see states, never minutes', async () => {
    await addPerson(t, ADA);
    await addPerson(t, BEN);
    await offer();
    await offer(`assign <@${BEN}> <https://x.com/acme/status/2>`);
    const [a] = await all();
    await t.slack.viewSubmission({ userId: ADA, callbackId: VIEWS.assignDone, privateMetadata: String(a.id), values: { [F.minutesBlock]: { [F.minutesAction]: '47m' } } });
    await t.fake.waitFor((f) => f.homeOf(ADA));

    const lead = replyText(await t.slack.command(LEAD, 'assignments'));
    expect(lead).toMatch(/You assigned, open[\s\S]*<@U201BEN>: .*offered/);
    expect(lead).toMatch(/You assigned, recently closed[\s\S]*<@U200ADA>: .*done/);
    expect(lead).not.toContain('47m');

    const ben = replyText(await t.slack.command(BEN, 'assignments'));
    expect(ben).toMatch(/For you, open[\s\S]*status\/2.*offered/);
    expect(ben).not.toContain('You assigned');

    const week = replyText(await t.slack.command(BEN, 'week'));
    expect(week).toMatch(/Open assignments[\s\S]*status\/2/);

    await t.slack.event({ type: 'app_home_opened', user: LEAD, tab: 'home', channel: 'D0HOME' });
    const home = await t.fake.waitFor((f) => f.homeOf(LEAD));
    const text = textOf({ blocks: home.view.blocks as unknown[] });
    expect(text).toContain('Assignment board');
    expect(text).toMatch(/Offered, waiting for an answer[\s\S]*<@U201BEN>/);
    expect(text).not.toContain('47m');

    await t.slack.event({ type: 'app_home_opened', user: BEN, tab: 'home', channel: 'D0HOME2' });
    const benHome = await t.fake.waitFor((f) => f.homeOf(BEN));
    const benText = textOf({ blocks: benHome.view.blocks as unknown[] });
    expect(benText).toMatch(/Your open assignments[\s\S]*status\/2[\s\S]*Accept/);
    expect(benText).not.toContain('Assignment board');
  });
});

describe('pausing', () => {
  it('hands offered (not accepted) assignments back to the lead with the next best advocate when the assignee runs /ballast pause', async () => {
    await addPerson(t, ADA);
    await addPerson(t, BEN);
    await offer();
    await offer(`assign <@${ADA}> <https://x.com/acme/status/2>`);
    const [first, second] = await all();
    await click(t, ADA, offerMessage(ADA, 1), ACTIONS.assignAccept);
    await t.fake.waitFor(() => t.fake.messagesTo(LEAD).some((m) => m.threadTs && /accepted/.test(textOf(m))));
    await leadParentUpdates(1);

    const paused = await t.slack.command(ADA, 'pause until 2026-12-04');
    expect(replyText(paused)).toContain('Paused through');
    expect((await t.slack.command(ADA, 'pause')).status).toBe(200); // a second pause changes nothing more
    expect(await t.ballast.store.assignments.get(first.id)).toMatchObject({ state: 'declined', declineReason: 'paused' });
    expect((await t.ballast.store.assignments.get(second.id))!.state).toBe('accepted');
    const back = t.fake.messagesTo(LEAD).filter((m) => /paused Ballast/.test(textOf(m)));
    expect(back).toHaveLength(1);
    expect(buttonIn(back[0], ACTIONS.assignReassign).value).toBe(`${first.id}|${BEN}`);
  });
});

describe('suggestions see the whole picture (issue 14, point 10)', () => {
  const MGR = 'U300MGR';
  const pulseOf = (id: string) => t.fake.messagesTo(id).find((m) => (m.text ?? '').startsWith('Weekly pulse'));
  /** The lead's replies in the thread of this offer (the lead had a pulse DM too, so find the thread by its text). */
  const declines = (): FakeMessage[] => {
    const msgs = t.fake.messagesTo(LEAD);
    const parents = new Set(msgs.filter((m) => !m.threadTs && /You offered a conversation/.test(textOf(m))).map((m) => m.ts));
    return msgs.filter((m) => m.threadTs && parents.has(m.threadTs) && /declined/.test(textOf(m)));
  };

  it("on Monday at 00:00 puts a report who ended last week at 261%, alerted and 'squeezed', after everyone with room, as 'needs a lighter week', also as next best", async () => {
    const { runPulse } = await import('../../src/jobs/pulse');
    const { reminders } = await import('../../src/jobs/reminders');
    await addPerson(t, MGR);
    await addPerson(t, ADA);
    await addPerson(t, BEN);
    await addPerson(t, CAT);
    await t.ballast.store.people.setManager(ADA, MGR);

    // Last week (Thursday 26 Nov): Ada logs 10h 26m of her 4h, 261%, and sets off the crowding alert.
    expect((await t.slack.command(ADA, 'log 4h reply')).status).toBe(200);
    expect((await t.slack.command(ADA, 'log 6h26m post')).status).toBe(200);
    expect((await t.slack.command(BEN, 'log 2h reply')).status).toBe(200); // Ben: half his budget, fine
    const lastWeek = textOf((await t.slack.command(ADA, 'week')).body as never);
    expect(lastWeek).toContain('10h 26m');
    expect(lastWeek).toContain('261%');
    await t.fake.waitFor(() => t.fake.messagesTo(MGR).find((m) => /crowding out their core work/.test(m.text ?? '')));
    await t.fake.waitFor(() => t.fake.messagesTo(ADA).find((m) => /crowding/.test(m.text ?? '') && /Heads up/.test(m.text ?? '')));

    // Friday's pulse: Ada answers "squeezed it a bit".
    t.clock.set('2026-11-27T15:30:00Z');
    await runPulse(t.ballast.deps, t.clock.now(), { dryRun: false });
    const pulse = await t.fake.waitFor(() => pulseOf(ADA));
    await click(t, ADA, pulse, ACTIONS.pulseBit);
    await t.fake.waitFor(async () => (await t.ballast.store.strain.ofPerson(ADA)).length === 1);
    expect(await t.ballast.store.strain.ofPerson(ADA)).toMatchObject([{ weekKey: '2026-W48', answer: 'bit' }]);

    // Monday 30 Nov, 00:00 in Berlin: everyone's week is empty, so capacity alone would put Ada first.
    // (Her manager is off this week, so the three advocates are Ada, Ben and Cat.)
    await t.ballast.store.people.setPause(MGR, true, null);
    t.clock.set('2026-11-29T23:00:00Z');
    const r = await offer(`assign <${LINK}> est 20m`);
    const text = textOf(r.body as never);
    const lines = text.split('\n').filter((l) => /^\d\. /.test(l));
    expect(lines).toEqual([
      `1. <@${BEN}>: :large_green_circle: plenty of room`,
      `2. <@${CAT}>: :large_green_circle: plenty of room`,
      `3. <@${ADA}>: :large_orange_circle: needs a lighter week`,
    ]);
    expect(text).not.toMatch(new RegExp(`<@${ADA}>: [^\\n]*plenty`));
    // Leads see no reason and no minutes.
    expect(text).not.toMatch(/261|10h 26m|squeezed|crowding|over budget/);

    // The lead offers the first suggestion; it waits for Ben's working hours, and shows him his own room.
    await click(t, LEAD, { blocks: (r.body as { blocks: unknown[] }).blocks }, ACTIONS.assignOffer, { ephemeral: true });
    await t.fake.waitFor(async () => (await all()).length === 1);
    t.clock.set('2026-11-30T07:00:00Z'); // 08:00 in Berlin
    await reminders(t.ballast.deps, t.clock.now(), { dryRun: false });
    const benOffer = await t.fake.waitFor(() => t.fake.messagesTo(BEN).find((m) => !m.threadTs && /asked you to take/.test(textOf(m))));
    expect(textOf(benOffer)).toContain('Your room this week: 3h 40m of your 4h budget left, with this one counted.');

    // Ben declines for lack of capacity: the next best is Cat, not Ada.
    await click(t, BEN, benOffer, ACTIONS.assignDecline);
    await click(t, BEN, offerMessage(BEN), ACTIONS.assignDeclineNoCapacity);
    const first = await t.fake.waitFor(() => declines()[0]);
    expect(textOf(first)).toContain(`Next best: <@${CAT}> (:large_green_circle: plenty of room)`);
    expect(textOf(first)).not.toContain(`<@${ADA}>`);

    // Cat declines too: Ada is next best now, and still not "plenty of room".
    const reassign = await click(t, LEAD, first, ACTIONS.assignReassign);
    const [answer] = await t.fake.waitFor(() => (reassign.responses().length ? reassign.responses() : null));
    expect(textOf(answer.body as never)).toContain(`Offered to <@${CAT}>`);
    const catOffer = await t.fake.waitFor(() => t.fake.messagesTo(CAT).find((m) => !m.threadTs && /asked you to take/.test(textOf(m))));
    await click(t, CAT, catOffer, ACTIONS.assignDecline);
    await click(t, CAT, offerMessage(CAT), ACTIONS.assignDeclineNotMyArea);
    await t.fake.waitFor(() => declines().length === 2);
    const second = declines().find((m) => textOf(m).includes(`<@${CAT}> declined`))!;
    expect(textOf(second)).toContain(`Next best: <@${ADA}> (:large_orange_circle: needs a lighter week)`);
    expect(textOf(second)).not.toMatch(/plenty/);
  });

  it("does not hold back someone whose only signal is 'squeezed it a bit' after an ordinary week", async () => {
    const { runPulse } = await import('../../src/jobs/pulse');
    await addPerson(t, ADA);
    await addPerson(t, BEN);
    expect((await t.slack.command(ADA, 'log 1h reply')).status).toBe(200);
    expect((await t.slack.command(BEN, 'log 3h reply')).status).toBe(200);
    t.clock.set('2026-11-27T15:30:00Z');
    await runPulse(t.ballast.deps, t.clock.now(), { dryRun: false });
    await click(t, ADA, await t.fake.waitFor(() => pulseOf(ADA)), ACTIONS.pulseBit);
    await t.fake.waitFor(async () => (await t.ballast.store.strain.ofPerson(ADA)).length === 1);
    t.clock.set('2026-11-29T23:00:00Z');
    const text = textOf((await offer(`assign <${LINK}>`)).body as never);
    expect(text).toContain(`1. <@${ADA}>: :large_green_circle: plenty of room`);
    expect(text).toContain(`2. <@${BEN}>: :large_green_circle: plenty of room`);
  });

  it("holds back someone who said 'pushed it back' in the pulse before last, even after a light week", async () => {
    await addPerson(t, ADA);
    await addPerson(t, BEN);
    await t.ballast.store.strain.record(ADA, '2026-W47', 'back', t.clock.now());
    t.clock.set('2026-11-29T23:00:00Z');
    const text = textOf((await offer(`assign <${LINK}>`)).body as never);
    expect(text).toContain(`1. <@${BEN}>: :large_green_circle: plenty of room`);
    expect(text).toContain(`2. <@${ADA}>: :large_orange_circle: needs a lighter week`);
  });
});
