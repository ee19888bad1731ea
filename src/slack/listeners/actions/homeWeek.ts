// App Home's "← Earlier week" / "Later week →": publish Home with that week (held to the last 8 weeks).
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ensurePerson } from '../../../services/people';
import { publishHome } from '../../home';
import type { ListenerDeps } from '../context';
import { afterAck } from '../followUps';

export function homeWeek(deps: ListenerDeps) {
  return async ({ ack, body, action }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>): Promise<void> => {
    await ack();
    const log = deps.log.child({ userId: body.user.id, action: action.action_id });
    await afterAck(deps, log, async () => {
      const who = await ensurePerson(deps, body.user.id);
      if (!who.ok) {
        log.info({ code: who.error.code }, 'not publishing App Home');
        return;
      }
      await publishHome(deps, who.value, deps.homeSections, { weekOf: action.value ?? null });
    }, 'App Home week step failed');
  };
}
