// The two kinds of button Ballast answers, each with one shell: acknowledged at once, the work in a
// handler that says what to show, every unexpected error logged once and told to the person.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Person } from '../../../core/model';
import { ensurePerson } from '../../../services/people';
import type { MessageRef, OutgoingMessage } from '../../../services/ports';
import { errorReply, type Reply } from '../../blocks/replies';
import { lazyChild, type Log } from '../../../logger';
import type { ListenerDeps } from '../context';
import { failureReply } from '../failure';
import { respondOrLog } from '../respond';
import { afterAck, type FollowUp } from '../followUps';

type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>;
type Action = BlockButtonAction['actions'][number];

/** The message a click came from. */
export function messageRef(body: BlockButtonAction): MessageRef | null {
  const channel = body.container?.channel_id ?? body.channel?.id;
  const ts = body.container?.message_ts ?? body.message?.ts;
  return channel && ts ? { channel, ts } : null;
}

/** What a click on one of Ballast's own DMs (check-in, pulse) does: redraw that message, or tell the clicker beside it. */
export type DmAnswer = ({ update: OutgoingMessage } | { tell: Reply }) & { after?: FollowUp };

/**
 * A button on a DM Ballast posted. The clicker is looked up first (and told if Slack does not know
 * them); the answer goes to the message itself, through the Web API.
 */
export function dmButton(
  deps: ListenerDeps, failure: string,
  handle: (who: Person, action: Action, ref: MessageRef) => Promise<DmAnswer>,
) {
  return async ({ ack, body, action }: ButtonArgs): Promise<void> => {
    await ack();
    const log = lazyChild(deps.log, { userId: body.user.id, action: action.action_id });
    const ref = messageRef(body);
    if (!ref) {
      log.warn('a button click without its message; nothing to answer on');
      return;
    }
    const tell = (reply: Reply) => deps.slack.postEphemeral(ref.channel, body.user.id, reply);
    await afterAck(deps, log, async () => {
      try {
        const who = await ensurePerson(deps, body.user.id);
        const answer = who.ok ? await handle(who.value, action, ref) : { tell: errorReply(who.error) };
        if ('update' in answer) await deps.slack.updateMessage(ref, answer.update);
        else await tell(answer.tell);
        // What follows the answer (the welcome) logs its own failure: the click itself was answered.
        if (answer.after) await answer.after().catch((err: unknown) => log.error({ err }, 'follow-up after a DM button failed'));
      } catch (err) {
        await tell(failureReply(log, err, failure)).catch(() => undefined);
      }
    });
  };
}

/**
 * What an assignment click says back on its response_url: a note beside the message, a reply in
 * its place, the (ephemeral) message removed, or nothing (the message was redrawn through the Web API).
 */
export type RespondAnswer = { note: Reply } | { replace: Reply } | { remove: true } | null;

/** A button whose answer goes back on the click's response_url: the assignment buttons in DMs, threads and replies. */
export function respondingButton(
  deps: ListenerDeps, failure: string,
  handle: (body: BlockButtonAction, action: Action, log: Log) => Promise<RespondAnswer>,
  opts: { valueIsAssignmentId?: boolean } = {},
) {
  return async ({ ack, body, action, respond: maybeRespond }: ButtonArgs): Promise<void> => {
    await ack();
    const log = lazyChild(deps.log, {
      userId: body.user.id, action: action.action_id, ...(opts.valueIsAssignmentId ? { assignmentId: action.value } : {}),
    });
    const respond = respondOrLog(maybeRespond, log);
    const note = (reply: Reply) => respond({ response_type: 'ephemeral', replace_original: false, ...reply });
    await afterAck(deps, log, async () => {
      try {
        const answer = await handle(body, action, log);
        if (!answer) return;
        if ('note' in answer) await note(answer.note);
        else if ('replace' in answer) await respond({ response_type: 'ephemeral', replace_original: true, ...answer.replace });
        else await respond({ delete_original: true });
      } catch (err) {
        await note(failureReply(log, err, failure)).catch(() => undefined);
      }
    });
  };
}
