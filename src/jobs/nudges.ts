// The inactivity nudge (14 days without an entry, at most one per 14 days), and crowding alerts that
// waited for a manager's sending hours.
import type { Person } from '../core/model';
import { INACTIVITY_DAYS, checkinTimeOf, commonSkip, dailySlot } from '../core/schedule';
import { claimStands } from '../core/claims';
import { daysBetween, localDate } from '../core/time';
import { inactivityNudge } from '../slack/blocks/nudges';
import { sendOnce } from '../services/sendOnce';
import { dmDirect } from '../services/directDm';
import { loadWeek } from '../services/week';
import { alertManager, pendingManagerAlerts } from '../services/warnings';
import { freshPerson, idle, inactive, runPass, skipped, verdictOf, type PassContext, type Verdict } from './pass';
import type { Job } from './types';

export const INACTIVITY_JOB = 'nudge-inactive';
const DAY_MS = 86_400_000;

export async function inactivityFor(ctx: PassContext, p: Person): Promise<Verdict> {
  const { deps, atMs, settings } = ctx;
  if (!p.nudgesEnabled) return skipped('nudges off');
  const time = checkinTimeOf(p, settings);
  const slot = dailySlot(atMs, p.tz, time, p.checkinDays.length ? p.checkinDays : [1, 2, 3, 4, 5], settings);
  if (!slot.due) return idle('no nudge due now');
  const last = await deps.store.entries.lastDateOf(p.id);
  const since = last ?? localDate(p.createdAt, p.tz);
  const quiet = daysBetween(since, slot.date);
  if (quiet < INACTIVITY_DAYS) return idle(`active ${quiet} day(s) ago`);
  const previous = await deps.store.claims.latest(INACTIVITY_JOB, p.id);
  // Today's own claim, left by a replica that died and past its lease, is tried again (sendOnce takes
  // it over); an earlier day's counts as sent: that day is over, and the nudge may have gone out.
  const retake = previous?.period === slot.date && !claimStands(previous, deps.clock.now());
  if (previous && !retake && atMs - previous.claimedAt < INACTIVITY_DAYS * DAY_MS) return skipped('inactivity nudge sent within 14 days');
  const person = await freshPerson(ctx, p);
  if (!person) return inactive('inactivity nudge skipped: Slack says the account is gone; marked inactive');
  const why = commonSkip(person, slot.date, atMs, ctx.holidays);
  if (why) return skipped(`inactivity nudge skipped: ${why}`);
  const out = await sendOnce(
    deps, { job: INACTIVITY_JOB, subject: person.id, period: slot.date },
    () => dmDirect(deps, person.id, inactivityNudge(last ? quiet : null)), { dryRun: ctx.dryRun, personId: person.id },
  );
  return verdictOf(out, `inactivity nudge (${last ? `${quiet} days quiet` : 'never logged'})`);
}

export const runNudges: Job = async (deps, atMs, opts) => {
  const report = await runPass('nudges', deps, atMs, opts.dryRun, await deps.store.people.listActive(), inactivityFor);
  for (const { person, weekKey } of await pendingManagerAlerts(deps, atMs)) {
    const line = `${person.managerId}  crowding alert about ${person.id} for ${weekKey}`;
    if (opts.dryRun) {
      report.lines.push(`${line}: would send when inside their sending hours`);
      continue;
    }
    const out = await alertManager(deps, person, await loadWeek(deps, person), atMs);
    if (out?.status === 'sent') report.sent += 1;
    if (out?.status === 'failed') report.failed += 1;
    if (out?.status === 'gone') report.inactive.push(person.managerId!);
    report.lines.push(`${line}: ${out ? out.status : 'waiting for their sending hours'}`);
  }
  return report;
};
