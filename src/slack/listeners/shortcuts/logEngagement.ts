import type { AllMiddlewareArgs, GlobalShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { ensurePerson } from '../../../services/people';
import { localDate } from '../../../core/time';
import { logModal } from '../../blocks/logModal';
import type { ListenerDeps } from '../context';
import { afterAck } from '../followUps';

export function logEngagementShortcut(deps: ListenerDeps) {
  return async ({ ack, shortcut }: AllMiddlewareArgs & SlackShortcutMiddlewareArgs<GlobalShortcut>): Promise<void> => {
    await ack();
    await afterAck(deps, deps.log.child({ userId: shortcut.user.id }), async () => {
      const who = await ensurePerson(deps, shortcut.user.id);
      const zone = who.ok ? who.value.tz : 'UTC';
      await deps.slack.openView(shortcut.trigger_id, logModal({ today: localDate(deps.clock.now(), zone) }));
    }, 'could not open the log modal from the shortcut');
  };
}
