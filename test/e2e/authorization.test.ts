/**
 * Who may do what, and who may see what (DESIGN.md, Privacy), as tables run against one app.
 * To cover a new privileged command, add rows to PRIVILEGED (`everyone(...)` makes one row per actor);
 * whatever shows data goes in SURFACES too. The cast (`test/support/cast.ts`) and their secrets are
 * shared by every row; buttons, modals and shortcuts have their own table in `authorizationInteractions.test.ts`.
 */
import type { SlackClient } from '../support/signer';
import type { TestApp } from '../support/app';
import * as db from '../support/db';
import {
  ACTORS, ADMINS, CAST, LEADS_AND_ADMINS, LEAD_REFUSAL, MANAGERS, OTHER_WORKSPACE, SENDS, TARGET,
  outcomeFor, mention as m, secretOf, startCast, type Actor, type Outcome,
} from '../support/cast';

interface PrivilegedRow {
  /** Shown in the test name. */
  what: string;
  actor: Actor;
  /** The command text; `<@…>` mentions are built from CAST. */
  command: string;
  expect: Outcome;
  /** The stored effect, read back after the command: equal to `after` when allowed, else unchanged. */
  effect: { read: (t: TestApp) => unknown; after: unknown };
  /** What a refused actor is told; default: the budget refusal. */
  refusal?: RegExp;
  /** What an allowed actor is shown. */
  shows?: RegExp;
}

const BUDGET_REFUSAL = /Only that person's manager or a Ballast admin/;
const budgetOf = (who: Actor) => async (t: TestApp) =>
  (await db.row<{ b: number | null }>(t, 'SELECT budget_minutes AS b FROM people WHERE id = ?', CAST[who]))?.b ?? null;

const ADMIN_REFUSAL = /Only Ballast admins can do that/;
const TEAM_REFUSAL = /You have no direct reports in Ballast/;
const LINK = 'https://x.com/acme/status/1865';

const noEffect = { read: () => null, after: null };
const sql = (query: string, ...args: unknown[]) => (t: TestApp) => db.row(t, query, ...args);
const assignmentCount = sql('SELECT COUNT(*) AS n FROM assignments');

/** One row per actor: those in `allowed` may, a stranger is ignored, everyone else is refused. */
function everyone(
  what: string, command: string, allowed: Actor[], effect: PrivilegedRow['effect'], refusal: RegExp, shows?: RegExp,
): PrivilegedRow[] {
  return ACTORS.map((actor) => ({
    what, actor, command, effect, refusal, shows,
    expect: outcomeFor(actor, allowed),
  }));
}

/** `/ballast budget @user <duration>`: their manager or an admin (DESIGN.md, Slack surface). */
const PRIVILEGED: PrivilegedRow[] = [
  { what: 'set their own budget', actor: 'employee', command: `budget ${m('employee')} 5h`, expect: 'forbidden', effect: { read: budgetOf('employee'), after: 300 } },
  { what: "set a colleague's budget", actor: 'employee', command: `budget ${m('colleague')} 5h`, expect: 'forbidden', effect: { read: budgetOf('colleague'), after: 300 } },
  { what: "set their manager's budget", actor: 'employee', command: `budget ${m('manager')} 5h`, expect: 'forbidden', effect: { read: budgetOf('manager'), after: 300 } },
  { what: "set a direct report's budget", actor: 'manager', command: `budget ${m('employee')} 3h`, expect: 'allowed', effect: { read: budgetOf('employee'), after: 180 } },
  { what: "set another manager's report's budget", actor: 'manager', command: `budget ${m('otherReport')} 3h`, expect: 'forbidden', effect: { read: budgetOf('otherReport'), after: 180 } },
  { what: "set another manager's budget", actor: 'manager', command: `budget ${m('otherManager')} 3h`, expect: 'forbidden', effect: { read: budgetOf('otherManager'), after: 180 } },
  { what: "set an advocate's budget", actor: 'lead', command: `budget ${m('employee')} 2h`, expect: 'forbidden', effect: { read: budgetOf('employee'), after: 120 } },
  { what: "set anyone's budget", actor: 'admin', command: `budget ${m('otherReport')} 2h`, expect: 'allowed', effect: { read: budgetOf('otherReport'), after: 120 } },
  { what: "set anyone's budget", actor: 'envAdmin', command: `budget ${m('employee')} 90m`, expect: 'allowed', effect: { read: budgetOf('employee'), after: 90 } },
  { what: 'set a budget in a workspace it does not belong to', actor: 'stranger', command: `budget ${m('employee')} 1h`, expect: 'ignored', effect: { read: budgetOf('employee'), after: 60 } },
  { what: 'set its own budget in a workspace it does not belong to', actor: 'stranger', command: `budget ${m('stranger')} 1h`, expect: 'ignored', effect: { read: budgetOf('stranger'), after: 60 } },
  // `/ballast team`: managers, for their direct reports.
  ...everyone('see a team digest', 'team', MANAGERS, noEffect, TEAM_REFUSAL, /Team advocacy for/),
  // `/ballast admin …`: admins (role admin or BALLAST_ADMINS).
  ...everyone('set a reporting line', `admin manager <@${TARGET}> ${m('otherManager')}`, ADMINS,
    { read: sql('SELECT manager_id AS m FROM people WHERE id = ?', TARGET), after: { m: CAST.otherManager } }, ADMIN_REFUSAL, /now reports to/),
  ...everyone('make someone a lead', `admin role <@${TARGET}> lead`, ADMINS,
    { read: sql('SELECT role FROM people WHERE id = ?', TARGET), after: { role: 'lead' } }, ADMIN_REFUSAL, /is now a social lead/),
  // Nobody outside the two admins ends up an admin (an admin making themselves one changes nothing).
  ...everyone('make themselves an admin', 'admin role <@SELF> admin', ADMINS,
    { read: sql("SELECT COUNT(*) AS n FROM people WHERE role = 'admin' AND id NOT IN (?, ?)", CAST.admin, CAST.envAdmin), after: 'SAME' }, ADMIN_REFUSAL),
  ...everyone('view the org settings', 'admin settings', ADMINS,
    { read: sql('SELECT COUNT(*) AS n FROM settings'), after: 'SAME' }, ADMIN_REFUSAL, /min_group_size/),
  ...everyone('change an org setting', 'admin settings min_group_size 9', ADMINS,
    { read: sql("SELECT value FROM settings WHERE key = 'minGroupSize'"), after: { value: '9' } }, ADMIN_REFUSAL, /min_group_size/),
  ...everyone('see the cost report', 'admin report', ADMINS, noEffect, ADMIN_REFUSAL),
  // `/ballast assign …`: leads and admins.
  ...everyone('offer a conversation to someone', `assign ${m('otherReport')} <${LINK}> est 20m brief take this`, LEADS_AND_ADMINS,
    { read: assignmentCount, after: { n: 1 } }, LEAD_REFUSAL, /Offered to/),
  ...everyone('ask who has room for a conversation', `assign <${LINK}>`, LEADS_AND_ADMINS,
    { read: assignmentCount, after: { n: 0 } }, LEAD_REFUSAL, /Who has room/),
];

