// /ballast through the real HTTP receiver: every foundation subcommand, and bad input storing nothing.
import { startTestApp, type TestApp } from '../support/app';
import * as db from '../support/db';

let t: TestApp;
const ADA = 'U100ADA';
const BOB = 'U200BOB';
const MGR = 'U300MGR';
const ADMIN = 'U400ADM';

interface Ack {
  response_type?: string;
  text: string;
  blocks?: { type: string; text?: { text: string }; elements?: { text: string }[]; fields?: { text: string }[] }[];
}

async function run(user: string, text: string): Promise<Ack> {
  const r = await t.slack.command(user, text);
  expect(r.status).toBe(200);
  expect(r.ackProblems).toEqual([]);
  return r.body as Ack;
}

/** All the visible text of a reply: its fallback text and every block's text. */
function visible(a: Ack): string {
  const parts = [a.text];
  for (const b of a.blocks ?? []) {
    if (b.text) parts.push(b.text.text);
    for (const e of b.elements ?? []) parts.push(e.text);
    for (const f of b.fields ?? []) parts.push(f.text);
  }
  return parts.join('\n');
}

const entryCount = () => db.count(t, 'SELECT COUNT(*) AS n FROM entries');

beforeAll(async () => {
  // Thursday 26 November 2026, 11:00 in Berlin.
  t = await startTestApp({ now: '2026-11-26T10:00:00Z', env: { BALLAST_ADMINS: ADMIN } });
  t.fake.addUser({ id: ADA, name: 'ada', realName: 'Ada Lovelace', tz: 'Europe/Berlin' });
  t.fake.addUser({ id: BOB, name: 'bob', tz: 'America/New_York' });
  t.fake.addUser({ id: MGR, name: 'mia', tz: 'Europe/Berlin' });
  t.fake.addUser({ id: ADMIN, name: 'root', tz: 'UTC' });
  t.fake.addUser({ id: 'U500BOT', name: 'robot', isBot: true });
  t.fake.addUser({ id: 'U600GONE', name: 'gone', deleted: true });
});
afterAll(() => t.close());
afterEach(() => expect(t.fake.rejections).toEqual([]));

describe('week', () => {
  it('shows an empty week against the default 4h budget for a new person', async () => {
    const a = await run(ADA, '');
    expect(a.response_type).toBe('ephemeral');
    expect(visible(a)).toContain('0m of 4h');
    expect(visible(a)).toContain('Mon 23 Nov');
    expect(visible(a)).toContain('Sun 29 Nov');
  });

  it('answers "week" the same as the bare command', async () => {
    expect(visible(await run(ADA, 'week'))).toContain('of your *4h* weekly budget');
  });
});

describe('log', () => {
  it('records an entry with kind, network, date, link and note, and replies with the week total', async () => {
    const before = await entryCount();
    const a = await run(ADA, 'log 1h30m reply linkedin yesterday <https://www.linkedin.com/feed/update/1|post> answered a pricing question');
    expect(visible(a)).toContain('Logged 1h 30m replying on linkedin for Wed 25 Nov');
    expect(visible(a)).toContain('1h 30m* of your *4h*');
    expect(await entryCount()).toBe(before + 1);
    const row = (await db.row<Record<string, unknown>>(t, 'SELECT * FROM entries ORDER BY id DESC LIMIT 1'))!;
    expect(row).toMatchObject({
      person_id: ADA, minutes: 90, kind: 'respond', network: 'linkedin', date: '2026-11-25', week_key: '2026-W48',
      link: 'https://www.linkedin.com/feed/update/1', note: 'answered a pricing question', source: 'command',
    });
  });

  it.each([
    ['log 30m', 30, 'other', null],
    ['log 45 comment', 45, 'comment', null],
    ['log 1.5h content twitter', 90, 'post', 'x'],
    ['log 1:15 listen reddit', 75, 'monitor', 'reddit'],
    ['log 20min share bluesky', 20, 'share', 'bluesky'],
  ])('parses "%s" into %i minutes of %s', async (text, minutes, kind, network) => {
    await run(BOB, text);
    const row = (await db.row<Record<string, unknown>>(t, 'SELECT * FROM entries WHERE person_id = ? ORDER BY id DESC LIMIT 1', BOB))!;
    expect(row).toMatchObject({ minutes, kind, network });
  });

  it('uses the person\'s own zone for "today": 05:00 in New York is still the 26th there', async () => {
    const row = (await db.row<{ date: string }>(t, 'SELECT date FROM entries WHERE person_id = ? ORDER BY id DESC LIMIT 1', BOB))!;
    expect(row.date).toBe('2026-11-26');
  });

  it('shows the level change and advice when the week goes over budget', async () => {
    const a = await run(ADA, 'log 3h post');
    expect(visible(a)).toContain('over budget');
    expect(visible(a)).toContain('park new advocacy');
  });
});

describe('bad input', () => {
  it.each([
    ['log', 'how long'],
    ['log abc', 'abc'],
    ['log 0m', '1 minute'],
    ['log 13h', '12 hours'],
    ['log 30m 2026-11-27', 'future'],
    ['log 30m 2026-11-01', '14 days'],
    ['log 30m <mailto:a@b.c>', 'http'],
    ['hours 0', '1'],
    ['hours 81', '80'],
    ['hours lots', 'lots'],
    ['budget @ada 3h', 'autocomplete'],
    ['budget <@U100ADA> 5m', '15 minutes'],
    ['lgo 30m', 'log'],
    ['frobnicate', 'frobnicate'],
  ])('refuses "%s", says what was wrong (%s) with an example, and stores nothing', async (text, fragment) => {
    const before = await entryCount();
    const people = await db.rows(t, 'SELECT weekly_hours, budget_minutes FROM people ORDER BY id');
    const a = await run(ADA, text);
    expect(visible(a).toLowerCase()).toContain(fragment.toLowerCase());
    expect(visible(a)).toMatch(/\/ballast /);
    expect(await entryCount()).toBe(before);
    expect(await db.rows(t, 'SELECT weekly_hours, budget_minutes FROM people ORDER BY id')).toEqual(people);
  });

  it('suggests the nearest subcommand for a typo', async () => {
    expect(visible(await run(ADA, 'budgte'))).toContain('budget');
  });
});

