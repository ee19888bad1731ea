// Calendar and clock rules: ISO weeks (Monday to Sunday) and wall times in each person's own zone.
import { DateTime, IANAZone } from 'luxon';
import type { HHMM, IsoDate, Weekday } from './types';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Luxon checks a zone by building an Intl formatter (about 0.2 ms); a pass over thousands of people
// asks about the same few zones again and again, so the answer is kept.
const zones = new Map<string, IANAZone | null>();

function zoneOf(zone: string): IANAZone | null {
  let z = zones.get(zone);
  if (z === undefined) {
    z = IANAZone.isValidZone(zone) ? IANAZone.create(zone) : null;
    zones.set(zone, z);
  }
  return z;
}

function zoneOrThrow(zone: string): IANAZone {
  // An unknown zone here is a programming error: zones are validated where they enter (isValidZone).
  const z = zoneOf(zone);
  if (!z) throw new Error(`Unknown time zone: ${zone}`);
  return z;
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
  return typeof zone === 'string' && zone !== '' && zoneOf(zone) !== null;
}

export function localDate(nowMs: number, zone: string): IsoDate {
  return localClock(nowMs, zone).date;
}

// A zone's UTC offset only changes at transitions, which fall on quarter hours in every zone in use:
// one Intl lookup per zone and quarter hour is enough.
const QUARTER_HOUR_MS = 15 * MINUTE_MS;
const offsets = new Map<string, number>();
function offsetAt(zone: string, ms: number): number {
  const key = `${zone}|${Math.floor(ms / QUARTER_HOUR_MS)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = zoneOrThrow(zone).offset(ms);
    if (offsets.size > 10_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

export function localClock(
  nowMs: number,
  zone: string,
): { date: IsoDate; hhmm: HHMM; weekday: Weekday; minuteOfDay: number } {
  const offsetMinutes = offsetAt(zone, nowMs);
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
// Howard Hinnant's days_from_civil / civil_from_days: exact proleptic Gregorian arithmetic.
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

// The same few dates (this week's, the last two weeks') are read many times per request: their day
// numbers are kept, up to a bound, and only a valid date is ever kept.
const DAY_NUMBERS = new Map<string, number>();
const DAY_NUMBERS_KEPT = 4096;

function dayNumber(date: IsoDate): number {
  const known = DAY_NUMBERS.get(date);
  if (known !== undefined) return known;
  const n = parseDayNumber(date);
  if (DAY_NUMBERS.size >= DAY_NUMBERS_KEPT) DAY_NUMBERS.clear();
  DAY_NUMBERS.set(date, n);
  return n;
}

function parseDayNumber(date: IsoDate): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new Error(`Not a date: ${date}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > (mo === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[mo - 1])) {
    throw new Error(`Not a date: ${date}`);
  }
  return daysFromCivil(y, mo, d);
}

function dateOfDay(days: number): IsoDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
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
  const jan1 = daysFromCivil(year, 1, 1);
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
