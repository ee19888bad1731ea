// The weekly strain pulse's answers: stored per person and week, and able to tip the week into crowding.
import type { Person } from '../core/model';
import type { WeekModel } from '../core/week';
import type { Strain } from '../core/types';
import { addDays, localDate, weekKey as weekKeyOf } from '../core/time';
import { fail, ok, type Outcome } from './result';
import type { Deps } from './ports';
import { loadWeek } from './week';
import { warnOnLevels } from './warnings';

const STRAINS: readonly Strain[] = ['none', 'bit', 'back'];
const WEEK_KEY = /^\d{4}-W\d{2}$/;

/** Recording is an upsert, so a second click or a redelivered one stores the same single answer. */
export async function recordStrain(
  deps: Deps, person: Person, weekKey: string, answer: Strain,
): Promise<Outcome<{ week: WeekModel }>> {
  if (!WEEK_KEY.test(weekKey) || !STRAINS.includes(answer)) return fail('bad_pulse', 'That pulse answer could not be read.');
  // The Friday pulse can be answered that week or the next (after a weekend); an older or a future
  // week (a stale message, a forged value) would only skew the digests' trend.
  const today = localDate(deps.clock.now(), person.tz);
  if (weekKey !== weekKeyOf(today) && weekKey !== weekKeyOf(addDays(today, -7))) {
    return fail('stale_pulse', 'That pulse is for an earlier week; Ballast takes answers for this week and last week only, so it recorded nothing.');
  }
  const before = await loadWeek(deps, person);
  await deps.store.strain.record(person.id, weekKey, answer, deps.clock.now());
  const week = await loadWeek(deps, person);
  await warnOnLevels(deps, person, before.level, week);
  return ok({ week });
}
