// Answers to the daily check-in: one entry per person and check-in day, whatever Slack delivers twice.
import type { Person } from '../core/model';
import type { IsoDate, Kind, Network } from '../core/types';
import { logEngagement, undoEntry, type LogOptions, type Logged } from './entries';
import type { Outcome } from './result';
import type { Deps } from './ports';

export const CHECKIN_JOB = 'checkin';

/** Every answer to one check-in shares this key, so a double click or a redelivery logs once. */
export const checkinDedupeKey = (personId: string, date: IsoDate): string => `checkin:${personId}:${date}`;

export interface CheckinAnswer {
  minutes: number;
  kind?: Kind;
  network?: Network | null;
  link?: string | null;
  note?: string | null;
}

export async function answerCheckin(
  deps: Deps, person: Person, date: IsoDate, a: CheckinAnswer, opts: LogOptions = {},
): Promise<Outcome<Logged>> {
  return logEngagement(deps, person, {
    minutes: a.minutes, kind: a.kind ?? 'other', network: a.network ?? null, link: a.link ?? null, note: a.note ?? null,
    date, source: 'checkin', dedupeKey: checkinDedupeKey(person.id, date),
  }, opts);
}

/** Undo from the check-in message: only an entry that came from a check-in, and only the person's own. */
export async function undoCheckin(deps: Deps, person: Person, entryId: number) {
  return undoEntry(deps, person, entryId);
}
