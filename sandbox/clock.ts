// The sandbox's clock, which the page moves, and the instants its jump buttons go to.
import type { HHMM, Weekday } from '../src/core/types';
import { addDays, instantAt, localDate, weekdayOf } from '../src/core/time';
import type { Clock } from '../src/services/ports';

export class SandboxClock implements Clock {
  constructor(private ms: number) {}
  now(): number {
    return this.ms;
  }
  set(ms: number): void {
    this.ms = ms;
  }
}

export type Jump = 'checkin' | 'pulse' | 'digest' | 'hour';
export const JUMPS: readonly Jump[] = ['checkin', 'pulse', 'digest', 'hour'];

/** The first instant strictly after `nowMs` that is `hhmm` on one of `days` in `zone`. */
export function nextLocal(nowMs: number, zone: string, hhmm: HHMM, days: readonly Weekday[]): number {
  const today = localDate(nowMs, zone);
  for (let d = 0; d <= 8; d += 1) {
    const date = addDays(today, d);
    if (!days.includes(weekdayOf(date))) continue;
    const at = instantAt(date, hhmm, zone);
    if (at > nowMs) return at;
  }
  throw new Error(`no ${hhmm} on days ${days.join(',')} within a week`);
}

export interface JumpTimes {
  /** The person's check-in time and days (their own, else the org's). */
  checkinTime: HHMM;
  checkinDays: readonly Weekday[];
  /** The days the strain pulse goes out, at check-in time. */
  pulseDays: readonly Weekday[];
  digestDay: Weekday;
  digestTime: HHMM;
}

/** Where a jump lands, in the chosen person's zone. */
export function jumpTarget(jump: Jump, nowMs: number, zone: string, t: JumpTimes): number {
  switch (jump) {
    case 'checkin':
      return nextLocal(nowMs, zone, t.checkinTime, t.checkinDays.length ? t.checkinDays : [1, 2, 3, 4, 5]);
    case 'pulse':
      return nextLocal(nowMs, zone, t.checkinTime, t.pulseDays);
    case 'digest':
      return nextLocal(nowMs, zone, t.digestTime, [t.digestDay]);
    case 'hour':
      return nowMs + 60 * 60_000;
  }
}
