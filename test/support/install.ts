// Installing the test app from a link (many-workspace mode), as a person would in a browser: open
// /slack/install (Bolt's InstallProvider sets the state cookie and sends them to Slack's consent
// screen), Slack grants the install, and the browser comes back to /slack/oauth_redirect.
import type { TestApp } from './app';
import type { FakeGrant } from './fakeSlack';

let codes = 0;

/** Install `grant` through the app's own routes; resolves to the redirect's answer (200 when installed). */
export async function installFromLink(t: TestApp, grant: FakeGrant): Promise<Response> {
  const base = `http://127.0.0.1:${t.ballast.port}`;
  const begun = await fetch(`${base}/slack/install`, { redirect: 'manual' });
  if (begun.status !== 302) throw new Error(`/slack/install answered ${begun.status}`);
  const state = new URL(begun.headers.get('location')!).searchParams.get('state')!;
  const cookie = begun.headers.get('set-cookie')!.split(';')[0];
  const code = `code-${++codes}`;
  t.fake.grant(code, grant);
  return fetch(`${base}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`, { headers: { cookie }, redirect: 'manual' });
}

/** A workspace install by `installer`, its bot token named after the team. */
export function workspaceGrant(team: string, installer: string): FakeGrant {
  return {
    team: { id: team, name: `Team ${team}` }, isEnterpriseInstall: false, userId: installer, botToken: `xoxb-${team.toLowerCase()}-1`,
    botUserId: `UB${team}`, botId: `BB${team}`, scopes: ['commands', 'chat:write'],
  };
}

/** An org-wide (Enterprise Grid) install of `enterprise`, covering the workspaces `teams`. */
export function orgGrant(enterprise: string, teams: string[], installer: string): FakeGrant {
  return {
    enterprise: { id: enterprise, name: `Org ${enterprise}` }, isEnterpriseInstall: true, orgTeams: teams, userId: installer,
    botToken: `xoxb-${enterprise.toLowerCase()}-1`, botUserId: `UB${enterprise}`, botId: `BB${enterprise}`, scopes: ['commands', 'chat:write'],
  };
}
