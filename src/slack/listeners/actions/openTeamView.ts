// The digest's "Team view": every direct report with their level, its reason and their actions, in a modal.
import { teamDigest } from '../../../services/digests';
import { teamViewModal } from '../../blocks/settingsTeam';
import type { ListenerDeps } from '../context';
import { controlClick } from './settingsShell';

export function openTeamView(deps: ListenerDeps) {
  return controlClick(deps, 'could not open the team view', async (c) => {
    const r = await teamDigest(deps, c.who);
    if (!r.ok) return c.refuse(r.error);
    await c.open(teamViewModal(r.value));
  });
}
