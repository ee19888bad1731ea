// A strain pulse answer: store it (once per week, the last click wins) and show what was recorded.
import type { Strain } from '../../../core/types';
import { recordStrain } from '../../../services/strain';
import { PULSE_ACTION, pulseAnswered, pulseClosed } from '../../blocks/pulse';
import { levelAdvice } from '../../blocks/week';
import { errorReply } from '../../blocks/replies';
import type { ListenerDeps } from '../context';
import { dmButton } from './shell';

const ANSWER_OF = Object.fromEntries(Object.entries(PULSE_ACTION).map(([k, v]) => [v, k as Strain]));

export function pulseAnswer(deps: ListenerDeps) {
  return dmButton(deps, 'pulse answer failed', async (who, action) => {
    const answer = ANSWER_OF[action.action_id];
    const weekKey = action.value ?? '';
    const r = await recordStrain(deps, who, weekKey, answer);
    if (r.ok) return { update: pulseAnswered(weekKey, answer, levelAdvice(r.value.week)) };
    // Clicked too late (or for a week not begun): the buttons go and the message says why.
    return r.error.code === 'stale_pulse' ? { update: pulseClosed(weekKey) } : { tell: errorReply(r.error) };
  });
}
