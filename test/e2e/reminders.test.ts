// The reminders job against the real app's store and the fake Slack: each send exactly once, across restarts.
import { reminders } from '../../src/jobs/reminders';
import { runCli } from '../../src/cli';
import { ACTIONS } from '../../src/slack/ids';
import { startTestApp, type TestApp } from '../support/app';
import { addPerson, buttonIn, click, textOf } from '../support/assignments';
import { startFakeSlack, type FakeSlack } from '../support/fakeSlack';

const LEAD = 'U100LEAD';
const ADA = 'U200ADA';
const BEN = 'U201BEN';
const LINK = 'https://www.linkedin.com/feed/update/urn:li:activity:42';

let fake: FakeSlack;
const apps: TestApp[] = [];

async function start(dir?: string, now?: string): Promise<TestApp> {
  const t = await startTestApp({ fakeSlack: fake, dir, now });
  apps.push(t);
  return t;
}

beforeEach(async () => {
  fake = await startFakeSlack();
});
afterEach(async () => {
  expect(fake.rejections).toEqual([]);
  for (const t of apps.splice(0)) await t.close();
  await fake.close();
});

const at = (iso: string) => Date.parse(iso);
const run = (t: TestApp, iso: string, dryRun = false) => {
  t.clock.set(iso);
  return reminders(t.ballast.deps, at(iso), { dryRun });
};
const adaMessages = () => fake.messagesTo(ADA);
const leadMessages = () => fake.messagesTo(LEAD);

