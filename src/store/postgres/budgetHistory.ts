// The effective-dated history of budgets, hours and the budget percent on PostgreSQL; mirrors
// src/store/budgetHistory.ts (which says what each row means).
import type { PoolClient } from 'pg';
import type { Pg } from './db';
import { FROM_THE_START, type BudgetTerms, type PercentChange } from '../../core/budgetHistory';
import type { TermsChange, budgetHistoryStore } from '../budgetHistory';

/**
 * Statements recording a change of a person's terms, run by the caller inside its transaction:
 * `before`, the people row update, then `after`. The caller holds the person's row lock (FOR UPDATE),
 * so two changes to one person's terms never interleave.
 */
export const termsRecorder = {
  async before(c: PoolClient, id: string): Promise<void> {
    await c.query(`INSERT INTO budget_history
        (person_id, week_key, budget_minutes, budget_set_by, weekly_hours, changed_by, changed_at)
      SELECT id, '${FROM_THE_START}', budget_minutes, budget_set_by, weekly_hours, NULL, 0 FROM people
      WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM budget_history WHERE person_id = people.id)
      ON CONFLICT DO NOTHING`, [id]);
  },
  async after(c: PoolClient, id: string, change: TermsChange): Promise<void> {
    await c.query(`INSERT INTO budget_history
        (person_id, week_key, budget_minutes, budget_set_by, weekly_hours, changed_by, changed_at)
      SELECT id, $2, budget_minutes, budget_set_by, weekly_hours, $3, $4 FROM people WHERE id = $1
      ON CONFLICT (person_id, week_key) DO UPDATE SET budget_minutes = excluded.budget_minutes,
        budget_set_by = excluded.budget_set_by, weekly_hours = excluded.weekly_hours,
        changed_by = excluded.changed_by, changed_at = excluded.changed_at`, [id, change.fromWeek, change.by, change.now]);
  },
};

interface TermsRow {
  week_key: string; budget_minutes: number | null; budget_set_by: string | null; weekly_hours: number;
  changed_by: string | null; changed_at: number;
}

export function pgBudgetHistoryStore({ pool }: Pg) {
  const store = {
    async ofPerson(personId: string): Promise<BudgetTerms[]> {
      const r = await pool.query<TermsRow>(`SELECT week_key, budget_minutes, budget_set_by, weekly_hours, changed_by, changed_at
        FROM budget_history WHERE person_id = $1 ORDER BY week_key`, [personId]);
      return r.rows.map((t) => ({
        weekKey: t.week_key, budgetMinutes: t.budget_minutes, budgetSetBy: t.budget_set_by, weeklyHours: t.weekly_hours,
        changedBy: t.changed_by, changedAt: t.changed_at,
      }));
    },
    /** Every row in effect up to `week`, in week order; `onlyFor` narrows to those people (any number). */
    async eachUpTo(
      week: string, onlyFor: readonly string[] | undefined,
      visit: (personId: string, weekKey: string, budgetMinutes: number | null, weeklyHours: number) => void,
    ): Promise<void> {
      const sql = 'SELECT person_id, week_key, budget_minutes, weekly_hours FROM budget_history WHERE week_key <= $1';
      const r = onlyFor !== undefined
        ? await pool.query({ text: `${sql} AND person_id = ANY($2::text[]) ORDER BY week_key`, values: [week, onlyFor], rowMode: 'array' })
        : await pool.query({ text: `${sql} ORDER BY week_key`, values: [week], rowMode: 'array' });
      for (const row of r.rows as [string, string, number | null, number][]) visit(row[0], row[1], row[2], row[3]);
    },
    async percentChanges(): Promise<PercentChange[]> {
      const r = await pool.query<{ changed_at: number; budget_percent: number }>(
        'SELECT changed_at, budget_percent FROM budget_percent_history ORDER BY changed_at, id');
      return r.rows.map((p) => ({ at: p.changed_at, percent: p.budget_percent }));
    },
  };
  return store satisfies ReturnType<typeof budgetHistoryStore>;
}
