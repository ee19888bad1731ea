// Done: the modal asking for the real minutes, estimate prefilled. Only the assignee gets it.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { canComplete } from '../../../services/assignments';
import { doneModal } from '../../blocks/assignment';
import { errorReply } from '../../blocks/replies';
import type { ListenerDeps } from '../context';
import { failureReply } from '../failure';
import { respondOrLog } from '../respond';

export function assignDone(deps: ListenerDeps) {
  return async ({ ack, body, action, respond: maybeRespond }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>): Promise<void> => {
    await ack();
    const log = deps.log.child({ userId: body.user.id, action: action.action_id, assignmentId: action.value });
    const respond = respondOrLog(maybeRespond, log);
    try {
      const r = await canComplete(deps, body.user.id, Number(action.value));
      if (!r.ok) {
        await respond({ response_type: 'ephemeral', replace_original: false, ...errorReply(r.error) });
        return;
      }
      await deps.slack.openView(body.trigger_id, doneModal(r.value));
    } catch (err) {
      await respond({ response_type: 'ephemeral', replace_original: false, ...failureReply(log, err, 'opening the done modal failed') }).catch(() => undefined);
    }
  };
}
