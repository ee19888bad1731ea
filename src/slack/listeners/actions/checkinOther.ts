// "Other…" on a check-in: the log modal, carrying which check-in it answers.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ensurePerson } from '../../../services/people';
import { isIsoDate } from '../../../core/time';
import { checkinOtherModal } from '../../blocks/checkin';
import type { ListenerDeps } from '../context';
import { messageRef } from './shell';
import { afterAck } from '../followUps';

export function checkinOther(deps: ListenerDeps) {
  return async ({ ack, body, action }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>): Promise<void> => {
    await ack();
    const log = deps.log.child({ userId: body.user.id, action: action.action_id });
    const ref = messageRef(body);
    const date = action.value ?? '';
    if (!ref || !isIsoDate(date)) return;
    await afterAck(deps, log, async () => {
      const who = await ensurePerson(deps, body.user.id);
      if (!who.ok) return;
      await deps.slack.openView(body.trigger_id, checkinOtherModal({ date, ...ref }));
    }, 'could not open the check-in modal');
  };
}
