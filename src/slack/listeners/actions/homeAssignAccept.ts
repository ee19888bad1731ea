// Accept on App Home's open assignments (and "Accept anyway" after its over-budget notice). App Home
// has no response_url: the answer is App Home redrawn, with the notice on top when one is needed.
import { acceptAssignment } from '../../../services/assignments';
import { ACTIONS } from '../../ids';
import { actions, button, section } from '../../blocks/kit';
import { acceptWarning } from '../../blocks/assignment';
import type { ListenerDeps } from '../context';
import { controlClick } from './settingsShell';

export function homeAssignAccept(deps: ListenerDeps, opts: { force: boolean }) {
  return controlClick(deps, 'accept from App Home failed', async (c) => {
    const r = await acceptAssignment(deps, c.who.id, Number(c.value), { force: opts.force });
    if (!r.ok) return c.refuse(r.error);
    if ('confirm' in r.value) {
      const warning = acceptWarning(r.value.assignment);
      return c.refreshHome({
        notice: [
          section(`:warning: ${warning.text} Your lead has been told you were asked. Accept anyway, or decline from the offer's DM with "No capacity".`),
          actions([button('Accept anyway', ACTIONS.homeAssignAcceptAnyway, c.value, 'danger')]),
        ],
      });
    }
    return c.refreshHome();
  });
}
