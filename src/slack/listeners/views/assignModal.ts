// The "Assign to an advocate" modal's submission: field errors inline, or the offer stored and the
// modal closed, with the DMs (to the advocate, the lead's thread) sent after the ack.
//
// Every check runs before the offer is stored, and the database answers most of them at once. One
// may need Slack: an advocate Ballast has never seen (or not for a day) is looked up with users.info.
// If the checks are done within the ack budget the answer goes in the ack (inline errors); if Slack is
// too slow the modal is closed and the lead is told by DM what became of it, refusal or offer. Either
// way the offer is stored once, and an offer that was refused is never stored nor DMed.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { parseEstimateText } from '../../../core/assignment';
import { parseDueText } from '../../../core/grammar';
import { ensurePerson } from '../../../services/people';
import { offerAssignment } from '../../../services/assignments';
import { dmDirect } from '../../../services/directDm';
import type { FollowUp } from '../../../services/ports';
import { ASSIGN_MODAL as F } from '../../ids';
import { offerOutcomeReply } from '../../blocks/assignment';
import { textReply, type Reply } from '../../blocks/replies';
import type { ListenerDeps } from '../context';
import { failureReply } from '../failure';
import { afterAck, runFollowUps } from '../followUps';

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

/** What the submission came to: a refusal (inline on a block, or by DM when it came too late), or an offer made. */
type Outcome =
  | { kind: 'refused'; block: string; message: string; dm: Reply }
  | { kind: 'offered'; followUps: FollowUp[] };

const refused = (block: string, message: string, dm?: Reply): Outcome => ({
  kind: 'refused', block, message: message.slice(0, 150),
  dm: dm ?? textReply(`:warning: Ballast did not offer the conversation: ${message}`),
});

async function submit(deps: ListenerDeps, body: ViewSubmitAction, log: ListenerDeps['log']): Promise<Outcome> {
  try {
    const who = await ensurePerson(deps, body.user.id);
    if (!who.ok) return refused(F.userBlock, who.error.message);
    const form = readAssignForm(body.view.state.values);
    if (!form.userId) return refused(F.userBlock, 'Pick the advocate to offer it to.');
    const est = parseEstimateText(form.estimate);
    if (!est.ok) return refused(F.estimateBlock, est.error);
    const estimate = est.minutes;
    let dueMs: number | undefined;
    if (form.due.trim() !== '') {
      const due = parseDueText(form.due, { nowMs: deps.clock.now(), zone: who.value.tz });
      if (!due.ok) return refused(F.dueBlock, due.error.message);
      dueMs = due.dueMs;
    }
    const r = await offerAssignment(
      deps, who.value, form.userId, { link: form.link, brief: form.brief, estimate, dueMs }, { force: form.anyway, deferFollowUps: true },
    );
    if (!r.ok) return refused(BLOCK_OF_CODE[r.error.code] ?? F.userBlock, r.error.message);
    if (r.value.kind === 'confirm') {
      const name = r.value.to.realName || r.value.to.name || 'They';
      return refused(
        F.anywayBlock, `This would take ${name} past their weekly budget. Tick the box to offer anyway, or pick someone else.`,
        offerOutcomeReply(r.value, who.value.tz),
      );
    }
    if (r.value.kind === 'already') {
      return refused(F.userBlock, `They already have this conversation (${r.value.assignment.state}).`, offerOutcomeReply(r.value, who.value.tz));
    }
    return { kind: 'offered', followUps: r.value.followUps };
  } catch (err) {
    const reply = failureReply(log, err, 'assign modal submission failed');
    return refused(F.userBlock, reply.text, reply);
  }
}

export function assignModalSubmitted(deps: ListenerDeps) {
  return async ({ ack, body, view }: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>): Promise<void> => {
    const log = deps.log.child({ userId: body.user.id, view: 'assign_modal' });
    const work = submit(deps, { ...body, view }, log);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), deps.ackBudgetMs);
    });
    const ready = await Promise.race([work, late]);
    clearTimeout(timer);
    if (ready?.kind === 'refused') {
      await ack({ response_action: 'errors', errors: { [ready.block]: ready.message } });
      return;
    }
    // Offered, or Slack too slow to tell yet: the modal closes now, before any DM goes out.
    await ack();
    await afterAck(deps, log, async () => {
      const outcome = ready ?? (await work);
      if (outcome.kind === 'offered') {
        await runFollowUps(deps, log, outcome.followUps, 'sending the offer after the assign modal failed');
        return;
      }
      // Too late for an inline error: the lead hears it where Ballast talks to them.
      log.info({ block: outcome.block }, 'assign modal refused after the ack; telling the lead by DM');
      await dmDirect(deps, body.user.id, outcome.dm);
    }, 'could not finish the assign modal after the ack');
  };
}
