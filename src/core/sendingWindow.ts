// Whether a daily send time (a check-in, the digest) lands inside the hours Ballast may DM, and if
// not, what the scheduler will do with it: the same rule as core/schedule.ts's dailySlot, said ahead
// of time so a setting can be refused with its reason instead of silently moved or never sent.
import type { OrgSettings } from './settings';
import type { HHMM } from './types';

export type SendingWindow = Pick<OrgSettings, 'quietStart' | 'quietEnd'>;

export type WindowVerdict =
  /** Sent at that time. */
  | { kind: 'inside' }
  /** Before the window opens: sent when it opens instead. */
  | { kind: 'moved'; to: HHMM }
  /** At or after the window closes: never sent. */
  | { kind: 'skipped' };

/** What the scheduler does with a daily send at `time` (dailySlot: a slot before quietStart opens at quietStart; one at or past quietEnd is missed). */
export function sendingWindowVerdict(time: HHMM, window: SendingWindow): WindowVerdict {
  if (time >= window.quietEnd) return { kind: 'skipped' };
  if (time < window.quietStart) return { kind: 'moved', to: window.quietStart };
  return { kind: 'inside' };
}

/** The last minute inside the window, for "pick a time from 08:00 to 18:59". */
export function lastMinuteOf(window: SendingWindow): HHMM {
  const [h, m] = window.quietEnd.split(':').map(Number);
  const total = h * 60 + m - 1;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/**
 * Why `time` is refused for `what` ("your check-in", "the org check-in time"), or null when it is
 * inside the window. The sentence says what would have happened and which times work.
 */
export function outsideWindowReason(time: HHMM, window: SendingWindow, what: string): string | null {
  const v = sendingWindowVerdict(time, window);
  if (v.kind === 'inside') return null;
  const hours = `Ballast only sends DMs between ${window.quietStart} and ${window.quietEnd} in each person's own time zone`;
  const pick = `pick a time from ${window.quietStart} to ${lastMinuteOf(window)}`;
  return v.kind === 'moved'
    ? `${hours}, so ${what} at ${time} would arrive at ${v.to} instead: ${pick}.`
    : `${hours}, so ${what} at ${time} would never be sent: ${pick}.`;
}
