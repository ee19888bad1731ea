// Logging and undoing engagement time.
import type { Entry, Person } from '../core/model';
import { levelWith, type WeekModel } from '../core/week';
import type { IsoDate, Kind, Level, Network, Source } from '../core/types';
import { daysBetween, localDate, weekKey } from '../core/time';
import { fail, ok, type Outcome } from './result';
import type { Deps, FollowUp } from './ports';
import { loadWeek } from './week';

export const MAX_DAYS_BACK = 14;

export interface LogInput {
  minutes: number;
  kind: Kind;
  network?: Network | null;
  date?: IsoDate;
  link?: string | null;
  note?: string | null;
  source: Source;
  assignmentId?: number | null;
  /** Makes a repeated request (a double click, a redelivery) log once. */
  dedupeKey?: string;
}

export interface Logged {
  entry: Entry;
  created: boolean;
  week: WeekModel;
  levelBefore: Level;
  /** The after-log hooks (warnings) still to run, when logEngagement was asked to defer them; else empty. */
  followUps: FollowUp[];
}

export interface LogOptions {
  /**
   * Leave the after-log hooks (the warning DMs) in `followUps` instead of running them, so a listener
   * can acknowledge Slack first and send them after.
   */
  deferFollowUps?: boolean;
}


export async function logEngagement(deps: Deps, person: Person, input: LogInput, opts: LogOptions = {}): Promise<Outcome<Logged>> {
  const today = localDate(deps.clock.now(), person.tz);
  const date = input.date ?? today;
  if (!Number.isInteger(input.minutes) || input.minutes < 1 || input.minutes > 720) {
    return fail('bad_minutes', 'An entry is between 1 minute and 12 hours.', '/ballast log 30m reply');
  }
  const back = daysBetween(date, today);
  if (back < 0) return fail('future_date', `${date} is in the future; log time once it has happened.`, '/ballast log 30m today');
  if (back > MAX_DAYS_BACK) {
    return fail('too_old', `${date} is more than ${MAX_DAYS_BACK} days ago; Ballast keeps the last two weeks.`, '/ballast log 30m yesterday');
  }
  const { entry, created } = await deps.store.entries.add(
    {
      personId: person.id, minutes: input.minutes, kind: input.kind, network: input.network ?? null, date,
      weekKey: weekKey(date), source: input.source, link: input.link ?? null, note: input.note ?? null,
      assignmentId: input.assignmentId ?? null, dedupeKey: input.dedupeKey,
    },
    deps.clock.now(),
  );
  const week = await loadWeek(deps, person, date);
  const logged: Logged = {
    entry, created, week, levelBefore: created ? levelWith(week, week.total - entry.minutes) : week.level, followUps: [],
  };
  const hooks: FollowUp[] = created ? (deps.afterLog ?? []).map((hook) => async () => {
    try {
      await hook(deps, person, logged);
    } catch (err) {
      // The entry is stored; a failed follow-up (a warning DM) must not undo or hide that.
      deps.log.error({ err, userId: person.id, entryId: entry.id }, 'after-log hook failed');
    }
  }) : [];
  if (opts.deferFollowUps) logged.followUps = hooks;
  else for (const run of hooks) await run();
  return ok(logged);
}

export async function undoLast(deps: Deps, person: Person): Promise<Outcome<{ entry: Entry; week: WeekModel }>> {
  const entry = await deps.store.entries.latestOf(person.id);
  if (!entry) return fail('nothing_to_undo', 'You have no entries to undo.', '/ballast log 30m reply');
  return undoEntry(deps, person, entry.id);
}

export async function undoEntry(
  deps: Deps, person: Person, entryId: number,
): Promise<Outcome<{ entry: Entry; week: WeekModel }>> {
  const entry = await deps.store.entries.get(entryId);
  if (!entry || entry.personId !== person.id || !(await deps.store.entries.remove(entryId, person.id))) {
    return fail('already_undone', 'That entry was already removed.');
  }
  return ok({ entry, week: await loadWeek(deps, person, entry.date) });
}
