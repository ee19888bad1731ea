// The edit modal's submission: the same field rules as a new entry (core/logForm.ts), the owner
// checked again (private_metadata can be forged), then the warnings a new entry would get and App
// Home, after the acknowledgement.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { Person } from '../../../core/model';
import { validateLogForm, type LogFormFields } from '../../../core/logForm';
import { localDate } from '../../../core/time';
import { editEntry, type Edited } from '../../../services/entries';
import { ensurePerson } from '../../../services/people';
import { LOG_MODAL as F } from '../../ids';
import { editedView, readEditMetadata } from '../../blocks/entries';
import { publishHome } from '../../home';
import type { ListenerDeps } from '../context';
import { failureReply } from '../failure';
import { runFollowUps } from '../followUps';
import { formFields } from './logModal';

const BLOCK_OF: Record<keyof LogFormFields, string> = {
  minutes: F.minutesBlock, kind: F.kindBlock, network: F.networkBlock, date: F.dateBlock, link: F.linkBlock, note: F.noteBlock,
};

export function editEntrySubmitted(deps: ListenerDeps) {
  return async ({ ack, body, view }: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>): Promise<void> => {
    const log = deps.log.child({ userId: body.user.id, view: 'edit_entry' });
    const refuse = (message: string) => ack({ response_action: 'errors', errors: { [F.minutesBlock]: message.slice(0, 150) } });
    let edited: Edited;
    let person: Person;
    try {
      const who = await ensurePerson(deps, body.user.id);
      if (!who.ok) {
        await refuse(who.error.message);
        return;
      }
      const form = validateLogForm(formFields(view.state.values), localDate(deps.clock.now(), who.value.tz));
      if (!form.ok) {
        const errors = Object.fromEntries(Object.entries(form.errors).map(([k, msg]) => [BLOCK_OF[k as keyof LogFormFields], msg]));
        await ack({ response_action: 'errors', errors });
        return;
      }
      const r = await editEntry(deps, who.value, readEditMetadata(view.private_metadata) ?? Number.NaN, form.value);
      if (!r.ok) {
        await refuse(r.error.message);
        return;
      }
      edited = r.value;
      person = who.value;
      await ack({ response_action: 'update', view: editedView(edited.entry, edited.week) });
    } catch (err) {
      await refuse(failureReply(log, err, 'edit modal submission failed').text);
      return;
    }
    // Stored and acknowledged; the warning an edit may earn and the Home refresh follow.
    await runFollowUps(deps, log, [...edited.followUps, () => publishHome(deps, person, deps.homeSections)], 'follow-up after an edit failed');
  };
}
