// Accept, and "Accept anyway" after the over-budget warning: only the assignee, and only once.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { acceptAssignment } from '../../../services/assignments';
import { acceptWarning } from '../../blocks/assignment';
import { errorReply } from '../../blocks/replies';
import type { ListenerDeps } from '../context';
import { failureReply } from '../failure';
import { respondOrLog } from '../respond';

export function assignAccept(deps: ListenerDeps, opts: { force: boolean }) {
  return async ({ ack, body, action, respond: maybeRespond }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>): Promise<void> => {
    await ack();
    const log = deps.log.child({ userId: body.user.id, action: action.action_id, assignmentId: action.value });
    const respond = respondOrLog(maybeRespond, log);
    try {
      const r = await acceptAssignment(deps, body.user.id, Number(action.value), { force: opts.force });
      if (!r.ok) {
        await respond({ response_type: 'ephemeral', replace_original: false, ...errorReply(r.error) });
        return;
      }
      if ('confirm' in r.value) {
        await respond({ response_type: 'ephemeral', replace_original: false, ...acceptWarning(r.value.assignment) });
        return;
      }
      // The warning was an ephemeral message of its own: once answered, it goes.
      if (opts.force && body.container?.is_ephemeral) await respond({ delete_original: true });
    } catch (err) {
      await respond({ response_type: 'ephemeral', replace_original: false, ...failureReply(log, err, 'accept failed') }).catch(() => undefined);
    }
  };
}
