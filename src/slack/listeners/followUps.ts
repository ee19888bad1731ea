// What a listener does after it has acknowledged Slack: the DMs, message updates, warnings and Home
// refreshes its use case left for later (services return them as FollowUp), run in order, each
// failure logged once without stopping the rest. Slack has its answer by then, so nothing here can
// make a request miss its 3 seconds.
import type { Log } from '../../logger';
import type { FollowUp } from '../../services/ports';

export type { FollowUp };

export async function runFollowUps(log: Log, followUps: readonly FollowUp[] | undefined, what = 'follow-up after the ack failed'): Promise<void> {
  for (const run of followUps ?? []) {
    try {
      await run();
    } catch (err) {
      log.error({ err }, what);
    }
  }
}
