// The fake Slack serves several workspaces (issue #13 point 8): each installation's bot token, granted
// through oauth.v2.access, sees the people of its own workspace (an org-wide install's: every workspace
// of its enterprise) and no one else's, and each call records which installation made it. The fake's
// own token keeps seeing its own workspace, as every other suite relies on.
import { WebClient } from '@slack/web-api';
import { FAKE_CLIENT, startFakeSlack, type FakeSlack } from '../support/fakeSlack';

let fake: FakeSlack;
beforeEach(async () => {
  fake = await startFakeSlack();
  fake.addUser({ id: 'U0HOME', email: 'home@example.com' });
  fake.addUser({ id: 'U2ANA', teamId: 'T2', email: 'ana@example.com' });
  fake.addUser({ id: 'U70BO', teamId: 'T70', email: 'bo@example.com' });
  fake.addUser({ id: 'U71CY', teamId: 'T71', email: 'cy@example.com' });
});
afterEach(() => fake.close());

const client = (token?: string) => new WebClient(token, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });

async function install(code: string, grant: Parameters<FakeSlack['grant']>[1]): Promise<WebClient> {
  fake.grant(code, grant);
  const r = await client().oauth.v2.access({ client_id: FAKE_CLIENT.id, client_secret: FAKE_CLIENT.secret, code });
  return client(r.access_token as string);
}

const bot = (id: string) => ({ botToken: `xoxb-${id}`, botUserId: `UB${id}`, botId: `BB${id}`, userId: 'U0INSTALLER', scopes: ['chat:write'] });
const refused = (p: Promise<unknown>) => p.then(() => 'ok', (e: { data?: { error?: string } }) => e.data?.error);

it('gives each workspace\'s token its own people only, and records the installation of each call', async () => {
  const t2 = await install('c2', { team: { id: 'T2', name: 'Two' }, isEnterpriseInstall: false, ...bot('T2') });
  expect((await t2.users.info({ user: 'U2ANA' })).user?.team_id).toBe('T2');
  expect(await refused(t2.users.info({ user: 'U0HOME' }))).toBe('user_not_found');
  expect(await refused(t2.users.lookupByEmail({ email: 'home@example.com' }))).toBe('users_not_found');
  expect((await t2.users.list({})).members?.map((m) => m.id)).toEqual(['U2ANA']);
  await t2.chat.postMessage({ channel: 'U2ANA', text: 'hello two' });
  expect(await refused(t2.chat.postMessage({ channel: 'U0HOME', text: 'not yours' }))).toBe('channel_not_found');
  expect(fake.callsTo('chat.postMessage').map((c) => [c.installation, c.ok])).toEqual([['T2', true], ['T2', false]]);

  const home = client(fake.token);
  expect(await refused(home.users.info({ user: 'U2ANA' }))).toBe('user_not_found');
  expect((await home.users.list({})).members?.map((m) => m.id).sort()).toEqual(['U0BALLAST', 'U0HOME']);
  expect((await home.auth.test()).team_id).toBe(fake.teamId);
  expect((await t2.auth.test()).team_id).toBe('T2');
});

it('gives an org-wide install\'s token the people of every workspace of its enterprise', async () => {
  const org = await install('ce', {
    enterprise: { id: 'E7', name: 'Org' }, isEnterpriseInstall: true, orgTeams: ['T70', 'T71'], ...bot('E7'),
  });
  expect((await org.users.list({})).members?.map((m) => m.id).sort()).toEqual(['U70BO', 'U71CY']);
  expect((await org.users.lookupByEmail({ email: 'cy@example.com' })).user?.id).toBe('U71CY');
  expect(await refused(org.users.info({ user: 'U2ANA' }))).toBe('user_not_found');
  expect(await org.auth.test()).toMatchObject({ enterprise_id: 'E7', is_enterprise_install: true });
  expect(fake.callsTo('users.list')[0].installation).toBe('E7');
});

it('refuses a code twice, and a token nobody granted', async () => {
  await install('once', { team: { id: 'T2', name: 'Two' }, isEnterpriseInstall: false, ...bot('T2') });
  expect(await refused(client().oauth.v2.access({ client_id: FAKE_CLIENT.id, client_secret: FAKE_CLIENT.secret, code: 'once' }))).toBe('invalid_code');
  expect(await refused(client().oauth.v2.access({ client_id: FAKE_CLIENT.id, client_secret: 'wrong', code: 'x' }))).toBe('bad_client_secret');
  expect(await refused(client('xoxb-nobody').users.list({}))).toBe('invalid_auth');
});
