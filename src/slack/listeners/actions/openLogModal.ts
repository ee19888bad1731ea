import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ensurePerson } from '../../../services/people';
import { localDate } from '../../../core/time';
import { logModal } from '../../blocks/logModal';
import type { ListenerDeps } from '../context';
import { afterAck } from '../followUps';

export function openLogModal(deps: ListenerDeps) {
  return async ({ ack, body }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>): Promise<void> => {
    await ack();
    const log = deps.log.child({ userId: body.user.id, action: 'open_log_modal' });
    await afterAck(deps, log, async () => {
      const who = await ensurePerson(deps, body.user.id);
      const zone = who.ok ? who.value.tz : 'UTC';
      await deps.slack.openView(body.trigger_id, logModal({ today: localDate(deps.clock.now(), zone) }));
    }, 'could not open the log modal');
  };
}
