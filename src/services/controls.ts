// What a person controls about Ballast's DMs: pausing, their check-in time and days, and nudges.
import type { Person } from '../core/model';
import type { HHMM, IsoDate, Weekday } from '../core/types';
import type { OrgSettings } from '../core/settings';
import { outsideWindowReason } from '../core/sendingWindow';
import { fail, ok, type Outcome } from './result';
import type { Deps, FollowUp } from './ports';
import { handBackOffered } from './assignments';

const WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5];

async function reload(deps: Deps, id: string): Promise<Person> {
  return (await deps.store.people.get(id))!;
}

/**
 * Paused people get no assignments: offers not yet accepted go back to their leads. Paused is stored at
 * once, so no new offer reaches them; the hand-back (message redraws, the leads told) is a follow-up
 * for after the reply.
 */
export async function pause(
  deps: Deps, person: Person, until: IsoDate | null,
): Promise<Outcome<{ person: Person; followUps: FollowUp[] }>> {
  await deps.store.people.setPause(person.id, true, until);
  deps.log.info({ userId: person.id, until }, 'paused');
  const handBack: FollowUp = async () => {
    await handBackOffered(deps, person.id);
  };
  return ok({ person: await reload(deps, person.id), followUps: [handBack] });
}

export async function resume(deps: Deps, person: Person): Promise<Outcome<{ person: Person; wasPaused: boolean }>> {
  await deps.store.people.setPause(person.id, false, null);
  return ok({ person: await reload(deps, person.id), wasPaused: person.paused });
}

export async function setCheckin(
  deps: Deps, person: Person, time: HHMM, days: Weekday[] | undefined,
): Promise<Outcome<{ person: Person; settings: OrgSettings }>> {
  const settings = await deps.store.settings.get();
  const outside = outsideWindowReason(time, settings, 'your check-in');
  if (outside) return fail('outside_hours', outside, '/ballast checkin 16:30 mon-fri');
  const chosen = days ?? (person.checkinDays.length ? person.checkinDays : WEEKDAYS);
  if (chosen.length === 0) return fail('no_days', 'Pick at least one day.', '/ballast checkin 16:30 mon-fri');
  await deps.store.people.setCheckin(person.id, time, chosen, true);
  return ok({ person: await reload(deps, person.id), settings });
}

export async function checkinOff(deps: Deps, person: Person): Promise<Outcome<Person>> {
  await deps.store.people.setCheckin(person.id, person.checkinTime, person.checkinDays, false);
  return ok(await reload(deps, person.id));
}

export async function setNudges(deps: Deps, person: Person, on: boolean): Promise<Outcome<Person>> {
  await deps.store.people.setNudges(person.id, on);
  return ok(await reload(deps, person.id));
}
