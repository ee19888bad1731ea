// A person's week as a model: minutes by day and kind, budget use and level.
import type { Entry, Person, StrainAnswer } from './model';
import type { OrgSettings } from './settings';
import { KINDS, type IsoDate, type Kind, type Level, type Strain } from './types';
import { defaultBudgetMinutes, levelOf, usePercent } from './budget';
import { budgetMinutesFrom, type BudgetTerms } from './budgetHistory';
import { addDays, weekDates, weekKey, weekStart } from './time';

export interface BudgetInfo {
  minutes: number;
  source: 'explicit' | 'default';
  setBy: string | null;
  setAt: number | null;
  weeklyHours: number;
  budgetPercent: number;
}

export function effectiveBudget(person: Person, settings: OrgSettings): BudgetInfo {
  const explicit = person.budgetMinutes !== null;
  return {
    minutes: explicit ? person.budgetMinutes! : defaultBudgetMinutes(person.weeklyHours, settings.budgetPercent),
    source: explicit ? 'explicit' : 'default',
    setBy: explicit ? person.budgetSetBy : null,
    setAt: explicit ? person.budgetSetAt : null,
    weeklyHours: person.weeklyHours,
    budgetPercent: settings.budgetPercent,
  };
}

/**
 * The budget of one week from the terms in effect then (see core/budgetHistory.ts); without recorded
 * terms, the person's current values.
 */
export function budgetInWeek(person: Person, terms: BudgetTerms | undefined, budgetPercent: number): BudgetInfo {
  const budgetMinutes = terms ? terms.budgetMinutes : person.budgetMinutes;
  const weeklyHours = terms ? terms.weeklyHours : person.weeklyHours;
  const explicit = budgetMinutes !== null;
  return {
    minutes: budgetMinutesFrom(budgetMinutes, weeklyHours, budgetPercent),
    source: explicit ? 'explicit' : 'default',
    setBy: explicit ? (terms ? terms.budgetSetBy : person.budgetSetBy) : null,
    setAt: explicit ? (terms ? terms.changedAt : person.budgetSetAt) : null,
    weeklyHours,
    budgetPercent,
  };
}

export interface WeekModel {
  weekKey: string;
  start: IsoDate;
  end: IsoDate;
  today: IsoDate;
  days: { date: IsoDate; minutes: number }[];
  byKind: Record<Kind, number>;
  total: number;
  budget: BudgetInfo;
  percent: number;
  level: Level;
  /** The inputs besides minutes that decided the level, so a caller can ask "what was it before?". */
  previousWeekOver: boolean;
  strainBackWeeksOfLast3: number;
  /** This week's strain pulse answer, when given. */
  strain?: Strain | null;
  /** True for a week that has ended: shown as it stood then. */
  finished: boolean;
}

/** Minutes of one kind on one date: an entry, or a pre-summed row. */
export type DayKindMinutes = Pick<Entry, 'date' | 'kind' | 'minutes'>;

/** The level this week would have with a different total (e.g. before the latest entry). */
export function levelWith(week: WeekModel, minutes: number): Level {
  return levelOf({
    minutes,
    budget: week.budget.minutes,
    previousWeekOver: week.previousWeekOver,
    strainBackWeeksOfLast3: week.strainBackWeeksOfLast3,
  });
}

/** The week keys of the three weeks ending with this one, for the strain rule. */
export function lastThreeWeekKeys(today: IsoDate): string[] {
  const start = weekStart(today);
  return [start, addDays(start, -7), addDays(start, -14)].map(weekKey);
}

export function strainBackCount(answers: StrainAnswer[], today: IsoDate): number {
  const keys = new Set(lastThreeWeekKeys(today));
  return answers.filter((a) => keys.has(a.weekKey) && a.answer === 'back').length;
}

export function summarizeWeek(input: {
  today: IsoDate;
  entries: DayKindMinutes[];
  budget: BudgetInfo;
  previousWeekMinutes: number;
  /** The previous week's own budget (it may differ from this week's); default: this week's. */
  previousWeekBudget?: number;
  strainBackWeeksOfLast3: number;
  strain?: Strain | null;
  finished?: boolean;
}): WeekModel {
  const dates = weekDates(input.today);
  const byKind = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
  const byDay = new Map(dates.map((d) => [d, 0]));
  let total = 0;
  for (const e of input.entries) {
    if (!byDay.has(e.date)) continue;
    byDay.set(e.date, byDay.get(e.date)! + e.minutes);
    byKind[e.kind] += e.minutes;
    total += e.minutes;
  }
  const budget = input.budget.minutes;
  // "Over two weeks running" judges last week against last week's own budget, not today's.
  const previousBudget = input.previousWeekBudget ?? budget;
  const previousWeekOver = previousBudget > 0 ? input.previousWeekMinutes >= previousBudget : input.previousWeekMinutes > 0;
  return {
    weekKey: weekKey(input.today),
    start: dates[0],
    end: dates[6],
    today: input.today,
    days: dates.map((date) => ({ date, minutes: byDay.get(date)! })),
    byKind,
    total,
    budget: input.budget,
    percent: usePercent(total, budget),
    level: levelOf({ minutes: total, budget, previousWeekOver, strainBackWeeksOfLast3: input.strainBackWeeksOfLast3 }),
    previousWeekOver,
    strainBackWeeksOfLast3: input.strainBackWeeksOfLast3,
    strain: input.strain ?? null,
    finished: input.finished ?? false,
  };
}
