// Assignments: conversations a lead hands to an advocate. Every state change is a compare-and-set.
import type { Db } from './db';
import type { Assignment, AssignmentState, NewEntry } from '../core/model';
import type { CompletedWithEntry, NewAssignment } from '../core/records';
import { OPEN_STATES_SQL } from '../core/limits';
import { entryInserter, toEntry, type EntryRow } from './entries';

/** A row as both databases return it (shared with store/postgres/assignments.ts). */
export interface AssignmentRow {
  id: number; lead_id: string; assignee_id: string; link: string; brief: string | null; estimate_minutes: number;
  due_at: number; state: AssignmentState; decline_reason: string | null; done_minutes: number | null;
  entry_id: number | null; assignee_channel: string | null; assignee_ts: string | null; lead_channel: string | null;
  lead_ts: string | null; created_at: number; updated_at: number;
}

export const toAssignment = (r: AssignmentRow): Assignment => ({
  id: r.id, leadId: r.lead_id, assigneeId: r.assignee_id, link: r.link, brief: r.brief,
  estimateMinutes: r.estimate_minutes, dueAt: r.due_at, state: r.state, declineReason: r.decline_reason,
  doneMinutes: r.done_minutes, entryId: r.entry_id, assigneeChannel: r.assignee_channel, assigneeTs: r.assignee_ts,
  leadChannel: r.lead_channel, leadTs: r.lead_ts, createdAt: r.created_at, updatedAt: r.updated_at,
});

export type { NewAssignment } from '../core/records';

export { OPEN_STATES } from '../core/limits';

