// Calendar and clock rules: ISO weeks (Monday to Sunday) and wall times in each person's own zone.
import { DateTime, IANAZone } from 'luxon';
import type { HHMM, IsoDate, Weekday } from './types';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// luxon checks a zone by building an Intl.DateTimeFormat, which is slow; the answer never changes.
const zoneValidity = new Map<string, boolean>();
function knownZone(zone: string): boolean {
  let valid = zoneValidity.get(zone);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(zone);
    if (zoneValidity.size < 1000) zoneValidity.set(zone, valid);
  }
  return valid;
}

function zoneOrThrow(zone: string): IANAZone {
  // An unknown zone here is a programming error: zones are validated where they enter (isValidZone).
  if (!knownZone(zone)) throw new Error(`Unknown time zone: ${zone}`);
  return IANAZone.create(zone);
}

/** Calendar arithmetic happens in UTC so that no zone's DST change can shift a date. */
function calendar(date: IsoDate): DateTime {
  const dt = ISO_DATE.test(date) ? DateTime.fromISO(date, { zone: 'utc' }) : null;
  if (!dt || !dt.isValid) throw new Error(`Not a date: ${date}`);
  return dt;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
  return ISO_DATE.test(s) && DateTime.fromISO(s, { zone: 'utc' }).isValid;
}

export function isValidZone(zone: string): boolean {
  return typeof zone === 'string' && zone !== '' && knownZone(zone);
}

export function localDate(nowMs: number, zone: string): IsoDate {
  return localClock(nowMs, zone).date;
}

export function localClock(
  nowMs: number,
  zone: string,
): { date: IsoDate; hhmm: HHMM; weekday: Weekday; minuteOfDay: number } {
  // The zone's UTC offset at that instant (luxon caches its formatter per zone) is all a wall clock needs.
  const offsetMinutes = zoneOrThrow(zone).offset(nowMs);
  const localMinutes = Math.floor(nowMs / MINUTE_MS) + offsetMinutes;
  const day = Math.floor(localMinutes / 1440);
  const minuteOfDay = localMinutes - day * 1440;
  const date = dateOfDay(day);
  return {
    date,
    hhmm: `${pad2(Math.floor(minuteOfDay / 60))}:${pad2(minuteOfDay % 60)}`,
    weekday: weekdayOf(date),
    minuteOfDay,
  };
}

