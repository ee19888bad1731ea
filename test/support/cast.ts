// The cast the authorization tables are tried by: one person per role, each with a private entry,
// and a stranger from another workspace. Shared by the command table and the interaction table.
import { createSlackClient, type SlackClient } from './signer';
import { SIGNING_SECRET, startTestApp, type TestApp } from './app';

/** The cast. `reportsTo` lines and roles are set in the store by `startCast`. */
export const CAST = {
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
export type Actor = keyof typeof CAST;
export const ACTORS = Object.keys(CAST) as Actor[];
/** Someone outside the cast whom admins change and leads offer to, so the cast stays as set up. */
export const TARGET = 'U209TGT';
export const STRANGER_TEAM = 'T0OTHER';

/** Allowed: it happens. Forbidden: refused, with a reason. Ignored: another workspace's payload, dropped. */
export type Outcome = 'allowed' | 'forbidden' | 'ignored';

export const MANAGERS: Actor[] = ['manager', 'otherManager'];
export const ADMINS: Actor[] = ['admin', 'envAdmin'];
export const LEADS_AND_ADMINS: Actor[] = ['lead', 'admin', 'envAdmin'];

/** What `actor` should get when only `allowed` may: a stranger is ignored, everyone else refused. */
export const outcomeFor = (actor: Actor, allowed: readonly Actor[]): Outcome =>
  (actor === 'stranger' ? 'ignored' : allowed.includes(actor) ? 'allowed' : 'forbidden');

/** What only its owner may ever see, logged by each person before the tables run. */
export const secretOf = (id: string) => ({ note: `private-note-of-${id}`, link: `https://example.com/private/${id}` });

/** A mention as Slack sends it with `should_escape`. */
export const mention = (who: Actor) => `<@${CAST[who]}|${who}>`;

export const LEAD_REFUSAL = /Only social leads and admins can assign conversations/;
export const OTHER_WORKSPACE = /only serves the workspace it is installed in/;

/** Slack calls that deliver or change something; a refused click, submission or command makes none. */
export const SENDS = ['chat.postMessage', 'chat.update', 'chat.postEphemeral', 'views.open', 'views.update', 'views.push', 'views.publish', 'files.uploadV2', 'files.upload'];

export interface Cast {
  t: TestApp;
  stranger: SlackClient;
  clientFor(actor: Actor): SlackClient;
}

/**
 * Starts the app (with `envAdmin` in BALLAST_ADMINS), adds everyone to the fake workspace, has each
 * of them log a private entry, and sets the reporting lines and roles.
 */
export async function startCast(): Promise<Cast> {
  const t = await startTestApp({ env: { BALLAST_ADMINS: CAST.envAdmin } });
  const stranger = createSlackClient({
    baseUrl: `http://127.0.0.1:${t.ballast.port}`, signingSecret: SIGNING_SECRET, teamId: STRANGER_TEAM, responseUrls: t.fake,
  });
  for (const id of [...Object.values(CAST), TARGET]) t.fake.addUser({ id, name: id.toLowerCase(), tz: 'Europe/Berlin' });
  for (const [actor, id] of Object.entries(CAST) as [Actor, string][]) {
    if (actor === 'stranger') continue;
    const s = secretOf(id);
    const r = await t.slack.command(id, `log 25m reply <${s.link}> ${s.note}`);
    if (!(r.body as { text: string }).text.includes('Logged')) throw new Error(`could not log for ${actor}: ${r.text}`);
  }
  const people = t.ballast.store.people;
  await people.setManager(CAST.employee, CAST.manager);
  await people.setManager(CAST.colleague, CAST.manager);
  await people.setManager(CAST.otherReport, CAST.otherManager);
  await people.setRole(CAST.lead, 'lead');
  await people.setRole(CAST.admin, 'admin');
  await t.slack.command(TARGET, 'week');
  return { t, stranger, clientFor: (actor) => (actor === 'stranger' ? stranger : t.slack) };
}
