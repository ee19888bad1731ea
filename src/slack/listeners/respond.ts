// Answering a click or a message shortcut on its response_url. Slack sends one with every message
// button and message shortcut; a payload without one (a forged or malformed click) is answered with
// a log line instead of a "respond is not a function" crash.
import type { RespondFn } from '@slack/bolt';
import type { Log } from '../../logger';

export type Respond = (message: Parameters<RespondFn>[0]) => Promise<unknown>;

export function respondOrLog(respond: RespondFn | undefined, log: Log): Respond {
  return respond ?? (async () => {
    log.warn('the payload has no response_url, so its answer could not be sent');
  });
}
