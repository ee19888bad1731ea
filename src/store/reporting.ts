// Reads for digests, cost reports, roster and exports: weekly sums (never entry by entry), strain,
// assignment counts, the reporting lines, and the roster written in one transaction.
import Database from 'better-sqlite3';
import type { Db } from './db';
import { OPEN_STATES_SQL } from '../core/limits';
import { UPSERT_PROFILE_SQL } from './people';
import { termsRecorder } from './budgetHistory';
import { toEntry, type EntryRow } from './entries';
import type { Entry, SlackProfile } from '../core/model';
import type { DigestPerson, RosterTermsChange, RosterWrite } from '../core/records';
import { classify } from './errors';
import type { IsoDate, Strain } from '../core/types';

type WeekSumRow = [personId: string, weekKey: string, minutes: number];

export type { DigestPerson, RosterTermsChange, RosterWrite } from '../core/records';

type DigestPersonRow = [string, string | null, string, string, number, number | null, number, number];
const toDigestPerson = (r: DigestPersonRow): DigestPerson => ({
  id: r[0], managerId: r[1], name: r[2], tz: r[3], weeklyHours: r[4], budgetMinutes: r[5], shareStrain: r[6] === 1,
  paused: r[7] === 1,
});

const ENTRIES_BETWEEN_SQL = 'SELECT * FROM entries WHERE date BETWEEN ? AND ? ORDER BY date, person_id, id';

/** Larger lists of people are cheaper to filter in memory than to pass to SQLite as a JSON array. */
const FILTER_LIMIT = 1000;

