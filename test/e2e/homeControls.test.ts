// App Home as the control centre (issue 14, points 3, 7, 8): settings controls, the manager's team
// rows and their actions, who may use them, and the 100-block limit, through the real receiver.
import { ACTIONS, SETTINGS_MODAL as S, VIEWS } from '../../src/slack/ids';
import { startTestApp, type TestApp } from '../support/app';
import { seedEntry, seedPerson } from '../support/org';

let t: TestApp;
const ADA = 'U100ADA';
const MGR = 'U200MGR';
const OTHER = 'U300OTH';
const BIG = 'U400BIG';

beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-26T10:00:00Z' });
  await seedPerson(t, { id: MGR });
  await seedPerson(t, { id: OTHER });
  await seedPerson(t, { id: ADA, managerId: MGR });
  await seedEntry(t, ADA, '2026-11-17', 400);
});
afterAll(() => t.close());
afterEach(() => expect(t.fake.rejections).toEqual([]));

const homeText = (id: string) => JSON.stringify(t.fake.homeOf(id)?.view ?? {});
const checkinValues = (time: string, days: string[], on = true) => ({
  [S.enabledBlock]: { [S.enabledAction]: { type: 'checkboxes', selected_options: on ? [{ value: 'on', text: { type: 'plain_text', text: 'on' } }] : [] } },
  [S.timeBlock]: { [S.timeAction]: { type: 'timepicker', selected_time: time } },
  [S.daysBlock]: { [S.daysAction]: { type: 'checkboxes', selected_options: days.map((d) => ({ value: d, text: { type: 'plain_text', text: d } })) } },
});

it('shows the week with its reason and the settings as controls', async () => {
  await t.slack.event({ type: 'app_home_opened', user: ADA, channel: 'D100ADA', tab: 'home' });
  await t.fake.waitFor((f) => f.homeOf(ADA));
  const text = homeText(ADA);
  expect(text).toContain('Comfortably inside this week’s budget.');
  for (const id of [ACTIONS.openCheckinSettings, ACTIONS.openPause, ACTIONS.homeNudges, ACTIONS.homeShareStrain]) expect(text).toContain(id);
  expect(text).toContain('16:30 your time (Europe/Berlin), Monday to Friday');
});

it('opens the check-in modal from a DM button too, and refuses a time quiet hours would move', async () => {
  await t.slack.blockAction({ userId: ADA, actionId: ACTIONS.openCheckinSettings, value: 'dm', triggerId: 'T1' });
  await t.fake.waitFor((f) => f.callsTo('views.open').find((c) => c.args.trigger_id === 'T1'));
  const r = await t.slack.viewSubmission({ userId: ADA, callbackId: VIEWS.checkinSettings, values: checkinValues('07:00', ['1']) });
  expect((r.body as { errors: Record<string, string> }).errors[S.timeBlock]).toContain('would arrive at 08:00 instead');
  expect((await t.ballast.store.people.get(ADA))!.checkinTime).toBeNull();
  const ok = await t.slack.viewSubmission({ userId: ADA, callbackId: VIEWS.checkinSettings, values: checkinValues('09:15', ['1', '3']) });
  expect(ok.body).toBe('');
  expect(await t.ballast.store.people.get(ADA)).toMatchObject({ checkinTime: '09:15', checkinDays: [1, 3] });
  await t.ballast.settled();
  expect(homeText(ADA)).toContain('09:15 your time (Europe/Berlin), Mon, Wed');
});

it('switches nudges off from App Home', async () => {
  await t.slack.blockAction({ userId: ADA, actionId: ACTIONS.homeNudges, value: 'off', view: { id: 'VH', type: 'home' } });
  await t.ballast.settled();
  expect((await t.ballast.store.people.get(ADA))!.nudgesEnabled).toBe(false);
  expect(homeText(ADA)).toContain('*Nudges:* off');
});

it('shows the manager a row per report with its reason and the menu', async () => {
  await t.slack.event({ type: 'app_home_opened', user: MGR, channel: 'D200MGR', tab: 'home' });
  await t.fake.waitFor((f) => f.homeOf(MGR));
  const text = homeText(MGR);
  expect(text).toContain(`<@${ADA}>* :rotating_light: crowding out their core work`);
  expect(text).toContain('half as much again as agreed');
  expect(text).toContain(`budget:${ADA}`);
  expect(text).toContain(`note:${ADA}`);
});

it('lets the manager set a report\'s budget; the report is told', async () => {
  const r = await t.slack.viewSubmission({ userId: MGR, callbackId: VIEWS.reportBudget, privateMetadata: ADA, values: { [S.budgetBlock]: { [S.budgetAction]: '5h' } } });
  expect(r.body).toBe('');
  await t.ballast.settled();
  expect((await t.ballast.store.people.get(ADA))!.budgetMinutes).toBe(300);
  expect(JSON.stringify(t.fake.messagesTo(ADA))).toContain(`<@${MGR}> set your weekly advocacy budget to *5h*`);
});

