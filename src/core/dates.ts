// Dates of things already done, as people type them: `today`, `yesterday`, `friday`, `last friday`,
// `3 days ago`, `1 Dec`, `Dec 1`, `2026-11-20`. Each resolves to the most recent such day.
import { nearMiss } from './fuzzy';
import { addDays, daysBetween, isIsoDate, weekdayFromName, weekdayOf } from './time';
import type { IsoDate } from './types';

/** A date and how many words it took, a date that is wrong (no such day, a typo), or no date at all. */
export type DateReading = { ok: true; date: IsoDate; used: number } | { ok: false; message: string; used: number } | null;

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
/** The words a typo is checked against (`yesterdy`, `fridya`). */
export const DATE_WORDS: readonly string[] = ['today', 'yesterday', 'tomorrow', ...WEEKDAYS];

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
};

const DAY_OF_MONTH = /^([1-9]|[12]\d|3[01])(?:st|nd|rd|th)?$/;
const YEAR = /^(19|20)\d\d$/;

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The most recent `day month` on or before today (a 29 Feb looks back to the last leap year). */
function recentDayMonth(day: number, month: number, today: IsoDate): IsoDate | null {
  const year = Number(today.slice(0, 4));
  for (let y = year; y >= year - 8; y--) {
    const d = `${y}-${pad2(month)}-${pad2(day)}`;
    if (isIsoDate(d) && daysBetween(d, today) >= 0) return d;
  }
  return null;
}

function dayMonth(words: readonly string[], i: number, today: IsoDate): DateReading {
  const a = words[i];
  const b = words[i + 1];
  if (b === undefined) return null;
  let day: RegExpExecArray | null;
  let month: number | undefined;
  if ((day = DAY_OF_MONTH.exec(a)) && MONTHS[b] !== undefined) month = MONTHS[b];
  else if (MONTHS[a] !== undefined && (day = DAY_OF_MONTH.exec(b))) month = MONTHS[a];
  else return null;
  const d = Number(day[1]);
  const year = words[i + 2] !== undefined && YEAR.test(words[i + 2]) ? Number(words[i + 2]) : null;
  const used = year === null ? 2 : 3;
  const shown = words.slice(i, i + used).join(' ');
  if (year !== null) {
    const date = `${year}-${pad2(month)}-${pad2(d)}`;
    return isIsoDate(date) ? { ok: true, date, used } : { ok: false, message: `\`${shown}\` isn't a real date.`, used };
  }
  const date = recentDayMonth(d, month, today);
  return date === null ? { ok: false, message: `\`${shown}\` isn't a real date.`, used } : { ok: true, date, used };
}

/**
 * Read a date starting at `words[i]` (lower-cased words). A weekday alone is the most recent one,
 * today included; `last friday` is the most recent one before today. `tomorrow` reads as a date
 * so that the caller can say it is in the future rather than take it for a note.
 */
export function readDate(words: readonly string[], i: number, today: IsoDate): DateReading {
  const w = words[i];
  if (w === undefined) return null;
  if (w === 'today') return { ok: true, date: today, used: 1 };
  if (w === 'yesterday') return { ok: true, date: addDays(today, -1), used: 1 };
  if (w === 'tomorrow') return { ok: true, date: addDays(today, 1), used: 1 };

  const weekday = weekdayFromName(w);
  if (weekday !== null) return { ok: true, date: addDays(today, -((weekdayOf(today) - weekday + 7) % 7)), used: 1 };

  if (w === 'last' && words[i + 1] !== undefined) {
    const next = words[i + 1];
    const day = weekdayFromName(next);
    if (day !== null) return { ok: true, date: addDays(today, -(((weekdayOf(today) - day + 6) % 7) + 1)), used: 2 };
    if (next === 'week') return { ok: false, message: '`last week` isn\'t one day: say which, like `last friday` or `3 days ago`.', used: 2 };
    const typo = nearMiss(next, WEEKDAYS);
    if (typo !== undefined) return { ok: false, message: `\`last ${next}\`: did you mean last ${typo}?`, used: 2 };
    return null;
  }

  if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(w)) {
    return isIsoDate(w) ? { ok: true, date: w, used: 1 } : { ok: false, message: `\`${w}\` isn't a real date. Write dates as YYYY-MM-DD, e.g. 2026-11-24.`, used: 1 };
  }

  // Up to five digits: far enough back for any limit, and a calendar year stays four digits long.
  const ago = /^\d{1,5}$/.test(w) && words[i + 2] === 'ago' ? words[i + 1] : undefined;
  if (ago === 'day' || ago === 'days') return { ok: true, date: addDays(today, -Number(w)), used: 3 };
  if (ago === 'week' || ago === 'weeks') return { ok: true, date: addDays(today, -7 * Number(w)), used: 3 };

  return dayMonth(words, i, today);
}
