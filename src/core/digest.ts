// The manager's weekly digest as data: per direct report and for the team, built from weekly sums.
import type { IsoDate, Level, Strain } from './types';
import { levelOf, usePercent, type LevelInput } from './budget';
import { addDays, weekKey, weekStart } from './time';
import { dedicatedRole, fteOf, type Recommendation } from './cost';

export const TREND_WEEKS = 6;

/** The week keys of the six weeks ending with the last full week before `today`, oldest first. */
export function digestWindow(today: IsoDate): { weekKeys: string[]; start: IsoDate; end: IsoDate } {
  const lastMonday = addDays(weekStart(today), -7);
  const keys: string[] = [];
  for (let i = TREND_WEEKS - 1; i >= 0; i--) keys.push(weekKey(addDays(lastMonday, -7 * i)));
  return { weekKeys: keys, start: lastMonday, end: addDays(lastMonday, 6) };
}

export interface ReportInput {
  id: string;
  name: string;
  /** The digest week's budget. */
  budget: number;
  /** Each window week's own budget, oldest first (a finished week keeps its own); default: `budget` throughout. */
  budgets?: ArrayLike<number>;
  shareStrain: boolean;
  paused: boolean;
  /** Minutes of each window week, oldest first. */
  minutes: ArrayLike<number>;
  /** Minutes of relationship work (respond, comment, share) in the digest week. */
  relationship: number;
  /** Strain answers by week key (only those in the window matter). */
  /** Strain answers of each window week, oldest first; undefined where there was none. */
  strain: readonly (Strain | undefined)[];
  assignmentsDone: number;
  assignmentsOpen: number;
}

export type Flag = 'crowding' | 'over-two-weeks' | 'silent';

export interface DigestRow {
  id: string;
  name: string;
  minutes: number;
  budget: number;
  percent: number;
  level: Level;
  /** Minutes of each window week, oldest first. */
  trend: number[];
  relationshipShare: number;
  assignmentsDone: number;
  assignmentsOpen: number;
  /** The answer for the digest week, shown only because the person opted in; undefined when hidden. */
  strain?: Strain | 'unanswered';
  flags: Flag[];
  /** What decided the level, as the manager may see it (strain only from those who share it): for levelReason. */
  levelInput: LevelInput;
}

export interface StrainSummary {
  answered: number;
  none: number;
  bit: number;
  back: number;
}

export interface DigestModel {
  weekKey: string;
  start: IsoDate;
  end: IsoDate;
  rows: DigestRow[];
  team: { people: number; minutes: number; budget: number; percent: number; fte: number; relationshipShare: number };
  /** Minutes of the whole team per window week, oldest first, with their FTE. */
  teamWeeks: { weekKey: string; minutes: number; fte: number }[];
  /**
   * Strain of those who did not opt in to sharing, as one team figure; null when fewer than the
   * minimum group size answered (it would point at individuals).
   */
  strainSummary: StrainSummary | null;
  minGroupSize: number;
  recommendation: Recommendation | null;
}

/** A report's budget in window week `i`. */
function budgetIn(r: ReportInput, i: number): number {
  return r.budgets?.[i] ?? r.budget;
}

/**
 * What decides a report's level as their manager may see it. Strain answers feed the level only for people who
 * opted in to sharing them: otherwise a `crowding` under budget would reveal a private answer.
 */
function visibleLevelInput(r: ReportInput, weekKeys: string[]): LevelInput {
  const n = weekKeys.length;
  const minutes = r.minutes[n - 1] ?? 0;
  const prev = r.minutes[n - 2] ?? 0;
  const backs = r.shareStrain ? [n - 3, n - 2, n - 1].filter((i) => r.strain[i] === 'back').length : 0;
  const prevBudget = budgetIn(r, n - 2);
  return {
    minutes,
    budget: r.budget,
    // The week before is judged against its own budget, not the digest week's.
    previousWeekOver: prevBudget > 0 ? prev >= prevBudget : prev > 0,
    strainBackWeeksOfLast3: backs,
  };
}

export function buildDigest(input: {
  window: { weekKeys: string[]; start: IsoDate; end: IsoDate };
  reports: readonly ReportInput[];
  minGroupSize: number;
}): DigestModel {
  const { weekKeys } = input.window;
  const last = weekKeys.length - 1;
  const current = weekKeys[last];
  const teamWeekMinutes = weekKeys.map(() => 0);
  const summary: StrainSummary = { answered: 0, none: 0, bit: 0, back: 0 };
  let minutes = 0;
  let budget = 0;
  let relationship = 0;
  const rows: DigestRow[] = input.reports.map((r) => {
    const trend = weekKeys.map((_, i) => r.minutes[i] ?? 0);
    trend.forEach((m, i) => (teamWeekMinutes[i] += m));
    const week = { minutes: trend[last], relationship: r.relationship };
    minutes += week.minutes;
    budget += r.budget;
    relationship += week.relationship;
    const levelInput = visibleLevelInput(r, weekKeys);
    const level = levelOf(levelInput);
    const flags: Flag[] = [];
    if (level === 'crowding') flags.push('crowding');
    const prevBudget = budgetIn(r, last - 1);
    if (r.budget > 0 && trend[last] >= r.budget && prevBudget > 0 && trend[last - 1] >= prevBudget) flags.push('over-two-weeks');
    // Two full weeks with nothing logged is fourteen days of silence; a pause explains it.
    if (!r.paused && trend[last] === 0 && trend[last - 1] === 0) flags.push('silent');
    const answer = r.strain[last];
    const row: DigestRow = {
      id: r.id,
      name: r.name,
      minutes: week.minutes,
      budget: r.budget,
      percent: usePercent(week.minutes, r.budget),
      level,
      trend,
      relationshipShare: week.minutes > 0 ? week.relationship / week.minutes : 0,
      assignmentsDone: r.assignmentsDone,
      assignmentsOpen: r.assignmentsOpen,
      flags,
      levelInput,
    };
    if (r.shareStrain) row.strain = answer ?? 'unanswered';
    else if (answer) {
      summary.answered++;
      summary[answer]++;
    }
    return row;
  });
  const teamWeeks = weekKeys.map((k, i) => ({ weekKey: k, minutes: teamWeekMinutes[i], fte: fteOf(teamWeekMinutes[i]) }));
  return {
    weekKey: current,
    start: input.window.start,
    end: input.window.end,
    rows,
    team: {
      people: rows.length,
      minutes,
      budget,
      percent: usePercent(minutes, budget),
      fte: fteOf(minutes),
      relationshipShare: minutes > 0 ? relationship / minutes : 0,
    },
    teamWeeks,
    strainSummary: summary.answered >= input.minGroupSize ? summary : null,
    minGroupSize: input.minGroupSize,
    recommendation: dedicatedRole(teamWeeks),
  };
}

const SPARKS = '▁▂▃▄▅▆▇█';

/** A text sparkline of weekly minutes; the scale's top is the larger of the budget and the busiest week. */
export function sparkline(values: readonly number[], budget: number): string {
  const top = Math.max(budget, ...values, 1);
  return values.map((v) => (v <= 0 ? '·' : SPARKS[Math.min(7, Math.floor((v / top) * 7.999))])).join('');
}
