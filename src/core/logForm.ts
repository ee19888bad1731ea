// Validating the log modal's fields (and the Done and check-in modals' minutes): each problem against its own field.
import { readDurationText } from './duration';
import { MAX_DAYS_BACK, MAX_ENTRY_MINUTES, MAX_LINK_CHARS, MAX_NOTE_CHARS, MIN_ENTRY_MINUTES } from './limits';
import { daysBetween, isIsoDate } from './time';
import { KINDS, NETWORKS, type IsoDate, type Kind, type Network } from './types';

export interface LogFormFields {
  minutes?: string | null;
  kind?: string | null;
  network?: string | null;
  date?: string | null;
  link?: string | null;
  note?: string | null;
}

export interface LogFormValue {
  minutes: number;
  kind: Kind;
  network: Network | null;
  date: IsoDate;
  link: string | null;
  note: string | null;
}

export type FieldErrors = Partial<Record<keyof LogFormFields, string>>;

/**
 * An entry's minutes typed in a modal field, read by the same grammar as `/ballast log`: whole
 * minutes from 1 to 12 hours, or what is wrong, fit for a field error (under 150 characters).
 */
export function readEntryMinutes(text: string | null | undefined): { ok: true; minutes: number } | { ok: false; error: string } {
  const t = (text ?? '').trim();
  if (!t) return { ok: false, error: 'How long did it take? For example 30m or 1h15m.' };
  const r = readDurationText(t);
  if (!r.ok) return { ok: false, error: r.message.slice(0, 150) };
  if (r.minutes < MIN_ENTRY_MINUTES) return { ok: false, error: 'An entry is at least 1 minute.' };
  if (r.minutes > MAX_ENTRY_MINUTES) return { ok: false, error: 'A single entry is at most 12 hours; split longer stretches by day.' };
  return { ok: true, minutes: r.minutes };
}

export function validateLogForm(f: LogFormFields, today: IsoDate): { ok: true; value: LogFormValue } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const read = readEntryMinutes(f.minutes);
  if (!read.ok) errors.minutes = read.error;

  const kind = (f.kind ?? 'other') as Kind;
  if (!KINDS.includes(kind)) errors.kind = 'Choose one of the kinds in the list.';
  const network = f.network ? (f.network as Network) : null;
  if (network !== null && !NETWORKS.includes(network)) errors.network = 'Choose one of the networks in the list.';

  const date = f.date || today;
  if (!isIsoDate(date)) errors.date = 'Pick a date from the calendar.';
  else if (daysBetween(date, today) < 0) errors.date = 'That date is in the future; log time once it has happened.';
  else if (daysBetween(date, today) > MAX_DAYS_BACK) errors.date = `Ballast takes entries up to ${MAX_DAYS_BACK} days back.`;

  const link = f.link?.trim() || null;
  if (link !== null && (!/^https?:\/\/[^\s]+$/i.test(link) || link.length > MAX_LINK_CHARS)) {
    errors.link = `Links must start with http:// or https:// (at most ${MAX_LINK_CHARS} characters).`;
  }
  const note = f.note?.trim() || null;
  if (note !== null && note.length > MAX_NOTE_CHARS) errors.note = `Notes are at most ${MAX_NOTE_CHARS} characters.`;

  if (!read.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { minutes: read.minutes, kind, network, date, link, note } };
}
