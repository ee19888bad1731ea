// Words and symbols shared by every surface: levels, kinds, dates.
import { DateTime } from 'luxon';
import type { IsoDate, Kind, Level } from '../../core/types';
import { formatMinutes } from '../../core/duration';

export const LEVEL_LABEL: Record<Level, string> = {
  ok: ':large_green_circle: within budget',
  near: ':large_yellow_circle: nearing budget',
  over: ':red_circle: over budget',
  crowding: ':rotating_light: crowding out your core work',
};

export const KIND_LABEL: Record<Kind, string> = {
  respond: 'Replying',
  comment: 'Commenting',
  share: 'Sharing',
  post: 'Posting',
  monitor: 'Monitoring',
  other: 'Other',
};

export const fmt = formatMinutes;

/** `Mon 23 Nov` */
export function dayLabel(date: IsoDate): string {
  return DateTime.fromISO(date).toFormat('ccc d LLL');
}

/** `Thu 26 Nov 2026, 17:00` in the given zone. */
export function instantLabel(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toFormat('ccc d LLL, HH:mm');
}
