import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { ensurePerson } from '../../../services/people';
import { publishHome } from '../../home';
import type { ListenerDeps } from '../context';
import { afterAck } from '../followUps';
import { thenWelcome } from '../welcome';

export function appHomeOpened(deps: ListenerDeps) {
  return async ({ event }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>): Promise<void> => {
    if (event.tab !== 'home') return;
    const log = deps.log.child({ userId: event.user, event: 'app_home_opened' });
    // Bolt has acknowledged the event already; tracked so shutdown waits for the publish.
    await afterAck(deps, log, async () => {
      const who = await ensurePerson(deps, event.user);
      if (!who.ok) {
        log.info({ code: who.error.code }, 'not publishing App Home');
        return;
      }
      await thenWelcome(deps, who.value, () => publishHome(deps, who.value, deps.homeSections));
    }, 'App Home publish failed');
  };
}
