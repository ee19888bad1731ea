// "Send a note" submitted: the manager's words delivered to their report as a DM that names them.
// Only to one's own direct report, asked again here (a forged private_metadata changes nothing).
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { ensurePerson } from '../../../services/people';
import { prepareManagerNote } from '../../../services/reportActions';
import { managerNoteMessage } from '../../blocks/settingsTeam';
import { SETTINGS_MODAL as S } from '../../ids';
import type { ListenerDeps } from '../context';
import { failureReply } from '../failure';
import { runFollowUps, type FollowUp } from '../followUps';

export function reportNoteSubmitted(deps: ListenerDeps) {
  return async ({ ack, body, view }: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>): Promise<void> => {
    const reportId = view.private_metadata;
    const log = deps.log.child({ userId: body.user.id, view: 'report_note', target: reportId });
    const refuse = (message: string) => ack({ response_action: 'errors', errors: { [S.noteBlock]: message.slice(0, 150) } });
    const text = view.state.values[S.noteBlock]?.[S.noteAction]?.value ?? '';
    let send: FollowUp;
    try {
      const who = await ensurePerson(deps, body.user.id);
      if (!who.ok) return void (await refuse(who.error.message));
      const r = await prepareManagerNote(deps, who.value, reportId, text);
      if (!r.ok) return void (await refuse(r.error.message));
      const message = managerNoteMessage(who.value.id, text);
      send = async () => void (await r.value.send(message));
      await ack();
    } catch (err) {
      return void (await refuse(failureReply(log, err, 'note modal submission failed').text));
    }
    await runFollowUps(deps, log, [send], 'the manager note could not be delivered');
  };
}
