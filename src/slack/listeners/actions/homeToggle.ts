// App Home's two switches: nudges on or off, and sharing strain answers with the manager. The value
// is the state to switch to, so a second delivery of the same click changes nothing more.
import { setNudges } from '../../../services/controls';
import { setShareStrain } from '../../../services/dataOut';
import type { ListenerDeps } from '../context';
import { controlClick } from './settingsShell';

export function homeToggle(deps: ListenerDeps, which: 'nudges' | 'shareStrain') {
  return controlClick(deps, `could not switch ${which}`, async (c) => {
    if (c.value !== 'on' && c.value !== 'off') return;
    const on = c.value === 'on';
    if (which === 'nudges') await setNudges(deps, c.who, on);
    else await setShareStrain(deps, c.who, on);
    c.log.info({ setting: which, on }, 'setting switched from App Home');
    await c.refreshHome();
  });
}
