// Exactly-once sends: claim (job, subject, period) in the database, then send, then record the outcome.
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { claimStands } from '../core/claims';
import type { ClaimKey } from './store';
import { GONE_CODES, SlackError, type Deps, type MessageRef, type OutgoingMessage } from './ports';

export type SendStatus = 'sent' | 'duplicate' | 'gone' | 'failed' | 'dry-run';

export interface SendOutcome {
  status: SendStatus;
  ref?: MessageRef;
  error?: string;
}

/**
 * How long a claim is held before another pass (on any replica) may take it over. It must outlast the
 * slowest send that can still succeed, or a live holder's send would be repeated: a send is at most
 * two Web API calls (conversations.open, chat.postMessage), each up to 5 attempts of at most 15 s
 * (webClientOptions: timeout 15 s, 4 retries, backoff up to 4 s): about 3 minutes; a rate-limited
 * chat.postMessage waits out Retry-After on each of up to 30 attempts (5 rounds in dmDirect, over the
 * client's 5), which at Slack's usual few seconds is well under that. 20 minutes covers a Retry-After
 * of 40 s on every attempt. Longer would push a takeover past the end of sending hours more often (a
 * miss for that day); replicas' clocks must agree to well within it (NTP). RELIABILITY.md §9.
 */
export const CLAIM_LEASE_MS = 20 * 60_000;

/** This process among the replicas, in every claim it holds: host, pid, and a random part for pid reuse. */
export const REPLICA_ID = `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
let sends = 0;

/**
 * True when the claim for `key` exists and stands (finished, or held inside its lease): the passes'
 * cheap early exit. A claim whose lease ran out does not stand, so its send is tried again.
 */
export async function alreadyClaimed(deps: Pick<Deps, 'store' | 'clock'>, key: ClaimKey): Promise<boolean> {
  return claimStands(await deps.store.claims.get(key), deps.clock.now());
}

/** Open a DM with a person and post to it. */
export async function dm(deps: Deps, userId: string, message: OutgoingMessage & { threadTs?: string }): Promise<MessageRef> {
  const channel = await deps.slack.openDm(userId);
  return deps.slack.postMessage(channel, message);
}

/**
 * Claim first, so overlapping passes, restarts and other replicas never send twice (but for the lease's
 * window below). A person Slack reports as gone is marked inactive. Any other failure is recorded on
 * the claim and logged once; it is not retried by later passes, because Slack may have delivered a
 * message whose answer was lost.
 *
 * The claim is held under a lease (CLAIM_LEASE_MS). If this process dies between claiming and
 * recording the outcome, a pass after the lease takes the claim over and sends: a rare duplicate
 * (when the death came after Slack took the message and before the outcome was written, a window of
 * one response and one UPDATE) is chosen over a rare miss (the claim 'claimed' forever, the person
 * never asked that day). RELIABILITY.md §9 "Claim leases" has the case and its figures.
 */
export async function sendOnce(
  deps: Deps,
  key: ClaimKey,
  send: () => Promise<MessageRef | void>,
  opts: { dryRun?: boolean; personId?: string } = {},
): Promise<SendOutcome> {
  if (opts.dryRun) {
    return { status: (await alreadyClaimed(deps, key)) ? 'duplicate' : 'dry-run' };
  }
  const now = deps.clock.now();
  sends += 1;
  const holder = `${REPLICA_ID}#${sends}`;
  if (!(await deps.store.claims.claim(key, now, { holder, until: now + CLAIM_LEASE_MS }))) return { status: 'duplicate' };
  const finish = async (status: 'sent' | 'failed', extra: { detail?: string; channel?: string; ts?: string }): Promise<void> => {
    if (!(await deps.store.claims.finish(key, status, deps.clock.now(), extra, holder))) {
      // This send outlived its lease and another pass took the claim over: its outcome stands.
      deps.log.warn({ ...key, status, holder }, 'claim was taken over while this send was in flight; not recording its outcome');
    }
  };
  try {
    const ref = (await send()) ?? undefined;
    await finish('sent', { channel: ref?.channel, ts: ref?.ts });
    return { status: 'sent', ref };
  } catch (err) {
    const code = err instanceof SlackError ? err.code : (err as Error).message;
    if (err instanceof SlackError && GONE_CODES.has(err.code) && opts.personId) {
      await deps.store.people.markInactive(opts.personId);
      await finish('failed', { detail: code });
      deps.log.warn({ ...key, code }, 'person is gone from Slack; marked inactive');
      return { status: 'gone', error: code };
    }
    await finish('failed', { detail: code });
    deps.log.error({ ...key, code, err: err instanceof SlackError ? undefined : err }, 'send failed');
    return { status: 'failed', error: code };
  }
}
