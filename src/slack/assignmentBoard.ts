// App Home for leads and admins: the board of assignments they handed out.
import { isLead } from '../services/people';
import { boardBlocks } from './blocks/assignment';
import type { HomeSection } from './home';

export const assignmentBoard: HomeSection = async (deps, person) => {
  if (!isLead(deps, person)) return null;
  return boardBlocks(await deps.store.assignments.ofLead(person.id), person.tz, deps.clock.now());
};
