// The effective-dated history of budgets, contracted hours and the org's budget percent
// (migrations/0003_budget_history.sql). Writes happen inside the people, settings and roster writes.
import type { Db } from './db';
import { FROM_THE_START, type BudgetTerms, type PercentChange } from '../core/budgetHistory';
import type { TermsChange } from '../core/records';

export type { TermsChange } from '../core/records';

type TermsRow = [personId: string, weekKey: string, budgetMinutes: number | null, budgetSetBy: string | null,
  weeklyHours: number, changedBy: string | null, changedAt: number];

const toTerms = (r: TermsRow): BudgetTerms => ({
  weekKey: r[1], budgetMinutes: r[2], budgetSetBy: r[3], weeklyHours: r[4], changedBy: r[5], changedAt: r[6],
});

/** Larger lists of people are cheaper to filter in memory than to pass to SQLite as a JSON array. */
const FILTER_LIMIT = 1000;

/**
 * Statements that record a change of a person's terms; the caller runs `before`, updates the people
 * row, then runs `after`, all inside one transaction.
 */
export function termsRecorder(db: Db) {
  // A person who never had a recorded change gets their values until now as "from the beginning",
  // so the weeks before this change keep them (people created after the migration have no row yet).
  const start = db.prepare(`INSERT OR IGNORE INTO budget_history
      (person_id, week_key, budget_minutes, budget_set_by, weekly_hours, changed_by, changed_at)
    SELECT id, '${FROM_THE_START}', budget_minutes, budget_set_by, weekly_hours, NULL, 0 FROM people
    WHERE id = ? AND NOT EXISTS (SELECT 1 FROM budget_history WHERE person_id = people.id)`);
  // The row for the week the change takes effect from holds the person's values after it; a second
  // change in the same (still running) week replaces it.
  const record = db.prepare(`INSERT INTO budget_history
      (person_id, week_key, budget_minutes, budget_set_by, weekly_hours, changed_by, changed_at)
    SELECT id, @fromWeek, budget_minutes, budget_set_by, weekly_hours, @by, @now FROM people WHERE id = @id
    ON CONFLICT (person_id, week_key) DO UPDATE SET budget_minutes = excluded.budget_minutes,
      budget_set_by = excluded.budget_set_by, weekly_hours = excluded.weekly_hours,
      changed_by = excluded.changed_by, changed_at = excluded.changed_at`);
  return {
    before(id: string): void {
      start.run(id);
    },
    after(id: string, change: TermsChange): void {
      record.run({ id, ...change });
    },
  };
}

export function budgetHistoryStore(db: Db) {
  const ofPerson = db.prepare<[string], TermsRow>(`SELECT person_id, week_key, budget_minutes, budget_set_by,
      weekly_hours, changed_by, changed_at FROM budget_history WHERE person_id = ? ORDER BY week_key`).raw();
  type UpToRow = [personId: string, weekKey: string, budgetMinutes: number | null, weeklyHours: number];
  const upToSql = 'SELECT person_id, week_key, budget_minutes, weekly_hours FROM budget_history WHERE week_key <= ?';
  const upToAll = db.prepare<[string], UpToRow>(`${upToSql} ORDER BY week_key`).raw();
  const upToOf = db.prepare<[string, string], UpToRow>(
    `${upToSql} AND person_id IN (SELECT value FROM json_each(?)) ORDER BY week_key`).raw();
  const percents = db.prepare<[], [number, number]>(
    'SELECT changed_at, budget_percent FROM budget_percent_history ORDER BY changed_at, id').raw();

  return {
    /** A person's history, oldest first; empty when nothing was ever recorded for them. */
    async ofPerson(personId: string): Promise<BudgetTerms[]> {
      return ofPerson.all(personId).map(toTerms);
    },
    /**
     * Every history row in effect up to `week`, in week order (so a later row for the same person
     * comes after an earlier one), handed to `visit` one by one: digests read these for the whole
     * organisation. `onlyFor` narrows to a few people; `visit` may see others.
     */
    async eachUpTo(
      week: string, onlyFor: readonly string[] | undefined,
      visit: (personId: string, weekKey: string, budgetMinutes: number | null, weeklyHours: number) => void,
    ): Promise<void> {
      const rows = onlyFor !== undefined && onlyFor.length <= FILTER_LIMIT
        ? upToOf.iterate(week, JSON.stringify(onlyFor))
        : upToAll.iterate(week);
      for (const r of rows) visit(r[0], r[1], r[2], r[3]);
    },
    /** Every change of the org's budget percent, oldest first. */
    async percentChanges(): Promise<PercentChange[]> {
      return percents.all().map((r) => ({ at: r[0], percent: r[1] }));
    },
  };
}

export type BudgetHistoryStore = ReturnType<typeof budgetHistoryStore>;