interface SurfaceRow {
  what: string;
  /** Returns everything the actor was shown (reply text and blocks, a view), as JSON. */
  show: (t: TestApp, client: SlackClient, actorId: string) => Promise<string>;
}

const replyOf = async (client: SlackClient, actorId: string, text: string): Promise<string> => JSON.stringify((await client.command(actorId, text)).body);

/** Everything Ballast shows a person on this branch; each actor's view is checked against everyone's secrets. */
const SURFACES: SurfaceRow[] = [
  { what: '/ballast week', show: (_t, c, id) => replyOf(c, id, 'week') },
  { what: '/ballast budget', show: (_t, c, id) => replyOf(c, id, 'budget') },
  { what: '/ballast budget @employee', show: (_t, c, id) => replyOf(c, id, `budget ${m('employee')} 4h`) },
  { what: '/ballast budget @otherReport', show: (_t, c, id) => replyOf(c, id, `budget ${m('otherReport')} 4h`) },
  { what: '/ballast privacy', show: (_t, c, id) => replyOf(c, id, 'privacy') },
  { what: '/ballast entries', show: (_t, c, id) => replyOf(c, id, 'entries') },
  { what: '/ballast undo (of their own entry)', show: (_t, c, id) => replyOf(c, id, 'undo') },
  { what: '/ballast team', show: (_t, c, id) => replyOf(c, id, 'team') },
  { what: '/ballast admin report', show: (_t, c, id) => replyOf(c, id, 'admin report') },
  { what: '/ballast admin settings', show: (_t, c, id) => replyOf(c, id, 'admin settings') },
  { what: '/ballast assign <link> (suggestions)', show: (_t, c, id) => replyOf(c, id, `assign <${LINK}/seen>`) },
  { what: '/ballast assignments', show: (_t, c, id) => replyOf(c, id, 'assignments') },
  {
    what: 'App Home',
    show: async (t, c, id) => {
      t.fake.reset();
      await c.event({ type: 'app_home_opened', user: id, channel: `D${id.slice(1)}`, tab: 'home' });
      if (id === CAST.stranger) {
        await c.command(id, 'help'); // a round trip, then nothing must have been published
        return JSON.stringify(t.fake.callsTo('views.publish'));
      }
      return JSON.stringify(await t.fake.waitFor((f) => f.homeOf(id)));
    },
  },
];

/** Waits until the app has made no Slack call or response for a while: the tail of an allowed command. */
async function settle(quietMs = 60): Promise<void> {
  let seen = -1;
  while (seen !== t.fake.calls.length + t.fake.responses.length) {
    seen = t.fake.calls.length + t.fake.responses.length;
    await new Promise((r) => setTimeout(r, quietMs));
  }
}

