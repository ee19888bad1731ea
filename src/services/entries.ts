// Logging and undoing engagement time.
import type { Entry, NewEntry, Person } from '../core/model';
import { levelWith, type WeekModel } from '../core/week';
import type { IsoDate, Kind, Network, Source } from '../core/types';
import { addDays, daysBetween, localDate, weekKey } from '../core/time';
import { MAX_DAYS_BACK, MAX_ENTRY_MINUTES, MIN_ENTRY_MINUTES } from '../core/limits';
import { EDITABLE_DAYS, isEditable } from '../core/history';
import type { LogFormValue } from '../core/logForm';
import { fail, ok, type Outcome } from './result';
import type { Deps, FollowUp, Logged } from './ports';
import { loadWeek } from './week';

export { MAX_DAYS_BACK } from '../core/limits';

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

export type { Logged } from './ports';

export interface LogOptions {
  /**
   * Leave the after-log hooks (the warning DMs) in `followUps` instead of running them, so a listener
   * can acknowledge Slack first and send them after.
   */
  deferFollowUps?: boolean;
}


export async function logEngagement(deps: Deps, person: Person, input: LogInput, opts: LogOptions = {}): Promise<Outcome<Logged>> {
  const entry = entryToLog(deps, person, input);
  if (!entry.ok) return entry;
  const stored = await deps.store.entries.add(entry.value, deps.clock.now());
  return ok(await afterStored(deps, person, stored, opts));
}

/** The entry `input` would store for `person`, or why not: the checks every way of logging shares. */
export function entryToLog(deps: Deps, person: Person, input: LogInput): Outcome<NewEntry> {
  const today = localDate(deps.clock.now(), person.tz);
  const date = input.date ?? today;
  if (!Number.isInteger(input.minutes) || input.minutes < MIN_ENTRY_MINUTES || input.minutes > MAX_ENTRY_MINUTES) {
    return fail('bad_minutes', 'An entry is between 1 minute and 12 hours.', '/ballast log 30m reply');
  }
  const back = daysBetween(date, today);
  if (back < 0) return fail('future_date', `${date} is in the future; log time once it has happened.`, '/ballast log 30m today');
  if (back > MAX_DAYS_BACK) {
    return fail('too_old', `${date} is more than ${MAX_DAYS_BACK} days ago; Ballast keeps the last two weeks.`, '/ballast log 30m yesterday');
  }
  return ok({
    personId: person.id, minutes: input.minutes, kind: input.kind, network: input.network ?? null, date,
    weekKey: weekKey(date), source: input.source, link: input.link ?? null, note: input.note ?? null,
    assignmentId: input.assignmentId ?? null, dedupeKey: input.dedupeKey,
  });
}

/**
 * The week after an entry was stored (by entries.add, or inside another transaction such as an
 * assignment's completion), with the warnings a new entry owes: run now, or left in `followUps`.
 */
export async function afterStored(
  deps: Deps, person: Person, stored: { entry: Entry; created: boolean }, opts: LogOptions = {},
): Promise<Logged> {
  const { entry, created } = stored;
  const week = await loadWeek(deps, person, entry.date);
  const logged: Logged = {
    entry, created, week, levelBefore: created ? levelWith(week, week.total - entry.minutes) : week.level, followUps: [],
  };
  const hooks = created ? afterLogFollowUps(deps, person, logged) : [];
  if (opts.deferFollowUps) logged.followUps = hooks;
  else for (const run of hooks) await run();
  return logged;
}

/** The follow-ups of a change to someone's week (warnings), each failure logged and contained. */
export function afterLogFollowUps(deps: Deps, person: Person, logged: Logged): FollowUp[] {
  return (deps.afterLog ?? []).map((hook) => async () => {
    try {
      await hook(deps, person, logged);
    } catch (err) {
      // The entry is stored; a failed follow-up (a warning DM) must not undo or hide that.
      deps.log.error({ err, userId: person.id, entryId: logged.entry.id }, 'after-log hook failed');
    }
  });
}

