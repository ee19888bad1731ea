// Undo on an answered check-in: remove the entry and put the question back.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { undoCheckin } from '../../../services/checkins';
import { ensurePerson } from '../../../services/people';
import { checkinQuestion } from '../../blocks/checkin';
import { entryLine } from '../../blocks/week';
import { errorReply } from '../../blocks/replies';
import type { ListenerDeps } from '../context';
import { failureReply } from '../failure';
import { messageRef } from './checkinAnswer';

export function checkinUndo(deps: ListenerDeps) {
  return async ({ ack, body, action }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>): Promise<void> => {
    await ack();
    const log = deps.log.child({ userId: body.user.id, action: action.action_id });
    const ref = messageRef(body);
    try {
      const who = await ensurePerson(deps, body.user.id);
      const id = Number(action.value);
      if (!who.ok || !ref || !Number.isInteger(id)) return;
      const r = await undoCheckin(deps, who.value, id);
      if (!r.ok) {
        await deps.slack.postEphemeral(ref.channel, body.user.id, errorReply(r.error));
        return;
      }
      await deps.slack.updateMessage(ref, checkinQuestion(r.value.entry.date, `Removed ${entryLine(r.value.entry)}.`));
    } catch (err) {
      const reply = failureReply(log, err, 'check-in undo failed');
      if (ref) await deps.slack.postEphemeral(ref.channel, body.user.id, reply).catch(() => undefined);
    }
  };
}
