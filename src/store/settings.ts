// Org settings and holidays.
import type { Db } from './db';
import { withDefaults, type OrgSettings, type SettingsRow } from '../core/settings';
import type { IsoDate } from '../core/types';

export function settingsStore(db: Db) {
  const all = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings');
  const put = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  const holidays = db.prepare<[], { date: string }>('SELECT date FROM holidays ORDER BY date');
  const addHoliday = db.prepare('INSERT INTO holidays (date, added_by) VALUES (?, ?) ON CONFLICT DO NOTHING');
  const removeHoliday = db.prepare('DELETE FROM holidays WHERE date = ?');
  const isHoliday = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM holidays WHERE date = ?');
  const percentStart = db.prepare(`INSERT INTO budget_percent_history (changed_at, budget_percent, changed_by)
    SELECT 0, ?, NULL WHERE NOT EXISTS (SELECT 1 FROM budget_percent_history)`);
  const percentChange = db.prepare('INSERT INTO budget_percent_history (changed_at, budget_percent, changed_by) VALUES (?, ?, ?)');
  const readAll = (): OrgSettings => {
    const stored: SettingsRow = {};
    for (const { key, value } of all.all()) {
      try {
        (stored as Record<string, unknown>)[key] = JSON.parse(value);
      } catch {
        // A hand-edited value that is not JSON: the default stands.
      }
    }
    return withDefaults(stored);
  };
  // The setting holds the percent now; the history when each value began (store/budgetHistory.ts).
  const setPercent = db.transaction((percent: number, by: string | null, now: number) => {
    percentStart.run(readAll().budgetPercent);
    put.run('budgetPercent', JSON.stringify(percent));
    percentChange.run(now, percent, by);
  });

  return {
    async get(): Promise<OrgSettings> {
      return readAll();
    },
    /** Any setting but the budget percent, which has a history: setBudgetPercent. */
    async set<K extends Exclude<keyof OrgSettings, 'budgetPercent'>>(key: K, value: OrgSettings[K]): Promise<void> {
      put.run(key, JSON.stringify(value));
    },
    /** The org's budget percent from the week holding `now` in each person's zone; earlier weeks keep theirs. */
    async setBudgetPercent(percent: number, by: string | null, now: number): Promise<void> {
      setPercent.immediate(percent, by, now);
    },
    async holidays(): Promise<IsoDate[]> {
      return holidays.all().map((r) => r.date);
    },
    async addHoliday(date: IsoDate, by: string | null): Promise<boolean> {
      return addHoliday.run(date, by).changes === 1;
    },
    async removeHoliday(date: IsoDate): Promise<boolean> {
      return removeHoliday.run(date).changes === 1;
    },
    async isHoliday(date: IsoDate): Promise<boolean> {
      return isHoliday.get(date)!.n > 0;
    },
  };
}

export type SettingsStore = ReturnType<typeof settingsStore>;
