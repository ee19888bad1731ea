// Exactly-once sends: claim (job, subject, period) in the database, then send, then record the outcome.
import type { ClaimKey } from './store';
import { GONE_CODES, SlackError, type Deps, type MessageRef, type OutgoingMessage } from './ports';

export type SendStatus = 'sent' | 'duplicate' | 'gone' | 'failed' | 'dry-run';

export interface SendOutcome {
  status: SendStatus;
  ref?: MessageRef;
  error?: string;
}

/** Open a DM with a person and post to it. */
export async function dm(deps: Deps, userId: string, message: OutgoingMessage & { threadTs?: string }): Promise<MessageRef> {
  const channel = await deps.slack.openDm(userId);
  return deps.slack.postMessage(channel, message);
}

/**
 * Claim first, so overlapping passes, restarts and a second process never send twice. A person Slack
 * reports as gone is marked inactive. Any other failure is recorded on the claim and logged once; it is
 * not retried by later passes, because Slack may have delivered a message whose answer was lost.
 */
export async function sendOnce(
  deps: Deps,
  key: ClaimKey,
  send: () => Promise<MessageRef | void>,
  opts: { dryRun?: boolean; personId?: string } = {},
): Promise<SendOutcome> {
  if (opts.dryRun) {
    const existing = await deps.store.claims.get(key);
    return { status: existing ? 'duplicate' : 'dry-run' };
  }
  const now = deps.clock.now();
  if (!(await deps.store.claims.claim(key, now))) return { status: 'duplicate' };
  try {
    const ref = (await send()) ?? undefined;
    await deps.store.claims.finish(key, 'sent', deps.clock.now(), { channel: ref?.channel, ts: ref?.ts });
    return { status: 'sent', ref };
  } catch (err) {
    const code = err instanceof SlackError ? err.code : (err as Error).message;
    if (err instanceof SlackError && GONE_CODES.has(err.code) && opts.personId) {
      await deps.store.people.markInactive(opts.personId);
      await deps.store.claims.finish(key, 'failed', deps.clock.now(), { detail: code });
      deps.log.warn({ ...key, code }, 'person is gone from Slack; marked inactive');
      return { status: 'gone', error: code };
    }
    await deps.store.claims.finish(key, 'failed', deps.clock.now(), { detail: code });
    deps.log.error({ ...key, code, err: err instanceof SlackError ? undefined : err }, 'send failed');
    return { status: 'failed', error: code };
  }
}
