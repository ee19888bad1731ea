// Full-time equivalents and the case for a dedicated role: the arithmetic managers and admins are shown.

/**
 * One FTE is one full-time working week: 40 hours, 2,400 minutes. We measure advocacy against a
 * standard full-time week rather than each person's contracted hours, so that "0.5 FTE" means what a
 * job advert for a half-time role would mean, whatever mix of part-timers did the work.
 */
export const FULL_TIME_HOURS = 40;
export const FULL_TIME_MINUTES = FULL_TIME_HOURS * 60;

/** The team's advocacy at or above this FTE every week for RECOMMEND_WEEKS weeks suggests a paid role. */
export const RECOMMEND_FTE = 0.5;
export const RECOMMEND_WEEKS = 4;

/** FTE of a week's minutes, rounded to two decimals for display. */
export function fteOf(minutes: number, weeks = 1): number {
  if (weeks <= 0) return 0;
  return Math.round((minutes * 100) / (FULL_TIME_MINUTES * weeks)) / 100;
}

/** Exact threshold test in integers: minutes ≥ 0.5 × 2,400 = 1,200, no rounding at the edge. */
export function atOrAboveRecommendation(minutes: number): boolean {
  return minutes * 2 >= FULL_TIME_MINUTES;
}

export interface Recommendation {
  /** Weekly minutes the decision rests on, oldest first. */
  weeks: { weekKey: string; minutes: number; fte: number }[];
  averageFte: number;
  /** The arithmetic, spelled out for the reader. */
  arithmetic: string;
}

function hoursText(minutes: number): string {
  const h = minutes / 60;
  return Number.isInteger(h) ? `${h}h` : `${h.toFixed(1)}h`;
}

/**
 * The dedicated-role recommendation: only when each of the last four weeks (oldest first, exactly
 * RECOMMEND_WEEKS of them) reached 0.5 FTE. Fewer weeks of history never recommend.
 */
export function dedicatedRole(weeks: readonly { weekKey: string; minutes: number }[]): Recommendation | null {
  if (weeks.length < RECOMMEND_WEEKS) return null;
  const last = weeks.slice(-RECOMMEND_WEEKS);
  if (!last.every((w) => atOrAboveRecommendation(w.minutes))) return null;
  const total = last.reduce((s, w) => s + w.minutes, 0);
  const averageFte = fteOf(total, RECOMMEND_WEEKS);
  const parts = last.map((w) => `${hoursText(w.minutes)} ÷ ${FULL_TIME_HOURS}h = ${fteOf(w.minutes).toFixed(2)} FTE`);
  return {
    weeks: last.map((w) => ({ ...w, fte: fteOf(w.minutes) })),
    averageFte,
    arithmetic:
      `${parts.join('; ')}. Every one of the last ${RECOMMEND_WEEKS} weeks was at or above ${RECOMMEND_FTE} FTE ` +
      `(${hoursText(FULL_TIME_MINUTES * RECOMMEND_FTE)} a week); on average ${averageFte.toFixed(2)} FTE.`,
  };
}

/** Money for minutes at an hourly cost, to the cent. */
export function costOf(minutes: number, hourlyCost: number): number {
  return Math.round(minutes * hourlyCost * 100 / 60) / 100;
}
