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
    expect(await s.fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false })).toEqual(a);
    expect(await s.fetchInstallation({ teamId: 'T2', enterpriseId: 'E1', isEnterpriseInstall: false, userId: 'U1' })).toEqual(b);
    expect(await opened.store.installations.get('T2')).toEqual({
      tenantId: 'T2', teamId: 'T2', enterpriseId: 'E1', isEnterpriseInstall: false, installerUserId: 'U1', botUserId: 'UBT2',
      installation: JSON.stringify(b), installedAt: now, uninstalledAt: null,
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
