import { startTestApp, type TestApp } from '../support/app';
import * as db from '../support/db';
import { seedEntry, seedPerson } from '../support/org';
import { digests } from '../../src/jobs/digests';

let t: TestApp;
const BER = 'U200BER'; // manager in Berlin
const NYC = 'U200NYC'; // manager in New York
const TYO = 'U200TYO'; // manager in Tokyo
const LONE = 'U200LONE'; // a manager by role of nobody: no reports
const R = { ber: 'U210BER', nyc: 'U210NYC', tyo: 'U210TYO', ber2: 'U211BER' };

async function run(at: string, dryRun = false) {
  t.clock.set(at);
  return digests(t.ballast.deps, t.clock.now(), { dryRun });
}
const dmsTo = (id: string) => t.fake.messagesTo(id);
const textOf = (m: { text?: string; blocks?: unknown[] }) => `${m.text}\n${JSON.stringify(m.blocks ?? [])}`;

beforeEach(async () => {
  t = await startTestApp({ now: '2026-11-26T10:00:00Z' });
  await seedPerson(t, { id: BER, tz: 'Europe/Berlin' });
  await seedPerson(t, { id: NYC, tz: 'America/New_York' });
  await seedPerson(t, { id: TYO, tz: 'Asia/Tokyo' });
  await seedPerson(t, { id: LONE, tz: 'Europe/Berlin', role: 'lead' });
  await seedPerson(t, { id: R.ber, tz: 'Europe/Berlin', managerId: BER });
  await seedPerson(t, { id: R.ber2, tz: 'Europe/London', managerId: BER });
  await seedPerson(t, { id: R.nyc, tz: 'America/New_York', managerId: NYC });
  await seedPerson(t, { id: R.tyo, tz: 'Asia/Tokyo', managerId: TYO });
});
afterEach(async () => {
  expect(t.fake.rejections).toEqual([]);
  await t.close();
});

describe('the Monday digest in each manager’s own zone', () => {
  it('goes out at 09:00 local in Tokyo, Berlin and New York, exactly once each, and never to a manager with no reports', async () => {
    await run('2026-11-29T23:59:00Z'); // Tokyo 08:59
    expect(dmsTo(TYO)).toHaveLength(0);
    await run('2026-11-30T00:00:00Z'); // Tokyo 09:00
    expect(dmsTo(TYO)).toHaveLength(1);
    expect(dmsTo(BER)).toHaveLength(0);
    await run('2026-11-30T07:59:00Z'); // Berlin 08:59
    expect(dmsTo(BER)).toHaveLength(0);
    await run('2026-11-30T08:00:00Z'); // Berlin 09:00
    expect(dmsTo(BER)).toHaveLength(1);
    await run('2026-11-30T13:59:00Z'); // New York 08:59
    expect(dmsTo(NYC)).toHaveLength(0);
    const report = await run('2026-11-30T14:00:00Z'); // New York 09:00
    expect(dmsTo(NYC)).toHaveLength(1);
    expect(report.lines).toEqual(expect.arrayContaining([
      `${NYC}: digest for 2026-W48 (1 report) sent`,
      `${BER}: digest for 2026-W48 already sent`,
    ]));
    // Tokyo is at 23:00 by then: past its allowed hours, so not even considered.
    expect(report.lines.some((l) => l.startsWith(TYO))).toBe(false);
    for (const at of ['2026-11-30T14:01:00Z', '2026-11-30T16:00:00Z']) await run(at);
    expect([dmsTo(TYO), dmsTo(BER), dmsTo(NYC)].map((m) => m.length)).toEqual([1, 1, 1]);
    expect(dmsTo(LONE)).toHaveLength(0);
    const claims = await t.ballast.store.claims.ofJob('digest');
    expect(claims.map((c) => [c.subject, c.period, c.status]).sort()).toEqual([
      [BER, '2026-W48', 'sent'], [NYC, '2026-W48', 'sent'], [TYO, '2026-W48', 'sent'],
    ]);
  });

  it('sends once when two passes (two processes on one database) run at the same moment', async () => {
    t.clock.set('2026-11-30T08:00:00Z');
    await Promise.all([1, 2, 3].map(() => digests(t.ballast.deps, t.clock.now(), { dryRun: false })));
    expect(dmsTo(BER)).toHaveLength(1);
  });

  it('catches up after downtime until the end of the allowed hours that Monday, not later', async () => {
    await run('2026-11-30T17:59:00Z'); // Berlin 18:59: still allowed
    expect(dmsTo(BER)).toHaveLength(1);
    expect(dmsTo(NYC)).toHaveLength(1); // New York 12:59: a late start still gets its digest
    expect(dmsTo(TYO)).toHaveLength(0); // Tokyo 02:59 on Tuesday: missed, and not sent at night
  });

  it('skips a Monday missed entirely once the allowed hours are over, and on later days', async () => {
    await run('2026-11-30T18:00:00Z'); // Berlin 19:00
    await run('2026-12-01T08:00:00Z'); // Berlin Tuesday 09:00
    expect(dmsTo(BER)).toHaveLength(0);
  });

  it('follows the digest day and time from the org settings', async () => {
    await t.ballast.store.settings.set('digestDay', 2);
    await t.ballast.store.settings.set('digestTime', '10:30');
    await run('2026-11-30T08:00:00Z');
    await run('2026-12-01T09:29:00Z'); // Berlin Tuesday 10:29
    expect(dmsTo(BER)).toHaveLength(0);
    await run('2026-12-01T09:30:00Z');
    expect(dmsTo(BER)).toHaveLength(1);
    expect(dmsTo(BER)[0].text).toContain('the week of Mon 23 Nov');
  });

  it('previews with --dry-run: nothing sent, nothing claimed', async () => {
    const report = await run('2026-11-30T08:00:00Z', true);
    expect(report.lines).toContain(`${BER}: digest for 2026-W48 (2 reports) would be sent`);
    expect(dmsTo(BER)).toHaveLength(0);
    expect(await t.ballast.store.claims.ofJob('digest')).toEqual([]);
    await run('2026-11-30T08:00:00Z');
    expect(dmsTo(BER)).toHaveLength(1);
  });
});

