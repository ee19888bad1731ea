// The Done modal's submission: the real minutes logged once, the assignment done, App Home refreshed.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { parseDuration } from '../../../core/duration';
import { completeAssignment } from '../../../services/assignments';
import { ensurePerson } from '../../../services/people';
import { ASSIGN_MODAL as F } from '../../ids';
import { publishHome } from '../../home';
import type { ListenerDeps } from '../context';
import { failureReply } from '../failure';
import { runFollowUps, type FollowUp } from '../followUps';

export function minutesProblem(text: string | null | undefined): { minutes: number } | { error: string } {
  const minutes = parseDuration(text ?? '');
  if (minutes === null) return { error: 'Give a duration such as 20m, 1h or 1h30m.' };
  if (minutes < 1) return { error: 'It took at least a minute, surely? Give a duration such as 20m.' };
  if (minutes > 720) return { error: 'That is over 12 hours; an entry is at most 12 hours.' };
  return { minutes };
}

export function assignDoneSubmitted(deps: ListenerDeps) {
  return async ({ ack, body, view }: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>): Promise<void> => {
    const log = deps.log.child({ userId: body.user.id, view: 'assign_done', assignmentId: view.private_metadata });
    const parsed = minutesProblem(view.state.values[F.minutesBlock]?.[F.minutesAction]?.value);
    if ('error' in parsed) {
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
