// Loading a person's week and budget from the store.
import type { Person } from '../core/model';
import { effectiveBudget, strainBackCount, summarizeWeek, type BudgetInfo, type WeekModel } from '../core/week';
import { addDays, localDate, weekKey, weekStart } from '../core/time';
import type { IsoDate } from '../core/types';
import type { Deps } from './ports';

export async function budgetOf(deps: Deps, person: Person): Promise<BudgetInfo> {
  return effectiveBudget(person, await deps.store.settings.get());
}

/** The week containing `date` (default: today in the person's zone). */
export async function loadWeek(deps: Deps, person: Person, date?: IsoDate): Promise<WeekModel> {
  const today = date ?? localDate(deps.clock.now(), person.tz);
  const start = weekStart(today);
  const [entries, previousWeekMinutes, strain, budget] = await Promise.all([
    deps.store.entries.totalsBetween(person.id, start, addDays(start, 6)),
    deps.store.entries.minutesBetween(person.id, addDays(start, -7), addDays(start, -1)),
    deps.store.strain.ofPerson(person.id),
    budgetOf(deps, person),
  ]);
  return summarizeWeek({
    today,
    entries,
    budget,
    previousWeekMinutes,
    strainBackWeeksOfLast3: strainBackCount(strain, today),
    strain: strain.find((a) => a.weekKey === weekKey(today))?.answer ?? null,
  });
}
