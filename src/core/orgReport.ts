// The admin's view of the programme's cost: the last four full weeks in hours, FTE and money, by team.
import { costOf, dedicatedRole, fteOf, RECOMMEND_WEEKS, type Recommendation } from './cost';

export const REPORT_WEEKS = RECOMMEND_WEEKS;

export interface OrgPersonInput {
  id: string;
  name: string;
  /** The manager whose team this person is counted in; null = no manager set. */
  managerId: string | null;
  budget: number;
  /** Minutes per report week, oldest first. */
  weeks: number[];
}

export interface TeamCost {
  managerId: string | null;
  people: number;
  minutes: number;
  hours: number;
  fte: number;
  money: number | null;
  recommended: boolean;
}

export interface OrgReport {
  weekKeys: string[];
  people: number;
  minutes: number;
  hours: number;
  /** Average weekly FTE over the report weeks. */
  fte: number;
  money: number | null;
  currency: string;
  hourlyCost: number | null;
  teams: TeamCost[];
  /** People at or over budget in the most recent report week; ids and names only, never notes. */
  overBudget: { id: string; name: string; minutes: number; budget: number }[];
  weeks: { weekKey: string; minutes: number; fte: number }[];
  recommendation: Recommendation | null;
}

const hours = (m: number) => Math.round((m / 60) * 10) / 10;

export function buildOrgReport(input: {
  weekKeys: string[];
  people: readonly OrgPersonInput[];
  hourlyCost: number | null;
  currency: string;
}): OrgReport {
  const n = input.weekKeys.length;
  const weekly = input.weekKeys.map(() => 0);
  const teams = new Map<string | null, { people: number; weeks: number[] }>();
  const overBudget: OrgReport['overBudget'] = [];
  for (const p of input.people) {
    const team = teams.get(p.managerId) ?? { people: 0, weeks: input.weekKeys.map(() => 0) };
    team.people++;
    for (let i = 0; i < n; i++) {
      const m = p.weeks[i] ?? 0;
      weekly[i] += m;
      team.weeks[i] += m;
    }
    teams.set(p.managerId, team);
    const lastWeek = p.weeks[n - 1] ?? 0;
    if (lastWeek > 0 && lastWeek >= p.budget) overBudget.push({ id: p.id, name: p.name, minutes: lastWeek, budget: p.budget });
  }
  const total = weekly.reduce((s, m) => s + m, 0);
  const money = (m: number) => (input.hourlyCost === null ? null : costOf(m, input.hourlyCost));
  const teamList: TeamCost[] = [...teams.entries()].map(([managerId, t]) => {
    const m = t.weeks.reduce((s, x) => s + x, 0);
    return {
      managerId,
      people: t.people,
      minutes: m,
      hours: hours(m),
      fte: fteOf(m, n),
      money: money(m),
      recommended: dedicatedRole(t.weeks.map((minutes, i) => ({ weekKey: input.weekKeys[i], minutes }))) !== null,
    };
  });
  teamList.sort((a, b) => b.minutes - a.minutes || String(a.managerId).localeCompare(String(b.managerId)));
  overBudget.sort((a, b) => b.minutes / Math.max(1, b.budget) - a.minutes / Math.max(1, a.budget) || a.id.localeCompare(b.id));
  const weeks = input.weekKeys.map((weekKey, i) => ({ weekKey, minutes: weekly[i], fte: fteOf(weekly[i]) }));
  return {
    weekKeys: input.weekKeys,
    people: input.people.length,
    minutes: total,
    hours: hours(total),
    fte: fteOf(total, n),
    money: money(total),
    currency: input.currency,
    hourlyCost: input.hourlyCost,
    teams: teamList,
    overBudget,
    weeks,
    recommendation: dedicatedRole(weeks),
  };
}
