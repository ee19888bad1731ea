// The lead's "Offer to next best" after a decline or expiry.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ensurePerson } from '../../../services/people';
import { reassignAssignment } from '../../../services/assignments';
import { decodeReassign, offerOutcomeReply } from '../../blocks/assignment';
import { errorReply } from '../../blocks/replies';
import type { ListenerDeps } from '../context';
import { failureReply } from '../failure';
import { respondOrLog } from '../respond';

export function assignReassign(deps: ListenerDeps) {
  return async ({ ack, body, action, respond: maybeRespond }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>): Promise<void> => {
    await ack();
    const log = deps.log.child({ userId: body.user.id, action: action.action_id });
    const respond = respondOrLog(maybeRespond, log);
    try {
      const v = decodeReassign(action.value ?? '');
      const who = await ensurePerson(deps, body.user.id);
      if (!v || !who.ok) {
        const message = who.ok ? 'That button is out of date. Run `/ballast assign <link>` again.' : who.error.message;
        await respond({ response_type: 'ephemeral', replace_original: false, text: message });
        return;
      }
      const r = await reassignAssignment(deps, who.value, v.assignmentId, v.to);
      if (!r.ok) {
        await respond({ response_type: 'ephemeral', replace_original: false, ...errorReply(r.error) });
        return;
      }
      await respond({ response_type: 'ephemeral', replace_original: false, ...offerOutcomeReply(r.value, who.value.tz) });
    } catch (err) {
      await respond({ response_type: 'ephemeral', replace_original: false, ...failureReply(log, err, 'reassign failed') }).catch(() => undefined);
    }
  };
}
