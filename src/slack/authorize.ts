// Single-workspace authorization that survives Slack being down at start-up or the token being revoked.
import type { Authorize } from '@slack/bolt';
import type { Log } from '../logger';

export interface Installation {
  botUserId?: string;
  botId?: string;
  teamId?: string;
}

/**
 * Bolt's built-in single-token mode calls auth.test once at construction and caches the promise,
 * failure included: an app started during a Slack outage then refuses every request until it is
 * restarted. Here a success is remembered, a failure is retried on the next request, and the
 * request is still served with the token (replies in the ack need no Web API at all).
 */
export function singleWorkspace(botToken: string, authTest: () => Promise<Installation>, log: Log) {
  let known: Installation | undefined;
  let pending: Promise<Installation> | undefined;
  const learn = (): Promise<Installation> =>
    (pending ??= authTest().then(
      (r) => {
        known = r;
        return r;
      },
      (err: unknown) => {
        pending = undefined;
        throw err;
      },
    ));
  const authorize: Authorize<boolean> = async () => {
    if (known) return { botToken, ...known };
    try {
      return { botToken, ...(await learn()) };
    } catch (err) {
      log.warn({ err }, 'auth.test failed; serving this request without knowing the installation');
      return { botToken };
    }
  };
  /** The installed workspace's team id (auth.test), for filtering other teams' payloads. */
  const installedTeam = async (): Promise<string> => {
    const r = known ?? (await learn());
    if (!r.teamId) throw new Error('auth.test gave no team_id');
    return r.teamId;
  };
  return { authorize, installedTeam };
}
