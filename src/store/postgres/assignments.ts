// Assignments on PostgreSQL; mirrors src/store/assignments.ts. Every state change is a compare-and-set:
// under READ COMMITTED a second UPDATE … WHERE state = $from waits for the first, re-reads the row and
// finds it moved on, so exactly one wins.
import { isRowId, transaction, type Pg } from './db';
import type { Assignment, AssignmentState, NewEntry } from '../../core/model';
import type { CompletedWithEntry } from '../../core/records';
import { toEntry, type EntryRow } from '../entries';
import { OPEN_STATES_SQL } from '../../core/limits';
import type { NewAssignment, assignmentsStore } from '../assignments';
import { toAssignment, type AssignmentRow } from '../assignments';


export function pgAssignmentsStore({ pool }: Pg) {
  const list = async (sql: string, values: unknown[] = []) => (await pool.query<AssignmentRow>(sql, values)).rows.map(toAssignment);
  const one = async (sql: string, values: unknown[]) => {
    const r = (await pool.query<AssignmentRow>(sql, values)).rows[0];
    return r ? toAssignment(r) : undefined;
  };
  const byPerson = async (sql: string, values: unknown[] = []) =>
    // Ordered by person as SQLite's GROUP BY happens to be, so both kinds hand out Maps in one order.
    new Map((await pool.query<[string, number]>({ text: sql, values, rowMode: 'array' })).rows.map((r) => [r[0], r[1]] as const));

  const store = {
    /** Offer; if this person already has this link open, nothing is inserted and created is false. */
    async create(a: NewAssignment, now: number): Promise<{ assignment: Assignment; created: boolean }> {
      // The partial unique index assignments_one_open stands in for SQLite's WHERE NOT EXISTS. The open
      // twin may close between the conflict and the read; then the offer is tried again.
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const inserted = await one(`
          INSERT INTO assignments (lead_id, assignee_id, link, brief, estimate_minutes, due_at, state, created_at, updated_at)
          VALUES ($1, $2, $3, $4, $5, $6, 'offered', $7, $7)
          ON CONFLICT (assignee_id, link) WHERE state IN ${OPEN_STATES_SQL} DO NOTHING
          RETURNING *`, [a.leadId, a.assigneeId, a.link, a.brief, a.estimateMinutes, a.dueAt, now]);
        if (inserted) return { assignment: inserted, created: true };
        const open = await one(`SELECT * FROM assignments WHERE assignee_id = $1 AND link = $2 AND state IN ${OPEN_STATES_SQL}
          ORDER BY id LIMIT 1`, [a.assigneeId, a.link]);
        if (open) return { assignment: open, created: false };
      }
      throw new Error('could not offer the assignment: its open twin kept changing');
    },
    async get(id: number): Promise<Assignment | undefined> {
      if (!isRowId(id)) return undefined;
      return one('SELECT * FROM assignments WHERE id = $1', [id]);
    },
    async transition(
      id: number, from: AssignmentState, to: AssignmentState, now: number,
      extra: { declineReason?: string; doneMinutes?: number; entryId?: number } = {},
    ): Promise<boolean> {
      if (!isRowId(id)) return false;
      const r = await pool.query(`
        UPDATE assignments SET state = $3, updated_at = $4,
          decline_reason = COALESCE($5, decline_reason),
          done_minutes = COALESCE($6::integer, done_minutes),
          entry_id = COALESCE($7::bigint, entry_id)
        WHERE id = $1 AND state = $2`,
      [id, from, to, now, extra.declineReason ?? null, extra.doneMinutes ?? null, extra.entryId ?? null]);
      return r.rowCount === 1;
    },
    /**
     * Done, in one transaction: log the entry (its dedupe key finds the one an earlier submission
     * logged) and move the assignment from any of `from` to done with that entry's minutes. `moved` is
     * false when it was no longer in any of `from` (another submission or replica got there first);
     * the entry then stands as logged, exactly as a redelivery would find it.
     */
    /**
     * One transaction, as on SQLite: with the assignment's row locked, if it is still in one of `from`,
     * log `entry` (or find the one its dedupe key already logged) and move it to done with that entry;
     * otherwise write nothing.
     */
    async completeWithEntry(
      id: number, from: readonly AssignmentState[], entry: NewEntry, now: number,
    ): Promise<CompletedWithEntry> {
      if (!isRowId(id)) throw new Error(`assignment ${id} does not exist`);
      return transaction(pool, async (c) => {
        const current = (await c.query<AssignmentRow>('SELECT * FROM assignments WHERE id = $1 FOR UPDATE', [id])).rows[0];
        if (!current) throw new Error(`assignment ${id} does not exist`);
        const byDedupe = async () => (entry.dedupeKey === undefined
          ? undefined
          : (await c.query<EntryRow>('SELECT * FROM entries WHERE dedupe_key = $1', [entry.dedupeKey])).rows[0]);
        if (!from.includes(current.state)) {
          const earlier = await byDedupe();
          return { entry: earlier ? toEntry(earlier) : null, created: false, moved: false, assignment: toAssignment(current) };
        }
        const inserted = await c.query<EntryRow>(`
          INSERT INTO entries (person_id, minutes, kind, network, link, note, date, week_key, source, assignment_id,
                               dedupe_key, created_at)
          VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
          ON CONFLICT (dedupe_key) DO NOTHING RETURNING *`,
        [entry.personId, entry.minutes, entry.kind, entry.network ?? null, entry.link ?? null, entry.note ?? null, entry.date,
          entry.weekKey, entry.source, entry.assignmentId ?? null, entry.dedupeKey ?? null, now]);
        const row = inserted.rows[0] ?? (await byDedupe());
        if (!row) throw new Error('entry with this dedupe key was removed while the assignment was being completed');
        const moved = await c.query<AssignmentRow>(`UPDATE assignments SET state = 'done', updated_at = $3, done_minutes = $4, entry_id = $5
          WHERE id = $1 AND state = $2 RETURNING *`, [id, current.state, now, row.minutes, row.id]);
        const after = moved.rows[0] ?? current;
        return { entry: toEntry(row), created: inserted.rows.length === 1, moved: moved.rowCount === 1, assignment: toAssignment(after) };
      });
    },
    async setAssigneeMessage(id: number, channel: string, ts: string): Promise<boolean> {
      if (!isRowId(id)) return false;
      const r = await pool.query('UPDATE assignments SET assignee_channel = $1, assignee_ts = $2 WHERE id = $3 AND assignee_ts IS NULL', [channel, ts, id]);
      return r.rowCount === 1;
    },
    async setLeadThread(id: number, channel: string, ts: string): Promise<boolean> {
      if (!isRowId(id)) return false;
      const r = await pool.query('UPDATE assignments SET lead_channel = $1, lead_ts = $2 WHERE id = $3 AND lead_ts IS NULL', [channel, ts, id]);
      return r.rowCount === 1;
    },
    async ofAssignee(personId: string): Promise<Assignment[]> {
      return list('SELECT * FROM assignments WHERE assignee_id = $1 ORDER BY due_at, id', [personId]);
    },
    async ofLead(leadId: string): Promise<Assignment[]> {
      return list('SELECT * FROM assignments WHERE lead_id = $1 ORDER BY due_at, id', [leadId]);
    },
    async openEstimateMinutes(personId: string): Promise<number> {
      const r = await pool.query<{ m: number }>(
        `SELECT COALESCE(SUM(estimate_minutes), 0) AS m FROM assignments WHERE assignee_id = $1 AND state IN ${OPEN_STATES_SQL}`, [personId]);
      return r.rows[0].m;
    },
    async openEstimatesByPerson(): Promise<Map<string, number>> {
      return byPerson(`SELECT assignee_id, SUM(estimate_minutes) FROM assignments WHERE state IN ${OPEN_STATES_SQL} GROUP BY assignee_id ORDER BY assignee_id`);
    },
    async loggedByPersonBetween(from: string, to: string): Promise<Map<string, number>> {
      return byPerson('SELECT person_id, SUM(minutes) FROM entries WHERE date BETWEEN $1 AND $2 GROUP BY person_id ORDER BY person_id', [from, to]);
    },
    async countsSince(sinceMs: number): Promise<Map<string, number>> {
      return byPerson('SELECT assignee_id, COUNT(*) FROM assignments WHERE created_at >= $1 GROUP BY assignee_id ORDER BY assignee_id', [sinceMs]);
    },
    async openDueBy(ms: number): Promise<Assignment[]> {
      return list(`SELECT * FROM assignments WHERE state IN ${OPEN_STATES_SQL} AND due_at <= $1 ORDER BY due_at, id`, [ms]);
    },
    async expiredDueSince(ms: number): Promise<Assignment[]> {
      return list("SELECT * FROM assignments WHERE state = 'expired' AND due_at >= $1 ORDER BY due_at, id", [ms]);
    },
    async assigneesOfLink(leadId: string, link: string): Promise<string[]> {
      const r = await pool.query<{ assignee_id: string }>('SELECT DISTINCT assignee_id FROM assignments WHERE lead_id = $1 AND link = $2', [leadId, link]);
      return r.rows.map((x) => x.assignee_id);
    },
  };
  return store satisfies ReturnType<typeof assignmentsStore>;
}
