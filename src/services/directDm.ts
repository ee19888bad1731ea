// Scheduled DMs go straight to the person's user id: chat.postMessage delivers that to the app's DM
// with them, so no conversations.open (rate tier 3, about 50 a minute) stands between a pass of
// thousands and chat.postMessage's own limit.
import { SlackError, type Deps, type MessageRef, type OutgoingMessage } from './ports';

/** Extra rounds after the client's own retries, for a pass that keeps a workspace limit saturated. */
const RATE_LIMIT_ROUNDS = 5;

export async function dmDirect(deps: Deps, userId: string, message: OutgoingMessage): Promise<MessageRef> {
  for (let round = 0; ; round++) {
    try {
      return await deps.slack.postMessage(userId, message);
    } catch (err) {
      // A 429 means Slack did not take the message, so trying again cannot duplicate it; the client
      // has already waited out Retry-After before giving up.
      if (!(err instanceof SlackError && err.code === 'ratelimited') || round >= RATE_LIMIT_ROUNDS) throw err;
    }
  }
}
