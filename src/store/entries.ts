// Engagement entries: the minutes people log.
import type { Db } from './db';
import type { Entry, NewEntry } from '../core/model';
import type { EntryPatch } from '../core/records';
import type { IsoDate, Kind, Network, Source } from '../core/types';

export interface EntryRow {
  id: number; person_id: string; minutes: number; kind: Kind; network: Network | null; link: string | null;
  note: string | null; date: string; week_key: string; source: Source; assignment_id: number | null;
  created_at: number;
}

export const toEntry = (r: EntryRow): Entry => ({
  id: r.id, personId: r.person_id, minutes: r.minutes, kind: r.kind, network: r.network, link: r.link,
  note: r.note, date: r.date, weekKey: r.week_key, source: r.source, assignmentId: r.assignment_id,
  createdAt: r.created_at,
});

export type { EntryPatch } from '../core/records';

/**
 * The one way an entry is inserted (entries.add and assignments.completeWithEntry, inside its
 * transaction): with a dedupe key already used, the earlier entry comes back and created is false.
 */
export function entryInserter(db: Db): (e: NewEntry, now: number) => { entry: Entry; created: boolean } {
  const insert = db.prepare(`
    INSERT INTO entries (person_id, minutes, kind, network, link, note, date, week_key, source, assignment_id,
                         dedupe_key, created_at)
    VALUES (@personId, @minutes, @kind, @network, @link, @note, @date, @weekKey, @source, @assignmentId,
            @dedupeKey, @createdAt)
    ON CONFLICT(dedupe_key) DO NOTHING`);
  const byDedupe = db.prepare<[string], EntryRow>('SELECT * FROM entries WHERE dedupe_key = ?');
  return (e, now) => {
    const row = {
      personId: e.personId, minutes: e.minutes, kind: e.kind, network: e.network ?? null,
      link: e.link ?? null, note: e.note ?? null, date: e.date, weekKey: e.weekKey, source: e.source,
      assignmentId: e.assignmentId ?? null, dedupeKey: e.dedupeKey ?? null, createdAt: now,
    };
    const info = insert.run(row);
    if (info.changes === 1) {
      const { dedupeKey: _key, ...entry } = row;
      return { entry: { id: Number(info.lastInsertRowid), ...entry }, created: true };
    }
    return { entry: toEntry(byDedupe.get(e.dedupeKey!)!), created: false };
  };
}

