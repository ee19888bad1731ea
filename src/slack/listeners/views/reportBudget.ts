// "Adjust budget" submitted: the report's budget set (their manager or an admin only, asked again
// here), the report told by DM after the ack, the manager's App Home redrawn.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { readDurationText } from '../../../core/duration';
import { announceBudgetChange, setBudget } from '../../../services/budget';
import { ensurePerson } from '../../../services/people';
import { reportFor } from '../../../services/reportActions';
import { budgetChangedMessage } from '../../blocks/budgetChange';
import { SETTINGS_MODAL as S } from '../../ids';
import { publishHome } from '../../home';
import type { ListenerDeps } from '../context';
import { failureReply } from '../failure';
import { runFollowUps, type FollowUp } from '../followUps';

export function reportBudgetSubmitted(deps: ListenerDeps) {
  return async ({ ack, body, view }: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>): Promise<void> => {
    const reportId = view.private_metadata;
    const log = deps.log.child({ userId: body.user.id, view: 'report_budget', target: reportId });
    const refuse = (message: string) => ack({ response_action: 'errors', errors: { [S.budgetBlock]: message.slice(0, 150) } });
    const parsed = readDurationText(view.state.values[S.budgetBlock]?.[S.budgetAction]?.value ?? '');
    if (!parsed.ok) return void (await refuse(parsed.message));
    let followUps: FollowUp[];
    try {
      const who = await ensurePerson(deps, body.user.id);
      if (!who.ok) return void (await refuse(who.error.message));
      const allowed = await reportFor(deps, who.value, reportId, 'budget');
      if (!allowed.ok) return void (await refuse(allowed.error.message));
      const r = await setBudget(deps, who.value, reportId, parsed.minutes);
      if (!r.ok) return void (await refuse(r.error.message));
      const change = r.value.change;
      followUps = [
        ...(change ? [async () => void (await announceBudgetChange(deps, change, budgetChangedMessage(change)))] : []),
        () => publishHome(deps, who.value, deps.homeSections),
      ];
      await ack();
    } catch (err) {
      return void (await refuse(failureReply(log, err, 'budget modal submission failed').text));
    }
    await runFollowUps(deps, log, followUps, 'a follow-up of the budget modal failed');
  };
}