let t: TestApp;
let stranger: SlackClient;
let settingsRows: { key: string; value: string }[] = [];

async function resetPrivilegedState(): Promise<void> {
  await db.run(t, 'UPDATE people SET budget_minutes = NULL, budget_set_by = NULL, budget_set_at = NULL');
  await db.run(t, "UPDATE people SET manager_id = NULL, role = 'none' WHERE id IN (?, ?)", TARGET, CAST.envAdmin);
  await db.run(t, 'DELETE FROM assignments');
  await db.run(t, 'DELETE FROM settings');
  for (const r of settingsRows) await db.run(t, 'INSERT INTO settings (key, value) VALUES (?, ?)', r.key, r.value);
}

let clientFor: (actor: Actor) => SlackClient;

beforeAll(async () => {
  ({ t, stranger, clientFor } = await startCast());
  settingsRows = await db.rows<{ key: string; value: string }>(t, 'SELECT key, value FROM settings');
});
afterAll(() => t.close());
afterEach(() => expect(t.fake.rejections).toEqual([]));

describe('privileged commands', () => {
  beforeEach(resetPrivilegedState);

  it.each(PRIVILEGED)('$actor may $what: $expect', async (row) => {
    const before = await row.effect.read(t);
    const calls = t.fake.calls.length;
    const r = await clientFor(row.actor).command(CAST[row.actor], row.command.replace('SELF', CAST[row.actor]));
    expect(r.status).toBe(200);
    const text = (r.body as { text: string }).text;
    const shown = JSON.stringify(r.body);
    const after = await row.effect.read(t);
    if (row.expect === 'allowed') {
      if (row.effect.after === 'SAME') expect(after).toEqual(before);
      else expect(after).toEqual(row.effect.after);
      expect(text).not.toMatch(row.refusal ?? BUDGET_REFUSAL);
      if (row.shows) expect(shown).toMatch(row.shows);
      // An allowed change may tell someone after the reply (a budget DM): let it land in this row.
      await settle();
    } else {
      expect(after).toEqual(before);
      expect(text).toMatch(row.expect === 'ignored' ? OTHER_WORKSPACE : (row.refusal ?? BUDGET_REFUSAL));
      // Refused means nothing went out either: no DM, no message update, no modal, no file.
      expect(t.fake.calls.slice(calls).filter((c) => SENDS.includes(c.method))).toEqual([]);
    }
  });
});

describe('what each person is shown', () => {
  const actors = ACTORS;
  const cases = SURFACES.flatMap((s) => actors.map((actor) => ({ ...s, actor })));

  it.each(cases)("$actor sees no one else's notes or links on $what", async ({ show, actor }) => {
    const seen = await show(t, clientFor(actor), CAST[actor]);
    for (const [other, id] of Object.entries(CAST) as [Actor, string][]) {
      if (other === actor) continue;
      const s = secretOf(id);
      expect(seen).not.toContain(s.note);
      expect(seen).not.toContain(s.link);
    }
  });

  it("shows a manager their direct reports' figures and no one else's", async () => {
    const seen = await replyOf(t.slack, CAST.manager, 'team');
    expect(seen).toContain(CAST.employee);
    expect(seen).toContain(CAST.colleague);
    for (const other of ['otherReport', 'otherManager', 'lead', 'admin', 'envAdmin', 'manager'] as Actor[]) expect(seen).not.toContain(CAST[other]);
    const theirs = await replyOf(t.slack, CAST.otherManager, 'team');
    expect(theirs).toContain(CAST.otherReport);
    expect(theirs).not.toContain(CAST.employee);
  });

  it('shows a lead capacity bands and assignment states, never minutes', async () => {
    resetPrivilegedState();
    // Everyone logged 25m this week; a lead's suggestions and lists show bands, not that figure.
    const suggestions = await replyOf(t.slack, CAST.lead, `assign <${LINK}/bands>`);
    expect(suggestions).toMatch(/plenty|some|none/i);
    const offered = await replyOf(t.slack, CAST.lead, `assign ${m('employee')} <${LINK}/bands> est 20m`);
    const list = await replyOf(t.slack, CAST.lead, 'assignments');
    for (const seen of [suggestions, offered, list]) expect(seen).not.toMatch(/\b25 ?m(in(utes)?)?\b/);
    expect(list).toMatch(/offered/i);
  });

  it('shows people their own note and link when they log, and nothing to another workspace', async () => {
    const s = secretOf(CAST.employee);
    const logged = await replyOf(t.slack, CAST.employee, `log 5m comment <${s.link}> ${s.note}`);
    expect(logged).toContain(s.note);
    expect(logged).toContain(s.link);
    const strangerWeek = await replyOf(stranger, CAST.stranger, 'week');
    expect(strangerWeek).toContain('only serves the workspace it is installed in');
    expect(await db.row(t, 'SELECT COUNT(*) AS n FROM people WHERE id = ?', CAST.stranger)).toEqual({ n: 0 });
  });
});
