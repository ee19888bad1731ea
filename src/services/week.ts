// Loading a person's week and budget from the store. A week that has ended is shown with the budget,
// hours and level it had: the values in effect then (core/budgetHistory.ts), never today's.
import type { Person } from '../core/model';
import {
  budgetInWeek, effectiveBudget, strainBackCount, summarizeWeek, type BudgetInfo, type WeekModel,
} from '../core/week';
import { percentIn, termsIn } from '../core/budgetHistory';
import { addDays, localDate, weekKey, weekStart } from '../core/time';
import type { IsoDate } from '../core/types';
import type { Deps } from './ports';
import { fail, ok, type Outcome } from './result';

/** The person's budget now (the current week's). */
export async function budgetOf(deps: Deps, person: Person): Promise<BudgetInfo> {
  return effectiveBudget(person, await deps.store.settings.get());
}

/** A function giving the person's budget in any week (by key), read from their history once. */
export async function budgetsOf(deps: Deps, person: Person): Promise<(week: string) => BudgetInfo> {
  const [history, percents, settings] = await Promise.all([
    deps.store.budgetHistory.ofPerson(person.id),
    deps.store.budgetHistory.percentChanges(),
    deps.store.settings.get(),
  ]);
  const current = weekKey(localDate(deps.clock.now(), person.tz));
  return (week) =>
    week >= current
      ? effectiveBudget(person, settings)
      : budgetInWeek(person, termsIn(history, week), percentIn(percents, person.tz, week, settings.budgetPercent));
}

/** The week containing `date` (default: today in the person's zone), with that week's own budget. */
export async function loadWeek(deps: Deps, person: Person, date?: IsoDate): Promise<WeekModel> {
  const localToday = localDate(deps.clock.now(), person.tz);
  const today = date ?? localToday;
  const start = weekStart(today);
  const [entries, previousWeekMinutes, strain, budgetIn] = await Promise.all([
    deps.store.entries.totalsBetween(person.id, start, addDays(start, 6)),
    deps.store.entries.minutesBetween(person.id, addDays(start, -7), addDays(start, -1)),
    deps.store.strain.ofPerson(person.id),
    budgetsOf(deps, person),
  ]);
  return summarizeWeek({
    today,
    entries,
    budget: budgetIn(weekKey(today)),
    previousWeekMinutes,
    previousWeekBudget: budgetIn(weekKey(addDays(start, -7))).minutes,
    strainBackWeeksOfLast3: strainBackCount(strain, today),
    strain: strain.find((a) => a.weekKey === weekKey(today))?.answer ?? null,
    finished: weekKey(today) < weekKey(localToday),
  });
}

/**
 * `/ballast week <date>` and `week last`: the week holding `date`, as it stood when it ended (its own
 * budget, hours and level). The current week is shown as it is now; a week not yet begun is refused.
 */
export async function weekOf(deps: Deps, person: Person, date: IsoDate): Promise<Outcome<WeekModel>> {
  const today = localDate(deps.clock.now(), person.tz);
  if (weekKey(date) > weekKey(today)) {
    return fail('future_week', `The week of ${date} hasn't started yet, so there is nothing to show.`, '/ballast week last');
  }
  return ok(await loadWeek(deps, person, date));
}

/**
 * The person's last `n` weeks ending with the week holding `date` (default today), oldest first:
 * minutes logged and each week's own budget, for the chart on `/ballast week`, warnings and App Home.
 */
export async function recentWeeks(
  deps: Deps, person: Person, n = 8, date?: IsoDate,
): Promise<{ start: IsoDate; minutes: number; budget: number }[]> {
  const last = weekStart(date ?? localDate(deps.clock.now(), person.tz));
  const budgetIn = await budgetsOf(deps, person);
  const starts = Array.from({ length: n }, (_, i) => addDays(last, -7 * (n - 1 - i)));
  const minutes = await Promise.all(starts.map((s) => deps.store.entries.minutesBetween(person.id, s, addDays(s, 6))));
  return starts.map((start, i) => ({ start, minutes: minutes[i], budget: budgetIn(weekKey(start)).minutes }));
}
