// Assignments: a lead offers a conversation, the advocate accepts, declines or finishes it, the lead follows along.
import type { Assignment, AssignmentState, Person } from '../core/model';
import { capacityBand, type CapacityBand } from '../core/budget';
import { rankAdvocates, wouldExceed, type Candidate } from '../core/capacity';
import { canDmNow, commonSkip } from '../core/schedule';
import {
  DEFAULT_DUE_MS, DEFAULT_ESTIMATE_MINUTES, MAX_BRIEF_CHARS, dueProblem, estimateProblem, linkProblem,
  type DeclineReason,
} from '../core/assignment';
import { isOpen, OPEN_STATES } from '../core/limits';
import { addDays, instantAt, localDate, weekStart } from '../core/time';
import {
  assigneeMessage, leadParent, leadUpdate, leadZones, type LeadEvent, type NextBest,
} from '../slack/blocks/assignment';
import { fail, ok, type Outcome } from './result';
import type { Deps, FollowUp, MessageRef } from './ports';
import { ensurePerson, isLead } from './people';
import { budgetOf } from './week';
import { effectiveBudget } from '../core/week';
import { afterStored, entryToLog, type Logged } from './entries';
import { lighterWeeks } from './lighterWeeks';
import { dm, sendOnce } from './sendOnce';

const EXAMPLE = '/ballast assign @dana https://www.linkedin.com/feed/update/123 est 20m due tomorrow answer the pricing question';

export { isOpen } from '../core/limits';

// ── Capacity and suggestions ──────────────────────────────────────────────────────────────────

export interface CapacityInfo {
  budget: number;
  logged: number;
  openEstimates: number;
  capacity: number;
  band: CapacityBand;
}

export async function capacityOf(deps: Deps, person: Person): Promise<CapacityInfo> {
  const start = weekStart(localDate(deps.clock.now(), person.tz));
  const [budget, logged, openEstimates] = await Promise.all([
    budgetOf(deps, person),
    deps.store.entries.minutesBetween(person.id, start, addDays(start, 6)),
    deps.store.assignments.openEstimateMinutes(person.id),
  ]);
  const capacity = budget.minutes - logged - openEstimates;
  return { budget: budget.minutes, logged, openEstimates, capacity, band: capacityBand(capacity, budget.minutes) };
}

/** Not paused, away, inactive, nor on an org holiday (which pauses everyone) in their own zone. */
export async function availableNow(deps: Deps, p: Person): Promise<boolean> {
  const today = localDate(deps.clock.now(), p.tz);
  return commonSkip(p, today, deps.clock.now(), new Set(await deps.store.settings.holidays())) === null;
}

export interface Suggested {
  person: Person;
  band: CapacityBand;
  /** Ended last week over budget or said the work pushed their core work back: shown as such, last. */
  lighterWeek: boolean;
}

/** The advocates with the most room, never the lead, nor anyone paused, away or inactive. */
export async function suggestAdvocates(
  deps: Deps, lead: Person, opts: { exclude?: string[]; limit?: number } = {},
): Promise<Suggested[]> {
  const now = deps.clock.now();
  // Dates per zone, computed once per zone: a workspace has thousands of people but a handful of zones.
  const todayIn = new Map<string, string>();
  const today = (tz: string): string => {
    let d = todayIn.get(tz);
    if (d === undefined) todayIn.set(tz, (d = localDate(now, tz)));
    return d;
  };
  const holidays = new Set(await deps.store.settings.holidays());
  const people = (await deps.store.people.listActive()).filter((p) => commonSkip(p, today(p.tz), now, holidays) === null);
  const settings = await deps.store.settings.get();
  const since = instantAt(weekStart(today(lead.tz)), '00:00', lead.tz);
  const [counts, open, lighter] = await Promise.all([
    deps.store.assignments.countsSince(since), deps.store.assignments.openEstimatesByPerson(), lighterWeeks(deps, people, now, settings),
  ]);
  const loggedByZone = new Map<string, Map<string, number>>();
  const candidates: Candidate[] = [];
  for (const p of people) {
    let logged = loggedByZone.get(p.tz);
    if (!logged) {
      const start = weekStart(today(p.tz));
      loggedByZone.set(p.tz, (logged = await deps.store.assignments.loggedByPersonBetween(start, addDays(start, 6))));
    }
    candidates.push({
      id: p.id, budget: effectiveBudget(p, settings).minutes, logged: logged.get(p.id) ?? 0, openEstimates: open.get(p.id) ?? 0,
      assignmentsThisWeek: counts.get(p.id) ?? 0, available: true, lighterWeek: lighter.has(p.id),
    });
  }
  const byId = new Map(people.map((p) => [p.id, p]));
  return rankAdvocates(candidates, { exclude: [lead.id, ...(opts.exclude ?? [])], limit: opts.limit ?? 3 })
    .map((s) => ({ person: byId.get(s.id)!, band: s.band, lighterWeek: s.lighterWeek }));
}

