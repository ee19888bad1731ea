// "Resume" on App Home and "Resume now" in the pause modal: check-ins, pulses and nudges again.
import { resume } from '../../../services/controls';
import { resumedModal } from '../../blocks/settings';
import type { ListenerDeps } from '../context';
import { controlClick } from './settingsShell';

export function homeResume(deps: ListenerDeps) {
  return controlClick(deps, 'could not resume', async (c) => {
    await resume(deps, c.who);
    if (c.from === 'modal' && c.body.view?.id) await deps.slack.updateView(c.body.view.id, resumedModal());
    await c.refreshHome();
  });
}
