// Slack installations (many-workspace mode, migration 0006) through Bolt's InstallationStore interface
// over the store port, on SQLite and on PostgreSQL: a workspace install, an org-wide install found from
// any workspace of its enterprise, two tenants with colliding user ids, uninstall dropping the tokens
// once, and a reinstall that finds the tenant again.
import type { Installation } from '@slack/bolt';
import { installationStore, NoInstallationError } from '../../src/slack/installationStore';
import { STORE_KINDS, type OpenedStore } from '../support/storeKinds';

function workspaceInstall(team: string, token: string, enterprise?: string): Installation<'v2', false> {
  return {
    team: { id: team, name: `Team ${team}` }, enterprise: enterprise ? { id: enterprise, name: `Org ${enterprise}` } : undefined,
    user: { id: 'U1', token: undefined, scopes: undefined },
    bot: { token, scopes: ['chat:write', 'commands'], id: `B${team}`, userId: `UB${team}` },
    appId: 'A1', tokenType: 'bot', isEnterpriseInstall: false, authVersion: 'v2',
  };
}

function orgInstall(enterprise: string, token: string): Installation<'v2', true> {
  return {
    team: undefined, enterprise: { id: enterprise, name: `Org ${enterprise}` },
    user: { id: 'U9', token: undefined, scopes: undefined },
    bot: { token, scopes: ['chat:write', 'commands'], id: `B${enterprise}`, userId: `UB${enterprise}` },
    appId: 'A1', tokenType: 'bot', isEnterpriseInstall: true, enterpriseUrl: `https://${enterprise}.enterprise.slack.com/`, authVersion: 'v2',
  };
}

