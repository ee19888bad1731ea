// Upgrading a single-workspace deployment to many workspaces: the main database's own data (its
// people, entries, settings and the rest) becomes the tables of the tenant that installs first from
// that workspace or org, moved whole and counted, so nothing is lost and nothing is left to adopt twice.
// The tables that stay shared (installations, slack_holds, events_seen) stay in the main database.

/** One tenant's tables, in an order that satisfies every foreign key when filled (and, reversed, when emptied). */
export const TENANT_TABLES = [
  'people', 'entries', 'strain', 'claims', 'settings', 'holidays', 'assignments', 'budget_history', 'budget_percent_history',
] as const;

/** What moved: rows per table, counted in the main database before and in the tenant's after (always equal). */
export type Adopted = { table: string; rows: number }[];

/** A fresh database's one row of budget percent history (migration 0003): "10% from the beginning". */
export const DEFAULT_PERCENT_ROW = 'INSERT INTO budget_percent_history (changed_at, budget_percent, changed_by) VALUES (0, 10, NULL)';

export function countsDiffer(before: Adopted, after: Adopted): string | undefined {
  const off = before.filter((b, i) => after[i]?.rows !== b.rows);
  return off.length ? off.map((b) => `${b.table}: ${b.rows} vs ${after.find((a) => a.table === b.table)?.rows}`).join(', ') : undefined;
}
