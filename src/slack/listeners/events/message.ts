// The Messages tab: text typed to Ballast in its DM is read with the `/ballast` grammar and answered
// in the DM, so `log 30m reply` works there as it does after `/ballast`. Bolt has acked the event
// already; Slack's redeliveries are dropped by event_id (middleware/dedupeEvents.ts).
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Reply } from '../../blocks/replies';
import type { ListenerDeps } from '../context';
import { failureReply } from '../failure';
import { afterAck, runFollowUps } from '../followUps';
import type { CommandReply } from '../commands/subcommands/types';
import { answerCommand } from '../commands/answer';

/** What a person types first in a DM to say hello: the short help answers it. */
const GREETINGS = new Set(['hi', 'hello', 'hey', 'hallo', 'hej', 'yo', '?', 'start', 'menu']);

/** The command text of a DM: `/ballast` or `ballast` in front is allowed, a greeting asks for help. */
export function commandTextOf(text: string): string {
  const t = text.trim().replace(/^\/?ballast\b[:,]?\s*/i, '');
  return GREETINGS.has(t.toLowerCase().replace(/[!.]+$/, '')) ? 'help' : t;
}

interface DmMessage {
  channel: string;
  user: string;
  text: string;
  ts: string;
  threadTs?: string;
}

/** A person's own plain message in a DM with Ballast; anything else (edits, bots, joins, files) is not for us. */
export function dmMessageOf(event: unknown, botUserId: string | undefined): DmMessage | null {
  const e = event as { channel_type?: string; subtype?: string; bot_id?: string; user?: string; text?: string; channel?: string; ts?: string; thread_ts?: string };
  if (e.channel_type !== 'im' || e.subtype !== undefined || e.bot_id !== undefined) return null;
  if (!e.user || e.user === botUserId || typeof e.text !== 'string' || !e.text.trim() || !e.channel || !e.ts) return null;
  return { channel: e.channel, user: e.user, text: e.text, ts: e.ts, ...(e.thread_ts ? { threadTs: e.thread_ts } : {}) };
}

export function directMessage(deps: ListenerDeps) {
  return async ({ event, context }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'message'>): Promise<void> => {
    const m = dmMessageOf(event, context.botUserId);
    if (!m) return;
    const log = deps.log.child({ userId: m.user, event: 'message.im' });
    const say = (reply: Reply) => deps.slack.postMessage(m.channel, { text: reply.text, blocks: reply.blocks, threadTs: m.threadTs });
    await afterAck(deps, log, async () => {
      let reply: CommandReply;
      try {
        reply = await answer(deps, m, say);
      } catch (err) {
        reply = failureReply(log, err, 'message command failed');
      }
      const { after, ...shown } = reply;
      await say(shown);
      await runFollowUps(deps, log, after);
    }, 'answering a DM failed');
  };
}

function answer(deps: ListenerDeps, m: DmMessage, say: (reply: Reply) => Promise<unknown>): Promise<CommandReply> {
  // A message event carries no trigger id and no response_url; answers go back into the DM.
  return answerCommand(deps, m.user, commandTextOf(m.text), {
    channelId: m.channel, triggerId: '', responseUrl: '',
    respond: async (reply) => void (await say(reply)),
  });
}
