// A check-in button (Nothing today / 15m / 30m / 1h): log once, then turn the question into the answer.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { answerCheckin } from '../../../services/checkins';
import { ensurePerson } from '../../../services/people';
import { isIsoDate } from '../../../core/time';
import { CHECKIN_MINUTES, checkinLogged, checkinNothing } from '../../blocks/checkin';
import { errorReply } from '../../blocks/replies';
import type { MessageRef } from '../../../services/ports';
import type { ListenerDeps } from '../context';
import { failureReply } from '../failure';

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>;

export function messageRef(body: BlockButtonAction): MessageRef | null {
  const channel = body.container?.channel_id ?? body.channel?.id;
  const ts = body.container?.message_ts ?? body.message?.ts;
  return channel && ts ? { channel, ts } : null;
}

export function checkinAnswer(deps: ListenerDeps) {
  return async ({ ack, body, action }: Args): Promise<void> => {
    await ack();
    const log = deps.log.child({ userId: body.user.id, action: action.action_id });
    const ref = messageRef(body);
    const date = action.value ?? '';
    try {
      const who = await ensurePerson(deps, body.user.id);
      if (!who.ok || !isIsoDate(date) || !ref) {
        if (ref) await deps.slack.postEphemeral(ref.channel, body.user.id, errorReply(who.ok ? { code: 'bad', message: 'That check-in could not be read.' } : who.error));
        return;
      }
      const minutes = CHECKIN_MINUTES[action.action_id];
      if (minutes === undefined) {
        await deps.slack.updateMessage(ref, checkinNothing(date));
        return;
      }
      const r = await answerCheckin(deps, who.value, date, { minutes });
      if (!r.ok) {
        await deps.slack.postEphemeral(ref.channel, body.user.id, errorReply(r.error));
        return;
      }
      await deps.slack.updateMessage(ref, checkinLogged(r.value.entry, r.value.week));
    } catch (err) {
      const reply = failureReply(log, err, 'check-in answer failed');
      if (ref) await deps.slack.postEphemeral(ref.channel, body.user.id, reply).catch(() => undefined);
    }
  };
}
