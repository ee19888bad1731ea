// Done: the modal asking for the real minutes, estimate prefilled. Only the assignee gets it.
import { canComplete } from '../../../services/assignments';
import { doneModal } from '../../blocks/assignment';
import { errorReply } from '../../blocks/replies';
import type { ListenerDeps } from '../context';
import { respondingButton } from './shell';

export function assignDone(deps: ListenerDeps) {
  return respondingButton(deps, 'opening the done modal failed', async (body, action) => {
    const r = await canComplete(deps, body.user.id, Number(action.value));
    if (!r.ok) return { note: errorReply(r.error) };
    await deps.slack.openView(body.trigger_id, doneModal(r.value));
    return null;
  }, { valueIsAssignmentId: true });
}
