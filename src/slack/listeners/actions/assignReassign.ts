// The lead's "Offer to next best" after a decline or expiry.
import { ensurePerson } from '../../../services/people';
import { reassignAssignment } from '../../../services/assignments';
import { decodeReassign, offerOutcomeReply } from '../../blocks/assignment';
import { errorReply } from '../../blocks/replies';
import type { ListenerDeps } from '../context';
import { OUT_OF_DATE } from './assignOffer';
import { respondingButton } from './shell';

export function assignReassign(deps: ListenerDeps) {
  return respondingButton(deps, 'reassign failed', async (body, action) => {
    const v = decodeReassign(action.value ?? '');
    if (!v) return { note: OUT_OF_DATE };
    const who = await ensurePerson(deps, body.user.id);
    if (!who.ok) return { note: errorReply(who.error) };
    const r = await reassignAssignment(deps, who.value, v.assignmentId, v.to);
    return r.ok ? { note: offerOutcomeReply(r.value, who.value.tz) } : { note: errorReply(r.error) };
  });
}
