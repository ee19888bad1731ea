// Budgets and contracted hours: viewing, setting within one's authority, and telling the person when
// someone else changed their budget.
import type { Person } from '../core/model';
import type { BudgetInfo } from '../core/week';
import { MAX_BUDGET_MINUTES, MAX_WEEKLY_HOURS, MIN_BUDGET_MINUTES, MIN_WEEKLY_HOURS } from '../core/limits';
import type { IsoDate } from '../core/types';
import { effectiveWeek } from '../core/budgetHistory';
import { localDate, weekStart } from '../core/time';
import { fail, ok, type Outcome } from './result';
import type { Deps, OutgoingMessage } from './ports';
import { ensurePerson, isAdmin } from './people';
import { budgetOf } from './week';
import { sendOnce, type SendOutcome } from './sendOnce';
import { dmDirect } from './directDm';

export { MAX_BUDGET_MINUTES as MAX_BUDGET, MIN_BUDGET_MINUTES as MIN_BUDGET } from '../core/limits';

/** A person's budget changed by someone else: what they are told. */
export interface BudgetChange {
  personId: string;
  /** A Slack user id, or 'roster' for a roster import. */
  setBy: string;
  budget: BudgetInfo;
  /** The week it holds from (the person's current week) and its Monday. */
  weekKey: string;
  from: IsoDate;
  at: number;
}

export const BUDGET_CHANGE_JOB = 'budget-change';

function changeOf(deps: Deps, person: Pick<Person, 'id' | 'tz'>, setBy: string, budget: BudgetInfo): BudgetChange {
  const at = deps.clock.now();
  return { personId: person.id, setBy, budget, weekKey: effectiveWeek(at, person.tz), from: weekStart(localDate(at, person.tz)), at };
}

export async function setBudget(
  deps: Deps, actor: Person, targetId: string, minutes: number,
): Promise<Outcome<{ target: Person; budget: BudgetInfo; from: IsoDate; change: BudgetChange | null }>> {
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
  const now = deps.clock.now();
  // From the target's current week in their own zone: the weeks they have finished keep theirs.
  await deps.store.people.setBudget(targetId, minutes, { fromWeek: effectiveWeek(now, target.value.tz), by: actor.id, now });
  const updated = (await deps.store.people.get(targetId))!;
  deps.log.info({ actor: actor.id, target: targetId, minutes }, 'budget set');
  const budget = await budgetOf(deps, updated);
  // Someone setting their own budget (an admin) needs no message about it.
  const change = actor.id === targetId ? null : changeOf(deps, updated, actor.id, budget);
  return ok({ target: updated, budget, from: weekStart(localDate(now, updated.tz)), change });
}

export async function setHours(
  deps: Deps, person: Person, hours: number,
): Promise<Outcome<{ person: Person; budget: BudgetInfo; from: IsoDate }>> {
  if (!(hours >= MIN_WEEKLY_HOURS && hours <= MAX_WEEKLY_HOURS)) return fail('bad_hours', 'Contracted hours are between 1 and 80 a week.', '/ballast hours 32');
  const now = deps.clock.now();
  await deps.store.people.setHours(person.id, hours, { fromWeek: effectiveWeek(now, person.tz), by: person.id, now });
  const updated = (await deps.store.people.get(person.id))!;
  return ok({ person: updated, budget: await budgetOf(deps, updated), from: weekStart(localDate(now, person.tz)) });
}

/**
 * Tell the person their budget was changed, once per change. Runs after the reply to whoever changed
 * it; Slack saying the person is gone is logged (and they are marked inactive), never an error for
 * the one who set the budget.
 */
export async function announceBudgetChange(deps: Deps, change: BudgetChange, message: OutgoingMessage): Promise<SendOutcome> {
  return sendOnce(
    deps, { job: BUDGET_CHANGE_JOB, subject: change.personId, period: `${change.weekKey}@${change.at}` },
    () => dmDirect(deps, change.personId, message), { personId: change.personId },
  );
}

/** The budget changes a roster import made for people other than the importer, to announce. */
export function rosterChanges(
  deps: Deps, changed: readonly { person: Pick<Person, 'id' | 'tz'>; budget: BudgetInfo }[],
): BudgetChange[] {
  return changed.map((c) => changeOf(deps, c.person, 'roster', c.budget));
}
