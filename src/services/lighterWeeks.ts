// Who needs a lighter week (core/capacity.ts's needsLighterWeek) among many people at once: one
// aggregate read of last week's minutes, the recent pulse answers and last week's budgets, never a
// query per person, so a lead's suggestions over thousands of people stay one round of reads.
import type { Person } from '../core/model';
import type { OrgSettings } from '../core/settings';
import type { IsoDate, Strain } from '../core/types';
import { lastTwoPulseWeeks, needsLighterWeek } from '../core/capacity';
import { FRIDAY } from '../core/schedule';
import { addDays, localDate, weekKey, weekStart } from '../core/time';
import type { DigestPerson } from './store';
import type { Deps } from './ports';
import { weekBudgets } from './weekBudgets';

const slim = (p: Person): DigestPerson => ({
  id: p.id, managerId: p.managerId, name: p.name, tz: p.tz, weeklyHours: p.weeklyHours, budgetMinutes: p.budgetMinutes,
  shareStrain: p.shareStrain, paused: p.paused,
});

/** The four week keys ending with the week of `today`, oldest first. */
const weeksTo = (today: IsoDate): string[] => [-21, -14, -7, 0].map((d) => weekKey(addDays(weekStart(today), d)));

/** The ids of those of `people` who need a lighter week at `nowMs`, each judged in their own zone. */
export async function lighterWeeks(deps: Deps, people: readonly Person[], nowMs: number, settings: OrgSettings): Promise<Set<string>> {
  const out = new Set<string>();
  if (people.length === 0) return out;
  // People whose local date is the same share their weeks: a handful of groups, whatever the size.
  const byToday = new Map<IsoDate, Person[]>();
  const todayIn = new Map<string, IsoDate>();
  for (const p of people) {
    let today = todayIn.get(p.tz);
    if (today === undefined) todayIn.set(p.tz, (today = localDate(nowMs, p.tz)));
    const group = byToday.get(today);
    if (group) group.push(p);
    else byToday.set(today, [p]);
  }
  const allKeys = [...new Set([...byToday.keys()].flatMap(weeksTo))].sort();
  const lastKeys = [...new Set([...byToday.keys()].map((d) => weeksTo(d)[2]))].sort();
  const ids = people.map((p) => p.id);
  const wanted = new Set(ids);

  const minutes = new Map<string, number>();
  await deps.store.reporting.eachWeekSum(lastKeys, ids, (personId, week, m) => {
    if (wanted.has(personId)) minutes.set(`${personId} ${week}`, m);
  });
  const strain = new Map<string, Map<string, Strain>>();
  await deps.store.reporting.eachStrain(allKeys, (personId, week, answer) => {
    if (!wanted.has(personId)) return;
    let answers = strain.get(personId);
    if (!answers) strain.set(personId, (answers = new Map()));
    answers.set(week, answer);
  });

  for (const [today, group] of byToday) {
    const [w3, w2, last, current] = weeksTo(today);
    const slotOf = new Map(group.map((p, i) => [p.id, i]));
    // Last week with its own budget: a week that has ended keeps the one it had.
    const budgets = await weekBudgets(deps, group.map(slim), slotOf, [last], settings, group.map((p) => p.id));
    // Date arithmetic once per group, not per person: which weeks the last two pulses were.
    const ifAnswered = lastTwoPulseWeeks(today, FRIDAY, true);
    const ifNot = lastTwoPulseWeeks(today, FRIDAY, false);
    for (const p of group) {
      const answers = strain.get(p.id);
      const pulses = answers?.has(current) ? ifAnswered : ifNot;
      const lighter = needsLighterWeek({
        lastWeekMinutes: minutes.get(`${p.id} ${last}`) ?? 0,
        lastWeekBudget: budgets[slotOf.get(p.id)!],
        strainBackEndingLastWeek: [w3, w2, last].filter((k) => answers?.get(k) === 'back').length,
        lastTwoPulses: pulses.map((k) => answers?.get(k)),
      });
      if (lighter) out.add(p.id);
    }
  }
  return out;
}
