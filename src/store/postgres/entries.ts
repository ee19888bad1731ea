// Engagement entries on PostgreSQL; mirrors src/store/entries.ts.
import { isRowId, transaction, type Pg } from './db';
import type { Entry, NewEntry } from '../../core/model';
import type { IsoDate, Kind } from '../../core/types';
import { toEntry, type EntryPatch, type EntryRow, type entriesStore } from '../entries';

export { toEntry, type EntryRow };

export function pgEntriesStore({ pool }: Pg) {
  const list = async (sql: string, values: unknown[]) => (await pool.query<EntryRow>(sql, values)).rows.map(toEntry);
  const one = async (sql: string, values: unknown[]) => {
    const r = (await pool.query<EntryRow>(sql, values)).rows[0];
    return r ? toEntry(r) : undefined;
  };

  const store = {
    /** Insert; with a dedupe key already used, returns the earlier entry and created = false. */
    async add(e: NewEntry, now: number): Promise<{ entry: Entry; created: boolean }> {
      const values = [e.personId, e.minutes, e.kind, e.network ?? null, e.link ?? null, e.note ?? null, e.date, e.weekKey,
        e.source, e.assignmentId ?? null, e.dedupeKey ?? null, now];
      // DO NOTHING waits for a concurrent insert of the same key to commit, so the read below finds it.
      const r = await pool.query<EntryRow>(`
        INSERT INTO entries (person_id, minutes, kind, network, link, note, date, week_key, source, assignment_id,
                             dedupe_key, created_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
        ON CONFLICT (dedupe_key) DO NOTHING
        RETURNING *`, values);
      if (r.rows.length === 1) return { entry: toEntry(r.rows[0]), created: true };
      const earlier = await one('SELECT * FROM entries WHERE dedupe_key = $1', [e.dedupeKey]);
      // Only possible if the first entry was removed in between: nothing of either is left to return.
      if (!earlier) throw new Error('entry with this dedupe key was removed while it was being logged again');
      return { entry: earlier, created: false };
    },
    async get(id: number): Promise<Entry | undefined> {
      if (!isRowId(id)) return undefined;
      return one('SELECT * FROM entries WHERE id = $1', [id]);
    },
    async latestOf(personId: string): Promise<Entry | undefined> {
      return one('SELECT * FROM entries WHERE person_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1', [personId]);
    },
    /** As on SQLite: an assignment done with this entry stays done and loses only its link to it. */
    async remove(id: number, personId: string): Promise<boolean> {
      if (!isRowId(id)) return false;
      return transaction(pool, async (c) => {
        await c.query(`UPDATE assignments SET entry_id = NULL
          WHERE entry_id = $1 AND EXISTS (SELECT 1 FROM entries WHERE id = $1 AND person_id = $2)`, [id, personId]);
        return (await c.query('DELETE FROM entries WHERE id = $1 AND person_id = $2', [id, personId])).rowCount === 1;
      });
    },
    async updateOwned(id: number, personId: string, patch: EntryPatch): Promise<Entry | undefined> {
      if (!isRowId(id)) return undefined;
      return one(`
        UPDATE entries SET minutes = $3, kind = $4, network = $5, link = $6, note = $7, date = $8, week_key = $9
        WHERE id = $1 AND person_id = $2 RETURNING *`,
      [id, personId, patch.minutes, patch.kind, patch.network, patch.link, patch.note, patch.date, patch.weekKey]);
    },
    async recentOf(personId: string, from: IsoDate, to: IsoDate): Promise<Entry[]> {
      return list('SELECT * FROM entries WHERE person_id = $1 AND date BETWEEN $2 AND $3 ORDER BY date DESC, created_at DESC, id DESC',
        [personId, from, to]);
    },
    async between(personId: string, from: IsoDate, to: IsoDate): Promise<Entry[]> {
      return list('SELECT * FROM entries WHERE person_id = $1 AND date BETWEEN $2 AND $3 ORDER BY date, created_at, id',
        [personId, from, to]);
    },
    async totalsBetween(personId: string, from: IsoDate, to: IsoDate): Promise<{ date: IsoDate; kind: Kind; minutes: number }[]> {
      const r = await pool.query<{ date: IsoDate; kind: Kind; minutes: number }>(
        'SELECT date, kind, SUM(minutes) AS minutes FROM entries WHERE person_id = $1 AND date BETWEEN $2 AND $3 GROUP BY date, kind',
        [personId, from, to]);
      return r.rows;
    },
    async minutesBetween(personId: string, from: IsoDate, to: IsoDate): Promise<number> {
      const r = await pool.query<{ m: number }>(
        'SELECT COALESCE(SUM(minutes), 0) AS m FROM entries WHERE person_id = $1 AND date BETWEEN $2 AND $3', [personId, from, to]);
      return r.rows[0].m;
    },
    async hasEntryOn(personId: string, date: IsoDate): Promise<boolean> {
      const r = await pool.query('SELECT 1 FROM entries WHERE person_id = $1 AND date = $2 LIMIT 1', [personId, date]);
      return r.rows.length > 0;
    },
    async lastDateOf(personId: string): Promise<IsoDate | null> {
      const r = await pool.query<{ d: string | null }>('SELECT MAX(date) AS d FROM entries WHERE person_id = $1', [personId]);
      return r.rows[0].d;
    },
    async allBetween(from: IsoDate, to: IsoDate): Promise<Entry[]> {
      return list('SELECT * FROM entries WHERE date BETWEEN $1 AND $2 ORDER BY date, person_id, id', [from, to]);
    },
    async allOf(personId: string): Promise<Entry[]> {
      return list('SELECT * FROM entries WHERE person_id = $1 ORDER BY date, id', [personId]);
    },
  };
  return store satisfies ReturnType<typeof entriesStore>;
}