// ── Messages: the assignee's DM and the lead's thread ─────────────────────────────────────────

async function zoneOf(deps: Deps, id: string): Promise<string> {
  return (await deps.store.people.get(id))?.tz ?? 'UTC';
}

/** Redraw the assignee's message to show the current state; a failure is logged, never thrown. */
export async function refreshAssigneeMessage(deps: Deps, a: Assignment, opts: { askingWhy?: boolean } = {}): Promise<void> {
  if (!a.assigneeChannel || !a.assigneeTs) return;
  try {
    const assignee = await deps.store.people.get(a.assigneeId);
    const cap = assignee && isOpen(a) ? await capacityOf(deps, assignee) : null;
    await deps.slack.updateMessage(
      { channel: a.assigneeChannel, ts: a.assigneeTs },
      assigneeMessage(a, {
        zone: { reader: assignee?.tz ?? 'UTC', other: await zoneOf(deps, a.leadId) }, overBudget: cap ? cap.capacity < 0 : false, askingWhy: opts.askingWhy,
        room: cap ? { capacity: cap.capacity, budget: cap.budget } : undefined,
      }),
    );
  } catch (err) {
    deps.log.warn({ err, assignmentId: a.id }, 'could not update the assignee message');
  }
}

/** Send the offer to the assignee, exactly once, whether now or from the reminders job later. */
export async function deliverOffer(
  deps: Deps, a: Assignment, opts: { dryRun?: boolean } = {},
): Promise<'sent' | 'duplicate' | 'failed' | 'gone' | 'dry-run'> {
  const assignee = await deps.store.people.get(a.assigneeId);
  // Their zone for the due time, and the lead's named when its clock differs.
  const zone = { reader: assignee?.tz ?? 'UTC', other: await zoneOf(deps, a.leadId) };
  // Their own room this week, this offer's estimate counted: only they see the minutes.
  const cap = assignee ? await capacityOf(deps, assignee) : null;
  const view = { zone, overBudget: cap ? cap.capacity < 0 : false, room: cap ? { capacity: cap.capacity, budget: cap.budget } : undefined };
  const r = await sendOnce(
    deps,
    { job: 'assign-offer', subject: String(a.id), period: 'once' },
    async () => {
      const ref = await dm(deps, a.assigneeId, assigneeMessage(a, view));
      await deps.store.assignments.setAssigneeMessage(a.id, ref.channel, ref.ts);
      return ref;
    },
    { dryRun: opts.dryRun, personId: a.assigneeId },
  );
  return r.status;
}

async function leadThread(deps: Deps, given: Assignment): Promise<MessageRef> {
  // Re-read: the copy in hand may predate the thread's first message.
  const a = (await deps.store.assignments.get(given.id)) ?? given;
  if (a.leadChannel && a.leadTs) return { channel: a.leadChannel, ts: a.leadTs };
  const ref = await dm(deps, a.leadId, leadParent(a, leadZones(a, await zoneOf(deps, a.leadId), await zoneOf(deps, a.assigneeId))));
  if (!(await deps.store.assignments.setLeadThread(a.id, ref.channel, ref.ts))) {
    // Someone else opened the thread a moment ago: use theirs.
    const fresh = (await deps.store.assignments.get(a.id))!;
    return { channel: fresh.leadChannel!, ts: fresh.leadTs! };
  }
  return ref;
}