describe('across a daylight-saving change', () => {
  it('follows Berlin from summer time (07:00 UTC) to winter time (08:00 UTC) and counts the long Sunday in its week', async () => {
    await seedEntry(t, R.ber, '2026-10-25', 90, 'respond'); // the Sunday clocks went back
    await seedEntry(t, R.ber, '2026-10-19', 30, 'post');
    await run('2026-10-19T06:59:00Z');
    expect(dmsTo(BER)).toHaveLength(0);
    await run('2026-10-19T07:00:00Z'); // 09:00 CEST
    expect(dmsTo(BER)).toHaveLength(1);
    expect(dmsTo(BER)[0].text).toContain('the week of Mon 12 Oct');
    await run('2026-10-26T07:00:00Z'); // 08:00 CET: not yet
    expect(dmsTo(BER)).toHaveLength(1);
    await run('2026-10-26T08:00:00Z'); // 09:00 CET
    expect(dmsTo(BER)).toHaveLength(2);
    const w43 = textOf(dmsTo(BER)[1]);
    expect(dmsTo(BER)[1].text).toContain('Team advocacy for the week of Mon 19 Oct: 2h of 8h');
    expect(w43).toContain('2h of 4h (50%)');
  });

  it('follows New York across the first Monday of standard time', async () => {
    await run('2026-10-26T13:00:00Z'); // 09:00 EDT
    expect(dmsTo(NYC)).toHaveLength(1);
    await run('2026-11-02T13:00:00Z'); // 08:00 EST
    expect(dmsTo(NYC)).toHaveLength(1);
    await run('2026-11-02T14:00:00Z'); // 09:00 EST
    expect(dmsTo(NYC)).toHaveLength(2);
    expect(dmsTo(NYC)[1].text).toContain('the week of Mon 26 Oct');
  });
});

