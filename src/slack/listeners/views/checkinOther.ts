// The check-in's "Other…" modal submitted: log it as that check-in's answer and update the DM.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { validateLogForm } from '../../../core/logForm';
import { isIsoDate } from '../../../core/time';
import { answerCheckin } from '../../../services/checkins';
import { ensurePerson } from '../../../services/people';
import { LOG_MODAL as F } from '../../ids';
import { checkinLogged, readCheckinContext } from '../../blocks/checkin';
import type { ListenerDeps } from '../context';
import { failureReply } from '../failure';
import { runFollowUps } from '../followUps';
import { formFields } from './logModal';

const BLOCK_OF: Record<string, string> = {
  minutes: F.minutesBlock, kind: F.kindBlock, network: F.networkBlock, link: F.linkBlock, note: F.noteBlock,
};

export function checkinOtherSubmitted(deps: ListenerDeps) {
  return async ({ ack, body, view }: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>): Promise<void> => {
    const log = deps.log.child({ userId: body.user.id, view: 'checkin_other' });
    const c = readCheckinContext(view.private_metadata);
    const who = await ensurePerson(deps, body.user.id);
    if (!who.ok || !c || !isIsoDate(c.date)) {
      await ack({ response_action: 'errors', errors: { [F.minutesBlock]: who.ok ? 'This check-in could not be read; use /ballast log instead.' : who.error.message } });
      return;
    }
    const form = validateLogForm({ ...formFields(view.state.values), date: c.date }, c.date);
    if (!form.ok) {
      const errors = Object.fromEntries(Object.entries(form.errors).filter(([k]) => k !== 'date').map(([k, msg]) => [BLOCK_OF[k] ?? F.minutesBlock, msg]));
      await ack({ response_action: 'errors', errors });
      return;
    }
    let logged;
    try {
      const r = await answerCheckin(deps, who.value, c.date, form.value, { deferFollowUps: true });
      if (!r.ok) {
        await ack({ response_action: 'errors', errors: { [F.minutesBlock]: r.error.message } });
        return;
      }
      logged = r.value;
      await ack();
    } catch (err) {
      const reply = failureReply(log, err, 'check-in modal submission failed');
      await ack({ response_action: 'errors', errors: { [F.minutesBlock]: reply.text.slice(0, 150) } });
      return;
    }
    const answered = logged;
    await runFollowUps(deps, log, [
      async () => {
        try {
          await deps.slack.updateMessage({ channel: c.channel, ts: c.ts }, checkinLogged(answered.entry, answered.week));
        } catch (err) {
          log.error({ err }, 'could not update the check-in message after the modal');
        }
      },
      ...answered.followUps,
    ]);
  };
}
