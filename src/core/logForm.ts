// Validating the log modal's fields: each problem is reported against its own field.
import { parseDuration } from './duration';
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

export function validateLogForm(f: LogFormFields, today: IsoDate): { ok: true; value: LogFormValue } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const minutesText = (f.minutes ?? '').trim();
  const minutes = parseDuration(minutesText);
  if (!minutesText) errors.minutes = 'How long did it take? For example 30m or 1h15m.';
  else if (minutes === null) errors.minutes = `“${minutesText.slice(0, 40)}” isn't a duration. Try 30m, 1h, 1h30m, 1.5h or 1:30.`;
  else if (minutes < 1) errors.minutes = 'An entry is at least 1 minute.';
  else if (minutes > 720) errors.minutes = 'A single entry is at most 12 hours; split longer stretches by day.';

  const kind = (f.kind ?? 'other') as Kind;
  if (!KINDS.includes(kind)) errors.kind = 'Choose one of the kinds in the list.';
  const network = f.network ? (f.network as Network) : null;
  if (network !== null && !NETWORKS.includes(network)) errors.network = 'Choose one of the networks in the list.';

  const date = f.date || today;
  if (!isIsoDate(date)) errors.date = 'Pick a date from the calendar.';
  else if (daysBetween(date, today) < 0) errors.date = 'That date is in the future; log time once it has happened.';
  else if (daysBetween(date, today) > 14) errors.date = 'Ballast takes entries up to 14 days back.';

  const link = f.link?.trim() || null;
  if (link !== null && (!/^https?:\/\/[^\s]+$/i.test(link) || link.length > 2000)) {
    errors.link = 'Links must start with http:// or https:// (at most 2000 characters).';
  }
  const note = f.note?.trim() || null;
  if (note !== null && note.length > 500) errors.note = 'Notes are at most 500 characters.';

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { minutes: minutes!, kind, network, date, link, note } };
}
