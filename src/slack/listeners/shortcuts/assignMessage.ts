// Message shortcut "Assign to an advocate": a modal with the message's permalink, an excerpt and who has room.
import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { ensurePerson } from '../../../services/people';
import { leadOnly, suggestAdvocates } from '../../../services/assignments';
import { assignModal } from '../../blocks/assignment';
import { errorReply } from '../../blocks/replies';
import type { ListenerDeps } from '../context';
import { failureReply } from '../failure';
import { respondOrLog } from '../respond';
import { afterAck } from '../followUps';

export function assignMessageShortcut(deps: ListenerDeps) {
  return async ({ ack, shortcut, respond: maybeRespond }: AllMiddlewareArgs & SlackShortcutMiddlewareArgs<MessageShortcut>): Promise<void> => {
    await ack();
    const log = deps.log.child({ userId: shortcut.user.id, shortcut: 'assign_message' });
    const respond = respondOrLog(maybeRespond, log);
    await afterAck(deps, log, async () => {
      try {
        const who = await ensurePerson(deps, shortcut.user.id);
        if (!who.ok) {
          await respond({ response_type: 'ephemeral', ...errorReply(who.error) });
          return;
        }
        const allowed = leadOnly(deps, who.value);
        if (!allowed.ok) {
          await respond({ response_type: 'ephemeral', ...errorReply(allowed.error) });
          return;
        }
        const [link, suggestions] = await Promise.all([
          deps.slack.permalink(shortcut.channel.id, shortcut.message.ts ?? shortcut.message_ts).catch((err: unknown) => {
            log.warn({ err }, 'chat.getPermalink failed; the lead can paste the link');
            return '';
          }),
          suggestAdvocates(deps, who.value),
        ]);
        await deps.slack.openView(shortcut.trigger_id, assignModal({
          link, excerpt: shortcut.message.text ?? '', suggestions: suggestions.map((s) => ({ id: s.person.id, band: s.band, lighterWeek: s.lighterWeek })),
        }));
      } catch (err) {
        await respond({ response_type: 'ephemeral', ...failureReply(log, err, 'assign shortcut failed') }).catch(() => undefined);
      }
    });
  };
}
