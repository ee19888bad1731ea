// Which earlier weeks a person can step back to on App Home, and which entries they may still change.
import { addDays, daysBetween, isIsoDate, weekStart } from './time';
import type { IsoDate } from './types';
import { MAX_DAYS_BACK } from './limits';

/** App Home steps back through this many weeks before the current one. */
export const HOME_WEEKS_BACK = 8;

export interface ShownWeek {
  /** Monday of the week shown. */
  start: IsoDate;
  /** Monday of the week one step earlier, or null at the bound. */
  earlier: IsoDate | null;
  /** Monday of the week one step later, or null when the shown week is the current one. */
  later: IsoDate | null;
  current: boolean;
}

/**
 * The week App Home shows for a requested date (a button value, so possibly stale or forged): held
 * inside the current week and the HOME_WEEKS_BACK before it, never in the future.
 */
export function shownWeek(requested: string | null | undefined, today: IsoDate, weeksBack = HOME_WEEKS_BACK): ShownWeek {
  const current = weekStart(today);
  const oldest = addDays(current, -7 * weeksBack);
  let start = requested && isIsoDate(requested) ? weekStart(requested) : current;
  if (start > current) start = current;
  if (start < oldest) start = oldest;
  return {
    start,
    earlier: start > oldest ? addDays(start, -7) : null,
    later: start < current ? addDays(start, 7) : null,
    current: start === current,
  };
}

/** Entries of the last 14 days are the owner's to edit or delete (the same window as backdating); older ones are history. */
export const EDITABLE_DAYS = MAX_DAYS_BACK;

export function isEditable(entryDate: IsoDate, today: IsoDate): boolean {
  const back = daysBetween(entryDate, today);
  return back >= 0 && back <= EDITABLE_DAYS;
}