describe('what the digest says', () => {
  it('gives each report minutes against budget, level with its reason, trend in words, relationship share, assignments, flags and a chart', async () => {
    // R.ber: over budget two weeks running (W47 and W48), mostly replying, two assignments done and one open.
    await seedEntry(t, R.ber, '2026-11-16', 250, 'respond');
    await seedEntry(t, R.ber, '2026-11-24', 200, 'respond');
    const done = await seedEntry(t, R.ber, '2026-11-25', 100, 'post');
    const insert = (state: string, entryId: number | null) => db.run(t, `INSERT INTO assignments
      (lead_id, assignee_id, link, estimate_minutes, due_at, state, entry_id, created_at, updated_at)
      VALUES (?, ?, 'https://example.com/t', 15, 0, ?, ?, 0, 0)`, LONE, R.ber, state, entryId);
    await insert('done', done);
    await insert('done', done);
    await insert('accepted', null);
    await insert('declined', null);
    // R.ber2 logged nothing for two weeks.
    await seedEntry(t, R.ber2, '2026-11-04', 60, 'share');
    await run('2026-11-30T08:00:00Z');
    const m = dmsTo(BER)[0];
    const all = textOf(m);
    expect(m.text).toBe('Team advocacy for the week of Mon 23 Nov: 5h of 8h (0.13 FTE) across 2 people, 2 flagged.');
    expect(all).toContain(`*<@${R.ber}>* :rotating_light: crowding out their core work: Over budget for a second week running (<@${R.ber}> was over last week too).`);
    expect(all).toContain('5h of 4h (125%) · relationship work 67%');
    expect(all).toContain('Weeks before: 19 Oct –, 26 Oct –, 2 Nov –, 9 Nov –, 16 Nov 4h 10m');
    // No text bar or sparkline inside code (Slack draws code red and monospace): the chart says it.
    expect(all).not.toMatch(/`[▓░▁▂▃▄▅▆▇█·]+`/);
    expect(all).toContain('relationship work (replying, commenting, sharing) 67% of the time');
    expect(all).toContain('FTE* (full-time equivalent: the hours as a share of one 40-hour working week)');
    const chart = (m.blocks as { type: string; title?: string; chart?: { series: { name: string; data: { value: number }[] }[] } }[])
      .find((b) => b.type === 'data_visualization');
    expect(chart?.title).toBe('Your team last week against budget');
    expect(chart?.chart?.series.map((s) => [s.name, s.data.map((d) => d.value)])).toEqual([['Logged', [5, 0]], ['Budget', [4, 4]]]);
    expect(all).toContain('Last week by person, logged against budget:');
    expect(all).toContain('assignments 2 done, 1 open');
    expect(all).toContain(`:red_circle: Over budget two weeks running: <@${R.ber}>`);
    expect(all).toContain(`:zzz: Nothing logged for 14 days: <@${R.ber2}>`);
    expect(all).toContain(`:rotating_light: Crowding out core work: <@${R.ber}>`);
    expect(all).toContain('0.13 FTE');
    expect(all).not.toContain('dedicated paid role');
  });

  it('suggests a dedicated role, with the arithmetic, after four weeks at 0.5 FTE', async () => {
    for (const monday of ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23']) {
      await seedEntry(t, R.ber, monday, 600, 'respond');
      await seedEntry(t, R.ber2, monday, 600, 'comment');
    }
    await run('2026-11-30T08:00:00Z');
    const all = textOf(dmsTo(BER)[0]);
    expect(all).toContain('A dedicated paid role would take this work off people');
    expect(all).toContain('20h ÷ 40h = 0.50 FTE; 20h ÷ 40h = 0.50 FTE; 20h ÷ 40h = 0.50 FTE; 20h ÷ 40h = 0.50 FTE.');
  });

  it('does not suggest one when a single week was a minute short', async () => {
    for (const monday of ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23']) {
      await seedEntry(t, R.ber, monday, 600, 'respond');
      await seedEntry(t, R.ber2, monday, monday === '2026-11-09' ? 599 : 600, 'comment');
    }
    await run('2026-11-30T08:00:00Z');
    expect(textOf(dmsTo(BER)[0])).not.toContain('dedicated paid role');
  });

  it('leaves out reports Slack says are gone, and sends nothing when none are left', async () => {
    await t.ballast.store.people.markInactive(R.tyo);
    await run('2026-11-30T00:00:00Z');
    expect(dmsTo(TYO)).toHaveLength(0);
  });
});