export function reportingStore(db: Db) {
  const sumSql = 'SELECT person_id, week_key, SUM(minutes) FROM entries WHERE week_key IN (SELECT value FROM json_each(?))';
  // Relationship minutes are shown for one week only, so they are summed over that week's rows alone.
  const relSql = `SELECT person_id, SUM(minutes) FROM entries
    WHERE week_key = ? AND kind IN ('respond', 'comment', 'share')`;
  const relAll = db.prepare<[string], [string, number]>(`${relSql} GROUP BY person_id`).raw();
  const relOf = db.prepare<[string, string], [string, number]>(
    `${relSql} AND person_id IN (SELECT value FROM json_each(?)) GROUP BY person_id`).raw();
  const sumsAll = db.prepare<[string], WeekSumRow>(`${sumSql} GROUP BY week_key, person_id`).raw();
  const sumsOf = db.prepare<[string, string], WeekSumRow>(
    `${sumSql} AND person_id IN (SELECT value FROM json_each(?)) GROUP BY week_key, person_id`).raw();
  const strainIn = db.prepare<[string], [string, string, Strain]>(
    'SELECT person_id, week_key, answer FROM strain WHERE week_key IN (SELECT value FROM json_each(?))').raw();
  const digestPeopleSql = `SELECT id, manager_id, CASE WHEN real_name <> '' THEN real_name WHEN name <> '' THEN name ELSE id END,
      tz, weekly_hours, budget_minutes, share_strain, paused
    FROM people WHERE active = 1 AND deleted = 0 AND is_bot = 0`;
  const digestPeople = db.prepare<[], DigestPersonRow>(digestPeopleSql).raw();
  const digestReports = db.prepare<[string], DigestPersonRow>(`${digestPeopleSql} AND manager_id = ? ORDER BY id`).raw();
  const assignmentCounts = db.prepare<[string], { personId: string; done: number; open: number }>(`
    SELECT a.assignee_id AS personId,
           SUM(CASE WHEN a.state = 'done' AND e.week_key = ? THEN 1 ELSE 0 END) AS done,
           SUM(CASE WHEN a.state IN ${OPEN_STATES_SQL} THEN 1 ELSE 0 END) AS open
    FROM assignments a LEFT JOIN entries e ON e.id = a.entry_id
    GROUP BY a.assignee_id`);
  const lines = db.prepare<[], { id: string; managerId: string | null }>('SELECT id, manager_id AS managerId FROM people');
  const upsertProfile = db.prepare(UPSERT_PROFILE_SQL);
  const writeLine = db.prepare(`UPDATE people SET manager_id = @managerId, weekly_hours = @weeklyHours, role = @role,
      budget_minutes = @budgetMinutes, budget_set_by = CASE WHEN @budgetMinutes IS NULL THEN NULL ELSE @by END,
      budget_set_at = CASE WHEN @budgetMinutes IS NULL THEN NULL ELSE @now END
    WHERE id = @personId`);
  const termsOf = db.prepare<[string], { weeklyHours: number; budgetMinutes: number | null }>(
    'SELECT weekly_hours AS weeklyHours, budget_minutes AS budgetMinutes FROM people WHERE id = ?');
  const terms = termsRecorder(db);
  const applyRoster = db.transaction((profiles: SlackProfile[], writes: RosterWrite[], by: string, now: number) => {
    for (const p of profiles) {
      upsertProfile.run({ ...p, isBot: p.isBot ? 1 : 0, deleted: p.deleted ? 1 : 0, active: p.deleted ? 0 : 1, now });
    }
    const changed: RosterTermsChange[] = [];
    // Managers first lose nothing: foreign keys are checked per statement, and every id was upserted above.
    for (const w of writes) {
      const before = termsOf.get(w.personId)!;
      const changes = before.weeklyHours !== w.weeklyHours || before.budgetMinutes !== w.budgetMinutes;
      // Hours and budgets have a history: a change holds from the person's current week on.
      if (changes) terms.before(w.personId);
      writeLine.run({ ...w, by, now });
      if (changes) {
        terms.after(w.personId, { fromWeek: w.fromWeek, by, now });
        changed.push({ personId: w.personId, before });
      }
    }
    return changed;
  });

  return {
    /**
     * Minutes per person per week, for the given weeks, handed to `visit` row by row in week order: a
     * Monday's digests read 100,000s of these, and holding them all as objects would cost more memory
     * than the digests themselves. `onlyFor` narrows the query to a few people (one team); for many,
     * reading everyone's rows and skipping the rest is cheaper, so `visit` may see others.
     */
    async eachWeekSum(
      weekKeys: readonly string[], onlyFor: readonly string[] | undefined,
      visit: (personId: string, weekKey: string, minutes: number) => void,
    ): Promise<void> {
      const keys = JSON.stringify(weekKeys);
      const rows = onlyFor !== undefined && onlyFor.length <= FILTER_LIMIT
        ? sumsOf.iterate(keys, JSON.stringify(onlyFor))
        : sumsAll.iterate(keys);
      // Indexing beats destructuring here: this loop runs once per person-week of the whole organisation.
      for (const row of rows) visit(row[0], row[1], row[2]);
    },
    /** Minutes of relationship work (respond, comment, share) per person in one week; `onlyFor` as above. */
    async eachRelationshipSum(
      weekKey: string, onlyFor: readonly string[] | undefined, visit: (personId: string, minutes: number) => void,
    ): Promise<void> {
      const rows = onlyFor !== undefined && onlyFor.length <= FILTER_LIMIT
        ? relOf.iterate(weekKey, JSON.stringify(onlyFor))
        : relAll.iterate(weekKey);
      for (const row of rows) visit(row[0], row[1]);
    },
    /** Strain answers for the given weeks, row by row. */
    async eachStrain(weekKeys: readonly string[], visit: (personId: string, weekKey: string, answer: Strain) => void): Promise<void> {
      for (const row of strainIn.iterate(JSON.stringify(weekKeys))) visit(row[0], row[1], row[2]);
    },
    /** Everyone Ballast can still reach (active, not deleted, not a bot), slim. */
    async digestPeople(): Promise<DigestPerson[]> {
      return digestPeople.all().map(toDigestPerson);
    },
    /** One manager's reachable direct reports, slim. */
    async digestReportsOf(managerId: string): Promise<DigestPerson[]> {
      return digestReports.all(managerId).map(toDigestPerson);
    },
    /** Per assignee: assignments done with their time logged in `weekKey`, and those open now. */
    async assignmentCounts(weekKey: string): Promise<Map<string, { done: number; open: number }>> {
      return new Map(assignmentCounts.all(weekKey).map((r) => [r.personId, { done: r.done, open: r.open }]));
    },
    /** Every person's manager (null at the top), for loop checks. */
    async reportingLines(): Promise<Map<string, string | null>> {
      return new Map(lines.all().map((r) => [r.id, r.managerId]));
    },
    /** Entries between two dates inclusive, read lazily so an export of years does not fill memory. */
    async *iterateEntries(from: IsoDate, to: IsoDate): AsyncGenerator<Entry> {
      // The rows are stepped lazily across awaits, and better-sqlite3 refuses any other statement on a
      // connection while one is being stepped: the export reads on a connection of its own (one WAL
      // snapshot), so requests served meanwhile are not refused. An in-memory database has no second
      // connection; there the caller's own is used.
      const own = db.memory ? undefined : new Database(db.name, { readonly: true, fileMustExist: true });
      try {
        const rows = (own ?? db).prepare<[string, string], EntryRow>(ENTRIES_BETWEEN_SQL).iterate(from, to);
        for (const r of rows) yield toEntry(r);
      } catch (e) {
        throw classify(e);
      } finally {
        own?.close();
      }
    },
    /**
     * The roster in one transaction: Slack profiles recorded, then every line written, or nothing at all.
     * Returns the people whose hours or budget it changed.
     */
    async applyRoster(profiles: SlackProfile[], writes: RosterWrite[], by: string, now: number): Promise<RosterTermsChange[]> {
      return applyRoster.immediate(profiles, writes, by, now);
    },
  };
}

export type ReportingStore = ReturnType<typeof reportingStore>;
