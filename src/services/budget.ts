// Budgets and contracted hours: viewing, and setting within one's authority.
import type { Person } from '../core/model';
import type { BudgetInfo } from '../core/week';
import { MAX_BUDGET_MINUTES, MAX_WEEKLY_HOURS, MIN_BUDGET_MINUTES, MIN_WEEKLY_HOURS } from '../core/limits';
import { fail, ok, type Outcome } from './result';
import type { Deps } from './ports';
import { ensurePerson, isAdmin } from './people';
import { budgetOf } from './week';

export { MAX_BUDGET_MINUTES as MAX_BUDGET, MIN_BUDGET_MINUTES as MIN_BUDGET } from '../core/limits';

export async function setBudget(
  deps: Deps, actor: Person, targetId: string, minutes: number,
): Promise<Outcome<{ target: Person; budget: BudgetInfo }>> {
  if (minutes < MIN_BUDGET_MINUTES || minutes > MAX_BUDGET_MINUTES) {
    return fail('bad_budget', 'A weekly budget is between 15 minutes and 40 hours.', '/ballast budget @alex 3h');
  }
  const known = await deps.store.people.get(targetId);
  const allowed = isAdmin(deps, actor) || (known !== undefined && known.managerId === actor.id);
  if (!allowed) {
    return fail('forbidden', "Only that person's manager or a Ballast admin can set their budget.");
  }
  const target = await ensurePerson(deps, targetId);
  if (!target.ok) return fail('unknown_user', `I can't set a budget for <@${targetId}>: ${target.error.message}`);
  await deps.store.people.setBudget(targetId, minutes, actor.id, deps.clock.now());
  const updated = (await deps.store.people.get(targetId))!;
  deps.log.info({ actor: actor.id, target: targetId, minutes }, 'budget set');
  return ok({ target: updated, budget: await budgetOf(deps, updated) });
}

export async function setHours(deps: Deps, person: Person, hours: number): Promise<Outcome<{ person: Person; budget: BudgetInfo }>> {
  if (!(hours >= MIN_WEEKLY_HOURS && hours <= MAX_WEEKLY_HOURS)) return fail('bad_hours', 'Contracted hours are between 1 and 80 a week.', '/ballast hours 32');
  await deps.store.people.setHours(person.id, hours);
  const updated = (await deps.store.people.get(person.id))!;
  return ok({ person: updated, budget: await budgetOf(deps, updated) });
}
