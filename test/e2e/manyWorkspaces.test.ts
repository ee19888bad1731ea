// Many workspaces (issue #13) through the real app: installed from /slack/install into two workspaces
// and one Enterprise Grid org, each lives as if alone (the org as one organisation across its
// workspaces), with its own admins, settings, people and jobs. Cross-tenant attempts change nothing;
// an uninstall stops that tenant's sends in the middle of a pass; a reinstall inside the retention
// period resumes where it stopped, and after it the data is gone. Runs on SQLite and PostgreSQL.
import fs from 'node:fs';
import path from 'node:path';
import { openPool } from '../../src/store/postgres/db';
import { ACTIONS, LOG_MODAL as F, SHORTCUTS, VIEWS } from '../../src/slack/ids';
import { PASS_CONCURRENCY } from '../../src/jobs/pass';
import type { Store } from '../../src/services/store';
import { recordMet } from '../../src/services/welcome';
import { startTestApp, type TestApp } from '../support/app';
import { installFromLink, orgGrant, workspaceGrant } from '../support/install';
import type { SlackClient } from '../support/signer';

// Thursday 2026-11-26, 16:30 in Berlin: everyone's check-in is due.
const NOW = '2026-11-26T15:30:00Z';
const DAY_MS = 24 * 60 * 60 * 1000;

// Two workspaces, and an org whose two workspaces share one install. User ids are unique across them,
// as the fake Slack needs; each tenant's own tables are what keep them apart.
const ANA = 'U1ANA'; // installed T1
const BEN = 'U1BEN';
const CAT = 'U2CAT'; // installed T2
const DAN = 'U2DAN';
const EVA = 'U70EVA'; // installed the org E1, works in T70
const FIN = 'U71FIN'; // works in T71, reports to Eva

type Body = { text: string; blocks?: unknown[] };
const textOf = (b: unknown): string => {
  const body = b as Body;
  return `${body.text ?? ''}\n${JSON.stringify(body.blocks ?? [])}`;
};

let t: TestApp;
let t1: SlackClient;
let t2: SlackClient;
let t70: SlackClient;
let t71: SlackClient;
const store = (tenant: string): Promise<Store> => t.ballast.tenants!.forTenant(tenant);
const say = async (client: SlackClient, userId: string, text: string): Promise<string> => {
  const r = await client.command(userId, text);
  expect(r.status).toBe(200);
  return textOf(r.body);
};
const isCheckin = (args: Record<string, unknown>): boolean => String(args.text ?? '').startsWith('Any social engagement');
/** Resolves once `check` holds (events are acknowledged before they are handled, so a test waits for the effect). */
async function until(check: () => Promise<boolean> | boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}
const uninstalledAt = async (tenant: string) => (await t.ballast.store.installations.get(tenant))?.uninstalledAt ?? null;
const logged = (text: string) => t.logs.filter((l) => String(l.msg).includes(text)).length;
/** Slack revokes the tenant's token (unless told not to) and sends app_uninstalled; resolves once the app has recorded it. */
async function uninstall(client: SlackClient, tenant: string, token: string, opts: { revoke?: boolean } = {}): Promise<void> {
  if (opts.revoke !== false) t.fake.revoke(token);
  await client.event({ type: 'app_uninstalled' });
  await until(async () => (await uninstalledAt(tenant)) !== null, `${tenant}'s uninstall`);
}
/**
 * Three times as many people in T1 as a pass sends to at once (PASS_CONCURRENCY), all due a check-in and
 * already welcomed, so most of them wait their turn in a pass.
 */
async function crowdT1(prefix: string): Promise<string[]> {
  const s1 = await store('T1');
  const ids = Array.from({ length: 3 * PASS_CONCURRENCY }, (_, i) => `${prefix}${i}`);
  for (const id of ids) {
    t.fake.addUser({ id, name: id.toLowerCase(), tz: 'Europe/Berlin', teamId: 'T1' });
    await s1.people.upsertProfile({
      id, teamId: 'T1', name: id.toLowerCase(), realName: id, email: null, tz: 'Europe/Berlin', isBot: false, deleted: false,
      statusText: '', statusEmoji: '', statusExpiration: 0,
    }, t.clock.now());
    await recordMet({ store: s1, clock: t.clock }, id, 'test seed');
  }
  return ids;
}
/** The people a tenant's check-in pass tried to send to (the channels of its check-in posts). */
const checkinsTried = (tenant: string): Set<string> =>
  new Set(callsOf(tenant).filter((c) => c.method === 'chat.postMessage' && isCheckin(c.args)).map((c) => String(c.args.channel)));