/** One reply in the assignment's thread with the lead, and the thread's first message redrawn. */
export async function tellLead(deps: Deps, a: Assignment, event: LeadEvent): Promise<MessageRef> {
  const thread = await leadThread(deps, a);
  const reply = await deps.slack.postMessage(thread.channel, { ...leadUpdate(a, event), threadTs: thread.ts });
  try {
    await deps.slack.updateMessage(thread, leadParent(a, leadZones(a, await zoneOf(deps, a.leadId), await zoneOf(deps, a.assigneeId))));
  } catch (err) {
    deps.log.warn({ err, assignmentId: a.id }, 'could not update the lead thread parent');
  }
  return reply;
}

async function tellLeadQuietly(deps: Deps, a: Assignment, event: LeadEvent): Promise<void> {
  try {
    await tellLead(deps, a, event);
  } catch (err) {
    deps.log.warn({ err, assignmentId: a.id, event: event.kind }, 'could not tell the lead');
  }
}

// ── Offer ─────────────────────────────────────────────────────────────────────────────────────

export interface OfferDraft {
  link: string;
  brief?: string | null;
  estimate?: number;
  dueMs?: number;
}

export type OfferResult =
  | {
    kind: 'offered'; assignment: Assignment; band: CapacityBand; overBudget: boolean; held: boolean;
    /** The assignee's zone: the lead's copy names it when it differs from theirs. */
    assigneeZone: string;
    /** With `deferFollowUps`: the offer DM and the lead's thread, still to send. */
    followUps: FollowUp[];
  }
  | { kind: 'already'; assignment: Assignment; assigneeZone: string }
  | { kind: 'confirm'; to: Person; band: CapacityBand; draft: Required<OfferDraft> };

export function leadOnly(deps: Deps, person: Person): Outcome<null> {
  return isLead(deps, person)
    ? ok(null)
    : fail('forbidden', 'Only social leads and admins can assign conversations. An admin can make you a lead with `/ballast admin role @you lead`.');
}

/** Defaults filled in and every field checked; nothing is stored when this fails. */
export function completeDraft(deps: Deps, d: OfferDraft): Outcome<Required<OfferDraft>> {
  const now = deps.clock.now();
  const link = d.link.trim();
  const linkBad = linkProblem(link);
  if (linkBad) return fail('bad_link', linkBad, EXAMPLE);
  const estimate = d.estimate ?? DEFAULT_ESTIMATE_MINUTES;
  const estBad = estimateProblem(estimate);
  if (estBad) return fail('bad_estimate', estBad, EXAMPLE);
  const dueMs = d.dueMs ?? now + DEFAULT_DUE_MS;
  const dueBad = dueProblem(dueMs, now);
  if (dueBad) return fail('bad_due', dueBad, EXAMPLE);
  const brief = d.brief?.trim() ? d.brief.trim() : null;
  if (brief && brief.length > MAX_BRIEF_CHARS) return fail('bad_brief', `A brief is at most ${MAX_BRIEF_CHARS} characters; yours is ${brief.length}.`, EXAMPLE);
  return ok({ link, estimate, dueMs, brief });
}

export interface OfferOptions {
  /** Offer even if it takes the advocate past their budget. */
  force?: boolean;
  /**
   * Store the offer and return the DMs (to the advocate, the lead's thread) as follow-ups instead of
   * sending them, so the listener can acknowledge first. Everything that can refuse the offer has
   * run by then: a refused offer is never stored and never DMed.
   */
  deferFollowUps?: boolean;
}

