// The welcome: one DM at a person's first contact (first command, DM, App Home open or check-in
// answer), sent once under a claim like every scheduled send. People who already have entries (they
// used Ballast before the welcome existed) are recorded as welcomed without a message.
import type { Person } from '../core/model';
import type { OrgSettings } from '../core/settings';
import type { BudgetInfo } from '../core/week';
import type { ClaimKey } from './store';
import type { Deps, FollowUp, OutgoingMessage } from './ports';
import { alreadyClaimed, sendOnce, type SendOutcome } from './sendOnce';
import { dmDirect } from './directDm';
import { budgetOf } from './week';
import { rolesOf, type Roles } from './roles';

export const WELCOME_JOB = 'welcome';
export const WELCOME_PERIOD = 'once';

export const welcomeKey = (personId: string): ClaimKey => ({ job: WELCOME_JOB, subject: personId, period: WELCOME_PERIOD });

/** What the welcome says, read when it is sent. */
export interface WelcomeModel {
  person: Person;
  budget: BudgetInfo;
  settings: OrgSettings;
  roles: Roles;
}

export type RenderWelcome = (model: WelcomeModel) => OutgoingMessage;

/**
 * Decided before the trigger's own work (a first `/ballast log` adds an entry, which must not make the
 * newcomer look like an old hand), run after its reply: the welcome to send, the skip to record for
 * someone who has entries already, or null when the person was welcomed (or skipped) before. A
 * storage error here never holds up what the person asked for: it is logged, and the welcome waits
 * for the next contact.
 */
export async function welcomeFollowUp(deps: Deps, person: Person, render: RenderWelcome): Promise<FollowUp | null> {
  const key = welcomeKey(person.id);
  try {
    if (await alreadyClaimed(deps, key)) return null;
    if (await deps.store.entries.latestOf(person.id)) return () => recordMet(deps, person.id);
  } catch (err) {
    deps.log.warn({ err, userId: person.id }, 'could not check whether to welcome; trying at the next contact');
    return null;
  }
  return async () => void (await sendWelcome(deps, person, render));
}

/** Sends the welcome DM under its claim: at most once per person, whatever the replicas or retries. */
export async function sendWelcome(deps: Deps, person: Person, render: RenderWelcome): Promise<SendOutcome> {
  return sendOnce(deps, welcomeKey(person.id), async () => {
    const [budget, settings, roles] = await Promise.all([budgetOf(deps, person), deps.store.settings.get(), rolesOf(deps, person)]);
    return dmDirect(deps, person.id, render({ person, budget, settings, roles }));
  }, { personId: person.id });
}

/** Records someone as met without a message: an existing user who had entries before the welcome shipped. */
export async function recordMet(deps: Pick<Deps, 'store' | 'clock'>, personId: string, why = 'had entries before the welcome'): Promise<void> {
  const key = welcomeKey(personId);
  const now = deps.clock.now();
  if (await deps.store.claims.claim(key, now)) await deps.store.claims.finish(key, 'skipped', now, { detail: why });
}