/** The Web API calls made with a tenant's token. */
const callsOf = (tenant: string) => t.fake.calls.filter((c) => c.installation === tenant);

beforeEach(async () => {
  t = await startTestApp({ now: NOW, manyWorkspaces: true });
  const people: [string, string, string][] = [[ANA, 'ana', 'T1'], [BEN, 'ben', 'T1'], [CAT, 'cat', 'T2'], [DAN, 'dan', 'T2'],
    [EVA, 'eva', 'T70'], [FIN, 'fin', 'T71']];
  for (const [id, name, teamId] of people) t.fake.addUser({ id, name, realName: name[0].toUpperCase() + name.slice(1), tz: 'Europe/Berlin', teamId });
  for (const grant of [workspaceGrant('T1', ANA), workspaceGrant('T2', CAT), orgGrant('E1', ['T70', 'T71'], EVA)]) {
    expect((await installFromLink(t, grant)).status).toBe(200);
  }
  t1 = t.clientFor({ teamId: 'T1', botUserId: 'UBT1' });
  t2 = t.clientFor({ teamId: 'T2', botUserId: 'UBT2' });
  t70 = t.clientFor({ teamId: 'T70', enterpriseId: 'E1', enterpriseInstall: true, botUserId: 'UBE1' });
  t71 = t.clientFor({ teamId: 'T71', enterpriseId: 'E1', enterpriseInstall: true, botUserId: 'UBE1' });
});
afterEach(async () => {
  expect(t.fake.rejections).toEqual([]);
  await t.close();
  // No installation's token, and neither OAuth secret, ever reached a log line.
  expect(t.logText()).not.toMatch(/xoxb-(t1|t2|e1)-|xoxe-|fake-client-secret|test-state-secret/);
});

