// Reads for digests, cost reports, roster and exports: weekly sums (never entry by entry), strain,
// assignment counts, the reporting lines, and the roster written in one transaction.
import type { Db } from './db';
import type { Entry, SlackProfile } from '../core/model';
import type { IsoDate, Kind, Network, Role, Source, Strain } from '../core/types';

export interface WeekSumRow {
  personId: string;
  weekKey: string;
  minutes: number;
  relationship: number;
}

export interface RosterWrite {
  personId: string;
  managerId: string | null;
  weeklyHours: number;
  budgetMinutes: number | null;
  role: Role;
}

interface EntryRow {
  id: number; person_id: string; minutes: number; kind: Kind; network: Network | null; link: string | null;
  note: string | null; date: string; week_key: string; source: Source; assignment_id: number | null;
  created_at: number;
}

const toEntry = (r: EntryRow): Entry => ({
  id: r.id, personId: r.person_id, minutes: r.minutes, kind: r.kind, network: r.network, link: r.link,
  note: r.note, date: r.date, weekKey: r.week_key, source: r.source, assignmentId: r.assignment_id,
  createdAt: r.created_at,
});

/** Larger lists of people are cheaper to filter in memory than to pass to SQLite as a JSON array. */
const FILTER_LIMIT = 1000;

export function reportingStore(db: Db) {
  const sumSql = `SELECT person_id AS personId, week_key AS weekKey, SUM(minutes) AS minutes,
      SUM(CASE WHEN kind IN ('respond', 'comment', 'share') THEN minutes ELSE 0 END) AS relationship
    FROM entries WHERE week_key IN (SELECT value FROM json_each(?))`;
  const sumsAll = db.prepare<[string], WeekSumRow>(`${sumSql} GROUP BY week_key, person_id`);
  const sumsOf = db.prepare<[string, string], WeekSumRow>(
    `${sumSql} AND person_id IN (SELECT value FROM json_each(?)) GROUP BY week_key, person_id`);
  const strainIn = db.prepare<[string], { personId: string; weekKey: string; answer: Strain }>(
    'SELECT person_id AS personId, week_key AS weekKey, answer FROM strain WHERE week_key IN (SELECT value FROM json_each(?))');
  const assignmentCounts = db.prepare<[string], { personId: string; done: number; open: number }>(`
    SELECT a.assignee_id AS personId,
           SUM(CASE WHEN a.state = 'done' AND e.week_key = ? THEN 1 ELSE 0 END) AS done,
           SUM(CASE WHEN a.state IN ('offered', 'accepted') THEN 1 ELSE 0 END) AS open
    FROM assignments a LEFT JOIN entries e ON e.id = a.entry_id
    GROUP BY a.assignee_id`);
  const lines = db.prepare<[], { id: string; managerId: string | null }>('SELECT id, manager_id AS managerId FROM people');
  const entriesBetween = db.prepare<[string, string], EntryRow>(
    'SELECT * FROM entries WHERE date BETWEEN ? AND ? ORDER BY date, person_id, id');
  const upsertProfile = db.prepare(`
    INSERT INTO people (id, team_id, name, real_name, email, tz, is_bot, deleted, active, status_text,
                        status_emoji, status_expiration, refreshed_at, created_at)
    VALUES (@id, @teamId, @name, @realName, @email, @tz, @isBot, @deleted, @active, @statusText,
            @statusEmoji, @statusExpiration, @now, @now)
    ON CONFLICT(id) DO UPDATE SET
      team_id = excluded.team_id, name = excluded.name, real_name = excluded.real_name,
      email = excluded.email, tz = excluded.tz, is_bot = excluded.is_bot, deleted = excluded.deleted,
      active = excluded.active, status_text = excluded.status_text, status_emoji = excluded.status_emoji,
      status_expiration = excluded.status_expiration, refreshed_at = excluded.refreshed_at`);
  const writeLine = db.prepare(`UPDATE people SET manager_id = @managerId, weekly_hours = @weeklyHours, role = @role,
      budget_minutes = @budgetMinutes, budget_set_by = CASE WHEN @budgetMinutes IS NULL THEN NULL ELSE @by END,
      budget_set_at = CASE WHEN @budgetMinutes IS NULL THEN NULL ELSE @now END
    WHERE id = @personId`);
  const applyRoster = db.transaction((profiles: SlackProfile[], writes: RosterWrite[], by: string, now: number) => {
    for (const p of profiles) {
      upsertProfile.run({ ...p, isBot: p.isBot ? 1 : 0, deleted: p.deleted ? 1 : 0, active: p.deleted ? 0 : 1, now });
    }
    // Managers first lose nothing: foreign keys are checked per statement, and every id was upserted above.
    for (const w of writes) writeLine.run({ ...w, by, now });
  });

  return {
    /** Minutes and relationship minutes per person per week, for the given weeks (and people, if given). */
    async weekSums(weekKeys: readonly string[], personIds?: readonly string[]): Promise<WeekSumRow[]> {
      const keys = JSON.stringify(weekKeys);
      if (personIds && personIds.length <= FILTER_LIMIT) return sumsOf.all(keys, JSON.stringify(personIds));
      const rows = sumsAll.all(keys);
      if (!personIds) return rows;
      const wanted = new Set(personIds);
      return rows.filter((r) => wanted.has(r.personId));
    },
    async strainIn(weekKeys: readonly string[]): Promise<{ personId: string; weekKey: string; answer: Strain }[]> {
      return strainIn.all(JSON.stringify(weekKeys));
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
    *iterateEntries(from: IsoDate, to: IsoDate): Generator<Entry> {
      for (const r of entriesBetween.iterate(from, to)) yield toEntry(r);
    },
    /** The roster in one transaction: Slack profiles recorded, then every line written, or nothing at all. */
    async applyRoster(profiles: SlackProfile[], writes: RosterWrite[], by: string, now: number): Promise<void> {
      applyRoster.immediate(profiles, writes, by, now);
    },
  };
}

export type ReportingStore = ReturnType<typeof reportingStore>;