describe('undo', () => {
  it('removes your most recent entry and says which', async () => {
    await run(MGR, 'log 25m comment');
    await run(MGR, 'log 10m share note to self');
    const before = await entryCount();
    const a = await run(MGR, 'undo');
    expect(visible(a)).toContain('Removed 10m sharing');
    expect(visible(a)).toContain('25m of 4h');
    expect(await entryCount()).toBe(before - 1);
  });

  it('says so when there is nothing to undo', async () => {
    await run(MGR, 'undo');
    expect(visible(await run(MGR, 'undo'))).toContain('no entries to undo');
  });

  it("never removes someone else's entry", async () => {
    const adas = await db.count(t, 'SELECT COUNT(*) AS n FROM entries WHERE person_id = ?', ADA);
    t.fake.addUser({ id: 'U700NEW', name: 'newbie' });
    expect(visible(await run('U700NEW', 'undo'))).toContain('no entries');
    expect(await db.count(t, 'SELECT COUNT(*) AS n FROM entries WHERE person_id = ?', ADA)).toBe(adas);
  });
});

describe('budget and hours', () => {
  it('explains a default budget from contracted hours', async () => {
    expect(visible(await run(BOB, 'budget'))).toContain('the default: 10% of 40 contracted hours');
  });

  it('halves the default budget for a 20-hour part-timer', async () => {
    const a = await run(BOB, 'hours 20');
    expect(visible(a)).toContain('2h a week');
    expect(visible(await run(BOB, 'budget'))).toContain('*2h*');
  });

  it('lets an admin set anyone\'s budget and records who set it', async () => {
    const a = await run(ADMIN, 'budget <@U200BOB|bob> 3h');
    expect(visible(a)).toContain("<@U200BOB>'s weekly budget to 3h");
    const b = await run(BOB, 'budget');
    expect(visible(b)).toContain('*3h*');
    expect(visible(b)).toContain(`set by <@${ADMIN}>`);
  });

  it("lets a manager set a direct report's budget", async () => {
    await t.ballast.store.people.setManager(ADA, MGR);
    expect(visible(await run(MGR, `budget <@${ADA}> 5h`))).toContain('to 5h');
  });

  it('refuses a budget change from someone who is neither the manager nor an admin', async () => {
    const a = await run(BOB, `budget <@${ADA}> 8h`);
    expect(visible(a)).toContain("Only that person's manager or a Ballast admin");
    expect((await t.ballast.store.people.get(ADA))!.budgetMinutes).toBe(300);
  });

  it('keeps an explicit budget when contracted hours change', async () => {
    expect(visible(await run(BOB, 'hours 30'))).toContain('stays at 3h');
  });
});

describe('privacy and help', () => {
  it('tells a person exactly what their manager, leads and admins see', async () => {
    const v = visible(await run(ADA, 'privacy'));
    expect(v).toContain('*Only you* see your notes and links');
    expect(v).toContain(`<@${MGR}>`);
    expect(v).toContain('Social leads');
    expect(v).toContain('Never your notes');
    expect(v).toContain('at least 5 people');
  });

  it('lists every command with examples', async () => {
    const v = visible(await run(ADA, 'help'));
    for (const c of ['/ballast log', '/ballast undo', '/ballast budget', '/ballast hours', '/ballast privacy', '/ballast week']) {
      expect(v).toContain(c);
    }
  });

  it('explains one command with "help log"', async () => {
    expect(visible(await run(ADA, 'help log'))).toContain('/ballast log 30m reply linkedin yesterday');
  });
});

describe('people', () => {
  it('records a person from users.info the first time and not again the same day', async () => {
    t.fake.addUser({ id: 'U800CAL', name: 'cal', tz: 'Asia/Kolkata' });
    const calls = () => t.fake.callsTo('users.info').filter((c) => c.args.user === 'U800CAL').length;
    await run('U800CAL', 'week');
    await run('U800CAL', 'week');
    expect(calls()).toBe(1);
    expect((await t.ballast.store.people.get('U800CAL'))!.tz).toBe('Asia/Kolkata');
    t.clock.advance(25 * 60);
    t.fake.updateUser('U800CAL', { tz: 'Europe/London' });
    await run('U800CAL', 'week');
    expect(calls()).toBe(2);
    expect((await t.ballast.store.people.get('U800CAL'))!.tz).toBe('Europe/London');
    t.clock.advance(-25 * 60);
  });

  it.each([
    ['U500BOT', 'bots'],
    ['U600GONE', 'deactivated'],
    ['U999NOBODY', "doesn't know"],
  ])('politely refuses %s (%s) and stores nothing', async (user, fragment) => {
    const before = await entryCount();
    expect(visible(await run(user, 'log 30m'))).toContain(fragment);
    expect(await entryCount()).toBe(before);
  });
});

describe('quoting what people typed', () => {
  it('shows a special mention typed into a bad command as text, never as a live @channel', async () => {
    const a = await run(ADA, 'frobnicate <!channel>');
    expect(visible(a)).toContain('frobnicate');
    const b = await run(ADA, 'log <!channel>');
    expect(visible(b)).not.toContain('<!channel>');
    expect(visible(b)).toContain('&lt;!channel&gt;');
  });
});
