// Budgets, load levels, the relationship-work mix and capacity: the arithmetic behind every warning.
import type { Kind, Level } from './types';
import { RELATIONSHIP_KINDS } from './types';

/** The org's budget percent of contracted weekly hours, in whole minutes (40h at 10% = 240). */
export function defaultBudgetMinutes(weeklyHours: number, budgetPercent: number): number {
  return Math.round((weeklyHours * 60 * budgetPercent) / 100);
}

export const LEVEL_ORDER: readonly Level[] = ['ok', 'near', 'over', 'crowding'];

export function levelRank(level: Level): number {
  return LEVEL_ORDER.indexOf(level);
}

export interface LevelInput {
  minutes: number;
  budget: number;
  /** Whether last week ended at or above its budget. */
  previousWeekOver: boolean;
  /** How many of the last three strain answers were "pushed my core work back". */
  strainBackWeeksOfLast3: number;
}

/**
 * DESIGN.md, literally: `crowding` from 150%, or over two weeks running, or strain "pushed it back"
 * twice in the last three weeks, whatever this week's minutes: the person told us the work hurts.
 */
export function levelOf(input: LevelInput): Level {
  const { minutes, budget, previousWeekOver, strainBackWeeksOfLast3 } = input;
  if (strainBackWeeksOfLast3 >= 2) return 'crowding';
  // A zero budget means "no advocacy at all", so any minute is already crowding the day job.
  if (budget <= 0) return minutes > 0 ? 'crowding' : 'ok';
  // Integer comparisons, so 80% of a 240-minute budget is exactly 192 with no float drift.
  if (minutes * 100 >= budget * 150) return 'crowding';
  if (minutes >= budget) return previousWeekOver ? 'crowding' : 'over';
  if (minutes * 100 >= budget * 80) return 'near';
  return 'ok';
}

/** Whole percent of budget used; 999 stands for "any use of a zero budget". */
export function usePercent(minutes: number, budget: number): number {
  if (budget <= 0) return minutes > 0 ? 999 : 0;
  return Math.round((minutes * 100) / budget);
}

/** The warning levels newly reached going from before to after (ok→over gives near, over). */
export function levelsCrossed(before: Level, after: Level): Level[] {
  const from = levelRank(before);
  const to = levelRank(after);
  return LEVEL_ORDER.filter((_, i) => i > from && i <= to);
}

export interface Mix {
  total: number;
  relationship: number;
  post: number;
  /** Shares are fractions 0..1; 0 when nothing was logged. */
  relationshipShare: number;
  postShare: number;
}

export function mixOf(minutesByKind: Partial<Record<Kind, number>>): Mix {
  const values = Object.values(minutesByKind) as number[];
  const total = values.reduce((sum, m) => sum + m, 0);
  const relationship = RELATIONSHIP_KINDS.reduce((sum, k) => sum + (minutesByKind[k] ?? 0), 0);
  const post = minutesByKind.post ?? 0;
  return {
    total,
    relationship,
    post,
    relationshipShare: total > 0 ? relationship / total : 0,
    postShare: total > 0 ? post / total : 0,
  };
}

/** At least an hour, mostly posting (≥ 60%), little relationship work (≤ 25%). */
export function needsMixNudge(mix: Mix): boolean {
  return mix.total >= 60 && mix.post * 5 >= mix.total * 3 && mix.relationship * 4 <= mix.total;
}

/** Minutes still free this week; open assignment estimates count as already committed. */
export function capacityMinutes(budget: number, logged: number, openEstimates: number): number {
  return budget - logged - openEstimates;
}

export type CapacityBand = 'plenty' | 'some' | 'none';

/** What leads see instead of minutes. Under 15 minutes is too little to take a conversation. */
export function capacityBand(capacity: number, budget: number): CapacityBand {
  if (capacity < 15) return 'none';
  if (budget > 0 && capacity * 2 >= budget) return 'plenty';
  return 'some';
}
