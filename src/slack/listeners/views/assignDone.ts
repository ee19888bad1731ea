// The Done modal's submission: the real minutes logged once, the assignment done, App Home refreshed.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { readEntryMinutes } from '../../../core/logForm';
import { completeAssignment } from '../../../services/assignments';
import { ensurePerson } from '../../../services/people';
import { ASSIGN_MODAL as F } from '../../ids';
import { publishHome } from '../../home';
import type { ListenerDeps } from '../context';
import { failureReply } from '../failure';
import { runFollowUps, type FollowUp } from '../followUps';

export function assignDoneSubmitted(deps: ListenerDeps) {
  return async ({ ack, body, view }: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>): Promise<void> => {
    const log = deps.log.child({ userId: body.user.id, view: 'assign_done', assignmentId: view.private_metadata });
    const parsed = readEntryMinutes(view.state.values[F.minutesBlock]?.[F.minutesAction]?.value);
    if (!parsed.ok) {
      await ack({ response_action: 'errors', errors: { [F.minutesBlock]: parsed.error } });
      return;
    }
    let followUps: FollowUp[];
    try {
      // The entry and the state change are stored before the ack; the messages follow it.
      const r = await completeAssignment(deps, body.user.id, Number(view.private_metadata), parsed.minutes, { deferFollowUps: true });
      if (!r.ok) {
        await ack({ response_action: 'errors', errors: { [F.minutesBlock]: r.error.message.slice(0, 150) } });
        return;
      }
      followUps = r.value.followUps;
      await ack();
    } catch (err) {
      const reply = failureReply(log, err, 'done submission failed');
      await ack({ response_action: 'errors', errors: { [F.minutesBlock]: reply.text.slice(0, 150) } });
      return;
    }
    await runFollowUps(deps, log, [...followUps, async () => {
      const who = await ensurePerson(deps, body.user.id);
      if (who.ok) await publishHome(deps, who.value, deps.homeSections);
    }], 'a follow-up of the Done modal failed (assignee message, lead thread, warning or App Home)');
  };
}
