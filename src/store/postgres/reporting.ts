// Reads for digests, cost reports, roster and exports on PostgreSQL; mirrors src/store/reporting.ts.
// Lists of people and weeks travel as one text[] parameter (= ANY($1::text[])), whatever their length.
import { transaction, type Pg } from './db';
import { OPEN_STATES_SQL } from '../../core/limits';
import { lockPerson, upsertProfile } from './people';
import { termsRecorder } from './budgetHistory';
import { toEntry, type EntryRow } from '../entries';
import type { Entry, SlackProfile } from '../../core/model';
import type { IsoDate, Strain } from '../../core/types';
import type { DigestPerson, RosterTermsChange, RosterWrite, reportingStore } from '../reporting';
import { classifyPostgres } from './errors';

/** Rows an export reads per round trip: memory stays flat however many years it covers. */
const EXPORT_PAGE = 1000;

type DigestPersonRow = [string, string | null, string, string, number, number | null, boolean, boolean];
const toDigestPerson = (r: DigestPersonRow): DigestPerson => ({
  id: r[0], managerId: r[1], name: r[2], tz: r[3], weeklyHours: r[4], budgetMinutes: r[5], shareStrain: r[6], paused: r[7],
});

const DIGEST_PEOPLE_SQL = `SELECT id, manager_id, CASE WHEN real_name <> '' THEN real_name WHEN name <> '' THEN name ELSE id END AS display_name,
    tz, weekly_hours, budget_minutes, share_strain, paused
  FROM people WHERE active AND NOT deleted AND NOT is_bot`;

