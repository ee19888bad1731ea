/**
 * Who may do what, and who may see what (DESIGN.md, Privacy), as two tables run against one app.
 * To cover a new privileged command, button or modal, add rows to PRIVILEGED (and, if it shows
 * data, to SURFACES); the cast and the secrets below are shared by every row.
 */
import { createSlackClient, type SlackClient } from '../support/signer';
import { SIGNING_SECRET, startTestApp, type TestApp } from '../support/app';

/** The cast. `reportsTo` lines and roles are set in the store before the tables run. */
const CAST = {
  employee: 'U200EMP', // reports to manager
  colleague: 'U207COL', // reports to manager, like employee
  manager: 'U201MGR', // manages employee and colleague
  otherReport: 'U203OTH', // reports to otherManager
  otherManager: 'U204MG2',
  lead: 'U205LED', // role lead
  admin: 'U206ADM', // role admin
  envAdmin: 'U208ENV', // admin through BALLAST_ADMINS
  stranger: 'U900STR', // a member of another workspace
} as const;
type Actor = keyof typeof CAST;

/** What only its owner may ever see, logged by each person before the tables run. */
const secretOf = (id: string) => ({ note: `private-note-of-${id}`, link: `https://example.com/private/${id}` });

type Outcome = 'allowed' | 'forbidden' | 'ignored';

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
}

const BUDGET_REFUSAL = /Only that person's manager or a Ballast admin/;
const OTHER_WORKSPACE = /only serves the workspace it is installed in/;

const m = (who: Actor) => `<@${CAST[who]}|${who}>`;
const budgetOf = (who: Actor) => (t: TestApp) =>
  (t.ballast.store.db.prepare('SELECT budget_minutes AS b FROM people WHERE id = ?').get(CAST[who]) as { b: number | null } | undefined)?.b ?? null;

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
  { what: '/ballast undo (of their own entry)', show: (_t, c, id) => replyOf(c, id, 'undo') },
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

let t: TestApp;
let stranger: SlackClient;
const clientFor = (actor: Actor): SlackClient => (actor === 'stranger' ? stranger : t.slack);

beforeAll(async () => {
  t = await startTestApp({ env: { BALLAST_ADMINS: CAST.envAdmin } });
  stranger = createSlackClient({
    baseUrl: `http://127.0.0.1:${t.ballast.port}`, signingSecret: SIGNING_SECRET, teamId: 'T0OTHER', responseUrls: t.fake,
  });
  for (const id of Object.values(CAST)) t.fake.addUser({ id, name: id.toLowerCase(), tz: 'Europe/Berlin' });
  // Everyone in the workspace has logged something private.
  for (const [actor, id] of Object.entries(CAST) as [Actor, string][]) {
    if (actor === 'stranger') continue;
    const s = secretOf(id);
    const r = await t.slack.command(id, `log 25m reply <${s.link}> ${s.note}`);
    expect((r.body as { text: string }).text).toContain('Logged');
  }
  const people = t.ballast.store.people;
  await people.setManager(CAST.employee, CAST.manager);
  await people.setManager(CAST.colleague, CAST.manager);
  await people.setManager(CAST.otherReport, CAST.otherManager);
  await people.setRole(CAST.lead, 'lead');
  await people.setRole(CAST.admin, 'admin');
});
afterAll(() => t.close());
afterEach(() => expect(t.fake.rejections).toEqual([]));

describe('privileged commands', () => {
  beforeEach(() => {
    t.ballast.store.db.prepare('UPDATE people SET budget_minutes = NULL, budget_set_by = NULL, budget_set_at = NULL').run();
  });

  it.each(PRIVILEGED)('$actor may $what: $expect', async (row) => {
    const before = row.effect.read(t);
    const r = await clientFor(row.actor).command(CAST[row.actor], row.command);
    expect(r.status).toBe(200);
    const text = (r.body as { text: string }).text;
    const after = row.effect.read(t);
    if (row.expect === 'allowed') {
      expect(after).toEqual(row.effect.after);
      expect(text).not.toMatch(/only|can't|cannot/i);
    } else {
      expect(after).toEqual(before);
      expect(text).toMatch(row.expect === 'ignored' ? OTHER_WORKSPACE : (row.refusal ?? BUDGET_REFUSAL));
    }
  });
});

describe('what each person is shown', () => {
  const actors = (Object.keys(CAST) as Actor[]);
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

  it('shows people their own note and link when they log, and nothing to another workspace', async () => {
    const s = secretOf(CAST.employee);
    const logged = await replyOf(t.slack, CAST.employee, `log 5m comment <${s.link}> ${s.note}`);
    expect(logged).toContain(s.note);
    expect(logged).toContain(s.link);
    const strangerWeek = await replyOf(stranger, CAST.stranger, 'week');
    expect(strangerWeek).toContain('only serves the workspace it is installed in');
    expect(t.ballast.store.db.prepare('SELECT COUNT(*) AS n FROM people WHERE id = ?').get(CAST.stranger)).toEqual({ n: 0 });
  });
});
