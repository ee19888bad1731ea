// The weekly strain pulse's answers: stored per person and week, and able to tip the week into crowding.
import type { Person } from '../core/model';
import type { WeekModel } from '../core/week';
import type { Strain } from '../core/types';
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
  const before = await loadWeek(deps, person);
  await deps.store.strain.record(person.id, weekKey, answer, deps.clock.now());
  const week = await loadWeek(deps, person);
  await warnOnLevels(deps, person, before.level, week);
  return ok({ week });
}