describe('installed into two workspaces and an org', () => {
  it('records each installation, and serves nobody from the main database', async () => {
    expect((await t.ballast.store.installations.installed()).map((i) => [i.tenantId, i.installerUserId, i.isEnterpriseInstall]))
      .toEqual([['E1', EVA, true], ['T1', ANA, false], ['T2', CAT, false]]);
    await say(t1, BEN, 'log 30m reply linkedin');
    expect(await t.ballast.store.people.listAll()).toEqual([]);
  });

  it('keeps each workspace\'s people, entries and Slack calls to itself', async () => {
    expect(await say(t1, BEN, 'log 30m reply linkedin')).toContain('30m');
    expect(await say(t2, DAN, 'log 45m share')).toContain('45m');
    expect((await (await store('T1')).entries.allOf(BEN)).map((e) => e.minutes)).toEqual([30]);
    expect((await (await store('T2')).entries.allOf(DAN)).map((e) => e.minutes)).toEqual([45]);
    expect(await (await store('T2')).people.get(BEN)).toBeUndefined();
    expect(await (await store('T1')).people.get(DAN)).toBeUndefined();
    // Each request went to Slack with its own workspace's token.
    expect(callsOf('T1').some((c) => JSON.stringify(c.args).includes(BEN))).toBe(true);
    expect(callsOf('T2').some((c) => JSON.stringify(c.args).includes(BEN))).toBe(false);
    expect(callsOf('T1').some((c) => JSON.stringify(c.args).includes(DAN))).toBe(false);
    expect(t.fake.calls.filter((c) => c.method !== 'oauth.v2.access' && c.installation === undefined)).toEqual([]);
    // Ben's week in T1 knows nothing of Dan's 45 minutes.
    const week = await say(t1, BEN, 'week');
    expect(week).toContain('30m');
    expect(week).not.toContain('45m');
  });

  it('makes each installer their own workspace\'s admin, with settings of its own', async () => {
    expect(await say(t1, ANA, 'admin settings budget_percent 20')).not.toContain('Only Ballast admins');
    expect(await say(t2, DAN, 'admin settings budget_percent 30')).toContain('Only Ballast admins');
    expect(await say(t2, CAT, 'admin settings min_group_size 7')).not.toContain('Only Ballast admins');
    expect((await (await store('T1')).settings.get())).toMatchObject({ budgetPercent: 20, minGroupSize: 5 });
    expect((await (await store('T2')).settings.get())).toMatchObject({ budgetPercent: 10, minGroupSize: 7 });
    // T1's installer, claiming to be in T2 (T2's token cannot see her), is nobody there.
    expect(await say(t2, ANA, 'admin settings budget_percent 40')).not.toContain('updated');
    expect((await (await store('T2')).settings.get()).budgetPercent).toBe(10);
    // An admin can name another admin in their own workspace.
    expect(await say(t1, ANA, `admin role <@${BEN}> admin`)).not.toContain('Only Ballast admins');
    expect((await (await store('T1')).people.get(BEN))?.role).toBe('admin');
    expect((await (await store('T2')).people.withRole('admin'))).toEqual([]);
  });

  it('treats the org\'s workspaces as one organisation: a manager in one has a report in the other', async () => {
    expect(await say(t70, EVA, `admin manager <@${FIN}> <@${EVA}>`)).not.toContain('Only Ballast admins');
    await say(t71, FIN, 'log 45m reply linkedin');
    const e1 = await store('E1');
    expect((await e1.people.reportsOf(EVA)).map((p) => p.id)).toEqual([FIN]);
    expect((await e1.entries.allOf(FIN)).map((e) => e.minutes)).toEqual([45]);
    expect(await say(t70, EVA, 'team')).toContain('Fin');
    // The admin report counts the org's people of both workspaces, and Eva's team across them.
    const report = await say(t70, EVA, 'admin report');
    expect(report).toContain('across 2 people');
    expect(report).toContain(`<@${EVA}>'s team: 1 person`);
    // One install: both workspaces' calls went out with the org's token.
    expect(callsOf('E1').some((c) => JSON.stringify(c.args).includes(FIN))).toBe(true);
    expect(callsOf('T70')).toEqual([]);
    expect(callsOf('T71')).toEqual([]);
  });
});

it('sends a manager in one of the org\'s workspaces the digest of a report in another', async () => {
  await say(t70, EVA, `admin manager <@${FIN}> <@${EVA}>`);
  await say(t71, FIN, 'log 45m reply linkedin');
  // Monday 30 November, 09:00 in Berlin: the digest of the week just finished.
  t.clock.set('2026-11-30T08:00:00Z');
  await t.ballast.passes.tick();
  await t.ballast.settled();
  const digests = t.fake.messagesTo(EVA).filter((m) => JSON.stringify(m.blocks ?? []).includes('Fin') && /digest|week/i.test(m.text ?? ''));
  expect(digests).toHaveLength(1);
  expect(JSON.stringify(digests[0].blocks)).toContain('45m');
  expect(t.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === digests[0].channel).map((c) => c.installation)).toEqual(['E1']);
});

it('suggests an advocate in another of the org\'s workspaces to a lead in one, and never one of another tenant', async () => {
  await say(t71, FIN, 'week');
  await say(t1, BEN, 'week');
  const res = await t70.messageShortcut({
    userId: EVA, callbackId: SHORTCUTS.assignMessage, channelId: 'C70LISTEN', messageTs: '1764150000.000200', text: 'Is the pricing page right?',
  });
  expect(res.status).toBe(200);
  const call = await t.fake.waitForCall('views.open');
  expect(call.installation).toBe('E1');
  const suggestions = JSON.stringify((call.args.view as { blocks: unknown[] }).blocks);
  expect(suggestions).toContain(`<@${FIN}>`);
  expect(suggestions).not.toContain(BEN);
});

