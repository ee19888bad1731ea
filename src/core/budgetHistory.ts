// Which budget, contracted hours and budget percent held in a given week: the latest change that took
// effect in or before it. A change takes effect from the week current when it was made, so a week that
// has ended never changes (see migrations/0003_budget_history.sql for why a history beats a snapshot).
import { defaultBudgetMinutes } from './budget';
import { localDate, weekKey } from './time';

/** Week key that sorts before every real week: "from the beginning". */
export const FROM_THE_START = '0000-W00';

/** A person's budget terms in effect from `weekKey` until the next change. */
export interface BudgetTerms {
  weekKey: string;
  /** An explicit budget; null = the org's percent of the contracted hours. */
  budgetMinutes: number | null;
  budgetSetBy: string | null;
  weeklyHours: number;
  changedBy: string | null;
  changedAt: number;
}

/** A change of the org's budget percent, at the instant it was made. */
export interface PercentChange {
  at: number;
  percent: number;
}

/** The week a change made at `atMs` takes effect from, for a person in `zone`: their current week. */
export function effectiveWeek(atMs: number, zone: string): string {
  return weekKey(localDate(atMs, zone));
}

/**
 * The terms in effect in `week`, from a history sorted by week (ISO week keys sort as text). Undefined
 * when the history says nothing about that week: the caller uses the person's current values, since a
 * person without history has never had a recorded change.
 */
export function termsIn<T extends { weekKey: string }>(history: readonly T[], week: string): T | undefined {
  let found: T | undefined;
  for (const h of history) {
    if (h.weekKey > week) break;
    found = h;
  }
  return found;
}

/**
 * The org's budget percent in `week` for a person in `zone`, from changes sorted by instant. A change
 * counts from the week holding its instant in that zone. `fallback` when no change is recorded.
 */
export function percentIn(changes: readonly PercentChange[], zone: string, week: string, fallback: number): number {
  let percent = fallback;
  for (const c of changes) {
    if (effectiveWeek(c.at, zone) > week) break;
    percent = c.percent;
  }
  return percent;
}

/**
 * The percent in each of `weeks` (sorted) for one zone, computed once per zone: digests ask this for
 * thousands of people who share a few zones.
 */
export function percentsFor(changes: readonly PercentChange[], zone: string, weeks: readonly string[], fallback: number): number[] {
  const starts = changes.map((c) => effectiveWeek(c.at, zone));
  return weeks.map((w) => {
    let percent = fallback;
    for (let i = 0; i < changes.length && starts[i] <= w; i++) percent = changes[i].percent;
    return percent;
  });
}

/** A week's budget in minutes from its terms: the explicit budget, or the percent of the hours. */
export function budgetMinutesFrom(budgetMinutes: number | null, weeklyHours: number, percent: number): number {
  return budgetMinutes ?? defaultBudgetMinutes(weeklyHours, percent);
}
