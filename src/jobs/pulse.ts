// The Friday strain pulse, at each person's check-in time; it carries the relationship-work nudge when due.
import type { Person } from '../core/model';
import { FRIDAY, checkinTimeOf, commonSkip, dailySlot } from '../core/schedule';
import { mixOf, needsMixNudge } from '../core/budget';
import { weekKey } from '../core/time';
import { pulseQuestion } from '../slack/blocks/pulse';
import { alreadyClaimed, sendOnce } from '../services/sendOnce';
import { dmDirect } from '../services/directDm';
import { loadWeek } from '../services/week';
import { freshPerson, idle, inactive, runPass, skipped, verdictOf, type PassContext, type Verdict } from './pass';
import type { Job } from './types';

export const PULSE_JOB = 'pulse';

export async function pulseFor(ctx: PassContext, p: Person): Promise<Verdict> {
  const { deps, atMs, settings } = ctx;
  const time = checkinTimeOf(p, settings);
  const slot = dailySlot(atMs, p.tz, time, FRIDAY, settings);
  if (!slot.due) {
    if (slot.why === 'missed') return skipped(`pulse for ${slot.date} missed: outside sending hours`);
    return idle(slot.why === 'not-a-day' ? 'pulse goes out on Fridays' : `pulse due at ${time} ${p.tz}`);
  }
  const key = { job: PULSE_JOB, subject: p.id, period: weekKey(slot.date) };
  const what = `pulse for ${key.period}`;
  if (await alreadyClaimed(deps, key)) return skipped(`${what} already sent`);
  const person = await freshPerson(ctx, p);
  if (!person) return inactive(`${what} skipped: Slack says the account is gone; marked inactive`);
  const why = commonSkip(person, slot.date, atMs, ctx.holidays);
  if (why) return skipped(`${what} skipped: ${why}`);
  const week = await loadWeek(deps, person, slot.date);
  const mix = mixOf(week.byKind);
  const nudge = person.nudgesEnabled && needsMixNudge(mix) ? mix : null;
  const out = await sendOnce(deps, key, () => dmDirect(deps, person.id, pulseQuestion(week.weekKey, nudge)), {
    dryRun: ctx.dryRun, personId: person.id,
  });
  return verdictOf(out, nudge ? `${what} with the relationship-work nudge` : what);
}

export const runPulse: Job = async (deps, atMs, { dryRun }) =>
  runPass('pulse', deps, atMs, dryRun, await deps.store.people.listActive(), pulseFor);
