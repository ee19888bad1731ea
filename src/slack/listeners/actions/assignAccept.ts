// Accept, and "Accept anyway" after the over-budget warning: only the assignee, and only once.
import { acceptAssignment } from '../../../services/assignments';
import { acceptWarning } from '../../blocks/assignment';
import { errorReply } from '../../blocks/replies';
import type { ListenerDeps } from '../context';
import { respondingButton } from './shell';

export function assignAccept(deps: ListenerDeps, opts: { force: boolean }) {
  return respondingButton(deps, 'accept failed', async (body, action) => {
    const r = await acceptAssignment(deps, body.user.id, Number(action.value), { force: opts.force });
    if (!r.ok) return { note: errorReply(r.error) };
    if ('confirm' in r.value) return { note: acceptWarning(r.value.assignment) };
    // The warning was an ephemeral message of its own: once answered, it goes.
    return opts.force && body.container?.is_ephemeral ? { remove: true } : null;
  }, { valueIsAssignmentId: true });
}