export function entriesStore(db: Db) {
  const insert = entryInserter(db);
  const byId = db.prepare<[number], EntryRow>('SELECT * FROM entries WHERE id = ?');
  const latest = db.prepare<[string], EntryRow>('SELECT * FROM entries WHERE person_id = ? ORDER BY created_at DESC, id DESC LIMIT 1');
  const remove = db.prepare('DELETE FROM entries WHERE id = ? AND person_id = ?');
  // An assignment marked done points at the entry its minutes were logged as: removing that entry
  // keeps the assignment done (with its minutes) and drops only the link to the entry.
  const unlinkAssignment = db.prepare(`UPDATE assignments SET entry_id = NULL
    WHERE entry_id = ? AND EXISTS (SELECT 1 FROM entries WHERE id = ? AND person_id = ?)`);
  const removeOwned = db.transaction((id: number, personId: string): boolean => {
    unlinkAssignment.run(id, id, personId);
    return remove.run(id, personId).changes === 1;
  });
  const inRange = db.prepare<[string, string, string], EntryRow>(
    'SELECT * FROM entries WHERE person_id = ? AND date BETWEEN ? AND ? ORDER BY date, created_at, id');
  const minutesInRange = db.prepare<[string, string, string], { m: number }>(
    'SELECT COALESCE(SUM(minutes), 0) AS m FROM entries WHERE person_id = ? AND date BETWEEN ? AND ?');
  const totals = db.prepare<[string, string, string], { date: string; kind: Kind; minutes: number }>(
    'SELECT date, kind, SUM(minutes) AS minutes FROM entries WHERE person_id = ? AND date BETWEEN ? AND ? GROUP BY date, kind');
  const anyOn = db.prepare<[string, string], { n: number }>(
    'SELECT COUNT(*) AS n FROM entries WHERE person_id = ? AND date = ?');
  const lastDate = db.prepare<[string], { d: string | null }>('SELECT MAX(date) AS d FROM entries WHERE person_id = ?');
  const all = db.prepare<[string, string], EntryRow>(
    'SELECT * FROM entries WHERE date BETWEEN ? AND ? ORDER BY date, person_id, id');
  const ofPerson = db.prepare<[string], EntryRow>('SELECT * FROM entries WHERE person_id = ? ORDER BY date, id');
  const recent = db.prepare<[string, string, string], EntryRow>(
    'SELECT * FROM entries WHERE person_id = ? AND date BETWEEN ? AND ? ORDER BY date DESC, created_at DESC, id DESC');
  const update = db.prepare(`
    UPDATE entries SET minutes = @minutes, kind = @kind, network = @network, link = @link, note = @note,
                       date = @date, week_key = @weekKey
    WHERE id = @id AND person_id = @personId`);

  return {
    /** Insert; with a dedupe key already used, returns the earlier entry and created = false. */
    async add(e: NewEntry, now: number): Promise<{ entry: Entry; created: boolean }> {
      return insert(e, now);
    },
    async get(id: number): Promise<Entry | undefined> {
      const r = byId.get(id);
      return r ? toEntry(r) : undefined;
    },
    async latestOf(personId: string): Promise<Entry | undefined> {
      const r = latest.get(personId);
      return r ? toEntry(r) : undefined;
    },
    /** Remove one of the person's own entries; false if it was not theirs or already gone. */
    async remove(id: number, personId: string): Promise<boolean> {
      return removeOwned.immediate(id, personId);
    },
    /**
     * Change one of the person's own entries (what was logged, not who or how); the week key moves with
     * the date. Undefined if it was not theirs or is gone.
     */
    async updateOwned(id: number, personId: string, patch: EntryPatch): Promise<Entry | undefined> {
      const changed = update.run({
        id, personId, minutes: patch.minutes, kind: patch.kind, network: patch.network, link: patch.link,
        note: patch.note, date: patch.date, weekKey: patch.weekKey,
      }).changes === 1;
      return changed ? toEntry(byId.get(id)!) : undefined;
    },
    /** The person's entries dated between `from` and `to`, newest first. */
    async recentOf(personId: string, from: IsoDate, to: IsoDate): Promise<Entry[]> {
      return recent.all(personId, from, to).map(toEntry);
    },
    async between(personId: string, from: IsoDate, to: IsoDate): Promise<Entry[]> {
      return inRange.all(personId, from, to).map(toEntry);
    },
    /** Minutes per date and kind: what a week view needs, without loading every entry. */
    async totalsBetween(personId: string, from: IsoDate, to: IsoDate): Promise<{ date: IsoDate; kind: Kind; minutes: number }[]> {
      return totals.all(personId, from, to);
    },
    async minutesBetween(personId: string, from: IsoDate, to: IsoDate): Promise<number> {
      return minutesInRange.get(personId, from, to)!.m;
    },
    async hasEntryOn(personId: string, date: IsoDate): Promise<boolean> {
      return anyOn.get(personId, date)!.n > 0;
    },
    async lastDateOf(personId: string): Promise<IsoDate | null> {
      return lastDate.get(personId)!.d;
    },
    async allBetween(from: IsoDate, to: IsoDate): Promise<Entry[]> {
      return all.all(from, to).map(toEntry);
    },
    async allOf(personId: string): Promise<Entry[]> {
      return ofPerson.all(personId).map(toEntry);
    },
  };
}

export type EntriesStore = ReturnType<typeof entriesStore>;
