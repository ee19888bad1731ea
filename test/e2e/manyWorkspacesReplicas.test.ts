// Many workspaces on many replicas (issues #11 and #13 together): two Ballast apps on one database,
// both in many-workspace mode. Whichever replica installs a workspace or receives its request, the
// other serves it too; both run the passes at once and each person of each workspace gets one check-in;
// an uninstall handled by one replica keeps the other's next pass away from that workspace.
import { recordMet } from '../../src/services/welcome';
import { startTestApp, type TestApp } from '../support/app';
import { installFromLink, workspaceGrant } from '../support/install';

const NOW = '2026-11-26T15:30:00Z'; // Thursday, 16:30 in Berlin: everyone's check-in is due
let a: TestApp;
let b: TestApp;

beforeEach(async () => {
  a = await startTestApp({ now: NOW, manyWorkspaces: true });
  b = await startTestApp({ now: NOW, manyWorkspaces: true, fakeSlack: a.fake, dir: a.dir, env: a.dbEnv });
});
afterEach(async () => {
  await b.close();
  await a.close();
});

const isCheckin = (text: unknown) => String(text ?? '').startsWith('Any social engagement');

it('serves each workspace from either replica, and sends each person one check-in when both run the pass at once', async () => {
  expect((await installFromLink(a, workspaceGrant('T1', 'U1ANA'))).status).toBe(200);
  expect((await installFromLink(b, workspaceGrant('T2', 'U2CAT'))).status).toBe(200);
  const people: Record<string, string[]> = { T1: [], T2: [] };
  for (const team of ['T1', 'T2']) {
    const store = await a.ballast.tenants!.forTenant(team);
    for (let i = 0; i < 40; i++) {
      const id = `U${team.slice(1)}P${i}`;
      people[team].push(id);
      a.fake.addUser({ id, name: id.toLowerCase(), tz: 'Europe/Berlin', teamId: team });
      await store.people.upsertProfile({
        id, teamId: team, name: id.toLowerCase(), realName: id, email: null, tz: 'Europe/Berlin', isBot: false, deleted: false,
        statusText: '', statusEmoji: '', statusExpiration: 0,
      }, a.clock.now());
      await recordMet({ store, clock: a.clock }, id, 'test seed');
    }
  }
  // A request for T1, installed through A, answered by B; what it stored is A's to read.
  const viaB = b.clientFor({ teamId: 'T1' });
  await viaB.command('U1P0', 'log 30m reply linkedin');
  expect((await (await a.ballast.tenants!.forTenant('T1')).entries.allOf('U1P0')).map((e) => e.minutes)).toEqual([30]);

  await Promise.all([a.ballast.passes.tick(), b.ballast.passes.tick()]);
  await Promise.all([a.ballast.settled(), b.ballast.settled()]);
  const posts = a.fake.callsTo('chat.postMessage').filter((c) => isCheckin(c.args.text));
  for (const team of ['T1', 'T2']) {
    const mine = posts.filter((c) => c.installation === team);
    // U1P0 logged today, so is not asked.
    const expected = team === 'T1' ? people[team].length - 1 : people[team].length;
    expect(mine).toHaveLength(expected);
    expect(new Set(mine.map((c) => String(c.args.channel))).size).toBe(expected);
  }
  // What the two replicas report sending adds up to what Slack received: nobody twice, nobody lost.
  const sent = [...a.logs, ...b.logs].filter((l) => l.msg === 'job pass done' && l.job === 'checkins').reduce((n, l) => n + Number(l.sent), 0);
  expect(sent).toBe(posts.length);

  // T2 uninstalls; A hears of it, and B's next pass leaves T2 alone.
  a.fake.revoke('xoxb-t2-1');
  await a.clientFor({ teamId: 'T2' }).event({ type: 'app_uninstalled' });
  for (let i = 0; i < 200 && (await b.ballast.store.installations.get('T2'))?.uninstalledAt == null; i++) await new Promise((r) => setTimeout(r, 10));
  expect((await b.ballast.store.installations.get('T2'))?.uninstalledAt).not.toBeNull();
  const before = a.fake.calls.filter((c) => c.installation === 'T2').length;
  b.clock.advance(24 * 60);
  await b.ballast.passes.tick();
  expect(a.fake.calls.filter((c) => c.installation === 'T2').length).toBe(before);
  expect(a.fake.calls.filter((c) => c.installation === 'T1' && isCheckin(c.args.text)).length).toBeGreaterThan(people.T1.length - 1);
});
