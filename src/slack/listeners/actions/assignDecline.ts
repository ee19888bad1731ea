// Decline asks why in place; a reason declines (once), Back returns to the usual buttons.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { DeclineReason } from '../../../core/assignment';
import { askWhyDeclining, declineAssignment } from '../../../services/assignments';
import { errorReply } from '../../blocks/replies';
import type { ListenerDeps } from '../context';
import { failureReply } from '../failure';
import { respondOrLog } from '../respond';

export type DeclineStep = { ask: true } | { back: true } | { reason: DeclineReason };

export function assignDecline(deps: ListenerDeps, step: DeclineStep) {
  return async ({ ack, body, action, respond: maybeRespond }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>): Promise<void> => {
    await ack();
    const log = deps.log.child({ userId: body.user.id, action: action.action_id, assignmentId: action.value });
    const respond = respondOrLog(maybeRespond, log);
    try {
      const id = Number(action.value);
      const r = 'reason' in step
        ? await declineAssignment(deps, body.user.id, id, step.reason)
        : await askWhyDeclining(deps, body.user.id, id, 'back' in step);
      if (!r.ok) {
        await respond({ response_type: 'ephemeral', replace_original: false, ...errorReply(r.error) });
        return;
      }
      if (body.container?.is_ephemeral) await respond({ delete_original: true });
    } catch (err) {
      await respond({ response_type: 'ephemeral', replace_original: false, ...failureReply(log, err, 'decline failed') }).catch(() => undefined);
    }
  };
}