export async function offerAssignment(
  deps: Deps, lead: Person, toId: string, input: OfferDraft, opts: OfferOptions = {},
): Promise<Outcome<OfferResult>> {
  const allowed = leadOnly(deps, lead);
  if (!allowed.ok) return allowed;
  const draft = completeDraft(deps, input);
  if (!draft.ok) return draft;
  if (toId === lead.id) return fail('self', "That's you. Pick an advocate, or just reply and log it with `/ballast log 15m reply <link>`.", EXAMPLE);
  const who = await ensurePerson(deps, toId);
  if (!who.ok) return fail('unknown_user', `I can't offer anything to <@${toId}>: ${who.error.message}`);
  const to = who.value;
  if (!to.active) return fail('inactive', `<@${to.id}> is no longer active in Slack. Pick someone else.`);
  if (!(await availableNow(deps, to))) {
    const until = to.paused && to.pausedUntil ? ` until ${to.pausedUntil}` : '';
    return fail('paused', `<@${to.id}> is paused or away${until}, so Ballast won't offer them anything. \`/ballast assign <link>\` shows who has room.`);
  }
  const cap = await capacityOf(deps, to);
  const over = wouldExceed(cap.budget, cap.logged, cap.openEstimates, draft.value.estimate);
  if (over && !opts.force) return ok({ kind: 'confirm', to, band: cap.band, draft: draft.value });

  const { assignment, created } = await deps.store.assignments.create(
    {
      leadId: lead.id, assigneeId: to.id, link: draft.value.link, brief: draft.value.brief,
      estimateMinutes: draft.value.estimate, dueAt: draft.value.dueMs,
    },
    deps.clock.now(),
  );
  if (!created) return ok({ kind: 'already', assignment, assigneeZone: to.tz });
  deps.log.info({ assignmentId: assignment.id, leadId: lead.id, assigneeId: to.id, overBudget: over }, 'assignment offered');

  const settings = await deps.store.settings.get();
  const held = !canDmNow(deps.clock.now(), to.tz, settings);
  const tell: FollowUp = async () => {
    const delivered = held ? 'held' : await deliverOffer(deps, assignment);
    const fresh = (await deps.store.assignments.get(assignment.id))!;
    try {
      await leadThread(deps, fresh);
      if (delivered === 'failed' || delivered === 'gone') await returnUndelivered(deps, fresh);
      else if (over) await tellLead(deps, fresh, { kind: 'offered-over-budget' });
    } catch (err) {
      deps.log.warn({ err, assignmentId: assignment.id }, 'could not open the lead thread');
    }
  };
  if (opts.deferFollowUps) return ok({ kind: 'offered', assignment, band: cap.band, overBudget: over, held, assigneeZone: to.tz, followUps: [tell] });
  await tell();
  return ok({
    kind: 'offered', assignment: (await deps.store.assignments.get(assignment.id))!, band: cap.band, overBudget: over, held,
    assigneeZone: to.tz, followUps: [],
  });
}

// ── The assignee's answers ────────────────────────────────────────────────────────────────────

export type StepResult = { changed: boolean; assignment: Assignment };

/**
 * Assignment ids are sequential and a click's value can be forged, so a refusal names no one and
 * reads the same whether the id exists or not: it must not tell anyone who was given what.
 */
const NOT_YOURS = 'Only the person this conversation was offered to can accept, decline or finish it.';
const NOT_YOUR_LEAD = 'Only the lead who assigned this conversation can hand it to someone else.';

async function ownAssignment(deps: Deps, actorId: string, id: number): Promise<Outcome<Assignment>> {
  const a = await deps.store.assignments.get(id);
  if (!a || a.assigneeId !== actorId) return fail('not_yours', NOT_YOURS);
  return ok(a);
}

/** Move from whichever of `from` the assignment is in; false if it was in none (someone got there first). */
async function moveFrom(
  deps: Deps, id: number, from: readonly AssignmentState[], to: AssignmentState,
  extra: { declineReason?: string; doneMinutes?: number; entryId?: number } = {},
): Promise<boolean> {
  for (const state of from) {
    if (await deps.store.assignments.transition(id, state, to, deps.clock.now(), extra)) return true;
  }
  return false;
}

/** A click that arrived after the state moved on (a double click, a redelivery): redraw, change nothing. */
async function unchanged(deps: Deps, a: Assignment): Promise<Outcome<StepResult>> {
  await refreshAssigneeMessage(deps, a);
  return ok({ changed: false, assignment: a });
}

export type AcceptResult = StepResult | { changed: false; assignment: Assignment; confirm: true };

