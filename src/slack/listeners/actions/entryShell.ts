// The shell of the buttons on one entry (Edit, Delete, Undo): acknowledged at once; the answer goes
// back on the click's response_url (the `/ballast entries` list, a command reply, a DM), or, for a
// click on App Home, which has none, as App Home published again.
import { lazyChild } from '../../../logger';
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Person } from '../../../core/model';
import { ensurePerson } from '../../../services/people';
import { errorReply, type Reply } from '../../blocks/replies';
import { publishHome } from '../../home';
import type { ListenerDeps } from '../context';
import { failureReply } from '../failure';
import { respondOrLog } from '../respond';
import { afterAck } from '../followUps';

type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>;

export interface EntryClick {
  who: Person;
  /** NaN when the value is not a number: the service refuses it like any id that is not the clicker's. */
  entryId: number;
  /** The button's value as sent. */
  value: string | undefined;
  triggerId: string;
  fromHome: boolean;
}

/**
 * `replace`: the message the button sits on becomes this; `note`: told beside it (a refusal);
 * `changed`: the person's entries changed, so App Home is published again.
 */
export interface EntryAnswer {
  replace?: Reply;
  note?: Reply;
  changed?: boolean;
}

export function entryButton(deps: ListenerDeps, failure: string, handle: (click: EntryClick) => Promise<EntryAnswer>) {
  return async ({ ack, body, action, respond: maybeRespond }: ButtonArgs): Promise<void> => {
    await ack();
    const log = lazyChild(deps.log, { userId: body.user.id, action: action.action_id, entryId: action.value });
    const fromHome = body.container?.type === 'view';
    const respond = respondOrLog(maybeRespond, log);
    const note = (reply: Reply) => (fromHome ? Promise.resolve() : respond({ response_type: 'ephemeral', replace_original: false, ...reply }));
    // Everything after the ack is tracked, so shutdown waits for it before the database closes.
    await afterAck(deps, log, async () => {
      try {
        const who = await ensurePerson(deps, body.user.id);
        if (!who.ok) {
          await note(errorReply(who.error));
          return;
        }
        const answer = await handle({ who: who.value, entryId: Number(action.value), value: action.value, triggerId: body.trigger_id, fromHome });
        if (answer.replace && !fromHome) await respond({ response_type: 'ephemeral', replace_original: true, ...answer.replace });
        if (answer.note) await note(answer.note);
        // From App Home, even a refusal redraws it: a stale Home (the entry deleted elsewhere) catches up.
        if (answer.changed || fromHome) await publishHome(deps, who.value, deps.homeSections);
      } catch (err) {
        await note(failureReply(log, err, failure)).catch(() => undefined);
      }
    });
  };
}
