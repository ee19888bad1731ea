// The check-in modal submitted (from App Home or the welcome DM): time and days stored, or off; a
// time that quiet hours would move or skip is refused inline with the reason. App Home is redrawn.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { Weekday } from '../../../core/types';
import { parseHHMM } from '../../../core/time';
import { checkinOff, setCheckin } from '../../../services/controls';
import { ensurePerson } from '../../../services/people';
import { SETTINGS_MODAL as S } from '../../ids';
import { publishHome } from '../../home';
import type { ListenerDeps } from '../context';
import { failureReply } from '../failure';
import { runFollowUps } from '../followUps';

type Values = ViewSubmitAction['view']['state']['values'];

export function readCheckinForm(values: Values): { enabled: boolean; time: string | null; days: Weekday[] } {
  const enabled = (values[S.enabledBlock]?.[S.enabledAction]?.selected_options ?? []).some((o) => o.value === 'on');
  const time = values[S.timeBlock]?.[S.timeAction]?.selected_time ?? null;
  const days = (values[S.daysBlock]?.[S.daysAction]?.selected_options ?? [])
    .map((o) => Number(o.value)).filter((d): d is Weekday => Number.isInteger(d) && d >= 1 && d <= 7);
  return { enabled, time, days: [...new Set(days)].sort((a, b) => a - b) };
}

export function checkinSettingsSubmitted(deps: ListenerDeps) {
  return async ({ ack, body, view }: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>): Promise<void> => {
    const log = deps.log.child({ userId: body.user.id, view: 'checkin_settings' });
    const who = await ensurePerson(deps, body.user.id);
    if (!who.ok) {
      await ack({ response_action: 'errors', errors: { [S.timeBlock]: who.error.message.slice(0, 150) } });
      return;
    }
    const form = readCheckinForm(view.state.values);
    try {
      if (!form.enabled) {
        await checkinOff(deps, who.value);
      } else {
        const time = form.time ? parseHHMM(form.time) : null;
        if (time === null) {
          await ack({ response_action: 'errors', errors: { [S.timeBlock]: 'Pick a time for your check-in.' } });
          return;
        }
        if (form.days.length === 0) {
          await ack({ response_action: 'errors', errors: { [S.daysBlock]: 'Pick at least one day, or untick "Send me a daily check-in".' } });
          return;
        }
        const r = await setCheckin(deps, who.value, time, form.days);
        if (!r.ok) {
          await ack({ response_action: 'errors', errors: { [r.error.code === 'no_days' ? S.daysBlock : S.timeBlock]: r.error.message } });
          return;
        }
      }
      await ack();
    } catch (err) {
      const reply = failureReply(log, err, 'check-in settings submission failed');
      await ack({ response_action: 'errors', errors: { [S.timeBlock]: reply.text.slice(0, 150) } });
      return;
    }
    await runFollowUps(deps, log, [() => publishHome(deps, who.value, deps.homeSections)], 'App Home refresh after check-in settings failed');
  };
}