export async function acceptAssignment(
  deps: Deps, actorId: string, id: number, opts: { force?: boolean } = {},
): Promise<Outcome<AcceptResult>> {
  const own = await ownAssignment(deps, actorId, id);
  if (!own.ok) return own;
  const a = own.value;
  if (a.state !== 'offered') return unchanged(deps, a);
  const assignee = (await deps.store.people.get(actorId))!;
  const cap = await capacityOf(deps, assignee);
  // Its own estimate is already counted as open; what matters is whether the week then goes past budget.
  const over = cap.capacity < 0;
  if (over && !opts.force) {
    await sendOnce(deps, { job: 'assign-accept-warn', subject: String(a.id), period: 'once' }, () => tellLead(deps, a, { kind: 'accept-warned' }));
    return ok({ changed: false, assignment: a, confirm: true });
  }
  if (!(await moveFrom(deps, id, ['offered'], 'accepted'))) return unchanged(deps, (await deps.store.assignments.get(id))!);
  const fresh = (await deps.store.assignments.get(id))!;
  deps.log.info({ assignmentId: id, assigneeId: actorId, overBudget: over }, 'assignment accepted');
  await refreshAssigneeMessage(deps, fresh);
  await tellLeadQuietly(deps, fresh, { kind: 'accepted', overBudget: over });
  return ok({ changed: true, assignment: fresh });
}

/** Decline clicked: ask why, in place. Nothing changes state until a reason is picked. */
export async function askWhyDeclining(deps: Deps, actorId: string, id: number, back = false): Promise<Outcome<StepResult>> {
  const own = await ownAssignment(deps, actorId, id);
  if (!own.ok) return own;
  await refreshAssigneeMessage(deps, own.value, { askingWhy: !back && isOpen(own.value) });
  return ok({ changed: false, assignment: own.value });
}

async function nextBest(deps: Deps, a: Assignment): Promise<NextBest | null> {
  const lead = await deps.store.people.get(a.leadId);
  if (!lead) return null;
  const tried = await deps.store.assignments.assigneesOfLink(a.leadId, a.link);
  const [next] = await suggestAdvocates(deps, lead, { exclude: tried, limit: 1 });
  return next ? { id: next.person.id, band: next.band, lighterWeek: next.lighterWeek } : null;
}

export async function declineAssignment(deps: Deps, actorId: string, id: number, reason: DeclineReason): Promise<Outcome<StepResult>> {
  const own = await ownAssignment(deps, actorId, id);
  if (!own.ok) return own;
  if (!(await moveFrom(deps, id, OPEN_STATES, 'declined', { declineReason: reason }))) {
    return unchanged(deps, (await deps.store.assignments.get(id))!);
  }
  const fresh = (await deps.store.assignments.get(id))!;
  deps.log.info({ assignmentId: id, assigneeId: actorId, reason }, 'assignment declined');
  await refreshAssigneeMessage(deps, fresh);
  await tellLeadQuietly(deps, fresh, { kind: 'declined', reason, next: await nextBest(deps, fresh) });
  return ok({ changed: true, assignment: fresh });
}

/** Before the Done modal opens: only the assignee, only while it can still be finished. */
export async function canComplete(deps: Deps, actorId: string, id: number): Promise<Outcome<Assignment>> {
  const own = await ownAssignment(deps, actorId, id);
  if (!own.ok) return own;
  const a = own.value;
  if (a.state === 'done') return fail('already_done', 'You already marked this one done; its time is in your week.');
  if (a.state === 'declined') return fail('declined', 'You declined this one, so there is nothing to finish.');
  return ok(a);
}

