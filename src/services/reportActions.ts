// What a manager can do about one direct report from the team view or the digest: who may act on
// whom (asked again on every click and every submission, so a forged button value changes nothing),
// and a note written by the manager that Ballast delivers to the report as a DM.
import type { Person } from '../core/model';
import { fail, ok, type Outcome } from './result';
import type { Deps, MessageRef, OutgoingMessage } from './ports';
import { isAdmin } from './people';
import { dmDirect } from './directDm';

/** A manager's note to a report: long enough to say something, short enough to stay a note. */
export const MAX_MANAGER_NOTE_CHARS = 2000;

export type ReportAction = 'budget' | 'note';

/**
 * The report `actor` may act on: their own direct report (both actions), or anyone for an admin
 * setting a budget (DESIGN.md: "their manager, admins"). A note comes from the manager alone.
 */
export async function reportFor(deps: Deps, actor: Person, reportId: string, action: ReportAction): Promise<Outcome<Person>> {
  const report = await deps.store.people.get(reportId);
  const theirManager = report !== undefined && report.managerId === actor.id;
  const allowed = theirManager || (action === 'budget' && isAdmin(deps, actor) && report !== undefined);
  if (!report || !allowed) {
    return fail('forbidden', action === 'budget'
      ? "Only that person's manager or a Ballast admin can set their budget."
      : 'You can only write to your own direct reports through Ballast.');
  }
  return ok(report);
}

/** Checks the note and who may send it; the DM itself is the returned send, for after the ack. */
export async function prepareManagerNote(
  deps: Deps, actor: Person, reportId: string, text: string,
): Promise<Outcome<{ report: Person; send: (message: OutgoingMessage) => Promise<MessageRef> }>> {
  const note = text.trim();
  if (!note) return fail('empty_note', 'Write a few words for them.');
  if (note.length > MAX_MANAGER_NOTE_CHARS) return fail('long_note', `A note is at most ${MAX_MANAGER_NOTE_CHARS} characters; this one has ${note.length}.`);
  const report = await reportFor(deps, actor, reportId, 'note');
  if (!report.ok) return report;
  deps.log.info({ actor: actor.id, target: reportId, chars: note.length }, 'manager note');
  return ok({ report: report.value, send: (message) => dmDirect(deps, reportId, message) });
}
