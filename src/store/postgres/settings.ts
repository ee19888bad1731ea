// Org settings and holidays on PostgreSQL; mirrors src/store/settings.ts.
import { transaction, type Pg, type Queryable } from './db';
import { withDefaults, type OrgSettings, type SettingsRow } from '../../core/settings';
import type { IsoDate } from '../../core/types';
import type { settingsStore } from '../settings';

/** Transaction-level advisory lock taken by each change of the budget percent (see setBudgetPercent). */
const PERCENT_LOCK_KEY = 0x62616c6c617374 + 1;

async function readAll(q: Queryable): Promise<OrgSettings> {
  const stored: SettingsRow = {};
  for (const { key, value } of (await q.query<{ key: string; value: string }>('SELECT key, value FROM settings')).rows) {
    try {
      (stored as Record<string, unknown>)[key] = JSON.parse(value);
    } catch {
      // A hand-edited value that is not JSON: the default stands.
    }
  }
  return withDefaults(stored);
}

const PUT = 'INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value';

export function pgSettingsStore({ pool }: Pg) {
  const store = {
    async get(): Promise<OrgSettings> {
      return readAll(pool);
    },
    async set<K extends Exclude<keyof OrgSettings, 'budgetPercent'>>(key: K, value: OrgSettings[K]): Promise<void> {
      await pool.query(PUT, [key, JSON.stringify(value)]);
    },
    async setBudgetPercent(percent: number, by: string | null, now: number): Promise<void> {
      await transaction(pool, async (c) => {
        // SQLite's IMMEDIATE transaction serialises these; here two admins at once would both find the
        // history empty and both write its first row, so the changes take turns on a lock.
        await c.query('SELECT pg_advisory_xact_lock($1)', [PERCENT_LOCK_KEY]);
        const current = (await readAll(c)).budgetPercent;
        await c.query(`INSERT INTO budget_percent_history (changed_at, budget_percent, changed_by)
          SELECT 0, $1, NULL WHERE NOT EXISTS (SELECT 1 FROM budget_percent_history)`, [current]);
        await c.query(PUT, ['budgetPercent', JSON.stringify(percent)]);
        await c.query('INSERT INTO budget_percent_history (changed_at, budget_percent, changed_by) VALUES ($1, $2, $3)', [now, percent, by]);
      });
    },
    async holidays(): Promise<IsoDate[]> {
      return (await pool.query<{ date: string }>('SELECT date FROM holidays ORDER BY date')).rows.map((r) => r.date);
    },
    async addHoliday(date: IsoDate, by: string | null): Promise<boolean> {
      return (await pool.query('INSERT INTO holidays (date, added_by) VALUES ($1, $2) ON CONFLICT DO NOTHING', [date, by])).rowCount === 1;
    },
    async removeHoliday(date: IsoDate): Promise<boolean> {
      return (await pool.query('DELETE FROM holidays WHERE date = $1', [date])).rowCount === 1;
    },
    async isHoliday(date: IsoDate): Promise<boolean> {
      return (await pool.query('SELECT 1 FROM holidays WHERE date = $1', [date])).rows.length > 0;
    },
  };
  return store satisfies ReturnType<typeof settingsStore>;
}