export function assignmentsStore(db: Db) {
  // One statement, so two deliveries of the same offer cannot both insert: the second finds the first open.
  const insert = db.prepare(`
    INSERT INTO assignments (lead_id, assignee_id, link, brief, estimate_minutes, due_at, state, created_at, updated_at)
    SELECT @leadId, @assigneeId, @link, @brief, @estimateMinutes, @dueAt, 'offered', @now, @now
    WHERE NOT EXISTS (
      SELECT 1 FROM assignments WHERE assignee_id = @assigneeId AND link = @link AND state IN ${OPEN_STATES_SQL})`);
  const openFor = db.prepare<[string, string], AssignmentRow>(
    `SELECT * FROM assignments WHERE assignee_id = ? AND link = ? AND state IN ${OPEN_STATES_SQL} ORDER BY id LIMIT 1`);
  const byId = db.prepare<[number], AssignmentRow>('SELECT * FROM assignments WHERE id = ?');
  const cas = db.prepare(`
    UPDATE assignments SET state = @to, updated_at = @now,
      decline_reason = COALESCE(@declineReason, decline_reason),
      done_minutes = COALESCE(@doneMinutes, done_minutes),
      entry_id = COALESCE(@entryId, entry_id)
    WHERE id = @id AND state = @from`);
  const setAssigneeMessage = db.prepare(
    'UPDATE assignments SET assignee_channel = ?, assignee_ts = ? WHERE id = ? AND assignee_ts IS NULL');
  const setLeadThread = db.prepare('UPDATE assignments SET lead_channel = ?, lead_ts = ? WHERE id = ? AND lead_ts IS NULL');
  const ofAssignee = db.prepare<[string], AssignmentRow>('SELECT * FROM assignments WHERE assignee_id = ? ORDER BY due_at, id');
  const ofLead = db.prepare<[string], AssignmentRow>('SELECT * FROM assignments WHERE lead_id = ? ORDER BY due_at, id');
  const openEstimates = db.prepare<[string], { m: number }>(
    `SELECT COALESCE(SUM(estimate_minutes), 0) AS m FROM assignments WHERE assignee_id = ? AND state IN ${OPEN_STATES_SQL}`);
  const createdSince = db.prepare<[number], { assignee_id: string; n: number }>(
    'SELECT assignee_id, COUNT(*) AS n FROM assignments WHERE created_at >= ? GROUP BY assignee_id');
  const openDueBy = db.prepare<[number], AssignmentRow>(
    `SELECT * FROM assignments WHERE state IN ${OPEN_STATES_SQL} AND due_at <= ? ORDER BY due_at, id`);
  const expiredSince = db.prepare<[number], AssignmentRow>(
    "SELECT * FROM assignments WHERE state = 'expired' AND due_at >= ? ORDER BY due_at, id");
  const withLink = db.prepare<[string, string], { assignee_id: string }>(
    'SELECT DISTINCT assignee_id FROM assignments WHERE lead_id = ? AND link = ?');

  const openEstimatesAll = db.prepare<[], { assignee_id: string; m: number }>(
    `SELECT assignee_id, SUM(estimate_minutes) AS m FROM assignments WHERE state IN ${OPEN_STATES_SQL} GROUP BY assignee_id`);
  const loggedAll = db.prepare<[string, string], { person_id: string; m: number }>(
    'SELECT person_id, SUM(minutes) AS m FROM entries WHERE date BETWEEN ? AND ? GROUP BY person_id');

  const one = (r: AssignmentRow | undefined) => (r ? toAssignment(r) : undefined);

  const insertEntry = entryInserter(db);
  const entryByDedupe = db.prepare<[string], EntryRow>('SELECT * FROM entries WHERE dedupe_key = ?');
  const finishWith = db.prepare(`UPDATE assignments SET state = 'done', updated_at = @now, done_minutes = @minutes,
      entry_id = @entryId WHERE id = @id AND state = @from`);
  // Logging the time and moving to done are one write: a crash or a concurrent click between them
  // can neither leave an entry without a done assignment nor a done assignment without its entry.
  const completeWithEntry = db.transaction(
    (id: number, from: readonly AssignmentState[], entry: NewEntry, now: number): CompletedWithEntry => {
      const current = byId.get(id);
      if (!current) throw new Error(`assignment ${id} does not exist`);
      if (!from.includes(current.state)) {
        const earlier = entry.dedupeKey === undefined ? undefined : entryByDedupe.get(entry.dedupeKey);
        return { entry: earlier ? toEntry(earlier) : null, created: false, moved: false, assignment: toAssignment(current) };
      }
      const logged = insertEntry(entry, now);
      const moved = finishWith.run({ id, from: current.state, now, minutes: logged.entry.minutes, entryId: logged.entry.id }).changes === 1;
      return { ...logged, moved, assignment: toAssignment(byId.get(id)!) };
    });

  return {
    /** Offer; if this person already has this link open, nothing is inserted and created is false. */
    async create(a: NewAssignment, now: number): Promise<{ assignment: Assignment; created: boolean }> {
      const info = insert.run({ ...a, now });
      if (info.changes === 1) return { assignment: toAssignment(byId.get(Number(info.lastInsertRowid))!), created: true };
      return { assignment: toAssignment(openFor.get(a.assigneeId, a.link)!), created: false };
    },
    async get(id: number): Promise<Assignment | undefined> {
      return one(byId.get(id));
    },
    /**
     * Compare-and-set: moves the assignment from `from` to `to` only if it is still in `from`.
     * False means someone (a double click, a redelivery, the reminders job) got there first.
     */
    async transition(
      id: number, from: AssignmentState, to: AssignmentState, now: number,
      extra: { declineReason?: string; doneMinutes?: number; entryId?: number } = {},
    ): Promise<boolean> {
      return cas.run({
        id, from, to, now, declineReason: extra.declineReason ?? null, doneMinutes: extra.doneMinutes ?? null,
        entryId: extra.entryId ?? null,
      }).changes === 1;
    },
    /**
     * One transaction: if the assignment is still in one of `from`, log `entry` (or find the one its
     * dedupe key already logged) and move the assignment to done with that entry; otherwise write nothing.
     */
    async completeWithEntry(
      id: number, from: readonly AssignmentState[], entry: NewEntry, now: number,
    ): Promise<CompletedWithEntry> {
      return completeWithEntry.immediate(id, from, entry, now);
    },
    async setAssigneeMessage(id: number, channel: string, ts: string): Promise<boolean> {
      return setAssigneeMessage.run(channel, ts, id).changes === 1;
    },
    async setLeadThread(id: number, channel: string, ts: string): Promise<boolean> {
      return setLeadThread.run(channel, ts, id).changes === 1;
    },
    async ofAssignee(personId: string): Promise<Assignment[]> {
      return ofAssignee.all(personId).map(toAssignment);
    },
    async ofLead(leadId: string): Promise<Assignment[]> {
      return ofLead.all(leadId).map(toAssignment);
    },
    /** Estimates of everything offered to or accepted by the person and not yet done. */
    async openEstimateMinutes(personId: string): Promise<number> {
      return openEstimates.get(personId)!.m;
    },
    /** Open estimates for everyone at once (ranking a whole workspace must not cost a query per person). */
    async openEstimatesByPerson(): Promise<Map<string, number>> {
      return new Map(openEstimatesAll.all().map((r) => [r.assignee_id, r.m]));
    },
    /** Minutes logged between two local dates, for everyone at once. */
    async loggedByPersonBetween(from: string, to: string): Promise<Map<string, number>> {
      return new Map(loggedAll.all(from, to).map((r) => [r.person_id, r.m]));
    },
    /** How many assignments each person was offered since an instant. */
    async countsSince(sinceMs: number): Promise<Map<string, number>> {
      return new Map(createdSince.all(sinceMs).map((r) => [r.assignee_id, r.n]));
    },
    /** Open assignments due at or before an instant, soonest first. */
    async openDueBy(ms: number): Promise<Assignment[]> {
      return openDueBy.all(ms).map(toAssignment);
    },
    async expiredDueSince(ms: number): Promise<Assignment[]> {
      return expiredSince.all(ms).map(toAssignment);
    },
    /** Everyone this lead has already offered this link to, in any state. */
    async assigneesOfLink(leadId: string, link: string): Promise<string[]> {
      return withLink.all(leadId, link).map((r) => r.assignee_id);
    },
  };
}

export type AssignmentsStore = ReturnType<typeof assignmentsStore>;
