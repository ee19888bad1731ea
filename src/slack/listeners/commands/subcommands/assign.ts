// assign, assignments.
import { errorReply } from '../../../blocks/replies';
import { assignmentsReply, offerOutcomeReply, suggestionsReply } from '../../../blocks/assignment';
import {
  assignmentsOf, completeDraft, leadOnly, offerAssignment, suggestAdvocates,
} from '../../../../services/assignments';
import type { HandlerTable } from './types';

export const assign: HandlerTable = {
  async assign({ deps, person }, c) {
    const allowed = leadOnly(deps, person);
    if (!allowed.ok) return errorReply(allowed.error);
    const draft = completeDraft(deps, { link: c.link, brief: c.brief, estimate: c.estimate, dueMs: c.dueMs });
    if (!draft.ok) return errorReply(draft.error);
    if (c.userId === undefined) {
      const tried = await deps.store.assignments.assigneesOfLink(person.id, draft.value.link);
      const suggestions = await suggestAdvocates(deps, person, { exclude: tried });
      return suggestionsReply(draft.value, suggestions.map((s) => ({ id: s.person.id, band: s.band, lighterWeek: s.lighterWeek })));
    }
    // Stored and checked before the reply; the DMs to the advocate and the lead's thread follow it.
    const r = await offerAssignment(deps, person, c.userId, draft.value, { deferFollowUps: true });
    if (!r.ok) return errorReply(r.error);
    return { ...offerOutcomeReply(r.value, person.tz), after: r.value.kind === 'offered' ? r.value.followUps : [] };
  },
  async assignments({ deps, person }) {
    const { mine, assigned } = await assignmentsOf(deps, person);
    return assignmentsReply(mine, assigned, person.tz);
  },
};
