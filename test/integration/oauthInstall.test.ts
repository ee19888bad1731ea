// Installing from a link (issue #13, point 1): Bolt's own HTTPReceiver and InstallProvider serve
// /slack/install and /slack/oauth_redirect on two "replicas" sharing one database and one state
// secret, against the fake Slack's OAuth. An install begun on one replica finishes on the other; the
// installation lands in the store (Ballast's InstallationStore over the port) and authorizes requests
// from its workspace, or from every workspace of its enterprise for an org-wide install. A forged or
// replayed callback stores nothing. On SQLite and on PostgreSQL. The app itself does not serve these
// routes yet (docs/TENANCY.md).
import type { Server } from 'node:http';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { installationStore } from '../../src/slack/installationStore';
import { FAKE_CLIENT, startFakeSlack, type FakeGrant, type FakeSlack } from '../support/fakeSlack';
import { STORE_KINDS, type OpenedStore } from '../support/storeKinds';

const STATE_SECRET = 'state-secret-shared-by-every-replica';
const quiet = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => LogLevel.ERROR, setName() {} };

interface Replica { receiver: HTTPReceiver; app: App; url: string }

async function replica(opened: OpenedStore, fake: FakeSlack, stateSecret = STATE_SECRET): Promise<Replica> {
  const receiver = new HTTPReceiver({
    signingSecret: 'signing-secret', clientId: FAKE_CLIENT.id, clientSecret: FAKE_CLIENT.secret, stateSecret,
    scopes: ['commands', 'chat:write', 'users:read'],
    installationStore: installationStore(opened.store, { now: () => 1_800_000_000_000 }),
    installerOptions: { directInstall: true, clientOptions: { slackApiUrl: fake.apiUrl } },
    logger: quiet,
  });
  const app = new App({ receiver, logger: quiet });
  const server = (await app.start(0)) as Server;
  return { receiver, app, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` };
}

/** GET /slack/install: where Slack's consent screen would be, and the state cookie for this browser. */
async function begin(r: Replica): Promise<{ state: string; cookie: string; location: string }> {
  const res = await fetch(`${r.url}/slack/install`, { redirect: 'manual' });
  expect(res.status).toBe(302);
  const location = res.headers.get('location')!;
  const state = new URL(location).searchParams.get('state')!;
  const cookie = res.headers.get('set-cookie')!.split(';')[0];
  return { state, cookie, location };
}

async function finish(r: Replica, q: { code: string; state: string }, cookie?: string): Promise<Response> {
  return fetch(`${r.url}/slack/oauth_redirect?code=${encodeURIComponent(q.code)}&state=${encodeURIComponent(q.state)}`, {
    headers: cookie ? { cookie } : {}, redirect: 'manual',
  });
}

const workspace = (team: string, token: string): FakeGrant => ({
  team: { id: team, name: `Team ${team}` }, isEnterpriseInstall: false, userId: 'U0INSTALLER', botToken: token,
  botUserId: `UB${team}`, botId: `BB${team}`, scopes: ['commands', 'chat:write', 'users:read'],
});

describe.each(STORE_KINDS)('installing from a link on %s', (_kind, open) => {
  let opened: OpenedStore;
  let fake: FakeSlack;
  let replicas: Replica[];
  beforeEach(async () => {
    opened = await open();
    fake = await startFakeSlack();
    replicas = [await replica(opened, fake), await replica(opened, fake)];
  });
  afterEach(async () => {
    for (const r of replicas) await r.app.stop();
    await fake.close();
    await opened.close();
  });

  it('finishes on one replica an install begun on another, and authorizes its workspace with the new token', async () => {
    const [a, b] = replicas;
    const started = await begin(a);
    expect(new URL(started.location).searchParams.get('client_id')).toBe(FAKE_CLIENT.id);
    expect(new URL(started.location).searchParams.get('scope')).toBe('commands,chat:write,users:read');
    fake.grant('code-t1', workspace('T1', 'xoxb-t1-installed'));
    const done = await finish(b, { code: 'code-t1', state: started.state }, started.cookie);
    expect(done.status).toBe(200);
    expect(await opened.store.installations.get('T1')).toMatchObject({
      tenantId: 'T1', teamId: 'T1', isEnterpriseInstall: false, installerUserId: 'U0INSTALLER', botUserId: 'UBT1', uninstalledAt: null,
    });
    for (const r of replicas) {
      const auth = await r.receiver.installer!.authorize({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false });
      expect([auth.botToken, auth.botUserId, auth.botId, auth.teamId]).toEqual(['xoxb-t1-installed', 'UBT1', 'BBT1', 'T1']);
    }
    await expect(a.receiver.installer!.authorize({ teamId: 'T2', enterpriseId: undefined, isEnterpriseInstall: false })).rejects.toThrow();
  });

  it('keys an org-wide install by its enterprise, so every workspace of the org is authorized by it', async () => {
    const started = await begin(replicas[0]);
    fake.grant('code-e1', {
      enterprise: { id: 'E1', name: 'Org E1' }, isEnterpriseInstall: true, userId: 'U0ORGADMIN', botToken: 'xoxb-e1-org',
      botUserId: 'UBE1', botId: 'BBE1', scopes: ['commands', 'chat:write'],
    });
    expect((await finish(replicas[1], { code: 'code-e1', state: started.state }, started.cookie)).status).toBe(200);
    expect(await opened.store.installations.get('E1')).toMatchObject({ tenantId: 'E1', teamId: null, enterpriseId: 'E1', isEnterpriseInstall: true });
    for (const team of ['T70', 'T71']) {
      const auth = await replicas[0].receiver.installer!.authorize({ teamId: team as never, enterpriseId: 'E1', isEnterpriseInstall: true });
      expect(auth.botToken).toBe('xoxb-e1-org');
    }
  });

  it('stores nothing for a callback without this browser\'s state, with another secret\'s state, or with a spent code', async () => {
    const [a, b] = replicas;
    const started = await begin(a);
    fake.grant('code-t3', workspace('T3', 'xoxb-t3'));
    // No cookie: the state is not this browser's (another person's link, CSRF).
    expect((await finish(b, { code: 'code-t3', state: started.state })).status).toBeGreaterThanOrEqual(400);
    // A replica with another state secret (a misconfigured deployment) cannot verify what A signed.
    const stranger = await replica(opened, fake, 'another-secret');
    replicas.push(stranger);
    expect((await finish(stranger, { code: 'code-t3', state: started.state }, started.cookie)).status).toBeGreaterThanOrEqual(400);
    expect(await opened.store.installations.get('T3')).toBeUndefined();
    expect(fake.callsTo('oauth.v2.access')).toEqual([]);
    // The real finish works once; the same code again is refused by Slack and changes nothing.
    expect((await finish(b, { code: 'code-t3', state: started.state }, started.cookie)).status).toBe(200);
    const installed = await opened.store.installations.get('T3');
    const again = await begin(a);
    expect((await finish(b, { code: 'code-t3', state: again.state }, again.cookie)).status).toBeGreaterThanOrEqual(400);
    expect(await opened.store.installations.get('T3')).toEqual(installed);
  });
});