it('answers a command plainly, and logs it, when a workspace\'s own tables cannot be opened', async () => {
  expect((await installFromLink(t, workspaceGrant('T3', 'U3GIL'))).status).toBe(200);
  t.fake.addUser({ id: 'U3GIL', name: 'gil', tz: 'Europe/Berlin', teamId: 'T3' });
  // Its tables are in the way of being made: a folder where its file goes, a foreign table in its schema.
  if (t.dbEnv.DATABASE_PATH) fs.mkdirSync(path.join(t.dir, 'tenants', 'T3.db'), { recursive: true });
  else {
    const pool = openPool(t.dbEnv.DATABASE_URL, { max: 1 });
    await pool.query('CREATE SCHEMA tenant_t3; CREATE TABLE tenant_t3.schema_version (x INT)');
    await pool.end();
  }
  const r = await t.clientFor({ teamId: 'T3' }).command('U3GIL', 'log 30m reply');
  expect(r.status).toBe(200);
  expect(textOf(r.body)).toContain('Something went wrong on our side and it has been logged');
  expect(t.logs.some((l) => l.tenant === 'T3' && String(l.msg).startsWith('opening the workspace\'s database'))).toBe(true);
});

describe('cross-tenant attempts', () => {
  it('reads an entry id in a modal\'s private_metadata only against the submitter\'s own workspace', async () => {
    await say(t1, BEN, 'log 30m reply linkedin');
    await say(t2, DAN, 'log 45m share');
    const [ben] = await (await store('T1')).entries.allOf(BEN);
    const [dan] = await (await store('T2')).entries.allOf(DAN);
    // The same id in both workspaces: only the tables of the request's own tenant are read.
    expect(ben.id).toBe(dan.id);
    const values = {
      [F.minutesBlock]: { [F.minutesAction]: { type: 'plain_text_input', value: '5h' } },
      [F.kindBlock]: { [F.kindAction]: { type: 'static_select', selected_option: { value: 'post', text: { type: 'plain_text', text: 'post' } } } },
      [F.dateBlock]: { [F.dateAction]: { type: 'datepicker', selected_date: '2026-11-26' } },
    };
    const r = await t2.viewSubmission({ userId: CAT, callbackId: VIEWS.editEntry, viewId: 'VEDITX', privateMetadata: String(ben.id), values });
    expect(r.status).toBe(200);
    expect(JSON.stringify(r.body)).toContain('errors');
    expect((await (await store('T1')).entries.allOf(BEN)).map((e) => e.minutes)).toEqual([30]);
    expect((await (await store('T2')).entries.allOf(DAN)).map((e) => e.minutes)).toEqual([45]);
  });

  it('answers nothing for a workspace that never installed, and stores nothing', async () => {
    const stranger = t.clientFor({ teamId: 'T9' });
    t.fake.addUser({ id: 'U9EVE', name: 'eve', teamId: 'T9' });
    const before = t.fake.calls.length;
    const r = await stranger.command('U9EVE', 'log 30m reply');
    expect(r.status).toBe(200);
    expect(r.text).toBe('');
    expect(t.fake.calls.length).toBe(before);
    expect(await t.ballast.store.installations.get('T9')).toBeUndefined();
    expect(t.logs.some((l) => String(l.msg).includes('not installed in'))).toBe(true);
  });

  it('reads an entry id from a button only against the clicker\'s own workspace', async () => {
    await say(t1, BEN, 'log 30m reply linkedin');
    const [entry] = await (await store('T1')).entries.allOf(BEN);
    // Dan, in T2, presses Delete with the id of Ben's entry in T1.
    const url = t.fake.responseUrl();
    const r = await t2.blockAction({ userId: DAN, actionId: ACTIONS.entryDelete, value: String(entry.id), responseUrl: url, isEphemeral: true });
    expect(r.status).toBe(200);
    const answer = await t.fake.waitFor(() => t.fake.responsesTo(url)[0]?.body);
    expect(textOf(answer)).not.toContain('Deleted');
    expect((await (await store('T1')).entries.allOf(BEN)).map((e) => e.id)).toEqual([entry.id]);
    expect(await (await store('T2')).entries.allOf(DAN)).toEqual([]);
  });
});