describe('reminders', () => {
  it('reminds, tells the lead at due and expires a day later, each exactly once across a restart and a second process', async () => {
    const t = await start();
    await addPerson(t, LEAD, { role: 'lead' });
    await addPerson(t, ADA);
    await addPerson(t, BEN, { logged: 60 });
    await t.slack.command(LEAD, `assign <@${ADA}> <${LINK}> due 2h reply to the question about pricing`);
    const [a] = await t.ballast.store.assignments.ofLead(LEAD);
    expect(new Date(a.dueAt).toISOString()).toBe('2026-11-26T12:00:00.000Z');
    expect(adaMessages()).toHaveLength(1);
    expect(leadMessages()).toHaveLength(1);

    expect((await run(t, '2026-11-26T10:59:00Z')).sent).toBe(0);

    // A dry run says what it would send, and sends and claims nothing.
    const preview = await run(t, '2026-11-26T11:00:00Z', true);
    expect(preview.lines).toEqual([`#${a.id} remind ${ADA}: dry-run`]);
    expect(adaMessages()).toHaveLength(1);

    expect((await run(t, '2026-11-26T11:00:00Z')).lines).toEqual([`#${a.id} remind ${ADA}: sent`]);
    expect(adaMessages()).toHaveLength(2);
    expect(textOf(adaMessages()[1])).toMatch(/Reminder: .* due at Thu 26 Nov, 13:00/);
    expect((await run(t, '2026-11-26T11:01:00Z')).lines).toEqual([`#${a.id} remind ${ADA}: duplicate`]);

    // Restart: stop the app, start a new one on the same database file.
    await t.ballast.stop();
    const t2 = await start(t.dir, '2026-11-26T11:30:00Z');
    expect((await run(t2, '2026-11-26T11:30:00Z')).sent).toBe(0);
    expect(adaMessages()).toHaveLength(2);

    // A second process on the same file, passes overlapping: the lead hears once, in the assignment's thread.
    const t3 = await start(t.dir, '2026-11-26T12:00:00Z');
    const [r2, r3] = await Promise.all([run(t2, '2026-11-26T12:00:00Z'), run(t3, '2026-11-26T12:00:00Z')]);
    expect(r2.sent + r3.sent).toBe(1);
    const parent = leadMessages().find((m) => !m.threadTs)!;
    const replies = () => leadMessages().filter((m) => m.threadTs === parent.ts);
    expect(replies().map((m) => textOf(m))).toEqual([expect.stringMatching(/due now and <@U200ADA> has not marked it done/)]);
    expect((await run(t2, '2026-11-26T18:00:00Z')).sent).toBe(0);

    // A day after due it expires: the assignee's message says so, the lead is told once with a reassign button.
    expect((await run(t3, '2026-11-27T11:59:00Z')).sent).toBe(0);
    const expiring = await run(t3, '2026-11-27T12:00:00Z');
    expect(expiring.lines).toEqual([`#${a.id} expired`, `#${a.id} expired, tell ${LEAD}: sent`]);
    expect((await t3.ballast.store.assignments.get(a.id))!.state).toBe('expired');
    expect(textOf(adaMessages()[0])).toContain('This one expired');
    const [, expired] = replies();
    expect(textOf(expired)).toMatch(/expired a day after it was due/);
    expect(buttonIn(expired, ACTIONS.assignReassign).value).toBe(`${a.id}|${BEN}`);
    for (const iso of ['2026-11-27T12:00:00Z', '2026-11-27T13:00:00Z', '2026-11-29T09:00:00Z']) {
      expect((await run(t2, iso)).sent).toBe(0);
      expect((await run(t3, iso)).sent).toBe(0);
    }
    expect(adaMessages()).toHaveLength(2);
    expect(replies()).toHaveLength(2);
    expect(await t3.ballast.store.claims.ofJob('assign-remind')).toHaveLength(1);
    expect(await t3.ballast.store.claims.ofJob('assign-due')).toHaveLength(1);
    expect(await t3.ballast.store.claims.ofJob('assign-expire')).toHaveLength(1);

    // The lead reassigns from the expiry notice (on 29 Nov, 09:00); the new offer starts with a fresh due time.
    const c = await click(t3, LEAD, expired, ACTIONS.assignReassign);
    await fake.waitFor(() => c.responses().length > 0);
    const fresh = (await t3.ballast.store.assignments.ofAssignee(BEN))[0];
    expect(fresh).toMatchObject({ link: LINK, state: 'offered', dueAt: at('2026-11-30T09:00:00Z') });
  });

  it('holds an offer made at night until the advocate\'s day starts, skips a reminder that falls in their quiet hours, and still tells the lead', async () => {
    const t = await start(undefined, '2026-11-26T21:30:00Z'); // 22:30 in Berlin, 16:30 in New York
    await addPerson(t, LEAD, { role: 'lead', tz: 'America/New_York' });
    await addPerson(t, ADA, { tz: 'Europe/Berlin' });
    const r = await t.slack.command(LEAD, `assign <@${ADA}> <${LINK}> due tomorrow`);
    expect(textOf(r.body as never)).toContain('outside working hours');
    const [a] = await t.ballast.store.assignments.ofLead(LEAD);
    expect(new Date(a.dueAt).toISOString()).toBe('2026-11-27T22:00:00.000Z'); // 17:00 in New York
    expect(adaMessages()).toEqual([]);
    expect(leadMessages()).toHaveLength(1);

    expect((await run(t, '2026-11-26T23:00:00Z')).lines).toEqual([`#${a.id} ${ADA} offer (quiet hours): skipped`]);
    expect(adaMessages()).toEqual([]);
    expect((await run(t, '2026-11-27T07:00:00Z')).lines).toEqual([`#${a.id} ${ADA} offer: sent`]);
    expect(adaMessages()).toHaveLength(1);
    expect(textOf(adaMessages()[0])).toContain('asked you to take');
    expect((await run(t, '2026-11-27T07:05:00Z')).sent).toBe(0);

    // An hour before due is 22:00 in Berlin: no reminder then, nor later.
    expect((await run(t, '2026-11-27T21:00:00Z')).lines).toEqual([`#${a.id} remind ${ADA} (quiet hours): skipped`]);
    expect((await run(t, '2026-11-27T22:00:00Z')).lines).toEqual([`#${a.id} due, tell ${LEAD}: sent`]);
    expect(adaMessages()).toHaveLength(1);
    expect(leadMessages()).toHaveLength(2);
  });

  it('hands a held offer back to the lead when Slack will not deliver it in the morning', async () => {
    const t = await start(undefined, '2026-11-26T21:30:00Z');
    await addPerson(t, LEAD, { role: 'lead', tz: 'America/New_York' });
    await addPerson(t, ADA);
    await t.slack.command(LEAD, `assign <@${ADA}> <${LINK}> due tomorrow`);
    const [a] = await t.ballast.store.assignments.ofLead(LEAD);
    fake.updateUser(ADA, { deleted: true });
    expect((await run(t, '2026-11-27T07:00:00Z')).lines).toEqual([`#${a.id} ${ADA} offer: not sent: Slack says the account is gone; marked inactive`]);
    expect(await t.ballast.store.assignments.get(a.id)).toMatchObject({ state: 'declined', declineReason: 'unreachable' });
    expect(leadMessages().some((m) => /would not deliver the offer/.test(textOf(m)))).toBe(true);
    expect((await run(t, '2026-11-27T07:05:00Z')).lines).toEqual([]);
  });

  it('expires straight away after a long outage, without a late reminder, and waits for the lead\'s working hours to tell them', async () => {
    const t = await start();
    await addPerson(t, LEAD, { role: 'lead' });
    await addPerson(t, ADA);
    await t.slack.command(LEAD, `assign <@${ADA}> <${LINK}> due 2h`);
    const [a] = await t.ballast.store.assignments.ofLead(LEAD);

    const night = await run(t, '2026-11-29T23:00:00Z'); // midnight in Berlin
    expect(night.lines).toEqual([`#${a.id} expired`, `#${a.id} expired, tell ${LEAD} (quiet hours): skipped`]);
    expect((await t.ballast.store.assignments.get(a.id))!.state).toBe('expired');
    expect(leadMessages()).toHaveLength(1);

    expect((await run(t, '2026-11-30T08:00:00Z')).lines).toEqual([`#${a.id} expired, tell ${LEAD}: sent`]);
    expect((await run(t, '2026-11-30T09:00:00Z')).lines).toEqual([]);
    expect(leadMessages()).toHaveLength(2);
    expect(adaMessages()).toHaveLength(1); // never reminded
  });

  it('runs from the ops CLI on the same database: a dry run previews, a real run sends once', async () => {
    const t = await start();
    await addPerson(t, LEAD, { role: 'lead' });
    await addPerson(t, ADA);
    await t.slack.command(LEAD, `assign <@${ADA}> <${LINK}> due 2h`);
    const [a] = await t.ballast.store.assignments.ofLead(LEAD);
    const cli = async (...args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli(['jobs', 'run', 'reminders', ...args], {
        out: (l) => out.push(l), err: (l) => err.push(l), clock: t.clock,
        env: { ...t.dbEnv, SLACK_BOT_TOKEN: fake.token, SLACK_API_URL: fake.apiUrl, LOG_LEVEL: 'warn' },
      });
      return { code, out, err: err.join('\n') };
    };
    const preview = await cli('--at', '2026-11-26T11:30:00Z', '--dry-run');
    expect(preview).toMatchObject({ code: 0, out: [`#${a.id} remind ${ADA}: dry-run`] });
    expect(preview.err).toContain('dry run: nothing sent, nothing claimed');
    expect(adaMessages()).toHaveLength(1);
    expect((await cli('--at', '2026-11-26T11:30:00Z')).out).toEqual([`#${a.id} remind ${ADA}: sent`]);
    expect((await cli('--at', '2026-11-26T11:31:00Z')).out).toEqual([`#${a.id} remind ${ADA}: duplicate`]);
    expect(adaMessages()).toHaveLength(2);
  });

  it('leaves done and declined assignments alone', async () => {
    const t = await start();
    await addPerson(t, LEAD, { role: 'lead' });
    await addPerson(t, ADA);
    await t.slack.command(LEAD, `assign <@${ADA}> <${LINK}> due 2h`);
    await t.slack.command(LEAD, `assign <@${ADA}> <${LINK}/2> due 2h`);
    const [one, two] = await t.ballast.store.assignments.ofLead(LEAD);
    await t.ballast.store.assignments.transition(one.id, 'offered', 'declined', t.clock.now());
    await t.ballast.store.assignments.transition(two.id, 'offered', 'done', t.clock.now());
    for (const iso of ['2026-11-26T11:00:00Z', '2026-11-26T12:00:00Z', '2026-11-27T12:00:00Z']) {
      expect((await run(t, iso)).lines).toEqual([]);
    }
  });
});
