// A strain pulse answer: store it (once per week, the last click wins) and show what was recorded.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Strain } from '../../../core/types';
import { ensurePerson } from '../../../services/people';
import { recordStrain } from '../../../services/strain';
import { PULSE_ACTION, pulseAnswered, pulseClosed } from '../../blocks/pulse';
import { levelAdvice } from '../../blocks/week';
import { errorReply } from '../../blocks/replies';
import type { ListenerDeps } from '../context';
import { failureReply } from '../failure';
import { messageRef } from './checkinAnswer';

const ANSWER_OF = Object.fromEntries(Object.entries(PULSE_ACTION).map(([k, v]) => [v, k as Strain]));

export function pulseAnswer(deps: ListenerDeps) {
  return async ({ ack, body, action }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>): Promise<void> => {
    await ack();
    const log = deps.log.child({ userId: body.user.id, action: action.action_id });
    const ref = messageRef(body);
    try {
      const who = await ensurePerson(deps, body.user.id);
      if (!who.ok || !ref) return;
      const answer = ANSWER_OF[action.action_id];
      const weekKey = action.value ?? '';
      const r = await recordStrain(deps, who.value, weekKey, answer);
      if (!r.ok && r.error.code === 'stale_pulse') {
        await deps.slack.updateMessage(ref, pulseClosed(weekKey));
        return;
      }
      if (!r.ok) {
        await deps.slack.postEphemeral(ref.channel, body.user.id, errorReply(r.error));
        return;
      }
      await deps.slack.updateMessage(ref, pulseAnswered(weekKey, answer, levelAdvice(r.value.week)));
    } catch (err) {
      const reply = failureReply(log, err, 'pulse answer failed');
      if (ref) await deps.slack.postEphemeral(ref.channel, body.user.id, reply).catch(() => undefined);
    }
  };
}