describe.each(STORE_KINDS)('installations on %s', (_kind, open) => {
  let opened: OpenedStore;
  let now: number;
  const clock = { now: () => now };
  beforeEach(async () => {
    opened = await open();
    now = 1_800_000_000_000;
  });
  afterEach(() => opened.close());

  it('keeps each workspace install whole and finds it by its team, inside an enterprise or not', async () => {
    const s = installationStore(opened.store, clock);
    const a = workspaceInstall('T1', 'xoxb-t1');
    const b = workspaceInstall('T2', 'xoxb-t2', 'E1');
    await s.storeInstallation(a);
    await s.storeInstallation(b);
    expect(await s.fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false })).toEqual({ ...a, ballastInstalledAt: now });
    expect(await s.fetchInstallation({ teamId: 'T2', enterpriseId: 'E1', isEnterpriseInstall: false, userId: 'U1' })).toEqual({ ...b, ballastInstalledAt: now });
    expect(await opened.store.installations.get('T2')).toEqual({
      tenantId: 'T2', teamId: 'T2', enterpriseId: 'E1', isEnterpriseInstall: false, installerUserId: 'U1', botUserId: 'UBT2',
      installation: JSON.stringify({ ...b, ballastInstalledAt: now }), installedAt: now, uninstalledAt: null,
    });
    // Same user id in both: each tenant's own tokens come back, never the other's.
    expect((await s.fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false, userId: 'U1' })).bot?.token).toBe('xoxb-t1');
  });

  it('finds an org-wide install from any workspace of its enterprise, and not from a workspace query', async () => {
    const s = installationStore(opened.store, clock);
    await s.storeInstallation(orgInstall('E7', 'xoxb-org'));
    for (const teamId of ['T70', 'T71']) {
      const found = await s.fetchInstallation({ teamId: teamId as never, enterpriseId: 'E7', isEnterpriseInstall: true });
      expect([found.enterprise?.id, found.bot?.token, found.isEnterpriseInstall]).toEqual(['E7', 'xoxb-org', true]);
    }
    await expect(s.fetchInstallation({ teamId: 'T70', enterpriseId: 'E7', isEnterpriseInstall: false })).rejects.toBeInstanceOf(NoInstallationError);
    expect((await opened.store.installations.get('E7'))!).toMatchObject({ tenantId: 'E7', teamId: null, isEnterpriseInstall: true, installerUserId: 'U9' });
  });

  it('refuses a query for a tenant that never installed, or that names none, without a token in the message', async () => {
    const s = installationStore(opened.store, clock);
    await s.storeInstallation(workspaceInstall('T1', 'xoxb-secret-t1'));
    const missing = s.fetchInstallation({ teamId: 'T404', enterpriseId: undefined, isEnterpriseInstall: false });
    await expect(missing).rejects.toThrow('Ballast is not installed for T404');
    await expect(s.fetchInstallation({ teamId: '' as never, enterpriseId: undefined, isEnterpriseInstall: false }))
      .rejects.toThrow('the request names no team or enterprise');
    await missing.catch((e: Error) => expect(`${e.message} ${e.stack}`).not.toContain('xoxb'));
  });

  it('refuses ids Slack would never send (a NUL, lower case, a person) as naming no tenant', async () => {
    const s = installationStore(opened.store, clock);
    await s.storeInstallation(workspaceInstall('T1', 'xoxb-t1'));
    for (const teamId of ['T1\u0000', 't1', 'U1', 'T1; DROP TABLE installations']) {
      await expect(s.fetchInstallation({ teamId, enterpriseId: undefined, isEnterpriseInstall: false })).rejects.toThrow('names no team or enterprise');
    }
  });

  it('takes a token rotation of the standing install, and never one that comes after an uninstall or a reinstall', async () => {
    const s = installationStore(opened.store, clock);
    const q = { teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false } as const;
    await s.storeInstallation(workspaceInstall('T1', 'xoxb-first'));
    const installedAt = now;
    // What Bolt does on rotation: fetch, refresh the tokens, store what it fetched with the new ones.
    const rotate = async (token: string) => {
      const fetched = await s.fetchInstallation(q);
      return () => s.storeInstallation({ ...fetched, bot: { ...fetched.bot!, token } });
    };
    now += 1000;
    await (await rotate('xoxb-rotated'))();
    expect((await s.fetchInstallation(q)).bot?.token).toBe('xoxb-rotated');
    expect(await opened.store.installations.get('T1')).toMatchObject({ installedAt, uninstalledAt: null });

    // A rotation in flight while the app is uninstalled: the tenant stays uninstalled.
    const late = await rotate('xoxb-late');
    now += 1000;
    await s.deleteInstallation!(q);
    await late();
    expect(await opened.store.installations.get('T1')).toMatchObject({ installation: null, uninstalledAt: now });

    // A rotation of the earlier install, arriving after a reinstall, leaves the new install alone.
    now += 1000;
    await s.storeInstallation(workspaceInstall('T1', 'xoxb-reinstalled'));
    await s.storeInstallation({ ...workspaceInstall('T1', 'xoxb-stale'), ballastInstalledAt: installedAt } as Installation);
    expect((await s.fetchInstallation(q)).bot?.token).toBe('xoxb-reinstalled');
  });

  it('shows a user token to its own user only, and revoking it keeps the bot and the tenant', async () => {
    const s = installationStore(opened.store, clock);
    const withUser = { ...workspaceInstall('T1', 'xoxb-bot'), user: { id: 'U1', token: 'xoxp-u1', scopes: ['search:read'] } };
    await s.storeInstallation(withUser);
    const q = { teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false } as const;
    expect((await s.fetchInstallation({ ...q, userId: 'U1' })).user.token).toBe('xoxp-u1');
    expect((await s.fetchInstallation({ ...q, userId: 'U2' })).user).toEqual({ id: 'U1', token: undefined, scopes: undefined });
    expect((await s.fetchInstallation(q)).user.token).toBeUndefined();
    // A rotation made while serving U2 (who cannot see the user token) keeps it.
    const seenByU2 = await s.fetchInstallation({ ...q, userId: 'U2' });
    await s.storeInstallation({ ...seenByU2, bot: { ...seenByU2.bot!, token: 'xoxb-bot-2' } });
    expect((await s.fetchInstallation({ ...q, userId: 'U1' })).user.token).toBe('xoxp-u1');
    // tokens_revoked for another user changes nothing; for U1 drops U1's token only.
    await s.deleteInstallation!({ ...q, userId: 'U2' });
    expect((await s.fetchInstallation({ ...q, userId: 'U1' })).user.token).toBe('xoxp-u1');
    await s.deleteInstallation!({ ...q, userId: 'U1' });
    const after = await s.fetchInstallation({ ...q, userId: 'U1' });
    expect([after.user.token, after.bot?.token]).toEqual([undefined, 'xoxb-bot-2']);
    expect((await opened.store.installations.installed()).map((i) => i.tenantId)).toEqual(['T1']);
  });

  it('drops the tokens on uninstall once, and a reinstall finds the tenant again with its new token', async () => {
    const s = installationStore(opened.store, clock);
    await s.storeInstallation(workspaceInstall('T1', 'xoxb-old'));
    await s.storeInstallation(workspaceInstall('T2', 'xoxb-other'));
    now += 1000;
    await s.deleteInstallation!({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false });
    expect(await opened.store.installations.get('T1')).toMatchObject({ installation: null, uninstalledAt: now });
    await expect(s.fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false })).rejects.toBeInstanceOf(NoInstallationError);
    // tokens_revoked after app_uninstalled: nothing more changes.
    now += 1000;
    expect(await opened.store.installations.uninstall('T1', now)).toBe(false);
    expect((await opened.store.installations.get('T1'))!.uninstalledAt).toBe(now - 1000);
    expect((await opened.store.installations.installed()).map((i) => i.tenantId)).toEqual(['T2']);

    now += 1000;
    await s.storeInstallation(workspaceInstall('T1', 'xoxb-new'));
    expect((await s.fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false })).bot?.token).toBe('xoxb-new');
    expect(await opened.store.installations.get('T1')).toMatchObject({ installedAt: now, uninstalledAt: null });
    expect((await opened.store.installations.installed()).map((i) => i.tenantId)).toEqual(['T1', 'T2']);
  });
});