export async function completeAssignment(
  deps: Deps, actorId: string, id: number, minutes: number, opts: { deferFollowUps?: boolean } = {},
): Promise<Outcome<StepResult & { logged: Logged | null; followUps: FollowUp[] }>> {
  const can = await canComplete(deps, actorId, id);
  if (!can.ok) {
    if (can.error.code === 'already_done') {
      return ok({ changed: false, assignment: (await deps.store.assignments.get(id))!, logged: null, followUps: [] });
    }
    return can;
  }
  const a = can.value;
  const person = await ensurePerson(deps, actorId);
  if (!person.ok) return person;
  // The dedupe key makes a redelivered submission find the entry the first one logged.
  const entry = entryToLog(deps, person.value, {
    minutes, kind: 'respond', link: a.link, source: 'assignment', assignmentId: a.id, dedupeKey: `assignment:${a.id}`,
  });
  if (!entry.ok) return entry;
  // Logging the time and moving to done are one store transaction: a double click or a redelivery
  // racing this one finds the assignment done and the entry logged, and changes nothing.
  const done = await deps.store.assignments.completeWithEntry(id, [...OPEN_STATES, 'expired'], entry.value, deps.clock.now());
  if (!done.entry) return ok({ changed: false, assignment: done.assignment, logged: null, followUps: [] });
  const logged = await afterStored(deps, person.value, { entry: done.entry, created: done.created }, { deferFollowUps: true });
  const fresh = done.assignment;
  // A warning is owed only by the submission whose entry this is (created); a resubmission finds it.
  const followUps: FollowUp[] = [...logged.followUps];
  if (done.moved) {
    deps.log.info({ assignmentId: id, assigneeId: actorId, entryId: done.entry.id }, 'assignment done');
    followUps.push(() => refreshAssigneeMessage(deps, fresh), () => tellLeadQuietly(deps, fresh, { kind: 'done' }));
  }
  const result = { changed: done.moved, assignment: fresh, logged };
  if (opts.deferFollowUps) return ok({ ...result, followUps });
  for (const run of followUps) await run();
  return ok({ ...result, followUps: [] });
}

// ── Handing back and reassigning ──────────────────────────────────────────────────────────────

/** Slack would not deliver the offer (the person is gone, or Slack kept failing): back to the lead at once. */
export async function returnUndelivered(deps: Deps, a: Assignment): Promise<void> {
  if (!(await deps.store.assignments.transition(a.id, 'offered', 'declined', deps.clock.now(), { declineReason: 'unreachable' }))) return;
  const back = (await deps.store.assignments.get(a.id))!;
  deps.log.warn({ assignmentId: a.id, assigneeId: a.assigneeId }, 'offer could not be delivered; handed back');
  await tellLeadQuietly(deps, back, { kind: 'declined', reason: 'unreachable', next: await nextBest(deps, back) });
}

/** Someone paused: whatever is offered to them and not yet accepted goes back to its lead. Returns how many. */
export async function handBackOffered(deps: Deps, personId: string): Promise<number> {
  let count = 0;
  for (const a of await deps.store.assignments.ofAssignee(personId)) {
    if (a.state !== 'offered') continue;
    if (!(await deps.store.assignments.transition(a.id, 'offered', 'declined', deps.clock.now(), { declineReason: 'paused' }))) continue;
    count += 1;
    const fresh = (await deps.store.assignments.get(a.id))!;
    await refreshAssigneeMessage(deps, fresh);
    await tellLeadQuietly(deps, fresh, { kind: 'declined', reason: 'paused', next: await nextBest(deps, fresh) });
  }
  if (count) deps.log.info({ personId, count }, 'offered assignments handed back on pause');
  return count;
}

/** The lead's "offer to next best" after a decline or expiry: the same conversation, a new offer. */
export async function reassignAssignment(
  deps: Deps, actor: Person, id: number, toId: string, opts: { force?: boolean } = {},
): Promise<Outcome<OfferResult>> {
  const a = await deps.store.assignments.get(id);
  if (!a || a.leadId !== actor.id) return fail('not_yours', NOT_YOUR_LEAD);
  if (isOpen(a) || a.state === 'done') return fail('still_open', `This one is ${a.state}, so there is nothing to reassign.`);
  const now = deps.clock.now();
  // A due time that has passed (or nearly) starts afresh with the default.
  const dueMs = a.dueAt > now + 60 * 60_000 ? a.dueAt : now + DEFAULT_DUE_MS;
  return offerAssignment(deps, actor, toId, { link: a.link, brief: a.brief, estimate: a.estimateMinutes, dueMs }, opts);
}

// ── Lists ─────────────────────────────────────────────────────────────────────────────────────

export async function assignmentsOf(deps: Deps, person: Person): Promise<{ mine: Assignment[]; assigned: Assignment[] | null }> {
  const mine = await deps.store.assignments.ofAssignee(person.id);
  const assigned = isLead(deps, person) ? await deps.store.assignments.ofLead(person.id) : null;
  return { mine, assigned };
}

export async function openAssignmentsOf(deps: Deps, person: Person): Promise<Assignment[]> {
  return (await deps.store.assignments.ofAssignee(person.id)).filter(isOpen);
}
