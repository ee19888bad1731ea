// The pause modal submitted: paused through the chosen date (or until resumed). Offers not yet
// accepted go back to their leads after the ack; App Home is redrawn.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { daysBetween, isIsoDate, localDate } from '../../../core/time';
import { pause } from '../../../services/controls';
import { ensurePerson } from '../../../services/people';
import { SETTINGS_MODAL as S } from '../../ids';
import { publishHome } from '../../home';
import type { ListenerDeps } from '../context';
import { failureReply } from '../failure';
import { runFollowUps, type FollowUp } from '../followUps';

const MAX_PAUSE_DAYS = 365;

export function pauseSubmitted(deps: ListenerDeps) {
  return async ({ ack, body, view }: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>): Promise<void> => {
    const log = deps.log.child({ userId: body.user.id, view: 'pause' });
    const who = await ensurePerson(deps, body.user.id);
    if (!who.ok) {
      await ack({ response_action: 'errors', errors: { [S.untilBlock]: who.error.message.slice(0, 150) } });
      return;
    }
    const until = view.state.values[S.untilBlock]?.[S.untilAction]?.selected_date ?? null;
    const today = localDate(deps.clock.now(), who.value.tz);
    if (until !== null) {
      const problem = !isIsoDate(until) ? 'Pick a date.'
        : daysBetween(today, until) < 0 ? 'That day is in the past: pick today or a later day, or leave it empty to pause until you resume.'
          : daysBetween(today, until) > MAX_PAUSE_DAYS ? `A pause lasts at most ${MAX_PAUSE_DAYS} days.` : null;
      if (problem) {
        await ack({ response_action: 'errors', errors: { [S.untilBlock]: problem } });
        return;
      }
    }
    let followUps: FollowUp[];
    try {
      const r = await pause(deps, who.value, until);
      if (!r.ok) {
        await ack({ response_action: 'errors', errors: { [S.untilBlock]: r.error.message } });
        return;
      }
      followUps = r.value.followUps;
      await ack();
    } catch (err) {
      const reply = failureReply(log, err, 'pause submission failed');
      await ack({ response_action: 'errors', errors: { [S.untilBlock]: reply.text.slice(0, 150) } });
      return;
    }
    await runFollowUps(deps, log, [...followUps, () => publishHome(deps, who.value, deps.homeSections)], 'a follow-up of the pause modal failed');
  };
}
