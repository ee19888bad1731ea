// Weeks fixed when they end, through the real receiver: a finished week reads the same in the digest,
// the team view, the admin report and `week last` after budgets, hours and budget_percent change, while
// the current week follows the change; and a budget set by someone else is announced by DM after the ack.
import { performance } from 'node:perf_hooks';
import { startTestApp, type TestApp } from '../support/app';
import { seedEntry, seedPerson } from '../support/org';
import { digests } from '../../src/jobs/digests';
import { BUDGET_CHANGE_JOB } from '../../src/services/budget';

// Monday 30 November 2026, 06:30 UTC (07:30 in Berlin): the week of Mon 23 Nov (2026-W48) has just ended.
const MONDAY = '2026-11-30T06:30:00Z';
let t: TestApp;
const ADMIN = 'U500ADM';
const MGR = 'U500MGR';
const ADA = 'U500ADA'; // her manager sets her budget to 6h
const BO = 'U500BO'; // sets his own hours to 20
const CY = 'U500CY'; // keeps the default, which budget_percent moves

type Body = { text: string; blocks?: unknown[] };
async function say(userId: string, text: string): Promise<Body> {
  const r = await t.slack.command(userId, text);
  expect(r.status).toBe(200);
  return r.body as Body;
}
const textOf = (b: { text?: string; blocks?: unknown[] }) => `${b.text}\n${JSON.stringify(b.blocks ?? [])}`;
/** Polls until `check` passes: for what the app records after Slack has answered (claims, logs). */
async function eventually(check: () => Promise<void> | void, timeoutMs = 3000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (performance.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}
const budgetDms = (id: string) => t.fake.messagesTo(id).filter((m) => (m.text ?? '').includes('set your weekly advocacy budget'));

beforeEach(async () => {
  t = await startTestApp({ now: MONDAY, settle: false, env: { BALLAST_ADMINS: ADMIN } });
  await seedPerson(t, { id: ADMIN, name: 'admin' });
  await seedPerson(t, { id: MGR, name: 'sam' });
  await seedPerson(t, { id: ADA, name: 'ada', managerId: MGR });
  await seedPerson(t, { id: BO, name: 'bo', managerId: MGR });
  await seedPerson(t, { id: CY, name: 'cy', managerId: MGR });
});
afterEach(async () => {
  expect(t.fake.rejections).toEqual([]);
  await t.close();
});

describe('a finished week never changes', () => {
  beforeEach(async () => {
    // The finished week: Ada 10h 26m (261% of 4h), Bo 3h 20m, Cy 3h 30m.
    await seedEntry(t, ADA, '2026-11-23', 300, 'respond');
    await seedEntry(t, ADA, '2026-11-25', 326, 'post');
    await seedEntry(t, BO, '2026-11-24', 200, 'comment');
    await seedEntry(t, CY, '2026-11-27', 210, 'share');
  });

  it('reads the same in the team view, the admin report, week last and the digest after the budget, hours and budget_percent change', async () => {
    const before = {
      team: textOf(await say(MGR, 'team')),
      report: textOf(await say(ADMIN, 'admin report')),
      ada: textOf(await say(ADA, 'week last')),
      bo: textOf(await say(BO, 'week 2026-11-26')),
      cy: textOf(await say(CY, 'week last')),
    };
    expect(before.team).toContain('10h 26m of 4h (261%)');
    expect(before.ada).toContain('*10h 26m* of that week\'s *4h* weekly budget (261%)');
    expect(before.bo).toContain('*3h 20m* of that week\'s *4h* weekly budget (83%)');

    expect((await say(MGR, `budget <@${ADA}> 6h`)).text).toContain("Set <@U500ADA>'s weekly budget to 6h, from the week of Mon 30 Nov");
    expect((await say(BO, 'hours 20')).text).toBe('Your contracted hours are now 20 a week, from the week of Mon 30 Nov.');
    expect((await say(ADMIN, 'admin settings budget_percent 15')).text).toContain('Updated budget_percent');

    // The Monday digest goes out after the changes (09:00 Berlin) and still reads the week as it ended.
    t.clock.set('2026-11-30T08:00:00Z');
    await digests(t.ballast.deps, t.clock.now(), { dryRun: false });
    const [digest] = t.fake.messagesTo(MGR);
    const sent = textOf(digest);
    expect(sent).toContain('10h 26m of 4h (261%)');
    expect(sent).toContain('3h 20m of 4h (83%)');
    expect(sent).toContain('3h 30m of 4h (88%)');
    expect(sent).toContain('Team advocacy for the week of Mon 23 Nov: 17h 16m of 12h');
    expect(sent).not.toMatch(/W\d\d/);
    expect(sent).not.toContain('of 6h');

    const after = {
      team: textOf(await say(MGR, 'team')),
      report: textOf(await say(ADMIN, 'admin report')),
      ada: textOf(await say(ADA, 'week last')),
      bo: textOf(await say(BO, 'week 2026-11-26')),
      cy: textOf(await say(CY, 'week last')),
    };
    expect(after).toEqual(before);
    expect(after.ada).toContain(':rotating_light: crowding out your core work');
    expect(after.bo).toContain('As it stood when it ended: a budget of 4h (10% of 40 contracted hours).');

    // The current week follows every change: 6h set, 20h at 15% = 3h, 40h at 15% = 6h.
    expect(textOf(await say(ADA, 'week'))).toContain('of your *6h* weekly budget');
    expect(textOf(await say(BO, 'week'))).toContain('of your *3h* weekly budget');
    expect(textOf(await say(CY, 'week'))).toContain('of your *6h* weekly budget');
    expect(textOf(await say(CY, 'budget'))).toContain('the default: 15% of 40 contracted hours');
  });

  it('labels an earlier week by its Monday, with minutes by day and kind, and no ISO week code', async () => {
    const reply = await say(ADA, 'week 2026-11-29');
    const all = textOf(reply);
    expect(reply.text).toBe('Your week of Mon 23 Nov: 10h 26m of 4h (261%), crowding out your core work. At 261% of budget, half as much again as agreed: that crowds out core work.');
    expect(all).toContain('Your week of Mon 23 Nov');
    expect(all).toContain('Mon 23 Nov: 5h');
    expect(all).toContain('Wed 25 Nov: 5h 26m');
    expect(all).toContain('By kind: Replying 5h · Posting 5h 26m');
    expect(all).not.toMatch(/W\d\d/);
    // Advice for a running week makes no sense for one that is over.
    expect(all).not.toContain('Stop for this week');
  });

  it('shows the current week for a date inside it, and refuses a week not yet begun, storing nothing', async () => {
    expect(textOf(await say(ADA, 'week 2026-12-02'))).toContain('Your week (Mon 30 Nov – Sun 6 Dec)');
    const future = await say(ADA, 'week 2026-12-07');
    expect(future.text).toMatch(/hasn't started yet/);
    expect((await say(ADA, 'week lastt')).text).toMatch(/didn't understand/);
  });
});

describe('a budget set by someone else is announced by DM', () => {
  it('tells the person who set it, the new value and from which week, once, after the reply', async () => {
    // Slack is slow to take the DM; the reply must not wait for it.
    t.fake.delay('chat.postMessage', 1500, 1);
    const started = performance.now();
    const reply = await say(MGR, `budget <@${ADA}> 6h`);
    expect(performance.now() - started).toBeLessThan(1200);
    expect(reply.text).toBe(`Set <@${ADA}>'s weekly budget to 6h, from the week of Mon 30 Nov. They will get a DM saying so.`);
    expect(budgetDms(ADA)).toHaveLength(0);
    const dm = await t.fake.waitFor(() => budgetDms(ADA)[0], 5000);
    expect(dm.text).toBe(`<@${MGR}> set your weekly advocacy budget to 6h, from the week of Mon 30 Nov.`);
    expect(textOf(dm)).toContain('Weeks that have ended keep the budget they had.');
    const post = t.fake.callsTo('chat.postMessage').find((c) => c.args.channel === ADA)!;
    expect(post.at).toBeGreaterThanOrEqual(started);
    await eventually(async () => {
      const claims = await t.ballast.store.claims.ofJob(BUDGET_CHANGE_JOB);
      expect(claims.map((c) => [c.subject, c.status])).toEqual([[ADA, 'sent']]);
    });
    expect(budgetDms(ADA)).toHaveLength(1);
    // Nobody else hears of it.
    expect([MGR, BO, CY, ADMIN].flatMap(budgetDms)).toEqual([]);
  });

  it('says nothing when people set their own hours, or an admin their own budget', async () => {
    await say(BO, 'hours 20');
    await say(ADMIN, `budget <@${ADMIN}> 2h`);
    await new Promise((r) => setTimeout(r, 200));
    expect([BO, ADMIN].flatMap(budgetDms)).toEqual([]);
    expect(t.fake.callsTo('chat.postMessage')).toEqual([]);
  });

  it('logs a person gone from Slack and still confirms the change to whoever set it', async () => {
    t.fake.fail('chat.postMessage', 'account_inactive', { forUser: ADA });
    const reply = await say(MGR, `budget <@${ADA}> 3h`);
    expect(reply.text).toMatch(/^Set <@U500ADA>'s weekly budget to 3h/);
    expect((await t.ballast.store.people.get(ADA))!.budgetMinutes).toBe(180);
    await eventually(() => expect(t.logs.map((l) => l.msg)).toContain('person is gone from Slack; marked inactive'));
    expect(t.logs.filter((l) => (l.level as number) >= 50)).toEqual([]);
    expect((await t.ballast.store.claims.ofJob(BUDGET_CHANGE_JOB)).map((c) => c.status)).toEqual(['failed']);
  });
});
