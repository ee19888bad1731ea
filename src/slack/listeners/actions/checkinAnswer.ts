// A check-in button (Nothing today / 15m / 30m / 1h): log once, then turn the question into the answer.
import { answerCheckin } from '../../../services/checkins';
import { isIsoDate } from '../../../core/time';
import { CHECKIN_MINUTES, checkinLogged, checkinNothing } from '../../blocks/checkin';
import { errorReply } from '../../blocks/replies';
import type { ListenerDeps } from '../context';
import { dmButton } from './shell';
import { welcomeFor } from '../welcome';

export function checkinAnswer(deps: ListenerDeps) {
  return dmButton(deps, 'check-in answer failed', async (who, action) => {
    const date = action.value ?? '';
    if (!isIsoDate(date)) return { tell: errorReply({ code: 'bad', message: 'That check-in could not be read.' }) };
    // A first check-in answer is a first contact: the welcome follows the redrawn check-in.
    const after = (await welcomeFor(deps, who)) ?? undefined;
    const minutes = CHECKIN_MINUTES[action.action_id];
    if (minutes === undefined) return { update: checkinNothing(date), after };
    const r = await answerCheckin(deps, who, date, { minutes });
    return r.ok ? { update: checkinLogged(r.value.entry, r.value.week), after } : { tell: errorReply(r.error), after };
  });
}
