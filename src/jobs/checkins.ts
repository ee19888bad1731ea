// The daily check-in pass: who is due now in their own zone, skip rules, then one claimed DM each.
import type { Person } from '../core/model';
import { checkinTimeOf, commonSkip, dailySlot } from '../core/schedule';
import { checkinQuestion } from '../slack/blocks/checkin';
import { CHECKIN_JOB } from '../services/checkins';
import { alreadyClaimed, sendOnce } from '../services/sendOnce';
import { dmDirect } from '../services/directDm';
import { freshPerson, idle, inactive, runPass, skipped, verdictOf, type PassContext, type Verdict } from './pass';
import type { Job } from './types';

export async function checkinFor(ctx: PassContext, p: Person): Promise<Verdict> {
  const { deps, atMs, settings } = ctx;
  if (!p.checkinEnabled) return skipped('check-ins off');
  const time = checkinTimeOf(p, settings);
  const slot = dailySlot(atMs, p.tz, time, p.checkinDays, settings);
  if (!slot.due) {
    if (slot.why === 'not-a-day') return idle(`no check-in on ${slot.date}`);
    if (slot.why === 'not-yet') return idle(`check-in for ${slot.date} due at ${time} ${p.tz}`);
    return skipped(`check-in for ${slot.date} missed: outside sending hours (${settings.quietStart}-${settings.quietEnd} ${p.tz})`);
  }
  const key = { job: CHECKIN_JOB, subject: p.id, period: slot.date };
  const what = `check-in for ${slot.date}`;
  // Cheap early exit for every tick after the send; sendOnce's claim is what guarantees once.
  if (await alreadyClaimed(deps, key)) return skipped(`${what} already sent`);
  const person = await freshPerson(ctx, p);
  if (!person) return inactive(`${what} skipped: Slack says the account is gone; marked inactive`);
  const why = commonSkip(person, slot.date, atMs, ctx.holidays);
  if (why) return skipped(`${what} skipped: ${why}`);
  if (await deps.store.entries.hasEntryOn(person.id, slot.date)) return skipped(`${what} skipped: already logged that day`);
  const out = await sendOnce(deps, key, () => dmDirect(deps, person.id, checkinQuestion(slot.date)), {
    dryRun: ctx.dryRun, personId: person.id,
  });
  return verdictOf(out, what);
}

export const runCheckins: Job = async (deps, atMs, { dryRun }) =>
  runPass('checkins', deps, atMs, dryRun, await deps.store.people.listActive(), checkinFor);
