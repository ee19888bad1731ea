// Ballast serves the one workspace it is installed in; payloads from any other team are ignored.
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Log } from '../../logger';

/** The team a payload comes from: the person's team for commands and interactions, the event's team for events. */
export function teamOfPayload(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const b = body as { team_id?: unknown; team?: { id?: unknown } | null; user?: { team_id?: unknown } | null };
  if (typeof b.team_id === 'string' && b.team_id) return b.team_id;
  if (b.team && typeof b.team.id === 'string' && b.team.id) return b.team.id;
  if (b.user && typeof b.user.team_id === 'string' && b.user.team_id) return b.user.team_id;
  return undefined;
}

/**
 * `installedTeam` is asked once (auth.test) and remembered; while it cannot be learned (Slack
 * down at start-up) payloads are let through: a payload only reaches Ballast signed with its
 * secret or over its own socket, so this guards against org-wide and Slack Connect traffic, not forgery.
 */
export function sameTeamOnly(installedTeam: () => Promise<string>, log: Log): Middleware<AnyMiddlewareArgs> {
  let team: string | undefined;
  return async (args) => {
    if (team === undefined) {
      try {
        team = await installedTeam();
      } catch (err) {
        log.warn({ err }, 'could not learn the installed team (auth.test); not filtering by team for now');
      }
    }
    const from = teamOfPayload(args.body);
    if (team === undefined || from === undefined || from === team) {
      await args.next();
      return;
    }
    log.warn({ team: from, installedTeam: team }, 'ignored a payload from another workspace');
    if ('ack' in args && typeof args.ack === 'function' && (args.body as { command?: unknown }).command) {
      await (args.ack as (r?: unknown) => Promise<void>)({
        response_type: 'ephemeral',
        text: 'Ballast only serves the workspace it is installed in, so it did nothing with that.',
      });
    }
  };
}