describe('jobs per tenant', () => {
  it('sends each workspace\'s check-ins with its own token, and the org\'s to both its workspaces', async () => {
    for (const [client, id] of [[t1, BEN], [t2, DAN], [t70, EVA], [t71, FIN]] as const) await say(client, id, 'week');
    expect(await t.ballast.passes.tick()).toBe('ran');
    await t.ballast.settled();
    const checkinTo = (id: string) => t.fake.messagesTo(id).filter((m) => (m.text ?? '').startsWith('Any social engagement'));
    for (const id of [BEN, DAN, EVA, FIN]) expect(checkinTo(id)).toHaveLength(1);
    const posts = t.fake.callsTo('chat.postMessage').filter((c) => isCheckin(c.args));
    expect(posts.map((c) => c.installation).sort()).toEqual(['E1', 'E1', 'T1', 'T2']);
    // A second tick sends nothing again (claims are per tenant).
    await t.ballast.passes.tick();
    for (const id of [BEN, DAN, EVA, FIN]) expect(checkinTo(id)).toHaveLength(1);
  });

  it('stops an uninstalled workspace in the middle of a pass, and the others carry on', async () => {
    const many = await crowdT1('U1P');
    await say(t2, DAN, 'week');
    t.fake.delay('chat.postMessage', 150);
    const pass = t.ballast.passes.tick();
    await t.fake.waitForCall('chat.postMessage', (c) => c.installation === 'T1' && isCheckin(c.args), 10_000);
    // Slack tells the app, while T1's pass is sending. The token still works here (Slack revokes it a
    // moment later), so only the event can stop the pass.
    await uninstall(t1, 'T1', 'xoxb-t1-1', { revoke: false });
    const handledAt = t.fake.calls.length;
    await pass;
    await t.ballast.settled();
    // Those already taken when Slack refused the token were tried (at most the first wave and the
    // people the first wave's workers took next); nobody after them was.
    const t1Posts = callsOf('T1').filter((c) => c.method === 'chat.postMessage' && isCheckin(c.args));
    expect(t1Posts.filter((c) => c.error === undefined).length).toBeGreaterThan(0);
    const tried = checkinsTried('T1');
    expect(tried.size).toBeLessThanOrEqual(2 * PASS_CONCURRENCY);
    expect(tried.size).toBeLessThan(many.length);
    expect(t1Posts.filter((c) => c.error !== undefined)).toEqual([]);
    expect(t.logs.some((l) => l.tenant === 'T1' && String(l.msg).startsWith('uninstalled: every send'))).toBe(true);
    // After the uninstall was handled, at most the people already taken were still sent to.
    expect(t.fake.calls.slice(handledAt).filter((c) => c.installation === 'T1' && c.method === 'chat.postMessage' && isCheckin(c.args)).length)
      .toBeLessThanOrEqual(PASS_CONCURRENCY);
    expect(t.fake.messagesTo(DAN).filter((m) => (m.text ?? '').startsWith('Any social engagement'))).toHaveLength(1);
    // The next pass does not touch T1 at all.
    t.fake.clearFaults();
    const before = callsOf('T1').length;
    t.clock.advance(24 * 60);
    await t.ballast.passes.tick();
    expect(callsOf('T1').length).toBe(before);
    expect(t.fake.messagesTo(DAN).filter((m) => (m.text ?? '').startsWith('Any social engagement'))).toHaveLength(2);
  });

  it('stops a workspace whose token Slack refuses, before any uninstall event reaches this replica', async () => {
    await crowdT1('U1Q');
    t.fake.revoke('xoxb-t1-1');
    await t.ballast.passes.tick();
    const tried = checkinsTried('T1');
    expect(tried.size).toBeGreaterThan(0);
    expect(tried.size).toBeLessThanOrEqual(PASS_CONCURRENCY);
    expect(t.logs.filter((l) => String(l.msg).includes('Slack refuses the token of tenant T1'))).toHaveLength(1);
  });
});

