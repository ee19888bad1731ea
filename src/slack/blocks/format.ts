// Words and symbols shared by every surface: levels, kinds, dates.
import { DateTime } from 'luxon';
import type { IsoDate, Kind, Level } from '../../core/types';
import { formatMinutes } from '../../core/duration';
import { weekdayOf } from '../../core/time';

export const LEVEL_LABEL: Record<Level, string> = {
  ok: ':large_green_circle: within budget',
  near: ':large_yellow_circle: nearing budget',
  over: ':red_circle: over budget',
  crowding: ':rotating_light: crowding out your core work',
};

/** The same words without the emoji, for a notification's text. */
export const LEVEL_WORDS: Record<Level, string> = {
  ok: 'within budget',
  near: 'nearing budget',
  over: 'over budget',
  crowding: 'crowding out your core work',
};

/** Where relationship work first appears on a surface, it is said what it is. */
export const RELATIONSHIP_WORK = 'relationship work (replying, commenting, sharing)';

export const KIND_LABEL: Record<Kind, string> = {
  respond: 'Replying',
  comment: 'Commenting',
  share: 'Sharing',
  post: 'Posting',
  monitor: 'Monitoring',
  other: 'Other',
};

export const fmt = formatMinutes;

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Mon 23 Nov` (built by hand: it is on every reply, and a DateTime per label is costly). */
export function dayLabel(date: IsoDate): string {
  return `${WEEKDAYS[weekdayOf(date) - 1]} ${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]}`;
}

/** `26 Oct`: a week's Monday as a chart's axis label (Slack takes at most 20 characters). */
export function shortDayLabel(date: IsoDate): string {
  return `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]}`;
}

/** `Thu 26 Nov, 17:00` in the given zone. */
export function instantLabel(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toFormat('ccc d LLL, HH:mm');
}

/** `Los Angeles` for `America/Los_Angeles`: how a zone is named to people. */
export function zoneName(zone: string): string {
  return (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
}

/**
 * A time as the reader reads it, in their zone; when the other person's clock shows something
 * else at that instant, their time is named too: `Wed 9 Dec, 17:00 your time (08:00 in Los Angeles)`.
 * `otherLabel` says whose clock that is (default `in <city>`).
 */
export function instantFor(ms: number, readerZone: string, otherZone?: string, otherLabel?: string): string {
  const mine = instantLabel(ms, readerZone);
  if (!otherZone) return mine;
  const reader = DateTime.fromMillis(ms, { zone: readerZone });
  const other = DateTime.fromMillis(ms, { zone: otherZone });
  if (!other.isValid || reader.offset === other.offset) return mine;
  const theirs = other.toISODate() === reader.toISODate() ? other.toFormat('HH:mm') : other.toFormat('ccc d LLL, HH:mm');
  return `${mine} your time (${theirs} ${otherLabel ?? `in ${zoneName(otherZone)}`})`;
}

/** `Mon 23 Nov`, the Monday of an ISO week key such as `2026-W48`: people never read the code itself. */
export function mondayOfKey(key: string): string {
  const monday = DateTime.fromISO(`${key}-1`, { zone: 'utc' });
  return monday.isValid ? dayLabel(monday.toISODate()!) : key;
}

/** `week of Mon 23 Nov` for an ISO week key. */
export function weekOfKey(key: string): string {
  return `week of ${mondayOfKey(key)}`;
}
