// Data out: entries as CSV (the person's own, by DM; everyone's, for operators), and the privacy switch.
import { DateTime } from 'luxon';
import type { Entry, Person } from '../core/model';
import { csvRow } from '../core/csv';
import type { IsoDate } from '../core/types';
import { ok, fail, type Outcome } from './result';
import type { Deps, FollowUp } from './ports';

export const ENTRY_COLUMNS = ['date', 'week', 'minutes', 'kind', 'network', 'link', 'note', 'source', 'logged_at'] as const;

function loggedAt(ms: number): string {
  return DateTime.fromMillis(ms, { zone: 'utc' }).toISO({ suppressMilliseconds: true }) ?? '';
}

export function entryCsvHeader(withPerson: boolean): string {
  return csvRow(withPerson ? ['person', ...ENTRY_COLUMNS] : [...ENTRY_COLUMNS]);
}

export function entryCsvLine(e: Entry, withPerson: boolean): string {
  const cells = [e.date, e.weekKey, e.minutes, e.kind, e.network, e.link, e.note, e.source, loggedAt(e.createdAt)];
  return csvRow(withPerson ? [e.personId, ...cells] : cells);
}

/**
 * `/ballast export`: the person's own entries, notes included (they are theirs), as a file in their
 * DM. The file is built here; `send` uploads it (three Web API calls), left to run after the ack.
 */
export async function exportOwnEntries(deps: Deps, person: Person): Promise<Outcome<{ count: number; filename: string; send: FollowUp }>> {
  const entries = await deps.store.entries.allOf(person.id);
  if (entries.length === 0) return fail('nothing_to_export', 'You have no entries to export yet.', '/ballast log 30m reply');
  const content = entryCsvHeader(false) + entries.map((e) => entryCsvLine(e, false)).join('');
  const today = DateTime.fromMillis(deps.clock.now(), { zone: person.tz }).toISODate();
  const filename = `ballast-entries-${today}.csv`;
  const send = async (): Promise<void> => {
    const channel = await deps.slack.openDm(person.id);
    await deps.slack.uploadFile(channel, {
      filename,
      title: 'Your Ballast entries',
      content,
      comment: `Your ${entries.length} Ballast ${entries.length === 1 ? 'entry' : 'entries'}, as CSV. Only you received this file.`,
    });
    deps.log.info({ userId: person.id, count: entries.length }, 'entries exported');
  };
  return ok({ count: entries.length, filename, send });
}

/** Every entry between two dates, one CSV line at a time, for the ops CLI. */
export async function* allEntriesCsv(deps: Deps, from: IsoDate, to: IsoDate): AsyncGenerator<string> {
  yield entryCsvHeader(true);
  for await (const e of deps.store.reporting.iterateEntries(from, to)) yield entryCsvLine(e, true);
}

export async function setShareStrain(deps: Deps, person: Person, on: boolean): Promise<Outcome<Person>> {
  await deps.store.people.setShareStrain(person.id, on);
  return ok((await deps.store.people.get(person.id))!);
}