export function pgReportingStore({ pool }: Pg) {
  const rows = async <R>(text: string, values: unknown[]): Promise<R[]> =>
    (await pool.query({ text, values, rowMode: 'array' })).rows as R[];

  const store = {
    /** Minutes per person per week for the given weeks, in week order; `onlyFor` narrows to those people. */
    async eachWeekSum(
      weekKeys: readonly string[], onlyFor: readonly string[] | undefined,
      visit: (personId: string, weekKey: string, minutes: number) => void,
    ): Promise<void> {
      const sql = 'SELECT person_id, week_key, SUM(minutes) FROM entries WHERE week_key = ANY($1::text[])';
      const found = onlyFor !== undefined
        ? await rows<[string, string, number]>(`${sql} AND person_id = ANY($2::text[]) GROUP BY week_key, person_id ORDER BY week_key, person_id`, [weekKeys, onlyFor])
        : await rows<[string, string, number]>(`${sql} GROUP BY week_key, person_id ORDER BY week_key, person_id`, [weekKeys]);
      for (const row of found) visit(row[0], row[1], row[2]);
    },
    async eachRelationshipSum(
      weekKey: string, onlyFor: readonly string[] | undefined, visit: (personId: string, minutes: number) => void,
    ): Promise<void> {
      const sql = `SELECT person_id, SUM(minutes) FROM entries WHERE week_key = $1 AND kind IN ('respond', 'comment', 'share')`;
      const found = onlyFor !== undefined
        ? await rows<[string, number]>(`${sql} AND person_id = ANY($2::text[]) GROUP BY person_id ORDER BY person_id`, [weekKey, onlyFor])
        : await rows<[string, number]>(`${sql} GROUP BY person_id ORDER BY person_id`, [weekKey]);
      for (const row of found) visit(row[0], row[1]);
    },
    async eachStrain(weekKeys: readonly string[], visit: (personId: string, weekKey: string, answer: Strain) => void): Promise<void> {
      const found = await rows<[string, string, Strain]>(
        'SELECT person_id, week_key, answer FROM strain WHERE week_key = ANY($1::text[]) ORDER BY week_key, person_id', [weekKeys]);
      for (const row of found) visit(row[0], row[1], row[2]);
    },
    async digestPeople(): Promise<DigestPerson[]> {
      return (await rows<DigestPersonRow>(`${DIGEST_PEOPLE_SQL} ORDER BY id`, [])).map(toDigestPerson);
    },
    async digestReportsOf(managerId: string): Promise<DigestPerson[]> {
      return (await rows<DigestPersonRow>(`${DIGEST_PEOPLE_SQL} AND manager_id = $1 ORDER BY id`, [managerId])).map(toDigestPerson);
    },
    async assignmentCounts(weekKey: string): Promise<Map<string, { done: number; open: number }>> {
      const found = await rows<[string, number, number]>(`
        SELECT a.assignee_id,
               COUNT(*) FILTER (WHERE a.state = 'done' AND e.week_key = $1),
               COUNT(*) FILTER (WHERE a.state IN ${OPEN_STATES_SQL})
        FROM assignments a LEFT JOIN entries e ON e.id = a.entry_id
        GROUP BY a.assignee_id ORDER BY a.assignee_id`, [weekKey]);
      return new Map(found.map((r) => [r[0], { done: r[1], open: r[2] }]));
    },
    async reportingLines(): Promise<Map<string, string | null>> {
      return new Map(await rows<[string, string | null]>('SELECT id, manager_id FROM people ORDER BY id', []));
    },
    /**
     * Entries between two dates inclusive, in (date, person, id) order, read a page at a time by keyset
     * (no cursor to hold open, so a slow consumer pins no connection).
     */
    async *iterateEntries(from: IsoDate, to: IsoDate): AsyncGenerator<Entry> {
      let after: [string, string, number] | null = null;
      for (;;) {
        let page: EntryRow[];
        try {
          page = after === null
            ? (await pool.query<EntryRow>('SELECT * FROM entries WHERE date BETWEEN $1 AND $2 ORDER BY date, person_id, id LIMIT $3',
              [from, to, EXPORT_PAGE])).rows
            : (await pool.query<EntryRow>(`SELECT * FROM entries WHERE date BETWEEN $1 AND $2 AND (date, person_id, id) > ($4, $5, $6)
                ORDER BY date, person_id, id LIMIT $3`, [from, to, EXPORT_PAGE, ...after])).rows;
        } catch (e) {
          // An async iterable is not wrapped by pgClassified: each page classifies its own failure.
          throw classifyPostgres(e);
        }
        for (const r of page) yield toEntry(r);
        if (page.length < EXPORT_PAGE) return;
        const last = page[page.length - 1];
        after = [last.date, last.person_id, last.id];
      }
    },
    /** The roster in one transaction: profiles recorded, then every line written, or nothing at all. */
    async applyRoster(profiles: SlackProfile[], writes: RosterWrite[], by: string, now: number): Promise<RosterTermsChange[]> {
      return transaction(pool, async (c) => {
        for (const p of profiles) await upsertProfile(c, p, now);
        const changed: RosterTermsChange[] = [];
        for (const w of writes) {
          // Locked as in people.setHours, so a concurrent change of the same person's terms waits.
          await lockPerson(c, w.personId);
          const before = (await c.query<{ weeklyHours: number; budgetMinutes: number | null }>(
            'SELECT weekly_hours AS "weeklyHours", budget_minutes AS "budgetMinutes" FROM people WHERE id = $1', [w.personId])).rows[0];
          if (!before) throw new Error(`roster line for ${w.personId}, who is not in the people table`);
          const changes = before.weeklyHours !== w.weeklyHours || before.budgetMinutes !== w.budgetMinutes;
          if (changes) await termsRecorder.before(c, w.personId);
          await c.query(`UPDATE people SET manager_id = $2, weekly_hours = $3, role = $4, budget_minutes = $5::integer,
              budget_set_by = CASE WHEN $5::integer IS NULL THEN NULL ELSE $6 END,
              budget_set_at = CASE WHEN $5::integer IS NULL THEN NULL ELSE $7::bigint END
            WHERE id = $1`, [w.personId, w.managerId, w.weeklyHours, w.role, w.budgetMinutes, by, now]);
          if (changes) {
            await termsRecorder.after(c, w.personId, { fromWeek: w.fromWeek, by, now });
            changed.push({ personId: w.personId, before });
          }
        }
        return changed;
      });
    },
  };
  type Sqlite = ReturnType<typeof reportingStore>;
  // The one planned difference from SQLite: exports stream asynchronously (issue 11, point 1).
  return store satisfies Omit<Sqlite, 'iterateEntries'> & { iterateEntries(from: IsoDate, to: IsoDate): AsyncIterable<Entry> };
}
