// The "Assign to an advocate" modal's submission: field errors inline, or the offer made (the DM thread confirms).
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { parseEstimateText } from '../../../core/assignment';
import { parseDueText } from '../../../core/grammar';
import { ensurePerson } from '../../../services/people';
import { offerAssignment } from '../../../services/assignments';
import { ASSIGN_MODAL as F } from '../../ids';
import type { ListenerDeps } from '../context';
import { failureReply } from '../failure';

type Values = ViewSubmitAction['view']['state']['values'];

const BLOCK_OF_CODE: Record<string, string> = {
  bad_link: F.linkBlock, bad_estimate: F.estimateBlock, bad_due: F.dueBlock, bad_brief: F.briefBlock,
};

export function readAssignForm(values: Values) {
  const v = (block: string, action: string) => values[block]?.[action];
  return {
    userId: v(F.userBlock, F.userAction)?.selected_user ?? null,
    link: v(F.linkBlock, F.linkAction)?.value ?? '',
    estimate: v(F.estimateBlock, F.estimateAction)?.value ?? '',
    due: v(F.dueBlock, F.dueAction)?.value ?? '',
    brief: v(F.briefBlock, F.briefAction)?.value ?? null,
    anyway: (v(F.anywayBlock, F.anywayAction)?.selected_options ?? []).some((o) => o.value === 'yes'),
  };
}

export function assignModalSubmitted(deps: ListenerDeps) {
  return async ({ ack, body, view }: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>): Promise<void> => {
    const log = deps.log.child({ userId: body.user.id, view: 'assign_modal' });
    const errors = (block: string, message: string) => ack({ response_action: 'errors', errors: { [block]: message.slice(0, 150) } });
    try {
      const who = await ensurePerson(deps, body.user.id);
      if (!who.ok) return await errors(F.userBlock, who.error.message);
      const form = readAssignForm(view.state.values);
      if (!form.userId) return await errors(F.userBlock, 'Pick the advocate to offer it to.');
      const est = parseEstimateText(form.estimate);
      if (!est.ok) return await errors(F.estimateBlock, est.error);
      const estimate = est.minutes;
      let dueMs: number | undefined;
      if (form.due.trim() !== '') {
        const due = parseDueText(form.due, { nowMs: deps.clock.now(), zone: who.value.tz });
        if (!due.ok) return await errors(F.dueBlock, due.error.message);
        dueMs = due.dueMs;
      }
      const r = await offerAssignment(
        deps, who.value, form.userId, { link: form.link, brief: form.brief, estimate, dueMs }, { force: form.anyway },
      );
      if (!r.ok) return await errors(BLOCK_OF_CODE[r.error.code] ?? F.userBlock, r.error.message);
      if (r.value.kind === 'confirm') {
        const name = r.value.to.realName || r.value.to.name || 'They';
        return await errors(F.anywayBlock, `This would take ${name} past their weekly budget. Tick the box to offer anyway, or pick someone else.`);
      }
      if (r.value.kind === 'already') return await errors(F.userBlock, `They already have this conversation (${r.value.assignment.state}).`);
      await ack();
    } catch (err) {
      await errors(F.userBlock, failureReply(log, err, 'assign modal submission failed').text);
    }
  };
}
