// Token rotation across replicas (issue #13, point 1): a bot token about to expire is refreshed once,
// however many replicas authorize requests for its workspace at the same moment (node-slack-sdk #2504:
// two concurrent refreshes trade one refresh token twice, and Slack refuses the second). Bolt's own
// HTTPReceiver and InstallProvider on two replicas, Ballast's installation store and refresh lock, the
// fake Slack's rotating tokens; on SQLite and on PostgreSQL.
import type { Server } from 'node:http';
import { App, HTTPReceiver, LogLevel, type AuthorizeSourceData } from '@slack/bolt';
import { installationStore } from '../../src/slack/installationStore';
import { rotationWatch } from '../../src/slack/tokenRotation';
import { systemClock } from '../../src/clock';
import type { Store } from '../../src/services/store';
import { FAKE_CLIENT, startFakeSlack, type FakeGrant, type FakeSlack } from '../support/fakeSlack';
import { STORE_KINDS, type OpenedStore } from '../support/storeKinds';

const quiet = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => LogLevel.ERROR, setName() {} };
const T1 = { teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false } as AuthorizeSourceData<boolean>;

interface Replica { receiver: HTTPReceiver; app: App; url: string; authorize: (s: AuthorizeSourceData<boolean>) => Promise<{ botToken?: string }> }

async function replica(store: Store, fake: FakeSlack): Promise<Replica> {
  const watch = rotationWatch(store.installations, systemClock);
  const receiver = new HTTPReceiver({
    signingSecret: 'signing-secret', clientId: FAKE_CLIENT.id, clientSecret: FAKE_CLIENT.secret, stateSecret: 'state-secret-of-every-replica',
    scopes: ['commands'], installationStore: installationStore(store, { now: () => 1_800_000_000_000 }, watch.seen),
    installerOptions: { directInstall: true, clientOptions: { slackApiUrl: fake.apiUrl } }, logger: quiet,
  });
  const app = new App({ receiver, logger: quiet });
  const server = (await app.start(0)) as Server;
  const authorize = watch.authorize((s) => receiver.installer!.authorize(s));
  return { receiver, app, url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, authorize: (s) => authorize(s) };
}

let codes = 0;
async function install(r: Replica, fake: FakeSlack, grant: FakeGrant): Promise<void> {
  const begun = await fetch(`${r.url}/slack/install`, { redirect: 'manual' });
  const state = new URL(begun.headers.get('location')!).searchParams.get('state')!;
  const code = `code-${++codes}`;
  fake.grant(code, grant);
  const done = await fetch(`${r.url}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`, {
    headers: { cookie: begun.headers.get('set-cookie')!.split(';')[0] }, redirect: 'manual',
  });
  expect(done.status).toBe(200);
}

const grant = (expiresIn: number, team = 'T1'): FakeGrant => ({
  team: { id: team, name: `Team ${team}` }, isEnterpriseInstall: false, userId: 'U0INSTALLER', botToken: `xoxb-${team.toLowerCase()}`,
  botUserId: `UB${team}`, botId: `BB${team}`, scopes: ['commands'], expiresIn,
});
const refreshes = (fake: FakeSlack) => fake.callsTo('oauth.v2.access').filter((c) => c.args.grant_type === 'refresh_token');

describe.each(STORE_KINDS)('token rotation on %s', (_kind, open) => {
  let opened: OpenedStore;
  let fake: FakeSlack;
  let replicas: Replica[];
  let locks: number;
  beforeEach(async () => {
    opened = await open();
    fake = await startFakeSlack();
    locks = 0;
    const whileRefreshing = opened.store.installations.whileRefreshing.bind(opened.store.installations);
    opened.store.installations.whileRefreshing = (tenant, fn) => {
      locks++;
      return whileRefreshing(tenant, fn);
    };
    replicas = [await replica(opened.store, fake), await replica(opened.store, fake)];
  });
  afterEach(async () => {
    for (const r of replicas) await r.app.stop();
    await fake.close();
    await opened.close();
  });

  it('refreshes a token about to expire once, while both replicas authorize at the same moment', async () => {
    // One hour left: inside InstallProvider's two-hour window, so the next authorization refreshes it.
    await install(replicas[0], fake, grant(3600));
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => replicas[i % 2].authorize(T1)));
    expect(refreshes(fake).map((c) => c.ok)).toEqual([true]);
    expect(new Set(results.map((r) => r.botToken))).toEqual(new Set(['xoxb-t1-r1']));
    const stored = JSON.parse((await opened.store.installations.get('T1'))!.installation!) as { bot: { token: string } };
    expect(stored.bot.token).toBe('xoxb-t1-r1');
  });

  it('serves a burst of more authorizations than the database pool has connections, every tenant seen for the first time', async () => {
    // After a restart nothing is known of any token, so every tenant's first request takes its lock.
    const teams = Array.from({ length: 14 }, (_, i) => `T${100 + i}`);
    for (const team of teams) await install(replicas[0], fake, grant(12 * 3600, team));
    await install(replicas[0], fake, grant(3600));
    const burst = [...teams.map((team) => ({ ...T1, teamId: team })), ...Array.from({ length: 14 }, () => T1)];
    const results = await Promise.all(burst.map((source, i) => replicas[i % 2].authorize(source as AuthorizeSourceData<boolean>)));
    expect(results.map((r) => r.botToken)).toEqual([...teams.map((team) => `xoxb-${team.toLowerCase()}`), ...Array(14).fill('xoxb-t1-r1')]);
    expect(refreshes(fake)).toHaveLength(1);
  });

  it('takes no lock once it knows the token is far from expiring', async () => {
    await install(replicas[0], fake, grant(12 * 3600));
    await replicas[0].authorize(T1);
    const first = locks;
    for (let i = 0; i < 5; i++) await replicas[0].authorize(T1);
    expect(locks).toBe(first);
    expect(refreshes(fake)).toEqual([]);
  });
});
