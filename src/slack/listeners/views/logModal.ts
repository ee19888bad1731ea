// The log modal's submission: field errors shown inline, or the entry stored, confirmed by DM with Undo, and App Home refreshed.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { validateLogForm, type LogFormFields } from '../../../core/logForm';
import { localDate } from '../../../core/time';
import { logEngagement } from '../../../services/entries';
import { ensurePerson } from '../../../services/people';
import { LOG_MODAL as F } from '../../ids';
import { publishHome } from '../../home';
import type { ListenerDeps } from '../context';
import { failureReply } from '../failure';
import { dmDirect } from '../../../services/directDm';
import { loggedMessage } from '../../blocks/entries';
import { runFollowUps, type FollowUp } from '../followUps';

type Values = ViewSubmitAction['view']['state']['values'];

function read(values: Values, block: string, action: string): string | null {
  const v = values[block]?.[action];
  if (!v) return null;
  return v.value ?? v.selected_option?.value ?? v.selected_date ?? null;
}

export function formFields(values: Values): LogFormFields {
  return {
    minutes: read(values, F.minutesBlock, F.minutesAction),
    kind: read(values, F.kindBlock, F.kindAction),
    network: read(values, F.networkBlock, F.networkAction),
    date: read(values, F.dateBlock, F.dateAction),
    link: read(values, F.linkBlock, F.linkAction),
    note: read(values, F.noteBlock, F.noteAction),
  };
}

const BLOCK_OF: Record<keyof LogFormFields, string> = {
  minutes: F.minutesBlock, kind: F.kindBlock, network: F.networkBlock, date: F.dateBlock, link: F.linkBlock, note: F.noteBlock,
};

export function logModalSubmitted(deps: ListenerDeps) {
  return async ({ ack, body, view }: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>): Promise<void> => {
    const log = deps.log.child({ userId: body.user.id, view: 'log_modal' });
    let who: Awaited<ReturnType<typeof ensurePerson>>;
    try {
      who = await ensurePerson(deps, body.user.id);
    } catch (err) {
      // Without an answer Slack would close the modal as if the entry had been saved.
      const reply = failureReply(log, err, 'log modal submission failed');
      await ack({ response_action: 'errors', errors: { [F.minutesBlock]: reply.text.slice(0, 150) } });
      return;
    }
    if (!who.ok) {
      await ack({ response_action: 'errors', errors: { [F.minutesBlock]: who.error.message } });
      return;
    }
    const person = who.value;
    const form = validateLogForm(formFields(view.state.values), localDate(deps.clock.now(), person.tz));
    // The modal closes on submit: the confirmation, with Undo, goes to the person's DM with Ballast.
    if (!form.ok) {
      const errors = Object.fromEntries(Object.entries(form.errors).map(([k, msg]) => [BLOCK_OF[k as keyof LogFormFields], msg]));
      await ack({ response_action: 'errors', errors });
      return;
    }
    let followUps: FollowUp[];
    try {
      // One submission of one modal logs once, even if Slack delivers it twice.
      const r = await logEngagement(deps, person, { ...form.value, source: 'modal', dedupeKey: `modal:${view.id}` }, { deferFollowUps: true });
      if (!r.ok) {
        await ack({ response_action: 'errors', errors: { [F.dateBlock]: r.error.message } });
        return;
      }
      followUps = [...r.value.followUps];
      // A redelivered submission finds its entry already stored: confirmed once. A reply to what the
      // person just did, so quiet hours do not hold it back; it goes first, before any warning.
      if (r.value.created) {
        const confirmation = loggedMessage(r.value.entry, r.value.week);
        followUps.unshift(async () => {
          await dmDirect(deps, person.id, confirmation);
        });
      }
      await ack();
    } catch (err) {
      const reply = failureReply(log, err, 'log modal submission failed');
      await ack({ response_action: 'errors', errors: { [F.minutesBlock]: reply.text.slice(0, 150) } });
      return;
    }
    // Stored and acknowledged; the confirmation, the warning DM and the Home refresh follow.
    await runFollowUps(deps, log, [...followUps, () => publishHome(deps, person, deps.homeSections)]);
  };
}
