// The `reminders` job: held offers delivered, the assignee reminded an hour before due, the lead told at
// due, and expiry a day after due with the lead told. Every send is claimed first, so each goes out once.
import { EXPIRE_AFTER_MS, reminderAt } from '../core/assignment';
import { canDmNow } from '../core/schedule';
import type { Assignment } from '../core/model';
import { reminderMessage } from '../slack/blocks/assignment';
import {
  deliverOffer, refreshAssigneeMessage, returnUndelivered, suggestAdvocates, tellLead,
} from '../services/assignments';
import type { Deps } from '../services/ports';
import { alreadyClaimed, dm, sendOnce, type SendOutcome } from '../services/sendOnce';
import { emptyReport, type Job, type JobReport } from './types';

/** Expired assignments are announced to their lead for this long after expiry, waiting for working hours. */
const ANNOUNCE_EXPIRY_FOR_MS = 14 * 24 * 60 * 60_000;

function count(report: JobReport, line: string, status: SendOutcome['status'] | 'skipped', personId?: string): void {
  report.lines.push(`${line}: ${status === 'gone' ? 'not sent: Slack says the account is gone; marked inactive' : status}`);
  if (status === 'sent' || status === 'dry-run') report.sent += 1;
  else if (status === 'failed') report.failed += 1;
  else if (status === 'gone' && personId) report.inactive.push(personId);
  else report.skipped += 1;
}

export const reminders: Job = async (deps, atMs, { dryRun }) => {
  const report = emptyReport('reminders', atMs);
  const settings = await deps.store.settings.get();
  const awake = async (personId: string): Promise<boolean> => {
    const p = await deps.store.people.get(personId);
    return p !== undefined && p.active && canDmNow(atMs, p.tz, settings);
  };
  // Every open assignment: some are due soon or past, some are offers still waiting for working hours.
  const open = await deps.store.assignments.openDueBy(Number.MAX_SAFE_INTEGER);
  for (const a of open) {
    const label = `#${a.id} ${a.assigneeId}`;
    if (a.state === 'offered' && !a.assigneeTs && reminderAt(a, atMs) !== 'expire') {
      if (await awake(a.assigneeId)) {
        const status = await deliverOffer(deps, a, { dryRun });
        count(report, `${label} offer`, status, a.assigneeId);
        if (status === 'failed' || status === 'gone') {
          await returnUndelivered(deps, a);
          continue;
        }
      } else {
        count(report, `${label} offer (quiet hours)`, 'skipped');
      }
    }
    await step(deps, report, a, atMs, dryRun, awake);
  }
  // Expired earlier (maybe at night): the lead is told once their working hours come round.
  const seen = new Set(open.map((a) => a.id));
  for (const a of await deps.store.assignments.expiredDueSince(atMs - EXPIRE_AFTER_MS - ANNOUNCE_EXPIRY_FOR_MS)) {
    if (!seen.has(a.id)) await announceExpiry(deps, report, a, dryRun, awake);
  }
  return report;
};

async function step(
  deps: Deps, report: JobReport, a: Assignment, atMs: number, dryRun: boolean,
  awake: (id: string) => Promise<boolean>,
): Promise<void> {
  const kind = reminderAt(a, atMs);
  const label = `#${a.id}`;
  if (kind === 'remind') {
    if (!a.assigneeTs) return; // never delivered: no reminder about a message they have not seen
    if (!(await awake(a.assigneeId))) return count(report, `${label} remind ${a.assigneeId} (quiet hours)`, 'skipped');
    // The assignee's zone, the lead's named when its clock differs.
    const zone = {
      reader: (await deps.store.people.get(a.assigneeId))?.tz ?? 'UTC',
      other: (await deps.store.people.get(a.leadId))?.tz,
    };
    const r = await sendOnce(
      deps, { job: 'assign-remind', subject: String(a.id), period: 'once' },
      () => dm(deps, a.assigneeId, reminderMessage(a, zone)), { dryRun, personId: a.assigneeId },
    );
    return count(report, `${label} remind ${a.assigneeId}`, r.status, a.assigneeId);
  }
  if (kind === 'due') {
    if (!(await awake(a.leadId))) return count(report, `${label} due, tell ${a.leadId} (quiet hours)`, 'skipped');
    const r = await sendOnce(
      deps, { job: 'assign-due', subject: String(a.id), period: 'once' },
      () => tellLead(deps, a, { kind: 'due' }), { dryRun, personId: a.leadId },
    );
    return count(report, `${label} due, tell ${a.leadId}`, r.status, a.leadId);
  }
  if (kind === 'expire') {
    if (dryRun) return count(report, `${label} expire`, 'dry-run');
    // Compare-and-set: a second process, or the assignee clicking Done this instant, wins or loses cleanly.
    const moved = await deps.store.assignments.transition(a.id, a.state, 'expired', deps.clock.now());
    if (!moved) return count(report, `${label} expire`, 'duplicate');
    deps.log.info({ assignmentId: a.id }, 'assignment expired');
    const fresh = (await deps.store.assignments.get(a.id))!;
    await refreshAssigneeMessage(deps, fresh);
    report.lines.push(`${label} expired`);
    await announceExpiry(deps, report, fresh, dryRun, awake);
  }
}

async function announceExpiry(
  deps: Deps, report: JobReport, a: Assignment, dryRun: boolean, awake: (id: string) => Promise<boolean>,
): Promise<void> {
  const key = { job: 'assign-expire', subject: String(a.id), period: 'once' };
  if (await alreadyClaimed(deps, key)) return;
  const label = `#${a.id} expired, tell ${a.leadId}`;
  if (!(await awake(a.leadId))) return count(report, `${label} (quiet hours)`, 'skipped');
  const r = await sendOnce(deps, key, async () => {
    const lead = await deps.store.people.get(a.leadId);
    const tried = await deps.store.assignments.assigneesOfLink(a.leadId, a.link);
    const [next] = lead ? await suggestAdvocates(deps, lead, { exclude: tried, limit: 1 }) : [];
    return tellLead(deps, a, { kind: 'expired', next: next ? { id: next.person.id, band: next.band } : null });
  }, { dryRun, personId: a.leadId });
  count(report, label, r.status, a.leadId);
}
