// Slack redelivers what it thinks went unanswered: Events API retries (X-Slack-Retry-Num) and
// Socket Mode envelopes (retry_attempt). Each delivery is handled once.
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Deps } from '../../services/ports';

const KEEP_MS = 7 * 24 * 60 * 60 * 1000;
const PRUNE_EVERY_MS = 60 * 60 * 1000;

/**
 * The key that makes a delivery unique: `event_id` for events (Slack's own dedupe id), and the
 * `trigger_id` for commands, clicks, submissions and shortcuts (one per thing the person did; a
 * redelivered envelope carries the same payload, so the same trigger id; a second click is a new
 * trigger and is left to the handler's own dedupe, e.g. an entry's dedupe key).
 */
export function deliveryKey(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const b = body as { type?: unknown; event_id?: unknown; trigger_id?: unknown };
  if (b.type === 'event_callback') return typeof b.event_id === 'string' && b.event_id ? `event:${b.event_id}` : undefined;
  return typeof b.trigger_id === 'string' && b.trigger_id ? `trigger:${b.trigger_id}` : undefined;
}

export function dedupeEvents(deps: Pick<Deps, 'store' | 'clock' | 'log'>): Middleware<AnyMiddlewareArgs> {
  let lastPrune = 0;
  return async (args) => {
    const key = deliveryKey(args.body);
    if (!key) {
      await args.next();
      return;
    }
    const now = deps.clock.now();
    let first = true;
    try {
      first = await deps.store.events.firstSighting(key, now);
      if (now - lastPrune > PRUNE_EVERY_MS) {
        lastPrune = now;
        await deps.store.events.prune(now - KEEP_MS);
      }
    } catch (err) {
      // Better to risk handling a redelivery twice than to drop a first delivery: the handlers
      // report storage trouble to the person themselves.
      deps.log.warn({ err, key }, 'could not record a delivery; handling it without the redelivery check');
    }
    if (first) {
      await args.next();
      return;
    }
    deps.log.info({ key, retryNum: args.context.retryNum, retryReason: args.context.retryReason }, 'dropped a redelivery already handled');
    // Events were acknowledged by Bolt already; anything else is acknowledged empty by the edge.
    if ('ack' in args && typeof args.ack === 'function' && args.body && (args.body as { command?: unknown }).command) {
      await (args.ack as (r?: unknown) => Promise<void>)({ response_type: 'ephemeral', text: 'Ballast already handled this command.' });
    }
  };
}
