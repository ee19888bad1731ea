// Decline asks why in place; a reason declines (once), Back returns to the usual buttons.
import type { DeclineReason } from '../../../core/assignment';
import { askWhyDeclining, declineAssignment } from '../../../services/assignments';
import { errorReply } from '../../blocks/replies';
import type { ListenerDeps } from '../context';
import { respondingButton } from './shell';

export type DeclineStep = { ask: true } | { back: true } | { reason: DeclineReason };

export function assignDecline(deps: ListenerDeps, step: DeclineStep) {
  return respondingButton(deps, 'decline failed', async (body, action) => {
    const id = Number(action.value);
    const r = 'reason' in step
      ? await declineAssignment(deps, body.user.id, id, step.reason)
      : await askWhyDeclining(deps, body.user.id, id, 'back' in step);
    if (!r.ok) return { note: errorReply(r.error) };
    return body.container?.is_ephemeral ? { remove: true } : null;
  }, { valueIsAssignmentId: true });
}
