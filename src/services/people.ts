// Knowing who someone is: recorded from Slack's users.info the first time, refreshed at most daily.
import type { Person } from '../core/model';
import { fail, ok, type Outcome } from './result';
import { GONE_CODES, SlackError, type Deps } from './ports';

export const REFRESH_AFTER_MS = 24 * 60 * 60 * 1000;

export async function ensurePerson(deps: Deps, userId: string): Promise<Outcome<Person>> {
  const now = deps.clock.now();
  const known = await deps.store.people.get(userId);
  let person = known;
  if (!known || now - known.refreshedAt >= REFRESH_AFTER_MS) {
    // Only Slack's answer is caught here: a storage error while recording it is not Slack's fault
    // and goes to the edge, which tells the person the database is busy.
    let profile: Awaited<ReturnType<Deps['slack']['userInfo']>> | undefined;
    try {
      profile = await deps.slack.userInfo(userId);
    } catch (e) {
      const code = e instanceof SlackError ? e.code : 'unexpected';
      if (known && !(e instanceof SlackError && GONE_CODES.has(code))) {
        // Slack is having a moment; yesterday's profile is good enough.
        deps.log.warn({ userId, code }, 'users.info failed; using the stored profile');
      } else if (e instanceof SlackError && GONE_CODES.has(code)) {
        if (known) await deps.store.people.markInactive(userId);
        return fail('unknown_user', "Slack doesn't know this account, so Ballast can't record anything for it.");
      } else {
        deps.log.error({ userId, err: e }, 'users.info failed for a new person');
        return fail('slack_unavailable', "Ballast couldn't reach Slack to look you up. Please try again in a minute.");
      }
    }
    if (profile) {
      try {
        person = await deps.store.people.upsertProfile(profile, now);
      } catch (e) {
        // A known person can be served from yesterday's record (reading works while writing may not).
        if (!known) throw e;
        deps.log.warn({ userId, err: e }, 'could not record the refreshed profile; using the stored one');
      }
    }
  }
  if (!person) return fail('unknown_user', 'Ballast could not find your Slack account.');
  if (person.isBot) return fail('bot', 'Ballast is for people; bots and apps cannot log time.');
  if (person.deleted) return fail('deleted', 'This Slack account is deactivated, so Ballast cannot record anything for it.');
  return ok(person);
}

export function isAdmin(deps: Pick<Deps, 'config'>, person: Person): boolean {
  return person.role === 'admin' || deps.config.admins.includes(person.id);
}

export function isLead(deps: Pick<Deps, 'config'>, person: Person): boolean {
  return person.role === 'lead' || isAdmin(deps, person);
}