it('refuses a budget or a note from someone who is not the manager, and stores and sends nothing', async () => {
  const before = t.fake.messagesTo(ADA).length;
  const b = await t.slack.viewSubmission({ userId: OTHER, callbackId: VIEWS.reportBudget, privateMetadata: ADA, values: { [S.budgetBlock]: { [S.budgetAction]: '30m' } } });
  expect((b.body as { errors: Record<string, string> }).errors[S.budgetBlock]).toContain("Only that person's manager");
  const n = await t.slack.viewSubmission({ userId: OTHER, callbackId: VIEWS.reportNote, privateMetadata: ADA, values: { [S.noteBlock]: { [S.noteAction]: 'hi' } } });
  expect((n.body as { errors: Record<string, string> }).errors[S.noteBlock]).toContain('only write to your own direct reports');
  // A forged button value opens no budget modal, only the refusal.
  await t.slack.blockAction({ userId: OTHER, actionId: ACTIONS.reportBudget, value: ADA, triggerId: 'T2' });
  await t.ballast.settled();
  const opened = t.fake.callsTo('views.open').filter((c) => c.args.trigger_id === 'T2');
  expect(JSON.stringify(opened)).not.toContain(VIEWS.reportBudget);
  expect(JSON.stringify(opened)).toContain("Only that person's manager");
  await t.ballast.settled();
  expect((await t.ballast.store.people.get(ADA))!.budgetMinutes).toBe(300);
  expect(t.fake.messagesTo(ADA)).toHaveLength(before);
});

it('delivers a manager\'s note to the report, saying who wrote it', async () => {
  const r = await t.slack.viewSubmission({ userId: MGR, callbackId: VIEWS.reportNote, privateMetadata: ADA, values: { [S.noteBlock]: { [S.noteAction]: 'Take Friday <easy>.' } } });
  expect(r.body).toBe('');
  await t.ballast.settled();
  const last = JSON.stringify(t.fake.messagesTo(ADA).at(-1));
  expect(last).toContain(`A note from your manager <@${MGR}>`);
  expect(last).toContain('Take Friday &lt;easy&gt;.');
});

it('keeps a manager of 60 reports who leads 40 assignments under 100 blocks, paging the team', async () => {
  await seedPerson(t, { id: BIG, role: 'lead' });
  for (let i = 0; i < 60; i++) await seedPerson(t, { id: `U5${String(i).padStart(3, '0')}R`, managerId: BIG });
  for (let i = 0; i < 40; i++) {
    await t.ballast.store.assignments.create({
      leadId: BIG, assigneeId: `U5${String(i).padStart(3, '0')}R`, link: `https://x.com/a/status/${i}`, brief: null,
      estimateMinutes: 15, dueAt: t.clock.now() + 86_400_000,
    }, t.clock.now());
  }
  await t.slack.event({ type: 'app_home_opened', user: BIG, channel: 'D400BIG', tab: 'home' });
  await t.fake.waitFor((f) => f.homeOf(BIG));
  const view = t.fake.homeOf(BIG)!.view as { blocks: unknown[] };
  expect(view.blocks.length).toBeLessThanOrEqual(100);
  expect(homeText(BIG)).toContain('Reports 1–15 of 60');
  expect(homeText(BIG)).toContain('Assignment board');
  await t.slack.blockAction({ userId: BIG, actionId: ACTIONS.homeTeamPage, value: '45', view: { id: 'VHB', type: 'home' } });
  await t.ballast.settled();
  expect(homeText(BIG)).toContain('Reports 46–60 of 60');
});

it('ends the digest with its next steps, and its Team view opens every report with their actions', async () => {
  const { digestMessage } = await import('../../src/slack/blocks/digest');
  const { teamDigest } = await import('../../src/services/digests');
  const manager = (await t.ballast.store.people.get(MGR))!;
  const r = await teamDigest(t.ballast.deps, manager);
  if (!r.ok) throw new Error(r.error.message);
  const steps = JSON.stringify(digestMessage(r.value).blocks!.at(-1));
  expect(steps).toContain(ACTIONS.openTeamView);
  // Ada was at 400m of 240m: crowding out, so her budget and a note are one click away.
  expect(steps).toContain(`"action_id":"${ACTIONS.reportBudget}_0","value":"${ADA}"`);
  expect(steps).toContain(`"action_id":"${ACTIONS.reportNote}_0","value":"${ADA}"`);
  await t.slack.blockAction({ userId: MGR, actionId: ACTIONS.openTeamView, value: 'digest', triggerId: 'T9' });
  await t.ballast.settled();
  const opened = JSON.stringify(t.fake.callsTo('views.open').filter((c) => c.args.trigger_id === 'T9'));
  expect(opened).toContain('Your team');
  expect(opened).toContain(`note:${ADA}`);
  // A numbered digest button reaches the same checked action.
  await t.slack.blockAction({ userId: MGR, actionId: `${ACTIONS.reportNote}_0`, value: ADA, triggerId: 'T10' });
  await t.ballast.settled();
  expect(JSON.stringify(t.fake.callsTo('views.open').filter((c) => c.args.trigger_id === 'T10'))).toContain(VIEWS.reportNote);
});
