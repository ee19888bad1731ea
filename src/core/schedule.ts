// When a scheduled DM is due for a person, and why it is skipped: pure rules over the person's own zone.
import type { Person } from './model';
import type { OrgSettings } from './settings';
import type { HHMM, IsoDate, Weekday } from './types';
import { localClock } from './time';

export type Slot =
  | { due: true; date: IsoDate; weekday: Weekday }
  | { due: false; date: IsoDate; weekday: Weekday; why: 'not-a-day' | 'not-yet' | 'missed' };

/**
 * A daily slot at `time` on `days` in `zone`, as of `atMs`. Ballast only DMs between quietStart and
 * quietEnd, so a slot before quietStart opens at quietStart, and a slot whose window has closed is
 * missed for that day: this is also the catch-up rule after downtime (still inside the window: send).
 * Wall-clock comparison handles DST: a slot in a spring-forward gap falls due when the clock jumps
 * past it, and one in an autumn overlap at its first occurrence (the claim stops the second).
 */
export function dailySlot(
  atMs: number, zone: string, time: HHMM, days: readonly Weekday[], window: Pick<OrgSettings, 'quietStart' | 'quietEnd'>,
): Slot {
  const { date, weekday, hhmm } = localClock(atMs, zone);
  if (!days.includes(weekday)) return { due: false, date, weekday, why: 'not-a-day' };
  const opens = time > window.quietStart ? time : window.quietStart;
  if (hhmm >= window.quietEnd || opens >= window.quietEnd) return { due: false, date, weekday, why: 'missed' };
  if (hhmm < opens) return { due: false, date, weekday, why: 'not-yet' };
  return { due: true, date, weekday };
}

/** True when `hhmm` lies inside the hours Ballast may DM (quietStart inclusive, quietEnd exclusive). */
export function insideSendingHours(hhmm: HHMM, window: Pick<OrgSettings, 'quietStart' | 'quietEnd'>): boolean {
  return hhmm >= window.quietStart && hhmm < window.quietEnd;
}

/** Is this instant inside the person's sending hours today? */
export function canDmNow(atMs: number, zone: string, window: Pick<OrgSettings, 'quietStart' | 'quietEnd'>): boolean {
  return insideSendingHours(localClock(atMs, zone).hhmm, window);
}

const OOO_TEXT = /\b(vacation\w*|ooo|out[\s-]of[\s-](the[\s-])?office|sick)\b/i;
const OOO_EMOJI = new Set([':palm_tree:', ':face_with_thermometer:']);

/** A Slack status that reads as out of office; an expired status no longer counts. */
export function isOutOfOffice(p: Pick<Person, 'statusText' | 'statusEmoji' | 'statusExpiration'>, atMs: number): boolean {
  if (p.statusExpiration > 0 && p.statusExpiration * 1000 <= atMs) return false;
  return OOO_TEXT.test(p.statusText) || OOO_EMOJI.has(p.statusEmoji.trim().toLowerCase());
}

/** Paused on this local date: `pausedUntil` is the last paused date; null means until resumed. */
export function isPausedOn(p: Pick<Person, 'paused' | 'pausedUntil'>, date: IsoDate): boolean {
  return p.paused && (p.pausedUntil === null || date <= p.pausedUntil);
}

export type SkipReason = 'inactive' | 'holiday' | 'paused' | 'out of office' | 'check-ins off' | 'nudges off';

/** The reasons every scheduled DM shares, in the order they are checked. */
export function commonSkip(p: Person, date: IsoDate, atMs: number, holidays: ReadonlySet<IsoDate>): SkipReason | null {
  if (!p.active || p.deleted || p.isBot) return 'inactive';
  if (holidays.has(date)) return 'holiday';
  if (isPausedOn(p, date)) return 'paused';
  if (isOutOfOffice(p, atMs)) return 'out of office';
  return null;
}

/** The person's check-in time, or the org's. */
export function checkinTimeOf(p: Pick<Person, 'checkinTime'>, settings: Pick<OrgSettings, 'checkinTime'>): HHMM {
  return p.checkinTime ?? settings.checkinTime;
}

export const FRIDAY: readonly Weekday[] = [5];
export const INACTIVITY_DAYS = 14;