describe('uninstall and reinstall', () => {
  it('takes app_uninstalled and a late tokens_revoked once each, and a reinstall resumes where it stopped', async () => {
    await say(t1, BEN, 'log 30m reply linkedin');
    await uninstall(t1, 'T1', 'xoxb-t1-1');
    const gone = await t.ballast.store.installations.get('T1');
    expect(gone?.uninstalledAt).toBe(t.clock.now());
    expect(logged('uninstalled: every send')).toBe(1);
    // tokens_revoked trailing it (and app_uninstalled redelivered) change nothing, and are not errors.
    t.clock.advance(1);
    await t1.event({ type: 'tokens_revoked', tokens: { oauth: [], bot: ['UBT1'] } });
    await t1.event({ type: 'app_uninstalled' });
    await until(() => logged('an uninstall already recorded') === 2, 'both late events handled');
    expect(await t.ballast.store.installations.get('T1')).toEqual(gone);
    expect(logged('uninstalled: every send')).toBe(1);
    // While uninstalled, T1's requests reach nothing.
    expect((await t1.command(BEN, 'week')).text).toBe('');
    // Reinstalled with a new token: Ben's entry is still there.
    t.clock.advance(60);
    expect((await installFromLink(t, { ...workspaceGrant('T1', ANA), botToken: 'xoxb-t1-2' })).status).toBe(200);
    expect(await say(t1, BEN, 'week')).toContain('30m');
    // The old uninstall, delivered again after the reinstall, leaves the new install standing.
    const sentBefore = Math.floor((t.clock.now() - 30 * 60_000) / 1000);
    await t1.event({ type: 'app_uninstalled' }, { eventTime: sentBefore });
    await t1.event({ type: 'tokens_revoked', tokens: { oauth: [], bot: ['UBT1'] } }, { eventTime: sentBefore });
    await until(() => logged('an uninstall sent before the latest install was ignored') === 2, 'both stale events handled');
    expect(await uninstalledAt('T1')).toBeNull();
    expect(await say(t1, BEN, 'week')).toContain('30m');
    expect(callsOf('T1').filter((c) => c.error === 'token_revoked')).toEqual([]);
  });

  it('keeps the data of a workspace that reinstalled while its retention period ran out', async () => {
    await say(t1, BEN, 'log 30m reply linkedin');
    await uninstall(t1, 'T1', 'xoxb-t1-1');
    t.clock.advance((31 * DAY_MS) / 60_000);
    // The purge lists the uninstalled tenants; before it gets to T1, T1 is installed again.
    const installations = t.ballast.store.installations;
    const list = installations.uninstalled.bind(installations);
    installations.uninstalled = async () => {
      const listed = await list();
      expect((await installFromLink(t, { ...workspaceGrant('T1', ANA), botToken: 'xoxb-t1-2' })).status).toBe(200);
      return listed;
    };
    await t.ballast.passes.tick();
    expect(await uninstalledAt('T1')).toBeNull();
    expect((await (await store('T1')).entries.allOf(BEN)).map((e) => e.minutes)).toEqual([30]);
    expect(await say(t1, BEN, 'week')).toContain('30m');
  });

  it('keeps an uninstalled workspace\'s data for its retention period, then deletes it', async () => {
    await say(t1, BEN, 'log 30m reply linkedin');
    await say(t2, DAN, 'log 45m share');
    expect(await say(t2, CAT, 'admin settings retention_days 60')).toContain('retention_days');
    await uninstall(t1, 'T1', 'xoxb-t1-1');
    await uninstall(t2, 'T2', 'xoxb-t2-1');
    t.clock.advance((29 * DAY_MS) / 60_000);
    await t.ballast.passes.tick();
    expect(await (await store('T1')).entries.allOf(BEN)).toHaveLength(1);
    t.clock.advance((2 * DAY_MS) / 60_000);
    await t.ballast.passes.tick();
    // 31 days: T1 (30 by default) is gone, row and tables; T2 (60) is kept.
    expect(await t.ballast.store.installations.get('T1')).toBeUndefined();
    expect(await (await store('T1')).entries.allOf(BEN)).toEqual([]);
    expect(await (await store('T1')).people.listAll()).toEqual([]);
    expect(await (await store('T2')).entries.allOf(DAN)).toHaveLength(1);
    expect(await uninstalledAt('T2')).not.toBeNull();
    // Installing T1 again starts it afresh.
    expect((await installFromLink(t, { ...workspaceGrant('T1', ANA), botToken: 'xoxb-t1-3' })).status).toBe(200);
    expect(await say(t1, BEN, 'week')).not.toContain('30m');
  });
});