export async function undoLast(deps: Deps, person: Person): Promise<Outcome<{ entry: Entry; week: WeekModel }>> {
  const entry = await deps.store.entries.latestOf(person.id);
  if (!entry) return fail('nothing_to_undo', 'You have no entries to undo.', '/ballast log 30m reply');
  return undoEntry(deps, person, entry.id);
}

export async function undoEntry(
  deps: Deps, person: Person, entryId: number,
): Promise<Outcome<{ entry: Entry; week: WeekModel }>> {
  const entry = Number.isSafeInteger(entryId) ? await deps.store.entries.get(entryId) : undefined;
  if (!entry || entry.personId !== person.id || !(await deps.store.entries.remove(entryId, person.id))) {
    return fail('already_undone', 'That entry was already removed.');
  }
  return ok({ entry, week: await loadWeek(deps, person, entry.date) });
}

/**
 * The one refusal for an entry id that is not the person's own, whether it is someone else's or gone:
 * a forged or stale click learns nothing about anyone.
 */
const notYours = <T>(): Outcome<T> => fail('already_undone', 'That entry was already removed.');
const tooOld = <T>(): Outcome<T> =>
  fail('too_old_to_change', `That entry is more than ${EDITABLE_DAYS} days old; Ballast keeps it as history and it can no longer be changed.`);

/** The person's entries of the last 14 days, newest first. */
export async function recentEntries(deps: Deps, person: Person): Promise<Entry[]> {
  const today = localDate(deps.clock.now(), person.tz);
  return deps.store.entries.recentOf(person.id, addDays(today, -EDITABLE_DAYS), today);
}

/** One of the person's own entries, still inside the editable window. */
export async function ownEditableEntry(deps: Deps, person: Person, entryId: number): Promise<Outcome<Entry>> {
  const entry = Number.isSafeInteger(entryId) ? await deps.store.entries.get(entryId) : undefined;
  if (!entry || entry.personId !== person.id) return notYours();
  if (!isEditable(entry.date, localDate(deps.clock.now(), person.tz))) return tooOld();
  return ok(entry);
}

/** An edit, in the shape of a new entry (`created` is true: the change is new, so its follow-ups run). */
export interface Edited extends Logged {
  /** The entry as it was before the edit. */
  before: Entry;
}

/**
 * Replace what one of the person's entries says with a validated log form (core/logForm.ts), keeping
 * the week key in step with the date. Returns what a new entry's follow-ups need: the week the entry
 * now sits in and its level without this edit, so crossing a level warns as a new entry would. The
 * listener runs the returned follow-ups once it has acknowledged.
 */
export async function editEntry(deps: Deps, person: Person, entryId: number, value: LogFormValue): Promise<Outcome<Edited>> {
  const found = await ownEditableEntry(deps, person, entryId);
  if (!found.ok) return found;
  const before = found.value;
  const entry = await deps.store.entries.updateOwned(entryId, person.id, {
    minutes: value.minutes, kind: value.kind, network: value.network, link: value.link, note: value.note,
    date: value.date, weekKey: weekKey(value.date),
  });
  if (!entry) return notYours();
  const week = await loadWeek(deps, person, entry.date);
  const withoutEdit = week.total - entry.minutes + (before.weekKey === entry.weekKey ? before.minutes : 0);
  const edited: Edited = { entry, before, created: true, week, levelBefore: levelWith(week, withoutEdit), followUps: [] };
  edited.followUps = afterLogFollowUps(deps, person, edited);
  return ok(edited);
}

/** Delete one of the person's entries of the last 14 days; the remaining ones come back for the list. */
export async function deleteEntry(
  deps: Deps, person: Person, entryId: number,
): Promise<Outcome<{ entry: Entry; week: WeekModel; remaining: Entry[] }>> {
  const found = await ownEditableEntry(deps, person, entryId);
  if (!found.ok) return found;
  if (!(await deps.store.entries.remove(entryId, person.id))) return notYours();
  const entry = found.value;
  return ok({ entry, week: await loadWeek(deps, person, entry.date), remaining: await recentEntries(deps, person) });
}
