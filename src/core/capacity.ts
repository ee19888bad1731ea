// Who has room: capacity per advocate, availability, and the ranking behind a lead's suggestions.
import { capacityBand, capacityMinutes, type CapacityBand } from './budget';

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
}

export interface Suggestion {
  id: string;
  capacity: number;
  band: CapacityBand;
}

/**
 * Most capacity first. Equal capacity goes to whoever was handed fewer assignments this week (so the
 * same people are not picked every time), then by id, so the order never depends on storage order.
 */
export function rankAdvocates(candidates: readonly Candidate[], opts: { exclude?: readonly string[]; limit?: number } = {}): Suggestion[] {
  const excluded = new Set(opts.exclude ?? []);
  return candidates
    .filter((c) => c.available && !excluded.has(c.id))
    .map((c) => ({ c, capacity: capacityMinutes(c.budget, c.logged, c.openEstimates) }))
    .sort((a, b) => b.capacity - a.capacity || a.c.assignmentsThisWeek - b.c.assignmentsThisWeek || (a.c.id < b.c.id ? -1 : a.c.id > b.c.id ? 1 : 0))
    .slice(0, opts.limit ?? 3)
    .map(({ c, capacity }) => ({ id: c.id, capacity, band: capacityBand(capacity, c.budget) }));
}

/** Would taking on `estimate` more minutes take the person past their budget? */
export function wouldExceed(budget: number, logged: number, openEstimates: number, estimate: number): boolean {
  return capacityMinutes(budget, logged, openEstimates) - estimate < 0;
}
