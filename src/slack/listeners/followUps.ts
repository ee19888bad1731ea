// What a listener does after it has acknowledged Slack: the DMs, message updates, warnings and Home
// refreshes its use case left for later (services return them as FollowUp), run in order, each
// failure logged once without stopping the rest. Slack has its answer by then, so nothing here can
// make a request miss its 3 seconds.
import type { Log } from '../../logger';
import type { FollowUp } from '../../services/ports';

export type { FollowUp };

/** The follow-ups still running, so shutdown (and tests) can wait for them before closing the database. */
export interface InFlight {
  track(work: Promise<void>): Promise<void>;
  /** Resolves once nothing is running (including follow-ups started by the ones awaited). */
  settled(): Promise<void>;
}

export function inFlight(): InFlight {
  const running = new Set<Promise<void>>();
  return {
    track(work) {
      running.add(work);
      return work.finally(() => running.delete(work));
    },
    async settled() {
      // One turn of the event loop first, so a listener that has just acked has had the chance to start.
      await new Promise((resolve) => setImmediate(resolve));
      while (running.size > 0) {
        await Promise.allSettled([...running]);
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
  };
}

/** Work a listener does once it has acked (tracked for shutdown; a throw is logged, never escapes). */
export function afterAck(deps: { inFlight?: InFlight }, log: Log, work: () => Promise<void>, what = 'work after the ack failed'): Promise<void> {
  const run = (async () => {
    try {
      await work();
    } catch (err) {
      log.error({ err }, what);
    }
  })();
  return deps.inFlight ? deps.inFlight.track(run) : run;
}

export function runFollowUps(
  deps: { inFlight?: InFlight }, log: Log, followUps: readonly FollowUp[] | undefined, what = 'follow-up after the ack failed',
): Promise<void> {
  const list = followUps ?? [];
  if (list.length === 0) return Promise.resolve();
  return afterAck(deps, log, async () => {
    for (const run of list) {
      try {
        await run();
      } catch (err) {
        log.error({ err }, what);
      }
    }
  }, what);
}
