// "Pause…" on App Home and on the welcome DM: the modal (with "Resume now" when already paused).
import { localDate } from '../../../core/time';
import { pauseModal } from '../../blocks/settings';
import type { ListenerDeps } from '../context';
import { controlClick } from './settingsShell';

export function openPause(deps: ListenerDeps) {
  return controlClick(deps, 'could not open the pause modal', async (c) => {
    await c.open(pauseModal(c.who, localDate(deps.clock.now(), c.who.tz)));
  });
}
