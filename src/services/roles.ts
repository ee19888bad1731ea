// Which hats a person wears in Ballast: manager (has direct reports), social lead, admin. Help and the
// welcome list a person's own commands by these.
import type { Person } from '../core/model';
import type { Deps } from './ports';
import { isAdmin, isLead } from './people';

export interface Roles {
  manager: boolean;
  lead: boolean;
  admin: boolean;
}

export async function rolesOf(deps: Pick<Deps, 'store' | 'config'>, person: Person): Promise<Roles> {
  const reports = await deps.store.people.reportsOf(person.id);
  return { manager: reports.length > 0, lead: isLead(deps, person), admin: isAdmin(deps, person) };
}
