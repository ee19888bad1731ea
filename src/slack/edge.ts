// The receiver's edge: every request Slack sends is answered, quickly, and nothing malformed becomes a 5xx.
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import type { ServerResponse } from 'node:http';
import type { Log } from '../logger';

/**
 * Wraps a receiver so that a request no listener acknowledged (an unknown action id, a payload
 * Bolt cannot classify, a delivery a middleware dropped) is acknowledged empty as soon as Bolt is
 * done with it. Without this Bolt leaves it hanging for 3 seconds and then answers 404, and Slack
 * shows the person an error for what should be a no-op.
 */
export class EdgeReceiver implements Receiver {
  constructor(readonly inner: Receiver, private readonly log: Log) {}

  init(app: App): void {
    const guarded = {
      processEvent: async (event: ReceiverEvent): Promise<void> => {
        let acked = false;
        const ack: ReceiverEvent['ack'] = async (response) => {
          acked = true;
          await event.ack(response);
        };
        await app.processEvent({ ...event, ack });
        if (!acked) {
          this.log.debug({ type: describe(event.body) }, 'no listener answered this request; acknowledged it empty');
          await event.ack();
        }
      },
    };
    this.inner.init(guarded as unknown as App);
  }

  start(...args: unknown[]): Promise<unknown> {
    return this.inner.start(...args);
  }

  stop(...args: unknown[]): Promise<unknown> {
    return this.inner.stop(...args);
  }
}

function describe(body: unknown): string {
  if (typeof body !== 'object' || body === null) return typeof body;
  const b = body as { type?: unknown; command?: unknown };
  return typeof b.type === 'string' ? b.type : typeof b.command === 'string' ? 'slash_command' : 'unknown';
}

/**
 * Bolt answers 500 when a payload is so malformed that it throws before any listener runs (a
 * block_actions without `user`, say). Slack never sends those; whoever did gets a 400 and a log
 * line, and the process keeps serving.
 */
export function httpProcessEventErrorHandler(log: Log) {
  return async ({ error, response }: { error: Error; response: ServerResponse }): Promise<boolean> => {
    if (response.headersSent) {
      log.error({ err: error }, 'error after the request was acknowledged');
      return false;
    }
    const isAuth = (error as { code?: string }).code === 'slack_bolt_authorization_error';
    log.warn({ err: error }, isAuth ? 'request could not be authorized' : 'malformed request refused');
    response.writeHead(isAuth ? 401 : 400);
    response.end();
    // true: the receiver marks the request acknowledged (it writes nothing more), which stops
    // Bolt's 3-second "not acknowledged" timer from firing on a request already answered.
    return true;
  };
}

/** In Socket Mode an unacknowledged envelope is redelivered; a malformed one is acknowledged and dropped. */
export function socketProcessEventErrorHandler(log: Log) {
  return async ({ error }: { error: Error }): Promise<boolean> => {
    log.warn({ err: error }, 'malformed envelope dropped');
    return true;
  };
}
