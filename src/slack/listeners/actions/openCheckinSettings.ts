// "Change" beside the check-in on App Home, and "Set a check-in time" on the welcome DM: the modal.
import { checkinSettingsModal } from '../../blocks/settings';
import type { ListenerDeps } from '../context';
import { controlClick } from './settingsShell';

export function openCheckinSettings(deps: ListenerDeps) {
  return controlClick(deps, 'could not open the check-in settings', async (c) => {
    await c.open(checkinSettingsModal(c.who, await deps.store.settings.get()));
  });
}
