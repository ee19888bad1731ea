// Who has room: capacity per advocate, availability, and the ranking behind a lead's suggestions.
import { capacityBand, capacityMinutes, levelOf, levelRank, type CapacityBand } from './budget';
import { addDays, weekdayOf, weekKey, weekStart } from './time';
import type { IsoDate, Strain, Weekday } from './types';

export interface Candidate {
  id: string;
  budget: number;
  /** Minutes logged this week. */
  logged: number;
  /** Estimates of assignments offered or accepted and not yet done. */
  openEstimates: number;
  /** Assignments offered to them this week, in any state: the fairness tie-break. */
  assignmentsThisWeek: number;
  /** Active in Slack, not a bot, not deleted, not paused, not out of office. */
  available: boolean;
  /** See `needsLighterWeek`: ranks after everyone else with room. */
  lighterWeek: boolean;
}

export interface Suggestion {
  id: string;
  capacity: number;
  band: CapacityBand;
  /** Shown to the lead as "needs a lighter week" in place of the band, never with the reason. */
  lighterWeek: boolean;
}

/** What a person's recent weeks say, beyond this week's minutes. */
export interface RecentWeeks {
  /** Minutes logged last week, and last week's own budget (a week that has ended keeps its budget). */
  lastWeekMinutes: number;
  lastWeekBudget: number;
  /** "Pushed it back" answers in the three weeks ending with last week: they can make last week crowding. */
  strainBackEndingLastWeek: number;
  /** The answers to the last two pulses (see `lastTwoPulseWeeks`); undefined where there was none. */
  lastTwoPulses: readonly (Strain | undefined)[];
}

/**
 * DESIGN.md's capacity rule: someone who ended last week `over` or `crowding`, or answered "pushed it
 * back" in either of the last two pulses, needs a lighter week, however empty this week still is (on
 * Monday at 00:00 everyone's week is). Last week's level is judged as it stood when it ended.
 */
export function needsLighterWeek(r: RecentWeeks): boolean {
  const lastWeek = levelOf({
    minutes: r.lastWeekMinutes,
    budget: r.lastWeekBudget,
    // Only over-or-worse matters here, and "over two weeks running" is already over.
    previousWeekOver: false,
    strainBackWeeksOfLast3: r.strainBackEndingLastWeek,
  });
  return levelRank(lastWeek) >= levelRank('over') || r.lastTwoPulses.includes('back');
}

/**
 * The weeks of the last two pulses by `today` (a local date): this week and last once this week's
 * pulse has been asked (it was answered, or its day is past), else last week and the one before.
 */
export function lastTwoPulseWeeks(today: IsoDate, pulseDays: readonly Weekday[], answeredThisWeek: boolean): [string, string] {
  const start = weekStart(today);
  const asked = answeredThisWeek || weekdayOf(today) > Math.max(...pulseDays);
  const newest = asked ? start : addDays(start, -7);
  return [weekKey(newest), weekKey(addDays(newest, -7))];
}

/** 0: room and no strain; 1: room, but needs a lighter week; 2: no room. */
const tier = (band: CapacityBand, lighterWeek: boolean): number => (band === 'none' ? 2 : lighterWeek ? 1 : 0);

/**
 * Most capacity first among those with room and no sign of strain, then those who need a lighter week,
 * then those without room. Equal capacity goes to whoever was handed fewer assignments this week (so
 * the same people are not picked every time), then by id, so the order never depends on storage order.
 */
export function rankAdvocates(candidates: readonly Candidate[], opts: { exclude?: readonly string[]; limit?: number } = {}): Suggestion[] {
  const excluded = new Set(opts.exclude ?? []);
  return candidates
    .filter((c) => c.available && !excluded.has(c.id))
    .map((c) => {
      const capacity = capacityMinutes(c.budget, c.logged, c.openEstimates);
      const band = capacityBand(capacity, c.budget);
      return { c, capacity, band, tier: tier(band, c.lighterWeek) };
    })
    .sort((a, b) => a.tier - b.tier || b.capacity - a.capacity || a.c.assignmentsThisWeek - b.c.assignmentsThisWeek || (a.c.id < b.c.id ? -1 : a.c.id > b.c.id ? 1 : 0))
    .slice(0, opts.limit ?? 3)
    .map(({ c, capacity, band }) => ({ id: c.id, capacity, band, lighterWeek: c.lighterWeek }));
}

/** Would taking on `estimate` more minutes take the person past their budget? */
export function wouldExceed(budget: number, logged: number, openEstimates: number, estimate: number): boolean {
  return capacityMinutes(budget, logged, openEstimates) - estimate < 0;
}