// Calendar arithmetic on day numbers (days since 1970-01-01): exact, zone-free, and far cheaper than
// building a DateTime for every step (the /ballast log path does dozens of these).
function dayNumber(date: IsoDate): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new Error(`Not a date: ${date}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  if (Number.isNaN(ms) || mo < 1 || mo > 12 || d < 1 || d > 31) throw new Error(`Not a date: ${date}`);
  const days = ms / DAY_MS;
  if (dateOfDay(days) !== date) throw new Error(`Not a date: ${date}`);
  return days;
}

function dateOfDay(days: number): IsoDate {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, n: number): IsoDate {
  return dateOfDay(dayNumber(date) + n);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

export function weekdayOf(date: IsoDate): Weekday {
  // 1970-01-01 was a Thursday (ISO weekday 4).
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1 as Weekday;
}

/** The Monday of the ISO week holding date. */
export function weekStart(date: IsoDate): IsoDate {
  return addDays(date, 1 - weekdayOf(date));
}

/** `2026-W48`; the year is the ISO week-year, so 2026-12-31 belongs to `2026-W53` and 2025-12-29 to `2026-W01`. */
export function weekKey(date: IsoDate): string {
  // The ISO week-year and number are those of the week's Thursday.
  const thursday = dayNumber(date) + 4 - weekdayOf(date);
  const year = Number(dateOfDay(thursday).slice(0, 4));
  const jan1 = Date.UTC(year, 0, 1) / DAY_MS;
  return `${year}-W${pad2(Math.floor((thursday - jan1) / 7) + 1)}`;
}

/** The seven dates Monday to Sunday of date's week. */
export function weekDates(date: IsoDate): IsoDate[] {
  const monday = weekStart(date);
  return [0, 1, 2, 3, 4, 5, 6].map((i) => addDays(monday, i));
}

/**
 * Epoch ms of a local wall time. In a DST gap (02:30 on a spring-forward day) the time does not
 * exist, so it resolves to the first instant after the gap (03:00); in an overlap (02:30 on a
 * fall-back day happens twice) it resolves to the earlier one, so nothing scheduled there is late.
 */
export function instantAt(date: IsoDate, hhmm: HHMM, zone: string): number {
  const z = zoneOrThrow(zone);
  const day = calendar(date);
  const time = parseHHMM(hhmm);
  if (time === null) throw new Error(`Not a time: ${hhmm}`);
  const [h, m] = time.split(':').map(Number);
  const wall = Date.UTC(day.year, day.month - 1, day.day, h, m);

  // No zone changes offset twice within two days, so the offsets around wall are the only candidates.
  const offsets = [...new Set([z.offset(wall - DAY_MS), z.offset(wall), z.offset(wall + DAY_MS)])];
  const valid = offsets.map((o) => wall - o * MINUTE_MS).filter((t) => z.offset(t) * MINUTE_MS === wall - t);
  if (valid.length > 0) return Math.min(...valid);

  // A gap: the transition lies between the two readings; find it to the millisecond.
  let lo = wall - Math.max(...offsets) * MINUTE_MS;
  let hi = wall - Math.min(...offsets) * MINUTE_MS;
  const before = z.offset(lo);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (z.offset(mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** `9:05`, `09:05`, `16:30` → `HH:MM`; null for anything else (`24:00`, `7`, `12:60`). */
export function parseHHMM(s: string): HHMM | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(s.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  return `${pad2(h)}:${pad2(min)}`;
}

const DAY_NAMES: Record<string, Weekday> = {
  mon: 1, monday: 1,
  tue: 2, tues: 2, tuesday: 2,
  wed: 3, weds: 3, wednesday: 3,
  thu: 4, thur: 4, thurs: 4, thursday: 4,
  fri: 5, friday: 5,
  sat: 6, saturday: 6,
  sun: 7, sunday: 7,
};

/** A weekday from its name or abbreviation (`mon`, `Tuesday`), or null. */
export function weekdayFromName(s: string): Weekday | null {
  return DAY_NAMES[s.trim().toLowerCase()] ?? null;
}

const DAY_SETS: Record<string, Weekday[]> = {
  weekdays: [1, 2, 3, 4, 5],
  weekends: [6, 7],
  weekend: [6, 7],
  daily: [1, 2, 3, 4, 5, 6, 7],
  everyday: [1, 2, 3, 4, 5, 6, 7],
  'every-day': [1, 2, 3, 4, 5, 6, 7],
};

/**
 * Check-in days: `mon-fri`, `mon,wed,fri`, `sat-sun`, `weekdays`, `daily`, `mon`, full names too.
 * Ranges may wrap (`fri-mon` is Fri, Sat, Sun, Mon). Sorted Monday first, no duplicates.
 */
export function parseDays(s: string): Weekday[] | null {
  const parts = s.toLowerCase().replace(/\s*-\s*/g, '-').split(/[\s,]+/).filter((p) => p !== '');
  if (parts.length === 0) return null;
  const days = new Set<Weekday>();
  for (const part of parts) {
    const set = DAY_SETS[part];
    if (set) {
      set.forEach((d) => days.add(d));
      continue;
    }
    const range = part.split('-');
    if (range.length === 1) {
      const d = weekdayFromName(part);
      if (d === null) return null;
      days.add(d);
    } else if (range.length === 2) {
      const from = weekdayFromName(range[0]);
      const to = weekdayFromName(range[1]);
      if (from === null || to === null) return null;
      for (let d = from, i = 0; i < 7; i++) {
        days.add(d);
        if (d === to) break;
        d = ((d % 7) + 1) as Weekday;
      }
    } else {
      return null;
    }
  }
  return [...days].sort((a, b) => a - b);
}
